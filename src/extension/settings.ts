// Reads the `webcontainerCompat.*` settings and `files.exclude` for a file's workspace folder. Values are
// validated once per folder and cached until `invalidate`; each skipped value is logged as a warning.

import * as vscode from 'vscode';
import { createPathExclusion, enabledFilesExcludeGlobs, type PathExclusion } from './path-exclusion';
import { validateSettings, type CompatSettings } from './settings-validation';
import { workspaceRelativePath } from './manifest-files';

export const SETTINGS_SECTION = 'webcontainerCompat';

/** Checked settings of one workspace folder, with the exclusion test built from them. */
export interface FolderSettings extends CompatSettings {
  isExcluded: PathExclusion;
}

export class SettingsCache {
  private readonly byFolder = new Map<string, FolderSettings>();

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Drops cached values; the workspace watcher calls it on every relevant configuration or folder change, before it rescans. */
  invalidate(): void {
    this.byFolder.clear();
  }

  /** Returns the settings that apply to `uri`: those of its workspace folder, or the user's for a file outside every folder. */
  forResource(uri: vscode.Uri): FolderSettings {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? '';

    let settings = this.byFolder.get(key);
    if (!settings) {
      settings = this.read(folder);
      this.byFolder.set(key, settings);
    }
    return settings;
  }

  /** True when checking is on for `uri` and no exclusion hides it. */
  isChecked(uri: vscode.Uri): boolean {
    const settings = this.forResource(uri);
    return settings.enable && !settings.isExcluded(workspaceRelativePath(uri));
  }

  private read(folder: vscode.WorkspaceFolder | undefined): FolderSettings {
    const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder);
    const { settings, warnings } = validateSettings((key) => configuration.get(key));

    const scope = folder ? folder.name : 'user settings';
    for (const warning of warnings) this.log.warn(`Settings of ${scope}: ${warning}`);

    const filesExclude = vscode.workspace.getConfiguration('files', folder).get('exclude');
    const isExcluded = createPathExclusion([...enabledFilesExcludeGlobs(filesExclude), ...settings.exclude]);
    return { ...settings, isExcluded };
  }
}

/** True when a configuration change can change which files are checked or what is reported. */
export function affectsCheck(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SETTINGS_SECTION) || event.affectsConfiguration('files.exclude');
}
