// Turns the paths on the command line into the list of package.json files to check.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeErrorCode, describeSystemError, type InputProblem } from './input-problem';

const MANIFEST_NAME = 'package.json';

/** Folders never searched, because installed packages are not the user's project and .git contains no manifests. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface ManifestFile {
  /** The path shown in reports: as given on the command line, or joined to the folder given. */
  displayPath: string;
  absolutePath: string;
}

export interface DiscoveryResult {
  manifests: ManifestFile[];
  problems: InputProblem[];
}

/**
 * Finds the package.json files named by `paths`, resolved against `cwd`.
 *
 * A path to a file is checked whatever its name. A path to a folder is searched recursively in
 * name order, with a folder's own package.json before those of its subfolders. Symbolic links to
 * folders met during the search are not followed, so a link cycle cannot loop. A symbolic link
 * named package.json that points to a file is checked. A folder with no package.json anywhere
 * below it is a problem, so a mistyped path does not pass silently.
 */
export function discoverManifests(paths: readonly string[], cwd: string): DiscoveryResult {
  const result: DiscoveryResult = { manifests: [], problems: [] };
  const seen = new Set<string>();

  for (const given of paths) {
    const absolutePath = path.resolve(cwd, given);
    const found = discoverFromPath(given, absolutePath, result.problems);

    if (found === 'folder-without-manifest') {
      result.problems.push({ path: given, reason: `no ${MANIFEST_NAME} found in this folder or below it` });
      continue;
    }

    // A file reached through a symbolic link and directly is the same file, so it is keyed by its real path.
    for (const manifest of found) {
      const identity = realPathOrSelf(manifest.absolutePath);
      if (!seen.has(identity)) {
        seen.add(identity);
        result.manifests.push(manifest);
      }
    }
  }

  return result;
}

function realPathOrSelf(absolutePath: string): string {
  try {
    return fs.realpathSync(absolutePath);
  } catch {
    return absolutePath;
  }
}

function discoverFromPath(given: string, absolutePath: string, problems: InputProblem[]): ManifestFile[] | 'folder-without-manifest' {
  let stats: fs.Stats;
  try {
    stats = fs.statSync(absolutePath);
  } catch (error) {
    problems.push({ path: given, reason: describeSystemError(error) });
    return [];
  }

  if (stats.isFile()) {
    return [{ displayPath: given, absolutePath }];
  }

  if (!stats.isDirectory()) {
    problems.push({ path: given, reason: 'not a regular file or folder' });
    return [];
  }

  // A folder that carries the manifest's name is a broken project, not a tree to search.
  if (path.basename(absolutePath) === MANIFEST_NAME) {
    problems.push({ path: given, reason: isDirectoryReason() });
    return [];
  }

  const problemsBefore = problems.length;
  const manifests = searchFolder(given, absolutePath, problems);

  // When the search met unreadable entries, those problems already explain an empty result.
  if (manifests.length === 0 && problems.length === problemsBefore) {
    return 'folder-without-manifest';
  }

  return manifests;
}

/** Depth-first search with an explicit stack, so a deep tree cannot overflow the call stack. */
function searchFolder(givenRoot: string, absoluteRoot: string, problems: InputProblem[]): ManifestFile[] {
  const manifests: ManifestFile[] = [];
  const stack: Array<{ display: string; absolute: string }> = [{ display: givenRoot, absolute: absoluteRoot }];

  while (stack.length > 0) {
    const folder = stack.pop()!;

    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder.absolute, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: folder.display, reason: describeSystemError(error) });
      continue;
    }

    // Code-unit order rather than localeCompare, so the order is the same on every machine.
    entries.sort(compareNames);

    const subfolders: Array<{ display: string; absolute: string }> = [];
    for (const entry of entries) {
      const display = path.join(folder.display, entry.name);
      const absolute = path.join(folder.absolute, entry.name);

      if (entry.name === MANIFEST_NAME) {
        const manifest = acceptManifestEntry(entry, display, absolute, problems);
        if (manifest !== undefined) {
          manifests.push(manifest);
        }
        continue;
      }

      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) {
        subfolders.push({ display, absolute });
      }
    }

    // Pushed in reverse so that subfolders are visited in name order.
    for (let index = subfolders.length - 1; index >= 0; index--) {
      stack.push(subfolders[index]);
    }
  }

  return manifests;
}

/** Returns the manifest for a directory entry named package.json, or records why it cannot be read. */
function acceptManifestEntry(entry: fs.Dirent, display: string, absolute: string, problems: InputProblem[]): ManifestFile | undefined {
  if (entry.isFile()) {
    return { displayPath: display, absolutePath: absolute };
  }

  if (entry.isDirectory()) {
    problems.push({ path: display, reason: isDirectoryReason() });
    return undefined;
  }

  if (entry.isSymbolicLink()) {
    try {
      if (fs.statSync(absolute).isFile()) {
        return { displayPath: display, absolutePath: absolute };
      }
    } catch (error) {
      problems.push({ path: display, reason: describeSystemError(error) });
      return undefined;
    }
  }

  // FIFOs, sockets, devices, and links to anything but a file: reading them could block or mean nothing.
  problems.push({ path: display, reason: 'not a regular file' });
  return undefined;
}

function compareNames(a: fs.Dirent, b: fs.Dirent): number {
  if (a.name < b.name) {
    return -1;
  }

  return a.name > b.name ? 1 : 0;
}

function isDirectoryReason(): string {
  return describeErrorCode('EISDIR') ?? 'is a directory';
}
