// A language status item on package.json documents with the problem counts of the file and of the
// workspace, the native packages found in the workspace's lockfiles, and the lockfiles that could not be read.
// It links to the output channel, where each scan and each lockfile problem is logged.

import * as vscode from 'vscode';
import { COMMANDS } from './commands';
import type { CompatContext } from './context';
import type { ManifestDiagnostics } from './diagnostics';
import { MANIFEST_SELECTOR } from './manifest-files';

export function registerLanguageStatus(context: CompatContext): void {
  const item = context.track(vscode.languages.createLanguageStatusItem('webcontainerCompat.status', MANIFEST_SELECTOR));
  item.name = vscode.l10n.t('WebContainer Compatibility');
  item.command = { command: COMMANDS.showOutput, title: vscode.l10n.t('Show Log') };

  const update = () => updateStatus(item, context.diagnostics);
  update();
  context.track(context.diagnostics.onDidChange(update));
  context.track(vscode.window.onDidChangeActiveTextEditor(update));
}

function updateStatus(item: vscode.LanguageStatusItem, diagnostics: ManifestDiagnostics): void {
  const document = vscode.window.activeTextEditor?.document;
  const file = document ? diagnostics.counts(document.uri) : { errors: 0, warnings: 0, others: 0 };
  const fileTotal = file.errors + file.warnings + file.others;
  const workspace = diagnostics.totalCounts();
  const workspaceTotal = workspace.errors + workspace.warnings + workspace.others;

  item.text = fileTotal === 0 ? vscode.l10n.t('WebContainer: no problems') : vscode.l10n.t('WebContainer: {0} problems', fileTotal);
  item.detail = [vscode.l10n.t('{0} in the workspace', workspaceTotal), ...treeDetails(diagnostics)].join(' · ');

  if (file.errors > 0) item.severity = vscode.LanguageStatusSeverity.Error;
  else if (file.warnings > 0) item.severity = vscode.LanguageStatusSeverity.Warning;
  else item.severity = vscode.LanguageStatusSeverity.Information;
}

/**
 * Returns the native packages counted in the workspace's lockfiles and each lockfile that could not be read. The
 * status hover shows the detail on one line and cuts it at the window's edge, so the reasons stay in the log.
 */
function treeDetails(diagnostics: ManifestDiagnostics): string[] {
  const totals = diagnostics.treeTotals();
  const details: string[] = [];

  if (totals.lockfiles > 0) details.push(vscode.l10n.t('{0} native packages in lockfiles', totals.nativePackages));
  for (const { path } of totals.unreadable) details.push(vscode.l10n.t('{0} unreadable', path));
  return details;
}
