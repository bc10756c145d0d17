// One sandbox run: mounts the package's folder, shows the sandbox page in a webview (or, when the webview is not
// cross-origin isolated, in the browser through the local server), and relays the page's output to the
// terminal. Failures are explained in the terminal and in a notification.

import * as crypto from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildMountTree, MountLimitError, type MountTreeResult } from '../../driver/mount-tree';
import type { PackageManager } from '../../driver/web-container-driver';
import { isPageMessage, type HostMessage, type PageMessage, type Phase, type RuntimeKind, type StartMessage } from '../../webview/sandbox-protocol';
import { toWireFiles } from '../../webview/wire-files';
import { findFailingPackage } from './install-failure';
import { renderSandboxPage } from './sandbox-html';
import type { SandboxPty } from './sandbox-pty';
import { SandboxServer } from './sandbox-server';
import type { SandboxSettings } from './sandbox-settings';
import type { SandboxUi } from './sandbox-ui';

/** The script a session runs and where it comes from. */
export interface SandboxRequest {
  manifestUri: vscode.Uri;
  folder: vscode.WorkspaceFolder;
  scriptName: string;
  packageManager: PackageManager;
  /** Globs of files.exclude that are on, relative to the workspace folder. */
  excludeGlobs: string[];
}

export interface SandboxEnvironment {
  extensionUri: vscode.Uri;
  settings: SandboxSettings;
  ui: SandboxUi;
  log: vscode.LogOutputChannel;
  /** `fake` only in the extension's test mode. */
  runtime: RuntimeKind;
  /** `browser` skips the webview and opens the page in the browser at once. */
  target: 'auto' | 'browser';
}

/** The state of a session, for the status line and the integration tests. */
export interface SandboxSnapshot {
  scriptName: string;
  phase: Phase | 'preparing' | 'waiting-for-page' | 'ended';
  transport: 'webview' | 'browser' | undefined;
  exitCode: number | undefined;
  failure: string | undefined;
  serverUrls: string[];
  transcript: string;
  /** Address of the local server's page, secret included; set once the browser fallback started. */
  pageUrl: string | undefined;
}

const STOP_GRACE_MS = 3_000;
const INSTALL_OUTPUT_TAIL = 256 * 1024;

export class SandboxSession implements vscode.Disposable {
  private readonly endEmitter = new vscode.EventEmitter<number>();
  private readonly phaseEmitter = new vscode.EventEmitter<SandboxSnapshot['phase']>();
  readonly onDidEnd = this.endEmitter.event;
  readonly onDidChangePhase = this.phaseEmitter.event;

  private phase: SandboxSnapshot['phase'] = 'preparing';
  private transport: 'webview' | 'browser' | undefined;
  private panel: vscode.WebviewPanel | undefined;
  private server: SandboxServer | undefined;
  private startMessage: StartMessage | undefined;
  /** The transport the start message went to; a page gets the files once. */
  private startedOn: 'webview' | 'browser' | undefined;
  private installOutput = '';
  private exitCode: number | undefined;
  private failure: string | undefined;
  private readonly serverUrls: string[] = [];
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
  private stopping = false;
  private disposed = false;

  constructor(
    readonly request: SandboxRequest,
    private readonly environment: SandboxEnvironment,
    readonly pty: SandboxPty,
  ) {}

  get ended(): boolean {
    return this.phase === 'ended';
  }

  snapshot(): SandboxSnapshot {
    return {
      scriptName: this.request.scriptName,
      phase: this.phase,
      transport: this.transport,
      exitCode: this.exitCode,
      failure: this.failure,
      serverUrls: [...this.serverUrls],
      transcript: this.pty.transcript,
      pageUrl: this.server?.pageUrl,
    };
  }

