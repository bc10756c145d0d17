// Matches a package.json to the lockfile that governs it: the nearest one above it whose project lists the package
// as a workspace (an importer), or the one in its own folder.

import type { DependencyGraph } from './dependency-graph';
import { baseName, joinPath, parentDirectory, type FileReader } from './file-reader';
import { LOCKFILE_NAMES, readLockfile } from './read-lockfile';
import { workspaceGlobs } from './workspace-packages';

export interface GoverningLockfile {
  /** The lockfile's path, built from the manifest path with '/' separators. */
  path: string;
  /** The folder that contains the lockfile, and the node_modules it installs. */
  directory: string;
  /** The package's folder relative to `directory`: '' when package.json sits next to the lockfile, else `packages/app`. */
  importerPath: string;
}

export interface LocatedLockfile extends GoverningLockfile {
  /** The parsed graph, or the reason it could not be read. */
  read: { ok: true; graph: DependencyGraph } | { ok: false; error: string };
}

/** Folders searched upwards at most; deeper trees are unusual and this keeps a cyclic path from looping. */
const MAX_LEVELS = 64;

/** Finds the lockfile that governs `manifestPath` (a package.json path). Returns undefined when none does. */
export function findGoverningLockfile(manifestPath: string, reader: FileReader): GoverningLockfile | undefined {
  const located = locateLockfile(manifestPath, reader);
  if (!located) return undefined;
  return { path: located.path, directory: located.directory, importerPath: located.importerPath };
}

/** Like findGoverningLockfile, and returns the parsed graph too so callers do not parse twice. */
export function locateLockfile(manifestPath: string, reader: FileReader): LocatedLockfile | undefined {
  let directory = parentDirectory(manifestPath);
  let importerPath = '';

  for (let level = 0; level < MAX_LEVELS; level++) {
    for (const name of LOCKFILE_NAMES) {
      const path = joinPath(directory, name);
      const text = reader.readFile(path);
      if (text === undefined) continue;

      const read = readLockfile(text, name);
      if (importerPath === '' || listsWorkspace(read, importerPath, reader, directory)) return { path, directory, importerPath, read };
    }

    const parent = parentDirectory(directory);
    if (parent === directory) return undefined;
    importerPath = importerPath === '' ? baseName(directory) : `${baseName(directory)}/${importerPath}`;
    directory = parent;
  }
  return undefined;
}

/** True when the lockfile records the folder as an importer, or the root package.json's `workspaces` globs match it. */
function listsWorkspace(read: LocatedLockfile['read'], importerPath: string, reader: FileReader, directory: string): boolean {
  if (read.ok && read.graph.importers.has(importerPath)) return true;
  return workspaceGlobs(reader.readFile(joinPath(directory, 'package.json'))).some(({ pattern }) => pattern.test(importerPath));
}
