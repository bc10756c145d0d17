// Checks package.json files again when a lockfile or node_modules changes on disk, because their dependency-tree
// findings come from those files. Events are collected for a short delay, since one `npm install` writes the
// lockfile and many node_modules entries.

import * as vscode from 'vscode';
import type { ManifestDiagnostics } from './diagnostics';
import { isSameOrBelow } from './manifest-files';
import { affectedFolderOf, LOCKFILE_FILE_NAMES } from './tree-inputs';
import type { WorkspaceScanner } from './workspace-scan';

/** Delay after the last lockfile or node_modules event before the affected package.json files are checked. */
export const DEPENDENCY_FILE_DEBOUNCE_MS = 500;

/**
 * Patterns of the watched files. node_modules entries below the top level are left out: VS Code's default
 * `files.watcherExclude` ignores them, and the analysis cache keys on the top-level folder only.
 */
const WATCHED_PATTERNS = [`**/{${LOCKFILE_FILE_NAMES.join(',')}}`, '**/node_modules', '**/node_modules/*'];

export class DependencyFileWatch implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changedFolders = new Map<string, vscode.Uri>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly diagnostics: ManifestDiagnostics,
    private readonly scanner: WorkspaceScanner,
    private readonly log: vscode.LogOutputChannel,
  ) {
    for (const pattern of WATCHED_PATTERNS) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      this.disposables.push(
        watcher,
        watcher.onDidCreate((uri) => this.changed(uri)),
        watcher.onDidChange((uri) => this.changed(uri)),
        watcher.onDidDelete((uri) => this.changed(uri)),
      );
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private changed(uri: vscode.Uri): void {
    if (uri.scheme !== 'file') return;
    const folder = affectedFolderOf(uri.path);
    if (folder === undefined) return;

    const folderUri = uri.with({ path: folder });
    this.changedFolders.set(folderUri.toString(), folderUri);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.checkAffected(), DEPENDENCY_FILE_DEBOUNCE_MS);
  }

  /** Checks every checked package.json in a changed folder or below it: the open document's text, else the file on disk. */
  private checkAffected(): void {
    const folders = [...this.changedFolders.values()];
    this.changedFolders.clear();
    this.timer = undefined;

    const affected = this.diagnostics.checkedUris().filter((uri) => uri.scheme === 'file' && folders.some((folder) => isSameOrBelow(uri, folder)));
    if (affected.length === 0) return;

    const names = folders.map(describeFolder).join(', ');
    const files = affected.length === 1 ? '1 package.json file' : `${affected.length} package.json files`;
    this.log.info(`Lockfile or node_modules changed in ${names}: checking ${files} again.`);

    for (const uri of affected) {
      const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
      if (open) void this.diagnostics.check(open.uri, open.getText(), open.version);
      else void this.scanner.checkFile(uri);
    }
  }
}

/** Names a folder for the log: relative to its workspace folder, or the workspace folder's name for the folder itself. */
function describeFolder(folder: vscode.Uri): string {
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(folder);
  if (workspaceFolder && workspaceFolder.uri.path === folder.path) return workspaceFolder.name;
  return vscode.workspace.asRelativePath(folder);
}
