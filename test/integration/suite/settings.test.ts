// Settings on the fixture workspace "settings": severity overrides, ignore lists (also written by the
// "Ignore" quick fix), user additions to the runtime and native-package tables, exclusion, enable, and
// invalid values. Every change must take effect without a reload.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, codeActionsAt, compatDiagnostics, ruleOf, setWorkspaceSetting, waitForDiagnostics, workspaceFile } from './support';

const SETTING_KEYS = ['severity', 'ignore.packages', 'ignore.runtimes', 'runtimes', 'nativePackages', 'exclude', 'enable'];

/** Returns the text each diagnostic covers, read from the document. */
async function coveredWords(uri: vscode.Uri): Promise<string[]> {
  const document = await vscode.workspace.openTextDocument(uri);
  return compatDiagnostics(uri)
    .map((diagnostic) => document.getText(diagnostic.range))
    .sort();
}

async function waitForWords(uri: vscode.Uri, expected: string[], description: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const sorted = [...expected].sort();
  await waitForDiagnostics(
    uri,
    (diagnostics) => JSON.stringify(diagnostics.map((diagnostic) => document.getText(diagnostic.range)).sort()) === JSON.stringify(sorted),
    `${description}: diagnostics on ${JSON.stringify(sorted)}`,
  );
}

function diagnosticOn(document: vscode.TextDocument, word: string): vscode.Diagnostic | undefined {
  return compatDiagnostics(document.uri).find((diagnostic) => document.getText(diagnostic.range) === word);
}

describe('settings', () => {
  const root = () => workspaceFile('package.json');
  const sub = () => workspaceFile('sub/package.json');
  const BASELINE = ['bcrypt', 'make', 'python3', 'zig'];

  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    for (const key of SETTING_KEYS) await setWorkspaceSetting(key, undefined);
    await vscode.workspace.getConfiguration('files').update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForWords(root(), BASELINE, 'settings reset');
  });

  it('reports the baseline without settings', async () => {
    await waitForWords(root(), BASELINE, 'baseline');
    await waitForWords(sub(), ['cargo'], 'baseline of sub');
  });

  it('overrides the severity of a rule', async () => {
    const document = await vscode.workspace.openTextDocument(root());
    assert.strictEqual(diagnosticOn(document, 'bcrypt')?.severity, vscode.DiagnosticSeverity.Error);

    await setWorkspaceSetting('severity', { 'native-dependency': 'hint' });

    await waitForDiagnostics(root(), () => diagnosticOn(document, 'bcrypt')?.severity === vscode.DiagnosticSeverity.Hint, 'bcrypt as a hint');
    assert.strictEqual(diagnosticOn(document, 'make')?.severity, vscode.DiagnosticSeverity.Error, 'other rules keep their severity');
  });

  it('turns a rule off', async () => {
    await setWorkspaceSetting('severity', { 'unsupported-runtime': 'off' });

    await waitForWords(root(), ['bcrypt'], 'unsupported-runtime off');
  });

  it('ignores listed packages and runtimes', async () => {
    await setWorkspaceSetting('ignore.packages', ['bcrypt']);
    await setWorkspaceSetting('ignore.runtimes', ['python3']);

    await waitForWords(root(), ['make', 'zig'], 'bcrypt and python3 ignored');
  });

  it('ignore quick fix writes the setting', async () => {
    const document = await vscode.workspace.openTextDocument(root());
    const make = diagnosticOn(document, 'make');
    assert.ok(make);

    const actions = await codeActionsAt(root(), make.range, vscode.CodeActionKind.QuickFix.value);
    const ignore = actions.find((action) => action.title === 'Ignore make in this workspace');
    assert.ok(ignore?.command, JSON.stringify(actions.map((action) => action.title)));
    await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? []));

    const written = vscode.workspace.getConfiguration('webcontainerCompat').inspect<string[]>('ignore.runtimes')?.workspaceValue;
    assert.deepStrictEqual(written, ['make']);
    await waitForWords(root(), ['bcrypt', 'python3', 'zig'], 'make ignored');
  });

  it('adds and overrides runtimes', async () => {
    await setWorkspaceSetting('runtimes', {
      'acme-cli': { supported: false, reason: 'acme-cli is a Go binary.', fallbackDriver: 'docker' },
      zig: { supported: true },
    });

    await waitForWords(root(), ['acme-cli', 'bcrypt', 'make', 'python3'], 'acme-cli added, zig supported');
    const document = await vscode.workspace.openTextDocument(root());
    const acme = diagnosticOn(document, 'acme-cli');
    assert.strictEqual(acme && ruleOf(acme), 'unsupported-runtime');
    assert.match(acme?.message ?? '', /acme-cli is a Go binary\./);
  });

  it('adds a native package with a fix', async () => {
    await setWorkspaceSetting('nativePackages', {
      'my-native-addon': { alternative: 'my-wasm-addon', remedy: 'drop-in', alternativeVersion: '^2.0.0' },
    });

    await waitForWords(root(), [...BASELINE, 'my-native-addon'], 'my-native-addon added');
    const document = await vscode.workspace.openTextDocument(root());
    const addon = diagnosticOn(document, 'my-native-addon');
    assert.ok(addon);
    const actions = await codeActionsAt(root(), addon.range, vscode.CodeActionKind.QuickFix.value);
    const replace = actions.find((action) => action.title === 'Replace my-native-addon with my-wasm-addon');
    assert.ok(replace, JSON.stringify(actions.map((action) => action.title)));
    assert.strictEqual(replace.isPreferred, true);
  });

  it('excludes files by glob', async () => {
    await setWorkspaceSetting('exclude', ['sub/**']);

    await waitForDiagnostics(sub(), (diagnostics) => diagnostics.length === 0, 'sub excluded');
    assert.deepStrictEqual(await coveredWords(root()), [...BASELINE].sort());
  });

  it('follows files.exclude changes', async () => {
    await vscode.workspace.getConfiguration('files').update('exclude', { sub: true }, vscode.ConfigurationTarget.Workspace);

    await waitForDiagnostics(sub(), (diagnostics) => diagnostics.length === 0, 'sub hidden by files.exclude');
    await vscode.workspace.getConfiguration('files').update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForWords(sub(), ['cargo'], 'sub back');
  });

  it('clears everything when disabled', async () => {
    await setWorkspaceSetting('enable', false);

    await waitForDiagnostics(root(), (diagnostics) => diagnostics.length === 0, 'root cleared');
    await waitForDiagnostics(sub(), (diagnostics) => diagnostics.length === 0, 'sub cleared');

    await setWorkspaceSetting('enable', true);
    await waitForWords(sub(), ['cargo'], 'sub back');
  });

  it('skips invalid values', async () => {
    await setWorkspaceSetting('severity', { 'native-dependency': 'loud', 'unsupported-runtime': 'information' });
    await setWorkspaceSetting('ignore.packages', 'bcrypt');

    const document = await vscode.workspace.openTextDocument(root());
    await waitForDiagnostics(root(), () => diagnosticOn(document, 'make')?.severity === vscode.DiagnosticSeverity.Information, 'the valid entry applied');
    assert.strictEqual(diagnosticOn(document, 'bcrypt')?.severity, vscode.DiagnosticSeverity.Error, 'the invalid entry is skipped');
  });
});
