// Picks the package.json and the script to run, from arguments (code lens, task, tests) or with Quick Picks.

import { parse, type ParseError } from 'jsonc-parser';
import * as vscode from 'vscode';

/** A package.json whose scripts were read. */
export interface PickedManifest {
  uri: vscode.Uri;
  folder: vscode.WorkspaceFolder;
  scripts: Record<string, string>;
  /** File names in the package's folder, for the lockfile check. */
  siblingNames: string[];
}

/** Arguments the command accepts: a package.json URI (or path) and a script name, each optional. */
export interface RunScriptArguments {
  manifest?: vscode.Uri | string;
  script?: string;
}

export function parseRunScriptArguments(value: unknown): RunScriptArguments {
  if (value instanceof vscode.Uri) return { manifest: value };
  if (typeof value !== 'object' || value === null) return {};

  const record = value as Record<string, unknown>;
  const manifest = record.manifest instanceof vscode.Uri || typeof record.manifest === 'string' ? record.manifest : undefined;
  const script = typeof record.script === 'string' ? record.script : undefined;
  return { manifest, script };
}

/** Resolves the manifest from the arguments, the active editor or a Quick Pick; undefined when the user cancels. */
export async function pickManifest(argument: vscode.Uri | string | undefined): Promise<vscode.Uri | undefined> {
  if (argument instanceof vscode.Uri) return argument;
  if (typeof argument === 'string') return vscode.Uri.file(argument);

  const manifests = await vscode.workspace.findFiles('**/package.json', '**/node_modules/**', 200);
  if (manifests.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No package.json was found in the workspace.'));
    return undefined;
  }
  if (manifests.length === 1) return manifests[0];

  const active = vscode.window.activeTextEditor?.document.uri;
  const items = manifests
    .map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri }))
    .sort((left, right) => Number(right.uri.toString() === active?.toString()) - Number(left.uri.toString() === active?.toString()) || left.label.localeCompare(right.label));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Select the package.json whose script to run') });
  return picked?.uri;
}

/** Reads the scripts of a manifest. Throws an Error with a message for the user when it cannot be read. */
export async function readManifest(uri: vscode.Uri): Promise<PickedManifest> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || uri.scheme !== 'file') {
    throw new Error(vscode.l10n.t('{0} is not a file inside an open workspace folder.', uri.fsPath));
  }

  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const errors: ParseError[] = [];
  const manifest: unknown = parse(text, errors, { allowTrailingComma: true });
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new Error(vscode.l10n.t('{0} does not contain a JSON object.', vscode.workspace.asRelativePath(uri)));
  }

  const scripts: Record<string, string> = {};
  const rawScripts = (manifest as Record<string, unknown>).scripts;
  if (typeof rawScripts === 'object' && rawScripts !== null) {
    for (const [name, value] of Object.entries(rawScripts)) {
      if (typeof value === 'string') scripts[name] = value;
    }
  }

  const siblings = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(uri, '..'));
  return { uri, folder, scripts, siblingNames: siblings.map(([name]) => name) };
}

/** Resolves the script from the argument or a Quick Pick; undefined when the user cancels or there is none. */
export async function pickScript(manifest: PickedManifest, argument: string | undefined): Promise<string | undefined> {
  if (argument !== undefined) return argument;

  const names = Object.keys(manifest.scripts);
  if (names.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} has no scripts.', vscode.workspace.asRelativePath(manifest.uri)));
    return undefined;
  }

  const picked = await vscode.window.showQuickPick(
    names.map((name) => ({ label: name, description: manifest.scripts[name] })),
    { placeHolder: vscode.l10n.t('Select the script to run in a WebContainer sandbox'), matchOnDescription: true },
  );
  return picked?.label;
}
