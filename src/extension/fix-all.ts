// "Fix all": applies every drop-in swap of a package.json at once, as the code action kind
// `source.fixAll.webcontainer` (so `editor.codeActionsOnSave` can run it) and as a command. Swaps that need
// code changes are left to the single quick fixes, because applying them unasked would break the code.

import * as vscode from 'vscode';
import { minimalEdit } from '../core/edits/minimal-edit';
import { applyDependencySwaps } from '../core/edits/replace-dependency';
import type { ReplaceDependencyFix } from '../core/findings';
import { COMMANDS } from './commands';
import type { CompatContext } from './context';
import type { ManifestDiagnostics } from './diagnostics';
import { isManifestUri, MANIFEST_SELECTOR } from './manifest-files';
import { toWorkspaceEdit } from './quick-fixes';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('webcontainer');

export function registerFixAll(context: CompatContext): void {
  context.track(
    vscode.languages.registerCodeActionsProvider(MANIFEST_SELECTOR, new FixAllProvider(context.diagnostics), {
      providedCodeActionKinds: FixAllProvider.providedCodeActionKinds,
    }),
  );
  context.registerCommand(COMMANDS.fixAll, ({ diagnostics }) => (uri?: vscode.Uri) => fixAllCommand(diagnostics, uri));
}

export class FixAllProvider implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [FIX_ALL_KIND];

  constructor(private readonly diagnostics: ManifestDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    // Source actions are requested by kind (on save, from the Source Action menu). The light bulb requests none.
    if (!context.only?.intersects(FIX_ALL_KIND)) return [];

    const result = fixAllEdit(document, this.diagnostics);
    if (!result) return [];

    const action = new vscode.CodeAction(vscode.l10n.t('Apply all drop-in swaps'), FIX_ALL_KIND);
    action.edit = result.edit;
    return [action];
  }
}

/** Returns the one edit that applies every drop-in swap of the document's current diagnostics, or undefined when there is none. */
export function fixAllEdit(document: vscode.TextDocument, diagnostics: ManifestDiagnostics): { edit: vscode.WorkspaceEdit; applied: ReplaceDependencyFix[] } | undefined {
  const check = diagnostics.checkOf(document);
  if (!check) return undefined;

  const fixes: ReplaceDependencyFix[] = [];
  for (const data of check.data) {
    const fix = data.finding.fix;
    if (fix?.kind === 'replace-dependency' && fix.dropIn) fixes.push(fix);
  }
  if (fixes.length === 0) return undefined;

  const text = document.getText();
  const swapped = applyDependencySwaps(text, fixes);
  const edit = minimalEdit(text, swapped.text);
  if (!edit) return undefined;

  return { edit: toWorkspaceEdit(document, [edit]), applied: swapped.applied };
}

/** Applies all drop-in swaps to `uri` or the active editor's package.json; resolves to the number applied. */
async function fixAllCommand(diagnostics: ManifestDiagnostics, uri: vscode.Uri | undefined): Promise<number> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target || !isManifestUri(target)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a package.json to apply its drop-in swaps.'));
    return 0;
  }

  const document = await vscode.workspace.openTextDocument(target);
  const result = fixAllEdit(document, diagnostics);
  if (!result) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no drop-in swaps to apply.', vscode.workspace.asRelativePath(target)));
    return 0;
  }

  if (!(await vscode.workspace.applyEdit(result.edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not edit {0}: the file changed or is read-only.', vscode.workspace.asRelativePath(target)));
    return 0;
  }

  void vscode.commands.executeCommand(COMMANDS.offerInstall, target);
  return result.applied.length;
}
