// "WebContainer: Run Script in Sandbox": the command, the `webcontainer` task type, the code lens on scripts,
// and the one-sandbox-at-a-time rule. Running anything requires a trusted workspace.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadAnalysisModule } from '../load-analysis';
import type { PackageManager } from '../../driver/web-container-driver';
import type { CompatContext } from '../context';
import { packageManagerFromLockfiles } from '../package-manager';
import { enabledFilesExcludeGlobs } from '../path-exclusion';
import { dockerRunArguments, runInDocker, runInLocalTerminal } from './fallback-runners';
import { registerSandboxCodeLens } from './sandbox-code-lens';
import { SandboxPty } from './sandbox-pty';
import { SandboxSession, type SandboxEnvironment } from './sandbox-session';
import { readSandboxSettings } from './sandbox-settings';
import { registerSandboxTestHooks, type SandboxTestOverrides } from './sandbox-test-hooks';
import { vscodeUi } from './sandbox-ui';
import { parseRunScriptArguments, pickManifest, pickScript, readManifest, type PickedManifest } from './script-picker';

export const SANDBOX_COMMANDS = {
  runScript: 'webcontainerCompat.runScriptInSandbox',
  stop: 'webcontainerCompat.stopSandbox',
} as const;

export const SANDBOX_TASK_TYPE = 'webcontainer';

/** A task of type `webcontainer` in tasks.json. */
interface SandboxTaskDefinition extends vscode.TaskDefinition {
  script: string;
  /** Folder of the package.json relative to the workspace folder; the folder itself when missing. */
  path?: string;
  /** `sandbox` (default) runs in a WebContainer; `docker` runs the script in Docker instead. */
  runner?: 'sandbox' | 'docker';
}

export class SandboxManager implements vscode.Disposable {
  current: SandboxSession | undefined;
  /** Set only by the test hooks, in the extension's test mode. */
  testOverrides: SandboxTestOverrides | undefined;

  constructor(private readonly context: CompatContext) {}

