// Decides which package.json files the workspace scan and the file watcher skip: anything inside
// node_modules, and what `files.exclude` or `webcontainerCompat.exclude` hides. Globs follow VS Code's
// syntax relative to the workspace folder and are matched with picomatch. A glob that matches a folder
// hides everything below it, as in the Explorer. No vscode import, so it is unit-tested without an editor.

import picomatch from 'picomatch';

export type PathExclusion = (relativePath: string) => boolean;

/** The glob passed to findFiles so that the search never walks into installed packages. */
export const NODE_MODULES_GLOB = '**/node_modules/**';

/**
 * Returns the globs that `files.exclude` turns on. Entries set to false are off. Entries with a `when`
 * clause are skipped, because they hide a file only next to a sibling of a given name.
 */
export function enabledFilesExcludeGlobs(filesExclude: unknown): string[] {
  if (typeof filesExclude !== 'object' || filesExclude === null) return [];
  return Object.entries(filesExclude)
    .filter(([, enabled]) => enabled === true)
    .map(([glob]) => glob);
}

/**
 * Creates a test for paths relative to a workspace folder, with `/` separators. A path is excluded when
 * one of its folders is node_modules, or when a glob matches the path or any folder above it.
 */
export function createPathExclusion(globs: readonly string[]): PathExclusion {
  const usable = globs.filter((glob) => glob.trim() !== '');
  const matches = usable.length > 0 ? picomatch(usable, { dot: true }) : () => false;

  return (relativePath: string) => {
    const segments = relativePath.split('/').filter((segment) => segment !== '' && segment !== '.');
    if (segments.includes('node_modules')) return true;

    for (let length = segments.length; length > 0; length--) {
      if (matches(segments.slice(0, length).join('/'))) return true;
    }
    return false;
  };
}
