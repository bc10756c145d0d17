// Command ids, declared in package.json under contributes.commands. Commands marked internal are run by
// code actions and notifications and are hidden from the Command Palette.

export const COMMANDS = {
  fixAll: 'webcontainerCompat.fixAll',
  runInstall: 'webcontainerCompat.runInstall',
  showOutput: 'webcontainerCompat.showOutput',
  checkWorkspace: 'webcontainerCompat.checkWorkspace',
  /** Internal. */
  ignorePackage: 'webcontainerCompat.ignorePackage',
  /** Internal. */
  ignoreRuntime: 'webcontainerCompat.ignoreRuntime',
  /** Internal. */
  openRuleDocs: 'webcontainerCompat.openRuleDocs',
  /** Internal. */
  offerInstall: 'webcontainerCompat.offerInstall',
} as const;
