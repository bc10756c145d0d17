// analyzeLockfile: the verdict for every package one lockfile records, from its text alone.

import type { NativePackageInfo } from '../native-packages';
import { classifyPackage, makeNativePackageLookup, type NativeVerdict } from './classify-package';
import type { DependencyGraph, LockfileFormat } from './dependency-graph';
import { EdgeIndex } from './graph-edges';
import { computeReachFlags, type ReachFlags } from './reach-flags';
import { readLockfile } from './read-lockfile';

export interface LockfilePackageVerdict {
  name: string;
  version: string;
  /** The lockfile's own key for the package: an install path, `/name@version(peers)`, a resolution, and so on. */
  key: string;
  verdict: NativeVerdict;
  evidence: string[];
  /** `possible` when the only signal is an install-script flag whose command the lockfile does not show. */
  certainty: 'confirmed' | 'possible';
  /** False when the package's os/cpu exclude linux-x64, so npm never installs it in a WebContainer. */
  installsInWebContainer: boolean;
  reachedThrough: ReachFlags;
}

export type LockfileAnalysis =
  | { ok: true; format: LockfileFormat; lockfileVersion: string; packages: LockfilePackageVerdict[] }
  | { ok: false; error: string };

export interface AnalyzeLockfileOptions {
  /** Table entries that take precedence over the core's native-package table. */
  extraNativePackages?: Record<string, NativePackageInfo>;
}

/**
 * Classifies every package in a lockfile. `fileName` selects the format (package-lock.json, npm-shrinkwrap.json,
 * pnpm-lock.yaml, yarn.lock, bun.lock; a path ending in one of them works too). Never throws: unusable input gives
 * `{ ok: false, error }`.
 */
export function analyzeLockfile(text: string, fileName: string, options: AnalyzeLockfileOptions = {}): LockfileAnalysis {
  const read = readLockfile(text, fileName);
  if (!read.ok) return read;

  try {
    return { ok: true, format: read.graph.format, lockfileVersion: read.graph.lockfileVersion, packages: verdictsOf(read.graph, options) };
  } catch (error) {
    // The readers validate what they use; this keeps a data shape they did not foresee from escaping as an exception.
    return { ok: false, error: `${fileName} could not be analysed: ${(error as Error).message}` };
  }
}

/** Verdicts for every package of a graph, in the graph's order; pnpm's stand-ins for workspace folders are left out. */
export function verdictsOf(graph: DependencyGraph, options: AnalyzeLockfileOptions = {}): LockfilePackageVerdict[] {
  const lookup = makeNativePackageLookup(options.extraNativePackages);
  const edges = new EdgeIndex(graph);
  const recordsFlags = graph.format === 'package-lock' || graph.format === 'npm-shrinkwrap' || [...graph.packages.values()].every((pkg) => pkg.importerPath !== undefined || pkg.lockfileFlags);
  const computedFlags = recordsFlags ? undefined : computeReachFlags(graph, edges);

  const verdicts: LockfilePackageVerdict[] = [];
  for (const pkg of graph.packages.values()) {
    if (pkg.importerPath !== undefined) continue;

    const classification = classifyPackage(pkg, graph, lookup);
    verdicts.push({
      name: pkg.name,
      version: pkg.version,
      key: pkg.key,
      verdict: classification.verdict,
      evidence: classification.evidence.length > 0 ? [...classification.evidence] : [],
      certainty: classification.certainty,
      installsInWebContainer: classification.installsInWebContainer,
      reachedThrough: (recordsFlags ? pkg.lockfileFlags : computedFlags?.get(pkg)) ?? { dev: null, optional: false },
    });
  }
  return verdicts;
}
