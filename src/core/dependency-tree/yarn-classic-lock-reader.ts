// Reads yarn.lock version 1 with yarn's own parser (@yarnpkg/lockfile). Entries are keyed by descriptors
// (`name@range`), record dependencies and optionalDependencies, and record neither os/cpu, bin names, install
// scripts nor workspaces, so per-platform members are recognised by name and workspaces come from package.json.

import {
  isPlainObject,
  optionalStringMap,
  splitNameAndVersion,
  type DependencyGraph,
  type GraphPackage,
} from './dependency-graph';
import { InvalidLockfileError } from './invalid-lockfile-error';

interface YarnLockfileModule {
  parse(text: string): { type: 'success' | 'merge' | 'conflict'; object: Record<string, unknown> };
}

// The package ships no type declarations; this is the one function used.
const yarnLockfile = require('@yarnpkg/lockfile') as YarnLockfileModule;

/**
 * Text appended before parsing. @yarnpkg/lockfile 1.1.0 scans a comment to the next newline and a string to the next
 * unescaped quote without checking for the end of input. A last line `# x` with no newline, or a quote that is never
 * closed, therefore spins until the string length overflows (seconds of CPU, hundreds of megabytes). A final comment
 * that contains a quote ends both scans and changes nothing for valid input.
 */
const PARSER_SENTINEL = '\n#"\n';

/** Parses yarn.lock version 1 text into a graph. Throws InvalidLockfileError on unusable input. */
export function readYarnClassicLock(text: string): DependencyGraph {
  const parsed = parseYarnLockfile(text);
  const byDescriptor = new Map<string, GraphPackage>();
  const byEntry = new Map<object, GraphPackage>();
  const packages = new Map<string, GraphPackage>();

  for (const [descriptor, entry] of Object.entries(parsed)) {
    if (!isPlainObject(entry)) continue;

    let graphPackage = byEntry.get(entry);
    if (!graphPackage) {
      graphPackage = packageFromEntry(descriptor, entry);
      byEntry.set(entry, graphPackage);
      if (!packages.has(graphPackage.key)) packages.set(graphPackage.key, graphPackage);
    }
    byDescriptor.set(descriptor, graphPackage);
  }

  const resolve = (name: string, range: string): GraphPackage | undefined => byDescriptor.get(`${name}@${range}`);

  return {
    format: 'yarn-classic',
    lockfileVersion: '1',
    packages,
    importers: new Map(),
    resolveFromPackage: (_from, name, range) => resolve(name, range),
    resolveFromImporter: (_importerPath, name, range) => resolve(name, range),
  };
}

function parseYarnLockfile(text: string): Record<string, unknown> {
  if (/^__metadata:/m.test(text)) {
    throw new InvalidLockfileError('This yarn.lock was written by yarn 2 or later; it was read as version 1 by mistake.');
  }

  let result: ReturnType<YarnLockfileModule['parse']>;
  try {
    result = yarnLockfile.parse(text + PARSER_SENTINEL);
  } catch (error) {
    throw new InvalidLockfileError(`yarn.lock could not be parsed: ${(error as Error).message}`);
  }

  if (result.type === 'conflict') throw new InvalidLockfileError('yarn.lock contains unresolved merge conflict markers.');
  if (!isPlainObject(result.object)) throw new InvalidLockfileError('yarn.lock has no entries.');
  return result.object;
}

function packageFromEntry(descriptor: string, entry: Record<string, unknown>): GraphPackage {
  const name = splitNameAndVersion(descriptor)?.name ?? descriptor;
  const version = typeof entry.version === 'string' ? entry.version : '';

  return {
    key: `${name}@${version}`,
    name,
    version,
    dependencies: optionalStringMap(entry.dependencies),
    optionalDependencies: optionalStringMap(entry.optionalDependencies),
  };
}
