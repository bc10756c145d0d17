// Quick fixes, fix-all and the install command on the fixture workspace "quick-fixes": each fix must give
// exactly the expected text, keep the file's formatting and leave valid JSON.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { NATIVE_PACKAGES } from '../../../src/core/native-packages';
import { activateExtension, codeActionsAt, compatDiagnostics, readText, ruleOf, waitFor, waitForDiagnostics, workspaceFile } from './support';

/** The version ranges the fixes write come from the native-package table, as the user's fix does. */
const BCRYPTJS = NATIVE_PACKAGES.bcrypt.alternativeVersion;
const SQL_JS = NATIVE_PACKAGES['better-sqlite3'].alternativeVersion;
const SASS = NATIVE_PACKAGES['node-sass'].alternativeVersion;

/** Returns the quick fixes offered on the diagnostic of `packageName` in `uri`. */
async function quickFixesFor(uri: vscode.Uri, packageName: string): Promise<vscode.CodeAction[]> {
  const diagnostics = await waitForDiagnostics(uri, (list) => list.some((diagnostic) => diagnosticCovers(uri, diagnostic, packageName)), `a diagnostic on ${packageName}`);
  const diagnostic = diagnostics.find((candidate) => diagnosticCovers(uri, candidate, packageName));
  assert.ok(diagnostic);

  // vscode.executeCodeActionProvider returns actions without their `diagnostics`, so every quick fix on the range counts.
  return codeActionsAt(uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
}

function diagnosticCovers(uri: vscode.Uri, diagnostic: vscode.Diagnostic, text: string): boolean {
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
  return ruleOf(diagnostic) === 'native-dependency' && document?.getText(diagnostic.range) === text;
}

async function applyAction(uri: vscode.Uri, title: string, actions: vscode.CodeAction[]): Promise<string> {
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, `no action "${title}"; offered: ${JSON.stringify(actions.map((candidate) => candidate.title))}`);
  assert.ok(action.edit, `"${title}" has no edit`);

  assert.strictEqual(await vscode.workspace.applyEdit(action.edit), true, 'applyEdit failed');
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

describe('quick fixes', () => {
  before(async () => {
    assert.ok(BCRYPTJS, 'the native-package table must give a version for bcryptjs');
    assert.ok(SQL_JS, 'the native-package table must give a version for sql.js');
    assert.ok(SASS, 'the native-package table must give a version for sass');
    await activateExtension();
  });

  it('replaces a drop-in package in place', async () => {
    const uri = workspaceFile('package.json');
    await vscode.window.showTextDocument(uri);
    const actions = await quickFixesFor(uri, 'bcrypt');

    const replace = actions.find((action) => action.title === 'Replace bcrypt with bcryptjs');
    assert.ok(replace, JSON.stringify(actions.map((action) => action.title)));
    assert.strictEqual(replace.isPreferred, true);
    assert.strictEqual(replace.kind?.value, 'quickfix');
    assert.strictEqual(replace.command?.command, 'webcontainerCompat.offerInstall', 'the swap offers the install afterwards');

    const text = await applyAction(uri, 'Replace bcrypt with bcryptjs', actions);

    assert.strictEqual(
      text,
      `{\n  "name": "webcontainer-compat-fixture-quick-fixes",\n  "version": "1.0.0",\n  "private": true,\n  "dependencies": {\n    "bcryptjs": "${BCRYPTJS}",\n    "better-sqlite3": "^11.0.0",\n    "express": "^4.21.2"\n  },\n  "devDependencies": {\n    "node-sass": "^9.0.0"\n  }\n}\n`,
    );
    assert.doesNotThrow(() => JSON.parse(text));
  });

  it('says a code-change swap needs code changes', async () => {
    const uri = workspaceFile('package.json');
    const actions = await quickFixesFor(uri, 'better-sqlite3');

    const title = 'Replace better-sqlite3 with sql.js (code changes needed)';
    const replace = actions.find((action) => action.title === title);
    assert.ok(replace, JSON.stringify(actions.map((action) => action.title)));
    assert.ok(!replace.isPreferred, 'a swap that needs code changes must never be preferred');

    const text = await applyAction(uri, title, actions);

    assert.match(text, new RegExp(`\n    "sql\\.js": "\\${SQL_JS}",\n    "express"`));
    assert.doesNotMatch(text, /better-sqlite3/);
    assert.doesNotThrow(() => JSON.parse(text));
  });

  it('keeps tabs, CRLF and no final newline', async () => {
    const uri = workspaceFile('tabs-crlf/package.json');
    await vscode.workspace.openTextDocument(uri);
    const actions = await quickFixesFor(uri, 'bcrypt');

    const text = await applyAction(uri, 'Replace bcrypt with bcryptjs', actions);

    assert.strictEqual(
      text,
      `{\r\n\t"name": "webcontainer-compat-fixture-tabs-crlf",\r\n\t"dependencies": {\r\n\t\t"cors": "^2.8.5",\r\n\t\t"bcryptjs": "${BCRYPTJS}",\r\n\t\t"zod": "^3.23.8"\r\n\t}\r\n}`,
    );
    assert.doesNotThrow(() => JSON.parse(text));
  });

  it('removes a package whose replacement is listed', async () => {
    const uri = workspaceFile('already-listed/package.json');
    await vscode.workspace.openTextDocument(uri);
    const actions = await quickFixesFor(uri, 'bcrypt');

    const text = await applyAction(uri, 'Remove bcrypt (bcryptjs is already in devDependencies)', actions);

    assert.strictEqual(
      text,
      '{\n  "name": "webcontainer-compat-fixture-already-listed",\n  "dependencies": {\n    "express": "^4.21.2"\n  },\n  "devDependencies": {\n    "bcryptjs": "^2.4.3"\n  }\n}\n',
    );
    assert.doesNotThrow(() => JSON.parse(text));
  });

  it('offers ignore and learn more', async () => {
    const uri = workspaceFile('fix-all-command/package.json');
    await vscode.workspace.openTextDocument(uri);
    const actions = await quickFixesFor(uri, 'node-sass');

    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Ignore node-sass in this workspace'), JSON.stringify(titles));
    assert.ok(titles.includes('Learn more about native-dependency'), JSON.stringify(titles));
    const learnMore = actions.find((action) => action.title === 'Learn more about native-dependency');
    assert.deepStrictEqual(learnMore?.command?.arguments, ['native-dependency']);
  });

  it('fix-all applies only drop-in swaps', async () => {
    const uri = workspaceFile('fix-all/package.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await waitForDiagnostics(uri, (list) => list.length === 3, 'three native-dependency diagnostics');

    const actions = await codeActionsAt(uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.webcontainer');
    const fixAll = actions.filter((action) => action.kind?.value === 'source.fixAll.webcontainer');
    assert.strictEqual(fixAll.length, 1, JSON.stringify(actions.map((action) => action.title)));
    assert.ok(fixAll[0].edit);
    assert.strictEqual(await vscode.workspace.applyEdit(fixAll[0].edit), true);

    assert.strictEqual(
      document.getText(),
      `{\n  "name": "webcontainer-compat-fixture-fix-all",\n  "dependencies": {\n    "bcryptjs": "${BCRYPTJS}",\n    "better-sqlite3": "^11.0.0"\n  },\n  "devDependencies": {\n    "sass": "${SASS}"\n  }\n}\n`,
    );
  });

  it('fix-all command edits the file', async () => {
    const uri = workspaceFile('fix-all-command/package.json');
    await waitForDiagnostics(uri, (list) => list.length === 3, 'three native-dependency diagnostics');

    const applied = await vscode.commands.executeCommand<number>('webcontainerCompat.fixAll', uri);

    assert.strictEqual(applied, 2);
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.match(text, /"bcryptjs"/);
    assert.match(text, /"sass"/);
    assert.match(text, /"better-sqlite3"/);
    await waitForDiagnostics(uri, (list) => list.length === 1, 'only better-sqlite3 left');
  });

  it('fix-all runs on save', async () => {
    const uri = workspaceFile('fix-on-save/package.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitForDiagnostics(uri, (list) => list.length === 3, 'three native-dependency diagnostics');

    // editor.codeActionsOnSave runs on an explicit save of a changed editor.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(document.lineCount - 1, 1), '\n');
    await vscode.workspace.applyEdit(edit);
    await vscode.commands.executeCommand('workbench.action.files.save');

    const saved = await waitFor(async () => {
      const text = await readText(uri);
      return text.includes('"bcryptjs"') ? text : undefined;
    }, 'the saved file to contain bcryptjs');
    assert.match(saved, /"sass"/);
    assert.match(saved, /"better-sqlite3"/);
    assert.doesNotThrow(() => JSON.parse(saved));
  });

  it('swapped packages lose their diagnostics', async () => {
    const uri = workspaceFile('package.json');

    const diagnostics = await waitForDiagnostics(uri, (list) => list.length === 1, 'one diagnostic left');

    assert.strictEqual(diagnostics.length, 1);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(document.getText(diagnostics[0].range), 'node-sass');
  });

  it('runs the install of the lockfile', async () => {
    const uri = workspaceFile('monorepo/packages/web/package.json');
    const opened = new Promise<vscode.Terminal>((resolve) => {
      const subscription = vscode.window.onDidOpenTerminal((terminal) => {
        subscription.dispose();
        resolve(terminal);
      });
    });

    const ran = await vscode.commands.executeCommand<boolean>('webcontainerCompat.runInstall', uri);

    assert.strictEqual(ran, true);
    const terminal = await opened;
    assert.strictEqual(terminal.name, 'WebContainer: bun install');
    const options = terminal.creationOptions as vscode.TerminalOptions;
    const cwd = options.cwd instanceof vscode.Uri ? options.cwd.fsPath : options.cwd;
    assert.strictEqual(cwd, workspaceFile('monorepo').fsPath, 'the install runs where the lockfile is');
    terminal.dispose();
  });

  it('offers the install after a swap', async () => {
    const offered = await vscode.commands.executeCommand<boolean>('webcontainerCompat.offerInstall', workspaceFile('package.json'));

    assert.strictEqual(offered, true);
    assert.strictEqual(compatDiagnostics(workspaceFile('monorepo/package.json')).length, 0);
  });
});
