// Dependency-tree diagnostics of the fixture workspace "dependency-tree": a direct dependency `wrapper` whose
// package-lock.json entry brings in better-sqlite3 and crc-native (both with install scripts), and a dev dependency
// `image-tool` that brings in pixel-codec. The folder `installed` has no lockfile, and a test installs its node_modules.
// The tests rewrite the lockfile and node_modules on disk and never touch package.json.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, rangeOfText, readText, ruleOf, waitForDiagnostics, workspaceFile, writeText } from './support';

const RULE = 'native-transitive-dependency';

describe('dependency tree', () => {
  const manifest = () => workspaceFile('package.json');
  const lockfile = () => workspaceFile('package-lock.json');
  let originalLockfile: string;

  before(async () => {
    await activateExtension();
    originalLockfile = await readText(lockfile());
  });

  afterEach(async () => {
    await writeText(lockfile(), originalLockfile);
  });

  it('reports native packages on the direct dependency', async () => {
    const text = await readText(manifest());
    const wrapperRange = rangeOfText(text, '"wrapper"');
    const diagnostics = await waitForDiagnostics(manifest(), (list) => list.some((item) => isTreeDiagnosticAt(item, wrapperRange)), 'the wrapper finding');

    const wrapper = diagnostics.find((item) => isTreeDiagnosticAt(item, wrapperRange));
    assert.ok(wrapper);
    assert.strictEqual(wrapper.severity, vscode.DiagnosticSeverity.Error);
    assert.match(wrapper.message, /wrapper → better-sqlite3/);
    assert.ok(typeof wrapper.code === 'object', 'code must be an object with a target');
    assert.ok(wrapper.code.target.toString(true).endsWith(`docs/rules.md#${RULE}`), `rule link: ${wrapper.code.target.toString(true)}`);

    const related = wrapper.relatedInformation ?? [];
    assert.strictEqual(related.length, 1, `related: ${JSON.stringify(related.map((item) => item.message))}`);
    assert.strictEqual(related[0].location.uri.toString(), manifest().toString());
    assert.ok(related[0].location.range.isEqual(wrapperRange), 'related range is the wrapper key');
    assert.match(related[0].message, /wrapper → crc-native/);

    const devRange = rangeOfText(text, '"image-tool"');
    const dev = diagnostics.find((item) => isTreeDiagnosticAt(item, devRange));
    assert.ok(dev, `no ${RULE} diagnostic on image-tool; got ${describeAll(diagnostics)}`);
    assert.strictEqual(dev.severity, vscode.DiagnosticSeverity.Information);
    assert.match(dev.message, /image-tool → pixel-codec/);
    assert.strictEqual(diagnostics.length, 2, describeAll(diagnostics));
  });

  it('drops the finding when the lockfile changes', async () => {
    const text = await readText(manifest());
    const wrapperRange = rangeOfText(text, '"wrapper"');
    await waitForDiagnostics(manifest(), (list) => list.some((item) => isTreeDiagnosticAt(item, wrapperRange)), 'the wrapper finding');

    const lock = JSON.parse(originalLockfile);
    delete lock.packages['node_modules/better-sqlite3'];
    delete lock.packages['node_modules/bindings'];
    delete lock.packages['node_modules/crc-native'];
    delete lock.packages['node_modules/wrapper'].dependencies;
    await writeText(lockfile(), `${JSON.stringify(lock, null, 2)}\n`);

    const diagnostics = await waitForDiagnostics(manifest(), (list) => !list.some((item) => isTreeDiagnosticAt(item, wrapperRange)), 'the wrapper finding to go');
    assert.ok(
      diagnostics.some((item) => isTreeDiagnosticAt(item, rangeOfText(text, '"image-tool"'))),
      `the image-tool finding must stay; got ${describeAll(diagnostics)}`,
    );
  });

  it('reports nothing from a broken lockfile', async () => {
    const text = await readText(manifest());
    const wrapperRange = rangeOfText(text, '"wrapper"');
    await waitForDiagnostics(manifest(), (list) => list.some((item) => isTreeDiagnosticAt(item, wrapperRange)), 'the wrapper finding');

    await writeText(lockfile(), originalLockfile.slice(0, originalLockfile.length / 2));
    await waitForDiagnostics(manifest(), (list) => !list.some((item) => ruleOf(item) === RULE), 'the tree findings to go');

    // The extension keeps working: the repaired lockfile brings the finding back.
    await writeText(lockfile(), originalLockfile);
    await waitForDiagnostics(manifest(), (list) => list.some((item) => isTreeDiagnosticAt(item, wrapperRange)), 'the wrapper finding to return');
  });

  it('moves the finding with edits above it', async () => {
    const document = await vscode.workspace.openTextDocument(manifest());
    await vscode.window.showTextDocument(document);
    const wrapperRange = rangeOfText(document.getText(), '"wrapper"');
    await waitForDiagnostics(manifest(), (list) => list.some((item) => isTreeDiagnosticAt(item, wrapperRange)), 'the wrapper finding');

    const edit = new vscode.WorkspaceEdit();
    edit.insert(manifest(), new vscode.Position(1, 0), '  "description": "moved down",\n');
    assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');

    const moved = wrapperRange.with(wrapperRange.start.translate(1), wrapperRange.end.translate(1));
    const diagnostics = await waitForDiagnostics(manifest(), (list) => list.some((item) => isTreeDiagnosticAt(item, moved)), 'the wrapper finding one line lower');
    assert.strictEqual(diagnostics.filter((item) => ruleOf(item) === RULE).length, 2, describeAll(diagnostics));

    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitForDiagnostics(manifest(), (list) => list.some((item) => isTreeDiagnosticAt(item, wrapperRange)), 'the wrapper finding back on its line');
  });

  it('reads node_modules installed later', async () => {
    const installed = workspaceFile('installed/package.json');
    const range = rangeOfText(await readText(installed), '"gyp-addon"');
    await waitForDiagnostics(installed, (list) => !list.some((item) => ruleOf(item) === RULE), 'no tree finding before the install');

    const addon = workspaceFile('installed/node_modules/gyp-addon/package.json');
    await writeText(addon, '{ "name": "gyp-addon", "version": "1.0.3", "gypfile": true }\n');

    const diagnostics = await waitForDiagnostics(installed, (list) => list.some((item) => isTreeDiagnosticAt(item, range)), 'the gyp-addon finding');
    const finding = diagnostics.find((item) => isTreeDiagnosticAt(item, range));
    assert.ok(finding);
    assert.match(finding.message, /gyp-addon/);
    assert.strictEqual(finding.severity, vscode.DiagnosticSeverity.Error);

    await vscode.workspace.fs.delete(workspaceFile('installed/node_modules'), { recursive: true });
    await waitForDiagnostics(installed, (list) => !list.some((item) => ruleOf(item) === RULE), 'the finding to go with node_modules');
  });
});

function isTreeDiagnosticAt(diagnostic: vscode.Diagnostic, range: vscode.Range): boolean {
  return ruleOf(diagnostic) === RULE && diagnostic.range.isEqual(range);
}

function describeAll(diagnostics: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(diagnostics.map((item) => `${ruleOf(item)} ${item.range.start.line}:${item.range.start.character} ${item.message.slice(0, 60)}`));
}