  /** Runs the command: picks the package and script, checks them, then runs them in a new terminal. */
  async runFromCommand(argument: unknown): Promise<void> {
    const request = await this.prepare(argument);
    if (!request) return;

    const pty = new SandboxPty(false);
    const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('Sandbox: {0}', request.scriptName), pty });
    terminal.show(true);
    await this.startSession(request.manifest, request.scriptName, pty);
  }

  /** Reads the checked Docker image setting of `folder`. */
  dockerImage(folder: vscode.WorkspaceFolder): string {
    return readSandboxSettings(folder, this.context.log).dockerImage;
  }

  /** Builds the task's pseudoterminal; the check and the run start when the task's terminal opens. */
  createTaskTerminal(definition: SandboxTaskDefinition, folder: vscode.WorkspaceFolder): SandboxPty {
    const pty = new SandboxPty(true);
    const manifestUri = vscode.Uri.joinPath(folder.uri, definition.path ?? '', 'package.json');

    pty.setHandlers({
      onOpen: () => {
        void this.runTask(manifestUri, definition.script, pty).catch((error: unknown) => {
          pty.write(`${errorText(error)}\n`);
          pty.finish(1);
        });
      },
      onInterrupt: () => this.current?.pty === pty && this.current.stop(),
      onClose: () => this.current?.pty === pty && this.current.dispose(),
    });
    return pty;
  }

  stop(): void {
    this.current?.stop();
  }

  dispose(): void {
    this.current?.dispose();
    this.current = undefined;
  }

  private async runTask(manifestUri: vscode.Uri, scriptName: string, pty: SandboxPty): Promise<void> {
    if (!this.assertTrusted()) {
      pty.write(`${vscode.l10n.t('Running a script in the sandbox requires a trusted workspace.')}\n`);
      pty.finish(1);
      return;
    }

    const manifest = await readManifest(manifestUri);
    if (!this.checkScript(manifest, scriptName)) {
      pty.write(`${vscode.l10n.t('Script "{0}" cannot run in a WebContainer; see the notification for the alternatives.', scriptName)}\n`);
      pty.finish(1);
      return;
    }
    await this.startSession(manifest, scriptName, pty);
  }

  private async prepare(argument: unknown): Promise<{ manifest: PickedManifest; scriptName: string } | undefined> {
    if (!this.assertTrusted()) return undefined;

    const { manifest: manifestArgument, script } = parseRunScriptArguments(argument);
    const manifestUri = await pickManifest(manifestArgument);
    if (!manifestUri) return undefined;

    let manifest: PickedManifest;
    try {
      manifest = await readManifest(manifestUri);
    } catch (error) {
      void this.ui().notify('error', errorText(error));
      return undefined;
    }

    const scriptName = await pickScript(manifest, script);
    if (scriptName === undefined) return undefined;
    if (!this.checkScript(manifest, scriptName)) return undefined;
    return { manifest, scriptName };
  }

  /** Returns true when the script may run; otherwise explains why not and offers the fallbacks. */
  private checkScript(manifest: PickedManifest, scriptName: string): boolean {
    if (!Object.prototype.hasOwnProperty.call(manifest.scripts, scriptName)) {
      void this.ui().notify('error', vscode.l10n.t('{0} has no script named "{1}".', vscode.workspace.asRelativePath(manifest.uri), scriptName));
      return false;
    }

    const settings = this.context.settings.forResource(manifest.uri);
    // The script guard is part of the analysis bundle, loaded on first use so that activation does not wait for it.
    const { findBlockingProblems, describeRefusal } = loadAnalysisModule();
    const blocking = findBlockingProblems(manifest.scripts, scriptName, settings.analyzeOptions);
    if (blocking.length === 0) return true;

    const refusal = describeRefusal(scriptName, blocking[0]);
    this.context.log.info(`Sandbox rejected script "${scriptName}" of ${vscode.workspace.asRelativePath(manifest.uri)}: ${refusal}`);
    void this.offerFallbacks(manifest, scriptName, refusal);
    return false;
  }

  private async offerFallbacks(manifest: PickedManifest, scriptName: string, refusal: string): Promise<void> {
    const dockerAction = vscode.l10n.t('Run in Docker');
    const localAction = vscode.l10n.t('Run in Local Terminal');
    const choice = await this.ui().notify('warning', refusal, dockerAction, localAction);
    const packageFolder = path.dirname(manifest.uri.fsPath);

    if (choice === dockerAction) {
      const image = readSandboxSettings(manifest.folder, this.context.log).dockerImage;
      await runInDocker(manifest.folder, packageFolder, image, scriptName, (message) => void this.ui().notify('error', message));
    } else if (choice === localAction) {
      runInLocalTerminal(packageFolder, packageManagerFor(manifest).manager, scriptName);
    }
  }

  private async startSession(manifest: PickedManifest, scriptName: string, pty: SandboxPty): Promise<SandboxSession | undefined> {
    if (this.current && !this.current.ended) {
      const replace = vscode.l10n.t('Stop and Run');
      const choice = await this.ui().notify('warning', vscode.l10n.t('A sandbox is already running script "{0}". Stop it and run "{1}"?', this.current.request.scriptName, scriptName), replace);
      if (choice !== replace) {
        pty.write(`${vscode.l10n.t('Another sandbox is running; this one was not started.')}\n`);
        pty.finish(1);
        return undefined;
      }
    }
    this.current?.dispose();

    const { manager, note } = packageManagerFor(manifest);
    if (note) pty.writeNote(note);
    const filesExclude = vscode.workspace.getConfiguration('files', manifest.folder).get('exclude');

    const session = new SandboxSession(
      { manifestUri: manifest.uri, folder: manifest.folder, scriptName, packageManager: manager, excludeGlobs: enabledFilesExcludeGlobs(filesExclude) },
      this.environment(manifest.folder),
      pty,
    );
    this.current = session;
    pty.setHandlers({ onOpen: () => undefined, onInterrupt: () => session.stop(), onInput: (data) => session.sendInput(data), onClose: () => session.dispose() });
    showProgress(session);

    try {
      await session.start();
    } catch (error) {
      this.context.log.error(`Sandbox for script "${scriptName}" failed to start: ${errorText(error)}`);
      void this.ui().notify('error', vscode.l10n.t('The sandbox failed to start: {0}', errorText(error)));
      session.dispose();
    }
    return session;
  }

  private environment(folder: vscode.WorkspaceFolder): SandboxEnvironment {
    return {
      extensionUri: this.context.extension.extensionUri,
      settings: readSandboxSettings(folder, this.context.log),
      ui: this.ui(),
      log: this.context.log,
      runtime: this.testOverrides?.runtime ?? 'webcontainer',
      target: this.testOverrides?.target ?? 'auto',
    };
  }

  private ui() {
    return this.testOverrides?.ui ?? vscodeUi;
  }

  private assertTrusted(): boolean {
    if (vscode.workspace.isTrusted) return true;
    void this.ui().notify('error', vscode.l10n.t('Running a script in the sandbox requires a trusted workspace.'));
    return false;
  }
}

