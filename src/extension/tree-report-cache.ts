// Caches the dependency-tree report of each package.json, so that typing in package.json does not read and parse
// the lockfile again. A cached report is reused while three things are unchanged: the stamp of the input files
// (tree-inputs.ts), the settings that shape the analysis, and the manifest slices it reads (tree-manifest-slices.ts).
// Edits elsewhere in the file only move its findings. No vscode import.

import type { DependencyTreeOptions, DependencyTreeReport } from '../core/dependency-tree';
import { readTreeInputs, type StatFile } from './tree-inputs';
import { moveFindings, sliceSignature, treeManifestSlices, type ManifestSlice } from './tree-manifest-slices';

/** Runs the analysis itself, such as in the worker thread, and returns its report and duration. */
export type InspectTree = (manifestPath: string, text: string, options: DependencyTreeOptions) => Promise<TimedTreeReport>;

export interface TimedTreeReport {
  report: DependencyTreeReport;
  milliseconds: number;
}

/** A report for one text of a package.json, with the slices it was computed or moved for. */
export interface TreeCheck extends TimedTreeReport {
  slices: ManifestSlice[];
  /** True when the report came from the cache; `milliseconds` is then that of the analysis that computed it. */
  cached: boolean;
}

interface Entry {
  stamp: string;
  optionsKey: string;
  signature: string;
  check: TreeCheck;
}

export class TreeReportCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly inspectTree: InspectTree,
    private readonly stat: StatFile,
  ) {}

  /** Returns the report for `text` as the contents of `manifestPath`, from the cache when its inputs are unchanged. Rejects when `inspectTree` rejects. */
  async inspect(manifestPath: string, text: string, options: DependencyTreeOptions): Promise<TreeCheck> {
    const slices = treeManifestSlices(text);
    const signature = sliceSignature(slices);
    const optionsKey = JSON.stringify(options);
    const { stamp, found } = await readTreeInputs(manifestPath, this.stat);

    // Without a lockfile or node_modules the analysis finds nothing, and skipping it leaves the worker thread unstarted.
    if (!found) {
      this.entries.delete(manifestPath);
      return { report: { findings: [], packageCount: 0, nativePackageCount: 0 }, milliseconds: 0, slices, cached: false };
    }

    const entry = this.entries.get(manifestPath);
    if (entry && entry.stamp === stamp && entry.optionsKey === optionsKey && entry.signature === signature) {
      const findings = moveFindings(entry.check.report.findings, entry.check.slices, slices, text);
      if (findings) return { ...entry.check, report: { ...entry.check.report, findings }, slices, cached: true };
    }

    const timed = await this.inspectTree(manifestPath, text, options);
    const check: TreeCheck = { ...timed, slices, cached: false };
    this.entries.set(manifestPath, { stamp, optionsKey, signature, check });
    return check;
  }

  /** Forgets a file, such as one deleted or no longer checked. */
  delete(manifestPath: string): void {
    this.entries.delete(manifestPath);
  }
}
