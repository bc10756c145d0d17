// Finds and checks every package.json of every workspace folder without blocking the editor: findFiles
// first, then reads in batches and yields to the event loop between them. A new scan cancels the previous one.

import * as vscode from 'vscode';
import { COMMANDS } from './commands';
import type { CompatContext } from './context';
import type { ManifestDiagnostics } from './diagnostics';
import { isManifestUri, isWorkspaceResource } from './manifest-files';
import { errorText } from './output-channel';
import { NODE_MODULES_GLOB } from './path-exclusion';
import type { SettingsCache } from './settings';

/** Files read and checked between two yields to the event loop. */
const BATCH_SIZE = 20;

export class WorkspaceScanner implements vscode.Disposable {
  private cancellation: vscode.CancellationTokenSource | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly diagnostics: ManifestDiagnostics,
    private readonly settings: SettingsCache,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /**
   * Scans every workspace folder and the open package.json documents, then removes diagnostics of files
   * that are no longer checked. Cancels a scan in progress. Never rejects: errors are logged.
   */
  scanAll(): Promise<void> {
    this.cancellation?.cancel();
    this.cancellation?.dispose();

    const source = new vscode.CancellationTokenSource();
    this.cancellation = source;
    this.running = this.scanWorkspace(source.token).catch((error) => {
      this.log.error(`Workspace scan failed: ${errorText(error)}`);
    });
    return this.running;
  }

  /** Resolves when the latest scan has finished or was cancelled. */
  whenIdle(): Promise<void> {
    return this.running;
  }

  /** Checks every package.json below a folder, such as one just renamed or created. */
  async scanBelow(folder: vscode.Uri): Promise<void> {
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/package.json'), NODE_MODULES_GLOB);
    await Promise.all(uris.map((uri) => this.checkFile(uri)));
  }

  /** Reads a file from disk and checks it, unless settings exclude it or an open editor has newer text. */
  async checkFile(uri: vscode.Uri): Promise<void> {
    if (!this.settings.isChecked(uri)) {
      this.diagnostics.delete(uri);
      return;
    }

    const text = await this.readText(uri);
    if (text === undefined) this.diagnostics.delete(uri);
    else await this.diagnostics.check(uri, text);
  }

  dispose(): void {
    this.cancellation?.cancel();
    this.cancellation?.dispose();
  }

  private async scanWorkspace(token: vscode.CancellationToken): Promise<void> {
    const checked = new Set<string>();

    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (token.isCancellationRequested) return;
      await this.scanFolder(folder, checked, token);
    }
    if (token.isCancellationRequested) return;

    // Open documents count even where no scan reaches: virtual workspaces and files outside every folder.
    for (const document of vscode.workspace.textDocuments) {
      if (!isManifestUri(document.uri) || !isWorkspaceResource(document.uri)) continue;
      if (checked.has(document.uri.toString())) continue;
      checked.add(document.uri.toString());
      void this.diagnostics.check(document.uri, document.getText(), document.version);
    }

    this.diagnostics.deleteWhere((uri) => !checked.has(uri.toString()));
  }

  private async scanFolder(folder: vscode.WorkspaceFolder, checked: Set<string>, token: vscode.CancellationToken): Promise<void> {
    if (folder.uri.scheme !== 'file') {
      this.log.info(`Not scanning ${folder.name}: its files are not on disk (${folder.uri.scheme}:), so only open package.json documents are checked.`);
      return;
    }
    if (!this.settings.forResource(folder.uri).enable) {
      this.log.info(`Not scanning ${folder.name}: webcontainerCompat.enable is false.`);
      return;
    }

    const started = performance.now();
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/package.json'), NODE_MODULES_GLOB, undefined, token);
    const included = found.filter((uri) => this.settings.isChecked(uri));
    let findings = 0;

    for (let index = 0; index < included.length; index += BATCH_SIZE) {
      if (token.isCancellationRequested) return;

      const batch = included.slice(index, index + BATCH_SIZE);
      const sources = await Promise.all(batch.map((uri) => this.readSource(uri)));
      if (token.isCancellationRequested) return;

      const checks = batch.map((uri, position) => {
        const source = sources[position];
        if (source === undefined) return undefined;
        checked.add(uri.toString());
        return this.diagnostics.check(uri, source.text, source.version);
      });
      for (const check of await Promise.all(checks)) findings += check?.data.length ?? 0;
      await yieldToEventLoop();
    }

    const milliseconds = Math.round(performance.now() - started);
    const files = included.length === 1 ? '1 package.json file' : `${included.length} package.json files`;
    const findingCount = findings === 1 ? '1 finding' : `${findings} findings`;
    this.log.info(`Scanned ${folder.name}: ${files}, ${findingCount}, ${milliseconds} ms.`);
  }

  /** Returns the text of an open document, which may have unsaved edits, or else the file on disk. */
  private async readSource(uri: vscode.Uri): Promise<{ text: string; version?: number } | undefined> {
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
    if (open) return { text: open.getText(), version: open.version };

    const text = await this.readText(uri);
    return text === undefined ? undefined : { text };
  }

  private async readText(uri: vscode.Uri): Promise<string | undefined> {
    try {
      // TextDecoder drops a leading byte order mark, as the editor does, so offsets match an opened document.
      return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      // A file deleted or renamed since it was found is expected, not an error.
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
        this.log.debug(`Not checking ${vscode.workspace.asRelativePath(uri)}: the file no longer exists.`);
      } else {
        this.log.error(`Reading ${vscode.workspace.asRelativePath(uri)} failed: ${errorText(error)}`);
      }
      return undefined;
    }
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Registers the command that scans the whole workspace again. */
export function registerCheckWorkspace(context: CompatContext): void {
  context.registerCommand(COMMANDS.checkWorkspace, ({ scanner }) => () => scanner.scanAll());
}
