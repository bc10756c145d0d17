// Publishes the findings of every checked package.json as diagnostics (source `webcontainer`): those of the
// manifest analysis and, for files on disk, those of the dependency-tree analysis. Keeps the latest findings per
// file for quick fixes, hovers and the status item.

import * as vscode from 'vscode';
import { analyzeManifest } from './lazy-analyzer';
import type { Finding } from '../core/findings';
import { BACKGROUND_ANALYSIS_MIN_LENGTH, BackgroundAnalysis } from './background-analysis';
import { DependencyTreeChecks } from './dependency-tree-checks';
import { toDiagnosticDataList, type DiagnosticData, type DiagnosticLevel, type ZeroBasedRange } from './diagnostic-data';
import { mergeFindings } from './merge-findings';
import { errorText } from './output-channel';
import type { FolderSettings, SettingsCache } from './settings';
import type { TreeCheck } from './tree-report-cache';
import { moveFindings, treeManifestSlices } from './tree-manifest-slices';
import type { TreeTotals } from './tree-totals';

export const DIAGNOSTIC_SOURCE = 'webcontainer';

/** The result of checking one version of a file: `version` is the document version, undefined for text read from disk. */
export interface ManifestCheck {
  version: number | undefined;
  findings: Finding[];
  data: DiagnosticData[];
  /** The dependency-tree report merged into `findings`; undefined for files not on disk or when that analysis failed. */
  tree?: TreeCheck;
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  others: number;
}

const SEVERITIES: Record<DiagnosticLevel, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export class ManifestDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly checks = new Map<string, ManifestCheck>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly background = new BackgroundAnalysis();
  private readonly trees: DependencyTreeChecks;
  /** Per file, the number of the latest check started, so that a check overtaken by a later one is dropped. */
  private readonly latestRequest = new Map<string, number>();

  /** Fires after diagnostics of any file were set or removed. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private readonly settings: SettingsCache,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.trees = new DependencyTreeChecks(this.background, log);
  }

  /**
   * Checks `text` as the contents of `uri` and publishes the result. Small texts are checked on this thread;
   * texts of BACKGROUND_ANALYSIS_MIN_LENGTH or more, and the dependency tree of files on disk, in a worker thread.
   * Resolves to undefined without publishing when the result is outdated. That is the case for disk contents
   * of a file open in an editor, for a document version older than the one published or open, and for a
   * check that a later check of the same file has overtaken. Resolves to undefined and removes the file's
   * diagnostics when settings turn checking off for it or the check fails.
   */
  async check(uri: vscode.Uri, text: string, version?: number): Promise<ManifestCheck | undefined> {
    if (this.isOutdated(uri, version)) return undefined;

    if (!this.settings.isChecked(uri)) {
      this.delete(uri);
      return undefined;
    }

    const key = uri.toString();
    const sequence = (this.latestRequest.get(key) ?? 0) + 1;
    this.latestRequest.set(key, sequence);

    const settings = this.settings.forResource(uri);
    const tree = this.trees.inspect(uri, text, settings);
    const findings = text.length < BACKGROUND_ANALYSIS_MIN_LENGTH ? this.analyze(uri, text, settings) : await this.analyzeInBackground(uri, text, settings);
    const treeCheck = await tree;
    if (this.latestRequest.get(key) !== sequence || this.isOutdated(uri, version)) return undefined;

    if (!findings) {
      this.delete(uri);
      return undefined;
    }

    const check = toCheck(version, findings, treeCheck, settings);

    this.checks.set(key, check);
    this.collection.set(uri, check.data.map((data) => toDiagnostic(uri, data)));
    this.changeEmitter.fire();
    return check;
  }

  /**
   * Returns the check of a document's current text: the published one when it is for this version, otherwise
   * a fresh check that is not published. Providers call this, and publishing from inside a provider call
   * changes the markers the editor is querying, which cancels its code action request.
   * NOTE: for a text checked in the background, an unpublished version gets the last published check, whose
   * ranges may lag behind the latest edit until the pending check is published.
   */
  checkOf(document: vscode.TextDocument): ManifestCheck | undefined {
    const stored = this.checks.get(document.uri.toString());
    if (stored && stored.version === document.version) return stored;
    if (!this.settings.isChecked(document.uri)) return undefined;

    const text = document.getText();
    if (text.length >= BACKGROUND_ANALYSIS_MIN_LENGTH) return stored;

    const settings = this.settings.forResource(document.uri);
    const findings = this.analyze(document.uri, text, settings);
    if (!findings) return undefined;

    // The tree findings of the published check, moved to this text, or none when edits touched what the tree analysis reads.
    let tree = stored?.tree;
    if (tree) {
      const slices = treeManifestSlices(text);
      const moved = moveFindings(tree.report.findings, tree.slices, slices, text);
      tree = moved ? { ...tree, report: { ...tree.report, findings: moved }, slices } : undefined;
    }
    return toCheck(document.version, findings, tree, settings);
  }

  delete(uri: vscode.Uri): void {
    this.trees.forget(uri);
    if (!this.checks.delete(uri.toString())) return;
    this.collection.delete(uri);
    this.changeEmitter.fire();
  }

  /** Returns the files whose latest check is published. */
  checkedUris(): vscode.Uri[] {
    return [...this.checks.keys()].map((key) => vscode.Uri.parse(key));
  }

  /** Removes the diagnostics of every file for which `predicate` returns true. */
  deleteWhere(predicate: (uri: vscode.Uri) => boolean): void {
    for (const key of [...this.checks.keys()]) {
      const uri = vscode.Uri.parse(key);
      if (predicate(uri)) this.delete(uri);
    }
  }

  counts(uri: vscode.Uri): ProblemCounts {
    return countProblems(this.checks.get(uri.toString())?.data ?? []);
  }

  totalCounts(): ProblemCounts {
    const total: ProblemCounts = { errors: 0, warnings: 0, others: 0 };
    for (const check of this.checks.values()) {
      const counts = countProblems(check.data);
      total.errors += counts.errors;
      total.warnings += counts.warnings;
      total.others += counts.others;
    }
    return total;
  }

  /** Totals of the dependency-tree analyses over the distinct lockfiles of the checked files. */
  treeTotals(): TreeTotals {
    return this.trees.totals();
  }

  dispose(): void {
    this.background.dispose();
    this.collection.dispose();
    this.changeEmitter.dispose();
  }

  private async analyzeInBackground(uri: vscode.Uri, text: string, settings: FolderSettings): Promise<Finding[] | undefined> {
    this.log.info(`Checking ${vscode.workspace.asRelativePath(uri)} (${text.length} characters) in a worker thread.`);
    try {
      return await this.background.analyze(text, settings.analyzeOptions);
    } catch (error) {
      this.log.error(`Checking ${vscode.workspace.asRelativePath(uri)} in the background failed: ${errorText(error)}`);
      return undefined;
    }
  }

  private analyze(uri: vscode.Uri, text: string, settings: FolderSettings): Finding[] | undefined {
    try {
      return analyzeManifest(text, settings.analyzeOptions);
    } catch (error) {
      this.log.error(`Checking ${vscode.workspace.asRelativePath(uri)} failed: ${errorText(error)}`);
      return undefined;
    }
  }

  private isOutdated(uri: vscode.Uri, version: number | undefined): boolean {
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);

    if (version === undefined) return open !== undefined;
    if (open && open.version > version) return true;

    const stored = this.checks.get(key)?.version;
    return stored !== undefined && stored > version;
  }
}

