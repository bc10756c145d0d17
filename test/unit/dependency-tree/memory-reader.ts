// An in-memory FileReader for tests: files by '/'-separated path, directories implied by the paths.

import type { DirectoryEntry, FileReader } from '../../../src/core/dependency-tree';

export function createMemoryReader(files: Record<string, string>): FileReader & { reads: string[] } {
  const directories = new Map<string, Map<string, boolean>>();
  for (const path of Object.keys(files)) {
    const parts = path.split('/');
    for (let depth = 1; depth < parts.length; depth++) {
      const directory = parts.slice(0, depth).join('/') || '/';
      if (!directories.has(directory)) directories.set(directory, new Map());
      directories.get(directory)?.set(parts[depth], depth < parts.length - 1);
    }
  }

  const reads: string[] = [];
  return {
    reads,
    readFile(path) {
      reads.push(path);
      return Object.prototype.hasOwnProperty.call(files, path) ? files[path] : undefined;
    },
    exists(path) {
      return Object.prototype.hasOwnProperty.call(files, path) || directories.has(path);
    },
    readdir(path) {
      const entries = directories.get(path);
      return entries ? [...entries].map(([name, isDirectory]): DirectoryEntry => ({ name, isDirectory })) : undefined;
    },
  };
}