export function registerSandbox(context: CompatContext): SandboxManager {
  const manager = context.track(new SandboxManager(context));

  context.registerCommand(SANDBOX_COMMANDS.runScript, () => (argument: unknown) => manager.runFromCommand(argument));
  context.registerCommand(SANDBOX_COMMANDS.stop, () => () => manager.stop());
  context.track(
    vscode.tasks.registerTaskProvider(SANDBOX_TASK_TYPE, {
      provideTasks: () => [],
      resolveTask: (task) => resolveSandboxTask(task, manager),
    }),
  );
  registerSandboxCodeLens(context);

  // The fake runtime and the recording UI exist for the integration tests only, and only an extension host
  // started with extensionTestsPath runs in ExtensionMode.Test: no setting or workspace can turn them on.
  if (context.extension.extensionMode === vscode.ExtensionMode.Test) registerSandboxTestHooks(context, manager);
  return manager;
}

function resolveSandboxTask(task: vscode.Task, manager: SandboxManager): vscode.Task | undefined {
  const definition = task.definition as SandboxTaskDefinition;
  if (typeof definition.script !== 'string' || definition.script === '') return undefined;
  const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;

  if (definition.runner === 'docker') {
    const packageFolder = path.join(folder.uri.fsPath, definition.path ?? '');
    const execution = new vscode.ProcessExecution('docker', dockerRunArguments(packageFolder, manager.dockerImage(folder), definition.script), { cwd: packageFolder });
    return new vscode.Task(definition, folder, task.name, 'WebContainer', execution);
  }
  return new vscode.Task(definition, folder, task.name, 'WebContainer', new vscode.CustomExecution(async () => manager.createTaskTerminal(definition, folder)));
}

function showProgress(session: SandboxSession): void {
  void vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('WebContainer sandbox'), cancellable: true },
    (progress, token) =>
      new Promise<void>((resolve) => {
        token.onCancellationRequested(() => session.stop());
        const messages: Record<string, string> = {
          preparing: vscode.l10n.t('Reading the files…'),
          'waiting-for-page': vscode.l10n.t('Waiting for the sandbox page…'),
          booting: vscode.l10n.t('Booting…'),
          mounting: vscode.l10n.t('Mounting the files…'),
          installing: vscode.l10n.t('Installing dependencies…'),
        };
        progress.report({ message: messages.preparing });
        session.onDidChangePhase((phase) => {
          if (phase === 'running' || phase === 'ended') resolve();
          else if (messages[phase]) progress.report({ message: messages[phase] });
        });
      }),
  );
}

/** Picks the package manager from the lockfile. A WebContainer has npm, pnpm and yarn v1 built in and no bun. */
function packageManagerFor(manifest: PickedManifest): { manager: PackageManager; note?: string } {
  const found = packageManagerFromLockfiles(manifest.siblingNames);
  if (!found) return { manager: 'npm' };
  if (found.manager === 'bun') {
    return { manager: 'npm', note: vscode.l10n.t('{0} belongs to bun, which a WebContainer does not have; installing with npm instead.', found.lockfile) };
  }
  return { manager: found.manager };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
