// "Ignore X in this workspace": adds a package to webcontainerCompat.ignore.packages or a command to
// webcontainerCompat.ignore.runtimes in the workspace settings. The configuration change then rescans.

import * as vscode from 'vscode';
import { COMMANDS } from './commands';
import type { CompatContext } from './context';
import { errorText } from './output-channel';
import { SETTINGS_SECTION } from './settings';

export function registerIgnoreInWorkspace(context: CompatContext): void {
  context.registerCommand(COMMANDS.ignorePackage, ({ log }) => (name: unknown) => addToIgnoreList('ignore.packages', name, log));
  context.registerCommand(COMMANDS.ignoreRuntime, ({ log }) => (name: unknown) => addToIgnoreList('ignore.runtimes', name, log));
}

/** Appends `name` to the workspace value of the list; resolves to true when the setting was written or already held it. */
async function addToIgnoreList(key: 'ignore.packages' | 'ignore.runtimes', name: unknown, log: vscode.LogOutputChannel): Promise<boolean> {
  if (typeof name !== 'string' || name === '') return false;

  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const current = configuration.inspect<unknown>(key)?.workspaceValue;
  const list = Array.isArray(current) ? current.filter((item): item is string => typeof item === 'string') : [];
  if (list.includes(name)) return true;

  try {
    await configuration.update(key, [...list, name], vscode.ConfigurationTarget.Workspace);
    log.info(`Added ${name} to ${SETTINGS_SECTION}.${key} in the workspace settings.`);
    return true;
  } catch (error) {
    log.error(`Writing ${SETTINGS_SECTION}.${key} failed: ${errorText(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not add {0} to the workspace settings: {1}', name, errorText(error)));
    return false;
  }
}