  /** Reads the files and opens the page. Resolves once the page is open, not when the run ends. */
  async start(): Promise<void> {
    const { scriptName, packageManager, manifestUri } = this.request;
    this.pty.writeNote(vscode.l10n.t('Running "{0} run {1}" from {2} in a WebContainer sandbox.', packageManager, scriptName, vscode.workspace.asRelativePath(manifestUri)));

    const mounted = await this.readFiles();
    if (!mounted) return;

    this.startMessage = {
      type: 'start',
      runtime: this.environment.runtime,
      files: toWireFiles(mounted.tree),
      install: { command: packageManager, args: ['install'] },
      run: { command: packageManager, args: ['run', scriptName] },
      bootTimeoutMs: this.environment.settings.bootTimeoutMs,
    };

    this.setPhase('waiting-for-page');
    if (this.environment.target === 'browser') await this.openInBrowser();
    else this.openWebview();
  }

  /** Sends typed keys to the process while the script runs; keys typed before that are dropped. */
  sendInput(data: string): void {
    if (this.phase === 'running' || this.phase === 'installing') this.postToPage({ type: 'input', data });
  }

  /** Asks the page to kill the running process, and ends the session when the page sends no exit code in time. */
  stop(): void {
    if (this.ended || this.stopping) return;
    this.stopping = true;
    this.pty.writeNote(vscode.l10n.t('Stopping…'));
    this.postToPage({ type: 'stop' });
    this.stopTimer ??= setTimeout(() => this.end(130), STOP_GRACE_MS);
    if (this.phase === 'waiting-for-page' || this.phase === 'preparing') this.end(130);
  }

  dispose(): void {
    if (this.disposed) return;
    this.stop();
    this.end(130);
    this.disposed = true;
    this.panel?.dispose();
    this.endEmitter.dispose();
    this.phaseEmitter.dispose();
  }

  private async readFiles(): Promise<MountTreeResult | undefined> {
    const packageFolder = path.dirname(this.request.manifestUri.fsPath);
    const excludeBase = path.relative(this.request.folder.uri.fsPath, packageFolder).split(path.sep).join('/');
    const { settings } = this.environment;

    try {
      const result = await buildMountTree(packageFolder, {
        exclude: this.request.excludeGlobs,
        excludeBase,
        includeEnvFiles: settings.includeEnvFiles,
        maxFiles: settings.maxFiles,
        maxTotalBytes: settings.maxTotalBytes,
      });
      this.describeSkipped(result);
      this.environment.log.info(`Sandbox for script "${this.request.scriptName}": mounting ${result.fileCount} files, ${result.totalBytes} bytes from ${packageFolder}.`);
      return result;
    } catch (error) {
      const message = error instanceof MountLimitError ? error.message : vscode.l10n.t('Reading the files to mount failed: {0}', errorText(error));
      this.fail(message);
      return undefined;
    }
  }

  private describeSkipped(result: MountTreeResult): void {
    const count = (reason: string) => result.skipped.filter((entry) => entry.reason === reason).length;
    const outside = count('symlink-outside-folder');
    const envFiles = count('env-file');
    if (outside > 0) this.pty.writeNote(vscode.l10n.t('Left out {0} symbolic links that point outside the folder.', outside));
    if (envFiles > 0) this.pty.writeNote(vscode.l10n.t('Left out {0} .env files; the setting webcontainerCompat.sandbox.includeEnvFiles mounts them.', envFiles));
  }

