// Diagnostics follow the files of the fixture workspace "lifecycle": edits (debounced, with late results
// dropped), broken JSON while typing, revert, save, and files created, changed, deleted and renamed on disk
// or through VS Code, including a 5,000-line package.json.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, compatDiagnostics, rangeOfText, readText, ruleOf, sleep, waitForDiagnostics, workspaceFile, writeText } from './support';

async function insertAfter(document: vscode.TextDocument, anchor: string, text: string): Promise<void> {
  const offset = document.getText().indexOf(anchor);
  assert.ok(offset >= 0, `"${anchor}" not found`);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, document.positionAt(offset + anchor.length), text);
  assert.strictEqual(await vscode.workspace.applyEdit(edit), true);
}

/** True when the diagnostics of `document` are exactly one per word in `words`, each at that word's place in the current text. */
function matchesText(document: vscode.TextDocument, diagnostics: vscode.Diagnostic[], words: string[]): boolean {
  if (diagnostics.length !== words.length) return false;
  return words.every((word) => diagnostics.some((diagnostic) => diagnostic.range.isEqual(rangeOfText(document.getText(), word))));
}

/** Builds a package.json of about `lines` lines: many scripts and dependencies, and one call of make near the end. */
function largeManifest(lines: number): string {
  const scripts: string[] = [];
  const dependencies: string[] = [];
  for (let index = 0; scripts.length + dependencies.length < lines - 9; index++) {
    scripts.push(`    "task-${index}": "node scripts/task-${index}.js --mode production && npm run task-${index + 1}-check"`);
    dependencies.push(`    "package-${index}": "^${index % 10}.${index % 7}.0"`);
  }
  scripts.push('    "final": "make all"');
  return `{\n  "name": "webcontainer-compat-fixture-large",\n  "scripts": {\n${scripts.join(',\n')}\n  },\n  "dependencies": {\n${dependencies.join(',\n')}\n  }\n}\n`;
}

describe('lifecycle', () => {
  before(async () => {
    await activateExtension();
  });

  it('edit adds a diagnostic', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('package.json'));
    await vscode.window.showTextDocument(document);
    assert.deepStrictEqual(compatDiagnostics(document.uri), []);

    await insertAfter(document, '"scripts": {', '\n    "build": "make",');

    const diagnostics = await waitForDiagnostics(document.uri, (list) => matchesText(document, list, ['make']), 'make at its place');
    assert.strictEqual(ruleOf(diagnostics[0]), 'unsupported-runtime');
  });

  it('rapid edits end in the latest text', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('package.json'));

    // Each insertion shifts the earlier findings down a line; only the result for the last version may stay.
    for (let index = 0; index < 6; index++) {
      await insertAfter(document, '"scripts": {', `\n    "step${index}": "node step${index}.js",`);
      await sleep(30);
    }
    await insertAfter(document, '"scripts": {', '\n    "rust": "cargo build",');

    await waitForDiagnostics(document.uri, (list) => matchesText(document, list, ['make', 'cargo']), 'make and cargo at their places');
    await sleep(600);
    assert.ok(matchesText(document, compatDiagnostics(document.uri), ['make', 'cargo']), 'a late result replaced the latest one');
  });

  it('broken JSON gives invalid-manifest', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('package.json'));

    await insertAfter(document, '"rust": "cargo build",', '\n    "half": "node');

    const diagnostics = await waitForDiagnostics(
      document.uri,
      (list) => list.some((diagnostic) => ruleOf(diagnostic) === 'invalid-manifest'),
      'an invalid-manifest diagnostic',
    );
    assert.strictEqual(diagnostics.filter((diagnostic) => ruleOf(diagnostic) === 'invalid-manifest').length, 1);
  });

  it('revert returns to the disk contents', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('package.json'));
    await vscode.window.showTextDocument(document);

    await vscode.commands.executeCommand('workbench.action.files.revert');

    await waitForDiagnostics(document.uri, (list) => list.length === 0, 'no diagnostics after revert');
    assert.strictEqual(document.isDirty, false);
  });

  it('save keeps diagnostics current', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('package.json'));
    await insertAfter(document, '"scripts": {', '\n    "serve": "go run .",');

    assert.strictEqual(await document.save(), true);

    await waitForDiagnostics(document.uri, (list) => matchesText(document, list, ['go']), 'go after save');
  });

  it('checks a created file', async () => {
    const uri = workspaceFile('created/package.json');

    await writeText(uri, '{\n  "name": "created",\n  "scripts": { "build": "cargo build" }\n}\n');

    const diagnostics = await waitForDiagnostics(uri, (list) => list.length === 1, 'the cargo finding');
    assert.strictEqual(ruleOf(diagnostics[0]), 'unsupported-runtime');
  });

  it('follows a change on disk', async () => {
    const uri = workspaceFile('changes/package.json');
    await waitForDiagnostics(uri, (list) => list.length === 1, 'the make finding');

    await writeText(uri, '{\n  "name": "changes",\n  "scripts": { "build": "vite build", "native": "zig build" }\n}\n');

    const text = await readText(uri);
    await waitForDiagnostics(
      uri,
      (list) => list.length === 1 && list[0].range.isEqual(rangeOfText(text, 'zig')),
      'zig instead of make',
    );
  });

  it('clears a deleted file', async () => {
    const uri = workspaceFile('to-delete/package.json');
    await waitForDiagnostics(uri, (list) => list.length === 1, 'the make finding');

    await vscode.workspace.fs.delete(uri);

    await waitForDiagnostics(uri, (list) => list.length === 0, 'no diagnostics after delete');
  });

  it('moves diagnostics with a renamed file', async () => {
    const oldUri = workspaceFile('moved/package.json');
    const newUri = workspaceFile('moved-again/package.json');
    await waitForDiagnostics(oldUri, (list) => list.length === 1, 'the cargo finding');

    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(oldUri, newUri);
    assert.strictEqual(await vscode.workspace.applyEdit(edit), true);

    await waitForDiagnostics(oldUri, (list) => list.length === 0, 'no diagnostics at the old path');
    await waitForDiagnostics(newUri, (list) => list.length === 1, 'the cargo finding at the new path');
  });

  it('moves diagnostics with a renamed folder', async () => {
    const oldUri = workspaceFile('old-dir/nested/package.json');
    const newUri = workspaceFile('new-dir/nested/package.json');
    await waitForDiagnostics(oldUri, (list) => list.length === 1, 'the python3 finding');

    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(workspaceFile('old-dir'), workspaceFile('new-dir'));
    assert.strictEqual(await vscode.workspace.applyEdit(edit), true);

    await waitForDiagnostics(oldUri, (list) => list.length === 0, 'no diagnostics at the old path');
    await waitForDiagnostics(newUri, (list) => list.length === 1, 'the python3 finding at the new path');
  });

  it('keeps a 5,000-line file current', async () => {
    const uri = workspaceFile('large/package.json');
    const text = largeManifest(5000);
    assert.ok(text.split('\n').length >= 5000, `${text.split('\n').length} lines`);
    await writeText(uri, text);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitForDiagnostics(uri, (list) => matchesText(document, list, ['make']), 'the make finding');

    await insertAfter(document, '"scripts": {', '\n    "first": "python3 first.py",');

    await waitForDiagnostics(uri, (list) => matchesText(document, list, ['python3', 'make']), 'python3 and make after the edit');
  });
});
