// Diagnostics of the fixture workspace "diagnostics": ranges, severities, rule links, related information,
// files that are checked without being opened, files that settings exclude, and hovers.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, compatDiagnostics, hoverText, rangeOfText, readText, ruleOf, waitForDiagnostics, workspaceFile, writeText } from './support';

interface Expected {
  rule: string;
  severity: vscode.DiagnosticSeverity;
  /** Text that the diagnostic's range covers exactly, and which occurrence of it in the file. */
  text: string;
  occurrence?: number;
}

const { Error: ERROR, Warning: WARNING } = vscode.DiagnosticSeverity;

/** The findings of test/fixtures/workspaces/diagnostics/package.json, worked out by reading the file. */
const ROOT_EXPECTED: Expected[] = [
  // prebuild runs codegen, which runs python3: reported on the `codegen` word of prebuild and on python3 itself.
  { rule: 'unsupported-runtime', severity: WARNING, text: 'codegen', occurrence: 0 },
  { rule: 'unsupported-runtime', severity: WARNING, text: 'python3' },
  { rule: 'unsupported-runtime', severity: ERROR, text: 'cargo' },
  { rule: 'shell-script', severity: WARNING, text: './scripts/setup.sh' },
  { rule: 'native-dependency', severity: ERROR, text: 'bcrypt', occurrence: 0 },
  { rule: 'native-dependency', severity: ERROR, text: 'better-sqlite3' },
  { rule: 'native-dependency', severity: ERROR, text: 'node-sass' },
];

describe('diagnostics', () => {
  const root = () => workspaceFile('package.json');

  before(async () => {
    await activateExtension();
  });

  it('reports every finding with range and severity', async () => {
    const text = await readText(root());
    const diagnostics = await waitForDiagnostics(root(), (list) => list.length >= ROOT_EXPECTED.length, 'the root findings');

    for (const expected of ROOT_EXPECTED) {
      const range = rangeOfText(text, expected.text, expected.occurrence);
      const match = diagnostics.find((diagnostic) => ruleOf(diagnostic) === expected.rule && diagnostic.range.isEqual(range));
      assert.ok(match, `no ${expected.rule} diagnostic on "${expected.text}" at ${describeRange(range)}; got ${describeAll(diagnostics)}`);
      assert.strictEqual(match.severity, expected.severity, `severity of ${expected.rule} on "${expected.text}"`);
      assert.strictEqual(match.source, 'webcontainer');
    }
    assert.strictEqual(diagnostics.length, ROOT_EXPECTED.length, `got ${describeAll(diagnostics)}`);
  });

  it('links each rule to its documentation', () => {
    for (const diagnostic of compatDiagnostics(root())) {
      assert.ok(typeof diagnostic.code === 'object', 'code must be an object with a target');
      const target = diagnostic.code.target.toString(true);
      assert.ok(target.endsWith(`docs/rules.md#${diagnostic.code.value}`), `target of ${diagnostic.code.value}: ${target}`);
    }
  });

  it('shows the script chain as related information', async () => {
    const text = await readText(root());
    const chain = compatDiagnostics(root()).find((diagnostic) => diagnostic.range.isEqual(rangeOfText(text, 'codegen', 0)));
    assert.ok(chain, 'no diagnostic on the prebuild script');

    const related = chain.relatedInformation ?? [];
    assert.strictEqual(related.length, 1, `related: ${JSON.stringify(related.map((item) => item.message))}`);
    assert.strictEqual(related[0].location.uri.toString(), root().toString());
    assert.ok(related[0].location.range.isEqual(rangeOfText(text, 'python3')), `related range ${describeRange(related[0].location.range)}`);
    assert.match(related[0].message, /python3/);
  });

  it('checks a nested package.json never opened', async () => {
    const nested = workspaceFile('packages/api/package.json');
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === nested.toString()), 'the test must not open it');

    const diagnostics = await waitForDiagnostics(nested, (list) => list.length > 0, 'the go finding');

    const text = await readText(nested);
    assert.strictEqual(diagnostics.length, 1, describeAll(diagnostics));
    assert.strictEqual(ruleOf(diagnostics[0]), 'unsupported-runtime');
    assert.ok(diagnostics[0].range.isEqual(rangeOfText(text, 'go')), describeRange(diagnostics[0].range));
    assert.strictEqual(diagnostics[0].severity, ERROR);
  });

  it('skips files excluded by settings', () => {
    assert.deepStrictEqual(compatDiagnostics(workspaceFile('examples/legacy/package.json')), [], 'webcontainerCompat.exclude');
    assert.deepStrictEqual(compatDiagnostics(workspaceFile('hidden/package.json')), [], 'files.exclude');
  });

  it('skips package.json inside node_modules', async () => {
    const installed = workspaceFile('node_modules/bcrypt/package.json');
    await writeText(installed, '{\n  "name": "bcrypt",\n  "scripts": { "install": "node-gyp rebuild" },\n  "dependencies": { "nan": "^2.0.0" }\n}\n');

    // The watcher has seen the new file and the rescan walks the folder again; neither may report it.
    await vscode.commands.executeCommand('webcontainerCompat.checkWorkspace');

    assert.deepStrictEqual(compatDiagnostics(installed), []);
    assert.ok(compatDiagnostics(root()).length > 0, 'the rescan must keep the root findings');
  });

  it('explains a finding on hover', async () => {
    const document = await vscode.workspace.openTextDocument(root());
    const range = rangeOfText(document.getText(), 'node-sass');

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', root(), range.start.translate(0, 2));

    const markdown = hoverText(hovers);
    assert.match(markdown, /native-dependency/);
    assert.match(markdown, /Replace node-sass with sass: it has the same API/);
    assert.match(markdown, /docs\/rules\.md#native-dependency/);
    assert.match(markdown, /webcontainer-compatibility\.md/);
  });

  it('explains a command word on hover', async () => {
    const document = await vscode.workspace.openTextDocument(root());
    const range = rangeOfText(document.getText(), 'cargo');

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', root(), range.start.translate(0, 1));

    const markdown = hoverText(hovers);
    assert.match(markdown, /unsupported-runtime/);
    assert.match(markdown, /"cargo" cannot run in a WebContainer/);
    assert.match(markdown, /for example in Docker, or replace cargo with a tool written in JavaScript/);
  });

  it('shows no hover outside findings', async () => {
    const document = await vscode.workspace.openTextDocument(root());
    const range = rangeOfText(document.getText(), 'express');

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', root(), range.start.translate(0, 2));

    const markdown = hoverText(hovers);
    assert.doesNotMatch(markdown, /webcontainer|WebContainer/);
  });
});

function describeRange(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

function describeAll(diagnostics: vscode.Diagnostic[]): string {
  return JSON.stringify(diagnostics.map((diagnostic) => `${ruleOf(diagnostic)} ${describeRange(diagnostic.range)} ${diagnostic.severity}`));
}