function toCheck(version: number | undefined, manifestFindings: Finding[], tree: TreeCheck | undefined, settings: FolderSettings): ManifestCheck {
  const findings = mergeFindings(manifestFindings, tree?.report.findings ?? []);
  return { version, findings, data: toDiagnosticDataList(findings, settings.severity), tree };
}

/** Finds the stored data behind a diagnostic that VS Code passes back, by rule, range and message. */
export function findDiagnosticData(check: ManifestCheck, diagnostic: vscode.Diagnostic): DiagnosticData | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const rule = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;

  return check.data.find(
    (data) => data.rule === rule && data.message === diagnostic.message && toRange(data.range).isEqual(diagnostic.range),
  );
}

export function toRange(range: ZeroBasedRange): vscode.Range {
  return new vscode.Range(range.startLine, range.startCharacter, range.endLine, range.endCharacter);
}

function toDiagnostic(uri: vscode.Uri, data: DiagnosticData): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(data.range), data.message, SEVERITIES[data.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: data.rule, target: vscode.Uri.parse(data.docsUrl) };

  if (data.related.length > 0) {
    diagnostic.relatedInformation = data.related.map(
      (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(related.range)), related.message),
    );
  }
  return diagnostic;
}

function countProblems(list: readonly DiagnosticData[]): ProblemCounts {
  const counts: ProblemCounts = { errors: 0, warnings: 0, others: 0 };
  for (const data of list) {
    if (data.severity === 'error') counts.errors++;
    else if (data.severity === 'warning') counts.warnings++;
    else counts.others++;
  }
  return counts;
}
