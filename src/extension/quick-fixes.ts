// Quick fixes on webcontainer diagnostics: swap a native dependency for its alternative, ignore the package
// or runtime in this workspace, and open the rule's documentation.

import * as vscode from 'vscode';
import { planDependencySwap, type DependencySwapPlan } from '../core/edits/replace-dependency';
import type { AnalyzeOptions } from '../core/analyze-manifest';
import type { Finding, ReplaceDependencyFix } from '../core/findings';
import type { DiagnosticData } from './diagnostic-data';
import { findDiagnosticData, type ManifestDiagnostics } from './diagnostics';
import { COMMANDS } from './commands';
import type { CompatContext } from './context';
import { findIgnoreEntry } from './ignore-keys';
import { MANIFEST_SELECTOR } from './manifest-files';
import type { SettingsCache } from './settings';

export function registerQuickFixes(context: CompatContext): void {
  context.track(
    vscode.languages.registerCodeActionsProvider(MANIFEST_SELECTOR, new QuickFixProvider(context.diagnostics, context.settings), {
      providedCodeActionKinds: QuickFixProvider.providedCodeActionKinds,
    }),
  );
}

export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly diagnostics: ManifestDiagnostics,
    private readonly settings: SettingsCache,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const check = this.diagnostics.checkOf(document);
    if (!check) return [];

    const actions: vscode.CodeAction[] = [];
    const documentedRules = new Set<string>();

    for (const diagnostic of context.diagnostics) {
      const data = findDiagnosticData(check, diagnostic);
      if (!data) continue;

      const swap = swapAction(document, data.finding, diagnostic);
      if (swap) actions.push(swap);

      const ignore = ignoreAction(document, data.finding, diagnostic, this.settings.forResource(document.uri).analyzeOptions);
      if (ignore) actions.push(ignore);

      if (!documentedRules.has(data.rule)) {
        documentedRules.add(data.rule);
        actions.push(learnMoreAction(data, diagnostic));
      }
    }
    return actions;
  }
}

/** Returns the title of a swap; it mentions code changes when the swap needs them. */
export function swapTitle(fix: ReplaceDependencyFix, plan: DependencySwapPlan): string {
  if (plan.action === 'remove') {
    return fix.dropIn
      ? vscode.l10n.t('Remove {0} ({1} is already in {2})', fix.package, fix.replacement, plan.existingSection ?? '')
      : vscode.l10n.t('Remove {0} ({1} is already in {2}; code changes needed)', fix.package, fix.replacement, plan.existingSection ?? '');
  }
  return fix.dropIn
    ? vscode.l10n.t('Replace {0} with {1}', fix.package, fix.replacement)
    : vscode.l10n.t('Replace {0} with {1} (code changes needed)', fix.package, fix.replacement);
}

/** Converts offset edits on a document into a WorkspaceEdit. */
export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly { offset: number; length: number; content: string }[]): vscode.WorkspaceEdit {
  const workspaceEdit = new vscode.WorkspaceEdit();
  for (const edit of edits) {
    const range = new vscode.Range(document.positionAt(edit.offset), document.positionAt(edit.offset + edit.length));
    workspaceEdit.replace(document.uri, range, edit.content);
  }
  return workspaceEdit;
}

function swapAction(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction | undefined {
  const fix = finding.fix;
  if (fix?.kind !== 'replace-dependency') return undefined;

  const plan = planDependencySwap(document.getText(), fix, finding.range);
  if (!plan) return undefined;

  const action = new vscode.CodeAction(swapTitle(fix, plan), vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.edit = toWorkspaceEdit(document, plan.edits);
  // Auto Fix applies the preferred action unasked, so only a swap that needs no code change qualifies.
  action.isPreferred = fix.dropIn;
  action.command = { command: COMMANDS.offerInstall, title: vscode.l10n.t('Offer to install'), arguments: [document.uri] };
  return action;
}

function ignoreAction(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic, options: AnalyzeOptions): vscode.CodeAction | undefined {
  const entry = findIgnoreEntry(document.getText(), finding, options);
  if (!entry) return undefined;

  const title = vscode.l10n.t('Ignore {0} in this workspace', entry.name);
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  const command = entry.setting === 'ignore.packages' ? COMMANDS.ignorePackage : COMMANDS.ignoreRuntime;
  action.command = { command, title, arguments: [entry.name] };
  return action;
}

function learnMoreAction(data: DiagnosticData, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const title = vscode.l10n.t('Learn more about {0}', data.rule);
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.command = { command: COMMANDS.openRuleDocs, title, arguments: [data.rule] };
  return action;
}
