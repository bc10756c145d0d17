// The files on disk that a dependency-tree report depends on, and a stamp of their sizes and modification times.
// The stamp keys the report cache: the analysis reads the lockfile again only when the stamp changes. No vscode import.

import * as fs from 'fs';

/**
 * Lockfile names the core's governing-lockfile search tries, kept here so that activation need not load the
 * lockfile parsers. A unit test checks that the list equals the core's LOCKFILE_NAMES.
 */
export const LOCKFILE_FILE_NAMES = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock'] as const;

/** Folders above a package.json that the stamp covers; the core stops its upward lockfile search at 64 as well. */
const MAX_LEVELS = 64;

export interface FileStat {
  mtimeMs: number;
  size: number;
}

/** Returns a file's size and modification time, or undefined when it does not exist or cannot be read. */
export type StatFile = (path: string) => Promise<FileStat | undefined>;

/**
 * Lists the paths whose change can change the tree analysis of the package.json at `manifestPath` ('/'-separated).
 * In its folder and each folder above, these are every lockfile name and node_modules, whose own modification time
 * changes when a top-level package is added or removed. Above its own folder, package.json is listed too, because its
 * `workspaces` decide whether a lockfile there governs the package. The package.json itself is not listed, because
 * its text is passed in.
 */
export function treeInputPaths(manifestPath: string): string[] {
  const paths: string[] = [];
  let directory = parentOf(manifestPath);

  for (let level = 0; level < MAX_LEVELS; level++) {
    for (const name of LOCKFILE_FILE_NAMES) paths.push(joinTo(directory, name));
    paths.push(joinTo(directory, 'node_modules'));
    if (level > 0) paths.push(joinTo(directory, 'package.json'));

    const parent = parentOf(directory);
    if (parent === directory) break;
    directory = parent;
  }
  return paths;
}

export interface TreeInputs {
  /** Each input file that exists, with its size and modification time. */
  stamp: string;
  /** False when no lockfile or node_modules exists, so that the analysis has nothing to read and finds nothing. */
  found: boolean;
}

/** Stats every input path at once. */
export async function readTreeInputs(manifestPath: string, stat: StatFile): Promise<TreeInputs> {
  const paths = treeInputPaths(manifestPath);
  const stats = await Promise.all(paths.map((path) => stat(path)));

  const parts: string[] = [];
  let found = false;
  paths.forEach((path, index) => {
    const fileStat = stats[index];
    if (!fileStat) return;
    parts.push(`${path}:${fileStat.mtimeMs}:${fileStat.size}`);
    if (!path.endsWith('/package.json')) found = true;
  });
  return { stamp: parts.join('\n'), found };
}

function parentOf(path: string): string {
  const normalized = path.replace(/\\/g, '/').replace(/\/+$/, '');
  // The root (`/`, or a Windows drive such as `C:/`) is its own parent.
  if (normalized === '') return '/';
  if (/^[A-Za-z]:$/.test(normalized)) return `${normalized}/`;

  const slash = normalized.lastIndexOf('/');
  if (slash < 0) return '.';
  if (slash === 0) return '/';
  if (/^[A-Za-z]:$/.test(normalized.slice(0, slash))) return normalized.slice(0, slash + 1);
  return normalized.slice(0, slash);
}

function joinTo(directory: string, name: string): string {
  return directory.endsWith('/') ? `${directory}${name}` : `${directory}/${name}`;
}

/** Stats a file with Node's fs; every failure reads as a missing file. */
export const statOnDisk: StatFile = async (path) => {
  try {
    const stats = await fs.promises.stat(path);
    return { mtimeMs: stats.mtimeMs, size: stats.size };
  } catch {
    return undefined;
  }
};

/**
 * Returns the folder whose package.json files (it and those below it) a changed lockfile or node_modules entry can
 * affect: a lockfile's folder, or the folder that contains the outermost node_modules in `path`. Returns undefined
 * for other paths.
 */
export function affectedFolderOf(path: string): string | undefined {
  const normalized = path.replace(/\\/g, '/');
  const nodeModules = normalized.search(/\/node_modules(\/|$)/);
  if (nodeModules >= 0) return nodeModules === 0 ? '/' : normalized.slice(0, nodeModules);

  const name = normalized.slice(normalized.lastIndexOf('/') + 1);
  if ((LOCKFILE_FILE_NAMES as readonly string[]).includes(name)) return parentOf(normalized);
  return undefined;
}
