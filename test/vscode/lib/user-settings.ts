// User settings for a test window: nothing that looks up a server, no prompts, no tours.
import * as fs from 'fs';
import * as path from 'path';
import type { WorkspaceTrustMode } from '../../integration/environment';

/** Settings that every test window gets before a suite's own settings are applied on top. */
export const DEFAULT_USER_SETTINGS: Record<string, unknown> = {
  // Look-ups of remote servers that this machine cannot reach and that tests must not depend on.
  'json.schemaDownload.enable': false,
  'npm.fetchOnlinePackageInfo': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'typescript.surveys.enabled': false,
  'git.autofetch': false,
  // Test workspaces are copied under test-output/, inside this repository's git work tree.
  'git.openRepositoryInParentFolders': 'never',
  'remote.autoForwardPorts': false,
  'chat.disableAIFeatures': true,

  // Windows, editors and notifications that would cover what the tests look at.
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  'editor.minimap.enabled': false,
  'security.workspace.trust.enabled': false,
};

const UNTRUSTED_WORKSPACE_SETTINGS: Record<string, unknown> = {
  'security.workspace.trust.enabled': true,
  // No modal dialog asking whether to trust the folder: it stays in restricted mode.
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
};

/** Writes `<userDataDir>/User/settings.json`: the defaults, the trust settings, then the suite's own. */
export function writeUserSettings(
  userDataDir: string,
  trust: WorkspaceTrustMode,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const settings = {
    ...DEFAULT_USER_SETTINGS,
    ...(trust === 'untrusted' ? UNTRUSTED_WORKSPACE_SETTINGS : {}),
    ...overrides,
  };

  const userDir = path.join(userDataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  return settings;
}
