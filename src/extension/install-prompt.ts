// After a swap, offers to run the install in a terminal with the package manager whose lockfile the
// project has. It only offers: the install runs when the user presses the button, or runs the
// command, and never in an untrusted workspace, because installing runs the dependencies' own scripts.

import * as vscode from 'vscode';
import { COMMANDS } from './commands';
import type { CompatContext } from './context';
import { isManifestUri } from './manifest-files';
import { errorText } from './output-channel';
import { installCommandLine, packageManagerFromLockfiles, type PackageManager } from './package-manager';

interface InstallPlan {
  manager: PackageManager;
  commandLine: string;
  /** The folder that holds the lockfile, where the install must run; the manifest's folder when there is no lockfile. */
  folder: vscode.Uri;
}

export function registerInstallPrompt(context: CompatContext): void {
  context.registerCommand(COMMANDS.offerInstall, ({ log }) => (uri: unknown) => offerInstall(uri, log));
  context.registerCommand(COMMANDS.runInstall, ({ log }) => (uri: unknown) => runInstall(uri, log));
}

/** Shows the notification; resolves to true when it was shown, before the user responds. */
async function offerInstall(uri: unknown, log: vscode.LogOutputChannel): Promise<boolean> {
  if (!(uri instanceof vscode.Uri) || uri.scheme !== 'file') return false;
  if (!vscode.workspace.isTrusted) {
    log.info(`Not offering an install for ${vscode.workspace.asRelativePath(uri)}: the workspace is not trusted.`);
    return false;
  }

  const plan = await findInstallPlan(uri, log);
  const run = vscode.l10n.t('Run {0}', plan.commandLine);
  const message = vscode.l10n.t(
    '{0} changed. Run {1} to update node_modules and the lockfile?',
    vscode.workspace.asRelativePath(uri),
    plan.commandLine,
  );

  // Not awaited: the code action that ran this command should finish while the notification stays open.
  void vscode.window.showInformationMessage(message, run).then((choice) => {
    if (choice === run) void runInstall(uri, log);
  });
  return true;
}

/** Runs the install for `uri` (or the active package.json) in a new terminal; resolves to false when it did not. */
async function runInstall(uri: unknown, log: vscode.LogOutputChannel): Promise<boolean> {
  const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
  if (!target || !isManifestUri(target)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a package.json to install its dependencies.'));
    return false;
  }
  if (target.scheme !== 'file') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Installing needs the project on disk; {0} is not.', target.toString()));
    return false;
  }

  if (!vscode.workspace.isTrusted) {
    log.warn(`Refused to install for ${vscode.workspace.asRelativePath(target)}: the workspace is not trusted.`);
    const manage = vscode.l10n.t('Manage Workspace Trust');
    const message = vscode.l10n.t('Installing runs the install scripts of the dependencies, so it needs a trusted workspace.');
    // Not awaited, so the command reports its refusal at once while the warning stays open.
    void vscode.window.showWarningMessage(message, manage).then((choice) => {
      if (choice === manage) void vscode.commands.executeCommand('workbench.trust.manage');
    });
    return false;
  }

  const plan = await findInstallPlan(target, log);
  const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('WebContainer: {0}', plan.commandLine), cwd: plan.folder });
  terminal.show();
  terminal.sendText(plan.commandLine);
  log.info(`Running "${plan.commandLine}" in ${vscode.workspace.asRelativePath(plan.folder)} in a terminal.`);
  return true;
}

/**
 * Looks for a lockfile next to the manifest, then in each folder above it up to the workspace folder,
 * because workspaces (npm, pnpm, yarn, bun) keep one lockfile at their root.
 */
async function findInstallPlan(manifest: vscode.Uri, log: vscode.LogOutputChannel): Promise<InstallPlan> {
  const manifestFolder = vscode.Uri.joinPath(manifest, '..');
  const root = vscode.workspace.getWorkspaceFolder(manifest)?.uri;

  for (let folder = manifestFolder; ; folder = vscode.Uri.joinPath(folder, '..')) {
    const found = packageManagerFromLockfiles(await listFileNames(folder, log));
    if (found) return { manager: found.manager, commandLine: installCommandLine(found.manager), folder };

    const parent = vscode.Uri.joinPath(folder, '..');
    if (!root || folder.path === root.path || parent.path === folder.path) break;
  }

  return { manager: 'npm', commandLine: installCommandLine('npm'), folder: manifestFolder };
}

async function listFileNames(folder: vscode.Uri, log: vscode.LogOutputChannel): Promise<string[]> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return entries.filter(([, type]) => type & vscode.FileType.File).map(([name]) => name);
  } catch (error) {
    log.warn(`Listing ${vscode.workspace.asRelativePath(folder)} for a lockfile failed: ${errorText(error)}`);
    return [];
  }
}
