// The small file-system interface the dependency-tree analysis reads through, and '/'-separated path helpers.
// The CLI implements it with Node's fs (node-file-reader.ts); the extension can implement it over its workspace API.

/** One entry of a directory listing. */
export interface DirectoryEntry {
  name: string;
  /** True for directories, including symbolic links that point at one. */
  isDirectory: boolean;
}

/** Synchronous, read-only access to files. Paths use '/' separators. Every method returns undefined or false instead of throwing. */
export interface FileReader {
  /** The file's text, or undefined when it is missing or unreadable. */
  readFile(path: string): string | undefined;
  exists(path: string): boolean;
  /** The entries of a directory, or undefined when it is missing or not a directory. */
  readdir(path: string): DirectoryEntry[] | undefined;
}

/**
 * Joins path parts with '/'. Empty and `.` segments are dropped and `..` removes the segment before it (a `..` with
 * nothing before it is kept). A leading '/' on the first part is kept; '.' stands for an empty relative path.
 */
export function joinPath(...parts: string[]): string {
  const absolute = (parts[0] ?? '').startsWith('/');
  const segments: string[] = [];

  for (const segment of parts.flatMap((part) => part.replace(/\\/g, '/').split('/'))) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && segments.length > 0 && segments[segments.length - 1] !== '..') segments.pop();
    else segments.push(segment);
  }

  const joined = segments.join('/');
  if (absolute) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** Returns the directory part of a '/'-separated path: `a/b/package.json` gives `a/b`, `package.json` gives `.`, `/x` gives `/`. */
export function parentDirectory(path: string): string {
  const normalized = path.replace(/\\/g, '/').replace(/\/+$/, '');
  if (normalized === '') return path.startsWith('/') ? '/' : '.';
  const slash = normalized.lastIndexOf('/');
  if (slash < 0) return '.';
  if (slash === 0) return '/';
  return normalized.slice(0, slash);
}

/** Returns the last part of a '/'-separated path. */
export function baseName(path: string): string {
  const normalized = path.replace(/\\/g, '/').replace(/\/+$/, '');
  return normalized.slice(normalized.lastIndexOf('/') + 1);
}
