// Built-in commands of yarn, pnpm and bun, so that `yarn install` is not read as running a binary named install.

/**
 * Subcommands that yarn (1 and berry), pnpm or bun handle themselves. The list is the union of the commands
 * these tools document; a word that is both a built-in and a script name of the package is treated as the script,
 * which is what `yarn test` and `pnpm build` do. An unlisted word is a script or a package binary.
 */
export const PACKAGE_MANAGER_BUILTINS: ReadonlySet<string> = new Set([
  'add', 'audit', 'autoclean', 'bin', 'cache', 'check', 'ci', 'completion', 'config', 'constraints', 'create',
  'dedupe', 'deploy', 'dlx', 'doctor', 'env', 'exec', 'explain', 'fetch', 'generate-lock-entry', 'global', 'help',
  'i', 'import', 'info', 'init', 'install', 'install-test', 'it', 'licenses', 'link', 'list', 'login', 'logout', 'ls',
  'node', 'npm', 'outdated', 'owner', 'pack', 'patch', 'patch-commit', 'plugin', 'pm', 'policies', 'prune', 'publish',
  'rebuild', 'rb', 'remove', 'repl', 'rm', 'root', 'run', 'sdks', 'server', 'set', 'setup', 'stage', 'store', 'tag',
  'team', 'unlink', 'unplug', 'up', 'update', 'upgrade', 'upgrade-interactive', 'version', 'versions', 'why',
  'workspace', 'workspaces', 'x',
]);
