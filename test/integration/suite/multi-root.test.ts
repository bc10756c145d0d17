// A multi-root window (fixture "multi-root", two folders from a .code-workspace file): both folders are
// checked, each with its own folder settings, the Ignore quick fix writes to the .code-workspace file, and
// a folder added later is checked too.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, codeActionsAt, compatDiagnostics, ruleOf, waitForDiagnostics, workspaceFile } from './support';

async function diagnosticOn(uri: vscode.Uri, word: string): Promise<vscode.Diagnostic | undefined> {
  const document = await vscode.workspace.openTextDocument(uri);
  return compatDiagnostics(uri).find((diagnostic) => document.getText(diagnostic.range) === word);
}

describe('multi-root', () => {
  const app = () => workspaceFile('package.json', 0);
  const tools = () => workspaceFile('package.json', 1);

  before(async () => {
    assert.strictEqual(vscode.workspace.workspaceFolders?.length, 2, 'the fixture opens two folders');
    await activateExtension();
  });

  it('checks every folder', async () => {
    await waitForDiagnostics(app(), (list) => list.length === 1, 'bcrypt in app');
    const diagnostics = await waitForDiagnostics(tools(), (list) => list.length === 2, 'bcrypt and cargo in tools');

    assert.deepStrictEqual(diagnostics.map(ruleOf).sort(), ['native-dependency', 'unsupported-runtime']);
  });

  it('applies each folder its settings', async () => {
    assert.strictEqual((await diagnosticOn(app(), 'bcrypt'))?.severity, vscode.DiagnosticSeverity.Warning, 'app/.vscode/settings.json lowers it');
    assert.strictEqual((await diagnosticOn(tools(), 'bcrypt'))?.severity, vscode.DiagnosticSeverity.Error, 'tools keeps the rule severity');
  });

  it('ignore writes the workspace file', async () => {
    const cargo = await diagnosticOn(tools(), 'cargo');
    assert.ok(cargo);
    const actions = await codeActionsAt(tools(), cargo.range, vscode.CodeActionKind.QuickFix.value);
    const ignore = actions.find((action) => action.title === 'Ignore cargo in this workspace');
    assert.ok(ignore?.command, JSON.stringify(actions.map((action) => action.title)));

    await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? []));

    await waitForDiagnostics(tools(), (list) => list.length === 1 && ruleOf(list[0]) === 'native-dependency', 'cargo ignored');
    const workspaceFileUri = vscode.workspace.workspaceFile;
    assert.ok(workspaceFileUri);
    const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFileUri)));
    assert.deepStrictEqual(saved.settings['webcontainerCompat.ignore.runtimes'], ['cargo']);
  });

  it('checks a folder added later', async () => {
    const workspaceFileUri = vscode.workspace.workspaceFile;
    assert.ok(workspaceFileUri);
    const extraFolder = vscode.Uri.file(path.join(path.dirname(workspaceFileUri.fsPath), 'extra'));

    const added = new Promise<void>((resolve) => {
      const subscription = vscode.workspace.onDidChangeWorkspaceFolders(() => {
        subscription.dispose();
        resolve();
      });
    });
    assert.strictEqual(vscode.workspace.updateWorkspaceFolders(2, 0, { uri: extraFolder }), true);
    await added;

    const diagnostics = await waitForDiagnostics(vscode.Uri.joinPath(extraFolder, 'package.json'), (list) => list.length === 1, 'go in extra');
    assert.strictEqual(ruleOf(diagnostics[0]), 'unsupported-runtime');
  });
});
