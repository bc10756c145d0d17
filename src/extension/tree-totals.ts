// Workspace totals of the dependency-tree analyses for the language status. No vscode import.

/** The result of one file's latest tree analysis that the totals use. */
export interface TreeSummary {
  /** The lockfile's path as shown to the user, or undefined when the tree came from node_modules alone or was not found. */
  lockfilePath: string | undefined;
  lockfileError: string | undefined;
  nativePackageCount: number;
}

/** Totals over the distinct lockfiles of every checked package.json. */
export interface TreeTotals {
  /** Lockfiles read. */
  lockfiles: number;
  nativePackages: number;
  /** Lockfiles that could not be read, with the reason. */
  unreadable: { path: string; error: string }[];
}

/**
 * Adds up the summaries per lockfile, because the files of one monorepo share a lockfile and each of their reports
 * counts all its native packages. For a lockfile seen more than once, the last summary counts.
 */
export function totalTreeSummaries(summaries: Iterable<TreeSummary>): TreeTotals {
  const byLockfile = new Map<string, TreeSummary>();
  for (const summary of summaries) {
    if (summary.lockfilePath !== undefined) byLockfile.set(summary.lockfilePath, summary);
  }

  const totals: TreeTotals = { lockfiles: 0, nativePackages: 0, unreadable: [] };
  for (const [path, summary] of byLockfile) {
    if (summary.lockfileError !== undefined) {
      totals.unreadable.push({ path, error: summary.lockfileError });
      continue;
    }
    totals.lockfiles++;
    totals.nativePackages += summary.nativePackageCount;
  }
  return totals;
}
