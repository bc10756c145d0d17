// Helpers shared by the extension's integration suites: activation, fixture paths, waiting for
// diagnostics and settings. Not a test file itself (no .test.ts suffix), so the runner does not load it alone.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CompatApi } from '../../../src/extension/extension';

/** `publisher.name` from the repository's package.json. */
export const EXTENSION_ID = 'webcontainer-compat.webcontainer-compat';

const POLL_INTERVAL_MS = 50;
const DEFAULT_WAIT_MS = 10_000;

/** Activates the extension and waits for its first workspace scan. */
export async function activateExtension(): Promise<CompatApi> {
  // VS Code's built-in npm extension runs `npm view` for a hover on a dependency. The extension host shares
  // this process's environment with its child processes, so offline mode keeps those look-ups off the network.
  process.env.npm_config_offline = 'true';

  const extension = vscode.extensions.getExtension<CompatApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);

  const api = await extension.activate();
  await api.whenScanned();
  return api;
}

/** A file inside workspace folder `folderIndex` of the opened fixture. */
export function workspaceFile(relativePath: string, folderIndex = 0): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[folderIndex];
  assert.ok(folder, `workspace folder #${folderIndex} is not open`);
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/** Returns the diagnostics this extension published for `uri`. */
export function compatDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'webcontainer');
}

/** Returns the rule id of a diagnostic, from its `code` object. */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

/** Polls `probe` until it returns a value other than undefined or false; fails with `description` after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, description: string, timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${description}`);
    await sleep(POLL_INTERVAL_MS);
  }
}

/** Waits until the diagnostics of `uri` satisfy `predicate`, and returns them. */
export async function waitForDiagnostics(uri: vscode.Uri, predicate: (diagnostics: vscode.Diagnostic[]) => boolean, description: string): Promise<vscode.Diagnostic[]> {
  let last: vscode.Diagnostic[] = [];
  try {
    return await waitFor(() => {
      last = compatDiagnostics(uri);
      return predicate(last) ? last : undefined;
    }, `${description} (${vscode.workspace.asRelativePath(uri)})`);
  } catch (error) {
    const seen = last.map((diagnostic) => `${ruleOf(diagnostic)} at ${diagnostic.range.start.line}:${diagnostic.range.start.character}`);
    throw new Error(`${error instanceof Error ? error.message : String(error)}; last diagnostics: ${JSON.stringify(seen)}`);
  }
}

export function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/**
 * Returns the range of the `occurrence`-th (0-based) appearance of `needle` in `text`, computed from the text
 * alone so that expectations do not reuse the extension's own position conversion.
 */
export function rangeOfText(text: string, needle: string, occurrence = 0): vscode.Range {
  let offset = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `"${needle}" occurs fewer than ${occurrence + 1} times`);
  }

  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const character = offset - (before.lastIndexOf('\n') + 1);
  return new vscode.Range(line, character, line, character + needle.length);
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** Writes a setting below webcontainerCompat, to the workspace settings unless `target` says otherwise. */
export async function setWorkspaceSetting(key: string, value: unknown, target = vscode.ConfigurationTarget.Workspace): Promise<void> {
  const configuration = vscode.workspace.getConfiguration('webcontainerCompat');
  await configuration.update(key, value, target);
}

/**
 * Runs the registered code action providers on `range` and returns their actions. VS Code cancels the request
 * when another provider registers meanwhile, which the JSON language server does once the first JSON file
 * opens, so a cancelled request is repeated a few times.
 */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);
      return actions ?? [];
    } catch (error) {
      if (!(error instanceof Error && error.message === 'Canceled') || attempt >= 5) throw error;
      await sleep(200);
    }
  }
}

/** Returns the text of hovers as a reader sees it, without Markdown escapes and the non-breaking spaces of appendText. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)))
    .join('\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
}
