// Keeps diagnostics current: on edit (debounced), open, close and save of a package.json document; on files
// created, changed, deleted or renamed on disk; and on changes of settings or workspace folders.

import * as vscode from 'vscode';
import type { ManifestDiagnostics } from './diagnostics';
import { isManifestUri, isSameOrBelow, isWorkspaceResource } from './manifest-files';
import { errorText } from './output-channel';
import { affectsCheck, type SettingsCache } from './settings';
import type { WorkspaceScanner } from './workspace-scan';

/** Delay after the last keystroke before a document is checked again. */
export const EDIT_DEBOUNCE_MS = 200;

export class WorkspaceWatch implements vscode.Disposable {
  private readonly pendingEdits = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly diagnostics: ManifestDiagnostics,
    private readonly scanner: WorkspaceScanner,
    private readonly settings: SettingsCache,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.watchDocuments();
    this.watchFiles();
    this.watchConfiguration();
  }

  dispose(): void {
    for (const timer of this.pendingEdits.values()) clearTimeout(timer);
    this.pendingEdits.clear();
    for (const disposable of this.disposables) disposable.dispose();
  }

  private watchDocuments(): void {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (isTrackedDocument(document)) this.checkDocumentNow(document);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && isTrackedDocument(event.document)) this.scheduleCheck(event.document);
      }),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (isTrackedDocument(document)) this.checkDocumentNow(document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (isTrackedDocument(document)) this.documentClosed(document);
      }),
    );
  }

  private watchFiles(): void {
    const watcher = vscode.workspace.createFileSystemWatcher('**/package.json');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.fileChangedOnDisk(uri)),
      watcher.onDidChange((uri) => this.fileChangedOnDisk(uri)),
      watcher.onDidDelete((uri) => this.diagnostics.deleteWhere((checked) => isSameOrBelow(checked, uri))),
      // Deleting or renaming a folder inside VS Code may report only the folder, not each package.json below it.
      vscode.workspace.onDidDeleteFiles((event) => {
        for (const uri of event.files) this.diagnostics.deleteWhere((checked) => isSameOrBelow(checked, uri));
      }),
      vscode.workspace.onDidRenameFiles((event) => {
        for (const { oldUri, newUri } of event.files) this.renamed(oldUri, newUri);
      }),
    );
  }

  private watchConfiguration(): void {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!affectsCheck(event)) return;
        this.log.info('Settings changed: checking the workspace again.');
        this.rescan();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.log.info('Workspace folders changed: checking the workspace again.');
        this.rescan();
      }),
    );
  }

  private rescan(): void {
    this.settings.invalidate();
    void this.scanner.scanAll();
  }

  private scheduleCheck(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pendingEdits.get(key));

    this.pendingEdits.set(
      key,
      setTimeout(() => {
        this.pendingEdits.delete(key);
        // The document may have closed during the delay; its disk contents are then checked by documentClosed.
        if (!document.isClosed) void this.diagnostics.check(document.uri, document.getText(), document.version);
      }, EDIT_DEBOUNCE_MS),
    );
  }

  private checkDocumentNow(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pendingEdits.get(key));
    this.pendingEdits.delete(key);
    void this.diagnostics.check(document.uri, document.getText(), document.version);
  }

  /** Back to the disk contents, which differ from the editor's when the user closed without saving. */
  private documentClosed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pendingEdits.get(key));
    this.pendingEdits.delete(key);

    if (document.uri.scheme === 'file') void this.scanner.checkFile(document.uri);
    else this.diagnostics.delete(document.uri);
  }

  /** Checks a file changed outside the editor; in a virtual workspace only open documents are checked, so other schemes are left alone. */
  private fileChangedOnDisk(uri: vscode.Uri): void {
    if (uri.scheme !== 'file' || !isManifestUri(uri) || !this.settings.isChecked(uri)) return;
    void this.scanner.checkFile(uri);
  }

  private renamed(oldUri: vscode.Uri, newUri: vscode.Uri): void {
    this.diagnostics.deleteWhere((checked) => isSameOrBelow(checked, oldUri));

    if (isManifestUri(newUri)) {
      void this.scanner.checkFile(newUri);
      return;
    }
    void this.scanRenamedFolder(newUri);
  }

  private async scanRenamedFolder(uri: vscode.Uri): Promise<void> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) await this.scanner.scanBelow(uri);
    } catch (error) {
      this.log.error(`Checking ${vscode.workspace.asRelativePath(uri)} after a rename failed: ${errorText(error)}`);
    }
  }
}

function isTrackedDocument(document: vscode.TextDocument): boolean {
  return isManifestUri(document.uri) && isWorkspaceResource(document.uri);
}
