// Runs the dependency-tree analysis for package.json files on disk, through the report cache and the worker
// thread, and logs each run. Per file it keeps what the language status shows: the governing lockfile, its native
// package count and whether it could be read.

import * as vscode from 'vscode';
import type { DependencyTreeOptions } from '../core/dependency-tree';
import type { BackgroundAnalysis } from './background-analysis';
import { errorText } from './output-channel';
import type { FolderSettings } from './settings';
import { statOnDisk } from './tree-inputs';
import { TreeReportCache, type TreeCheck } from './tree-report-cache';
import { totalTreeSummaries, type TreeSummary, type TreeTotals } from './tree-totals';

export class DependencyTreeChecks {
  private readonly cache: TreeReportCache;
  private readonly summaries = new Map<string, TreeSummary>();
  /** Lockfile errors already logged, so that each one appears once however often the files it governs are checked. */
  private readonly loggedProblems = new Set<string>();

  constructor(
    background: BackgroundAnalysis,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.cache = new TreeReportCache((path, text, options) => background.inspectTree(path, text, options), statOnDisk);
  }

  /**
   * Returns the tree report for `text` as the contents of `uri`, or undefined for files that are not on disk (virtual
   * workspaces, untitled documents) and when the analysis failed, which is logged.
   */
  async inspect(uri: vscode.Uri, text: string, settings: FolderSettings): Promise<TreeCheck | undefined> {
    if (uri.scheme !== 'file') return undefined;

    const options: DependencyTreeOptions = {
      ignorePackages: settings.analyzeOptions.ignorePackages,
      extraNativePackages: settings.analyzeOptions.extraNativePackages,
    };

    let check: TreeCheck;
    try {
      check = await this.cache.inspect(uri.fsPath, text, options);
    } catch (error) {
      this.log.error(`Checking the dependency tree of ${vscode.workspace.asRelativePath(uri)} failed: ${errorText(error)}`);
      return undefined;
    }

    this.record(uri, check);
    return check;
  }

  /** Forgets a file that is deleted or no longer checked. */
  forget(uri: vscode.Uri): void {
    this.summaries.delete(uri.toString());
    if (uri.scheme === 'file') this.cache.delete(uri.fsPath);
  }

  totals(): TreeTotals {
    return totalTreeSummaries(this.summaries.values());
  }

  private record(uri: vscode.Uri, check: TreeCheck): void {
    const { report } = check;
    const file = vscode.workspace.asRelativePath(uri);
    const lockfile = report.lockfile ? vscode.workspace.asRelativePath(vscode.Uri.file(report.lockfile.path)) : undefined;

    // Deleting first moves the file to the end of the map's order, where totalTreeSummaries takes the latest summary.
    this.summaries.delete(uri.toString());
    this.summaries.set(uri.toString(), {
      lockfilePath: lockfile,
      lockfileError: report.lockfile?.error,
      nativePackageCount: report.nativePackageCount,
    });

    const source = lockfile ?? (report.nodeModules ? 'node_modules' : 'no lockfile or node_modules');
    const line = `Dependency tree of ${file}: ${source}, ${report.packageCount} packages, ${report.nativePackageCount} native, ${Math.round(check.milliseconds)} ms`;
    if (check.cached) this.log.trace(`${line} (cached).`);
    else this.log.debug(`${line}.`);

    if (report.lockfile?.error !== undefined) {
      this.logOnce(`${report.lockfile.path}\n${report.lockfile.error}`, `The lockfile ${lockfile} could not be read, so native packages below the direct dependencies of the package.json files it governs are not reported: ${report.lockfile.error}`);
    }
    if (report.error !== undefined) this.logOnce(`${uri.toString()}\n${report.error}`, `${file}: ${report.error}`);
  }

  private logOnce(key: string, message: string): void {
    if (this.loggedProblems.has(key)) return;
    this.loggedProblems.add(key);
    this.log.warn(message);
  }
}