  private openWebview(): void {
    const distUri = vscode.Uri.joinPath(this.environment.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel(
      'webcontainerCompat.sandbox',
      vscode.l10n.t('Sandbox: {0}', this.request.scriptName),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: [distUri, vscode.Uri.joinPath(this.environment.extensionUri, 'media')],
      },
    );
    this.panel = panel;
    this.transport = 'webview';

    const nonce = crypto.randomBytes(16).toString('base64');
    panel.webview.html = renderSandboxPage({
      nonce,
      scriptUrl: panel.webview.asWebviewUri(vscode.Uri.joinPath(distUri, 'webview', 'sandbox.js')).toString(),
      styleUrl: panel.webview.asWebviewUri(vscode.Uri.joinPath(distUri, 'webview', 'sandbox.css')).toString(),
      resourceSource: panel.webview.cspSource,
      transport: 'webview',
    }).html;

    panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message, 'webview'));
    panel.onDidDispose(() => {
      this.panel = undefined;
      if (this.transport === 'webview') this.stop();
    });
  }

  private async openInBrowser(): Promise<void> {
    if (!this.server) {
      const assetDir = vscode.Uri.joinPath(this.environment.extensionUri, 'dist', 'webview').fsPath;
      this.server = await SandboxServer.start({
        assetDir,
        renderPage: (nonce) => renderSandboxPage({ nonce, scriptUrl: 'sandbox.js', styleUrl: 'sandbox.css', resourceSource: "'self'", transport: 'browser' }),
        onMessage: (message) => this.receive(message, 'browser'),
        onRejected: (description) => this.environment.log.warn(`Sandbox server rejected a ${description}.`),
        onDisconnected: () => {
          if (this.startedOn === 'browser') this.fail(vscode.l10n.t('The sandbox page in the browser was closed or reloaded, so the run stopped.'));
        },
      });
      this.environment.log.info(`Sandbox server for script "${this.request.scriptName}" listening on 127.0.0.1:${this.server.port}.`);
    }

    this.transport = 'browser';
    this.panel?.dispose();

    // VS Code may forward the port (code-server serves it under /proxy/<port>/, a remote window through a tunnel),
    // so the server also accepts the authority VS Code hands out. code-server 4.100 keeps only the origin of the
    // URI it is given, so the root is resolved and the page's path appended to what comes back.
    const root = await vscode.env.asExternalUri(vscode.Uri.parse(`http://127.0.0.1:${this.server.port}/`));
    const external = root.with({ path: `${root.path.replace(/\/?$/, '/')}${this.server.pagePath}` });
    if (external.authority !== `127.0.0.1:${this.server.port}`) this.server.allowAuthority(external.authority);

    this.pty.writeNote(vscode.l10n.t('Opened the sandbox in the browser. If no tab opened, open this address: {0}', external.toString(true)));
    await this.environment.ui.openExternal(external);
  }

  private receive(message: unknown, source: 'webview' | 'browser'): void {
    if (!isPageMessage(message)) {
      this.environment.log.warn(`Sandbox ${source} page sent a message that does not match the schema; ignored.`);
      return;
    }
    if (source !== this.transport || this.ended) return;
    this.handle(message);
  }

  private handle(message: PageMessage): void {
    switch (message.type) {
      case 'hello':
        return this.onHello(message.crossOriginIsolated);
      case 'open-in-browser':
        void this.openInBrowser().catch((error: unknown) => this.fail(vscode.l10n.t('Starting the local sandbox server failed: {0}', errorText(error))));
        return;
      case 'phase':
        return this.setPhase(message.phase);
      case 'output':
        if (message.step === 'install') this.installOutput = (this.installOutput + message.data).slice(-INSTALL_OUTPUT_TAIL);
        this.pty.write(message.data);
        return;
      case 'exit':
        return this.onExit(message.step, message.code);
      case 'server-ready':
        return this.onServerReady(message.port, message.url);
      case 'failure':
        return this.onFailure(message.kind, message.message);
    }
  }

  private onHello(isolated: boolean): void {
    if (!this.startMessage || this.startedOn === this.transport) return;

    if (isolated || this.environment.runtime === 'fake') {
      this.startedOn = this.transport;
      this.postToPage(this.startMessage);
      return;
    }

    // Only a webview gets here: the browser page is isolated unless the browser lacks COOP/COEP support.
    const explanation = vscode.l10n.t(
      'The WebContainer cannot boot inside this VS Code window: the webview is not cross-origin isolated, so SharedArrayBuffer is unavailable. Open the sandbox in the browser, which the extension serves on 127.0.0.1 with the required headers.',
    );
    this.pty.writeNote(explanation);
    if (this.transport === 'browser') {
      this.fail(vscode.l10n.t('The browser page is not cross-origin isolated either, so the WebContainer cannot boot. Use a current Chromium, Firefox or Safari.'));
      return;
    }

    const openAction = vscode.l10n.t('Open in Browser');
    void this.environment.ui.notify('warning', explanation, openAction).then((choice) => {
      if (choice === openAction && !this.ended) void this.openInBrowser();
    });
  }

  private onExit(step: 'install' | 'run', code: number): void {
    const { scriptName, packageManager } = this.request;

    if (step === 'install') {
      if (code === 0) return;
      if (this.stopping) return this.end(code);
      const failing = findFailingPackage(this.installOutput);
      const message = failing
        ? vscode.l10n.t('"{0} install" failed with exit code {1}: the package "{2}" could not be installed.', packageManager, code, failing)
        : vscode.l10n.t('"{0} install" failed with exit code {1}. The terminal shows its output.', packageManager, code);
      this.fail(message, code);
      return;
    }

    this.exitCode = code;
    if (this.stopping) {
      this.pty.writeNote(vscode.l10n.t('Script "{0}" was stopped (exit code {1}).', scriptName, code));
      this.end(code);
      return;
    }
    if (code === 0) {
      this.pty.writeNote(vscode.l10n.t('Script "{0}" finished with exit code 0.', scriptName));
      this.end(0);
      return;
    }
    this.fail(vscode.l10n.t('Script "{0}" failed with exit code {1}.', scriptName, code), code);
  }

  private onServerReady(port: number, url: string): void {
    this.serverUrls.push(url);
    this.pty.writeNote(vscode.l10n.t('Server ready on port {0}: {1}', port, url));

    const openAction = vscode.l10n.t('Open');
    void this.environment.ui.notify('information', vscode.l10n.t('A server started in the sandbox on port {0}: {1}', port, url), openAction).then((choice) => {
      // The URL passed the schema check, which accepts http and https only.
      if (choice === openAction) void this.environment.ui.openExternal(vscode.Uri.parse(url));
    });
  }

  private onFailure(kind: string, detail: string): void {
    const timeoutSeconds = Math.round(this.environment.settings.bootTimeoutMs / 1000);
    switch (kind) {
      case 'boot-timeout':
        return this.fail(
          vscode.l10n.t(
            'The WebContainer did not boot within {0} s. Booting loads the runtime from https://stackblitz.com, so the browser must reach it; the setting webcontainerCompat.sandbox.bootTimeoutSeconds sets the limit.',
            timeoutSeconds,
          ),
        );
      case 'boot-failed':
        return this.fail(vscode.l10n.t('The WebContainer failed to boot: {0}', detail));
      case 'not-isolated':
        return this.onHello(false);
      default:
        return this.fail(detail);
    }
  }

  private setPhase(phase: SandboxSnapshot['phase']): void {
    if (this.ended) return;
    this.phase = phase;
    this.phaseEmitter.fire(phase);

    const notes: Partial<Record<SandboxSnapshot['phase'], string>> = {
      booting: vscode.l10n.t('Booting the WebContainer…'),
      mounting: vscode.l10n.t('Mounting the files…'),
      installing: vscode.l10n.t('Installing dependencies with {0}…', this.request.packageManager),
      running: vscode.l10n.t('Running script "{0}"…', this.request.scriptName),
    };
    const note = notes[phase];
    if (note) this.pty.writeNote(note);
  }

  private fail(message: string, code = 1): void {
    if (this.ended) return;
    this.failure = message;
    this.exitCode ??= code;
    this.environment.log.error(`Sandbox for script "${this.request.scriptName}": ${message}`);
    this.pty.write(`\u001b[31m${message}\u001b[39m\n`);
    void this.environment.ui.notify('error', message);
    this.end(code);
  }

  private end(code: number): void {
    if (this.ended) return;
    clearTimeout(this.stopTimer);
    this.phase = 'ended';
    this.exitCode ??= code;
    this.phaseEmitter.fire('ended');
    this.pty.finish(code);

    const server = this.server;
    if (server) {
      void server.close().then(() => this.environment.log.info(`Sandbox server on port ${server.port} closed.`));
    }
    this.endEmitter.fire(code);
  }

  private postToPage(message: HostMessage): void {
    if (this.transport === 'browser') this.server?.send(message);
    else void this.panel?.webview.postMessage(message);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
