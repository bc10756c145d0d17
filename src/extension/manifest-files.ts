// Tests that tell whether a document or file is a package.json manifest that the extension checks.

import * as vscode from 'vscode';

export const MANIFEST_FILE_NAME = 'package.json';

/** Document filter for hovers, code actions and the language status item. */
export const MANIFEST_SELECTOR: vscode.DocumentFilter = { language: 'json', pattern: '**/package.json' };

export function isManifestUri(uri: vscode.Uri): boolean {
  return uri.path.endsWith(`/${MANIFEST_FILE_NAME}`) || uri.path === MANIFEST_FILE_NAME;
}

/**
 * True for the schemes whose documents are files of the workspace: `file`, and the folder's own scheme in a
 * virtual workspace. Other schemes (git diffs, output, untitled) would duplicate or misplace diagnostics.
 */
export function isWorkspaceResource(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' || vscode.workspace.getWorkspaceFolder(uri) !== undefined;
}

/** Returns the path of `uri` relative to its workspace folder with `/` separators, or its full path outside every folder. */
export function workspaceRelativePath(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return uri.path;

  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path;
}

/** True when `uri` is `ancestor` or lies below it. */
export function isSameOrBelow(uri: vscode.Uri, ancestor: vscode.Uri): boolean {
  if (uri.scheme !== ancestor.scheme || uri.authority !== ancestor.authority) return false;
  if (uri.path === ancestor.path) return true;

  const base = ancestor.path.endsWith('/') ? ancestor.path : `${ancestor.path}/`;
  return uri.path.startsWith(base);
}
