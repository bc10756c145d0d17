// A FileReader over Node's synchronous fs, for the CLI and tests. Not exported from the core bundle, which must also
// load where there is no `fs`.

import * as fs from 'fs';
import type { DirectoryEntry, FileReader } from './file-reader';

/** Reads files with fs; symbolic links are followed, and every failure reads as a missing file. */
export function createNodeFileReader(): FileReader {
  return {
    readFile(path) {
      try {
        return fs.readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    exists(path) {
      return fs.existsSync(path);
    },
    readdir(path) {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(path, { withFileTypes: true });
      } catch {
        return undefined;
      }
      return entries.map((entry): DirectoryEntry => ({ name: entry.name, isDirectory: entry.isDirectory() || (entry.isSymbolicLink() && isDirectoryTarget(`${path}/${entry.name}`)) }));
    },
  };
}

function isDirectoryTarget(path: string): boolean {
  try {
    return fs.statSync(path).isDirectory();
  } catch {
    return false;
  }
}
