// Tells which package manager installs a project, from the lockfile it wrote. No vscode import.

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

/**
 * Lockfile names and the package manager that writes each. When a folder holds several lockfiles,
 * the first one listed wins: bun and pnpm users often keep a stale package-lock.json from before they
 * switched, while the reverse is rare.
 */
const LOCKFILES: readonly (readonly [string, PackageManager])[] = [
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

/** Returns the package manager whose lockfile is among `fileNames` (names within one folder), or undefined when none is. */
export function packageManagerFromLockfiles(fileNames: Iterable<string>): { manager: PackageManager; lockfile: string } | undefined {
  const present = new Set(fileNames);
  for (const [lockfile, manager] of LOCKFILES) {
    if (present.has(lockfile)) return { manager, lockfile };
  }
  return undefined;
}

/** Returns the command line that installs the project's dependencies and updates its lockfile. */
export function installCommandLine(manager: PackageManager): string {
  return `${manager} install`;
}
