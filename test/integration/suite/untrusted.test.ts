// Restricted mode (fixture "untrusted", workspace trust on and not granted): diagnostics and fixes work,
// the restricted setting webcontainerCompat.nativePackages is ignored, and nothing is installed.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, codeActionsAt, compatDiagnostics, sleep, waitForDiagnostics, workspaceFile } from './support';

describe('untrusted workspace', () => {
  const root = () => workspaceFile('package.json');

  before(async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the suite must run in restricted mode');
    await activateExtension();
  });

  it('reports diagnostics with workspace settings', async () => {
    const document = await vscode.workspace.openTextDocument(root());

    const diagnostics = await waitForDiagnostics(root(), (list) => list.length === 2, 'bcrypt and python3');

    const byWord = new Map(diagnostics.map((diagnostic) => [document.getText(diagnostic.range), diagnostic]));
    assert.strictEqual(byWord.get('bcrypt')?.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(byWord.get('python3')?.severity, vscode.DiagnosticSeverity.Hint, 'webcontainerCompat.severity is not restricted');
  });

  it('ignores the restricted nativePackages setting', async () => {
    const document = await vscode.workspace.openTextDocument(root());

    const words = compatDiagnostics(root()).map((diagnostic) => document.getText(diagnostic.range));

    assert.ok(!words.includes('left-pad'), `a workspace in restricted mode added left-pad to the native table: ${JSON.stringify(words)}`);
  });

  it('refuses to install', async () => {
    const before = vscode.window.terminals.length;
    let opened = false;
    const subscription = vscode.window.onDidOpenTerminal(() => {
      opened = true;
    });

    const ran = await vscode.commands.executeCommand<boolean>('webcontainerCompat.runInstall', root());
    const offered = await vscode.commands.executeCommand<boolean>('webcontainerCompat.offerInstall', root());
    await sleep(500);
    subscription.dispose();

    assert.strictEqual(ran, false);
    assert.strictEqual(offered, false);
    assert.strictEqual(opened, false, 'a terminal was opened');
    assert.strictEqual(vscode.window.terminals.length, before);
  });

  it('applies a quick fix', async () => {
    const document = await vscode.workspace.openTextDocument(root());
    const bcrypt = compatDiagnostics(root()).find((diagnostic) => document.getText(diagnostic.range) === 'bcrypt');
    assert.ok(bcrypt);

    const actions = await codeActionsAt(root(), bcrypt.range, vscode.CodeActionKind.QuickFix.value);
    const replace = actions.find((action) => action.title === 'Replace bcrypt with bcryptjs');
    assert.ok(replace?.edit, JSON.stringify(actions.map((action) => action.title)));
    assert.strictEqual(await vscode.workspace.applyEdit(replace.edit), true);

    assert.match(document.getText(), /"bcryptjs": "/);
    assert.doesNotThrow(() => JSON.parse(document.getText()));
    await waitForDiagnostics(root(), (list) => list.length === 1, 'only python3 left');
  });
});
