// Reads bun.lock, the text lockfile of Bun 1.1.39 and later: JSON with comments and trailing commas.
// `workspaces` maps each folder ('' for the root) to its declared dependencies. `packages` maps an install path
// (`name`, or `parent/name` when nested) to a tuple whose first element is `name@version` and whose first object element
// contains dependencies, optionalDependencies, peerDependencies, optionalPeers, os, cpu and bin. It has no install-script flag.

import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import {
  binNamesOf,
  isPlainObject,
  makeImporter,
  optionalStringMap,
  splitNameAndVersion,
  stringList,
  type DependencyGraph,
  type GraphPackage,
  type Importer,
} from './dependency-graph';
import { InvalidLockfileError } from './invalid-lockfile-error';

const WORKSPACE_PROTOCOL = 'workspace:';

/** Parses bun.lock text into a graph. Throws InvalidLockfileError on unusable input. */
export function readBunLock(text: string): DependencyGraph {
  const data = parseBunJsonc(text);
  const workspaces = isPlainObject(data.workspaces) ? data.workspaces : {};
  const entries = isPlainObject(data.packages) ? data.packages : {};
  const importers = new Map<string, Importer>();
  const workspaceNames = new Map<string, string>();

  for (const [path, section] of Object.entries(workspaces)) {
    if (!isPlainObject(section)) continue;
    importers.set(path, makeImporter(path, section));
    if (typeof section.name === 'string') workspaceNames.set(path, section.name);
  }

  const packages = new Map<string, GraphPackage>();
  for (const [key, tuple] of Object.entries(entries)) {
    const graphPackage = packageFromTuple(key, tuple, workspaces);
    if (graphPackage) packages.set(key, graphPackage);
  }

  const resolveFrom = (installPath: string, name: string): GraphPackage | undefined => {
    const ancestors = splitInstallPath(installPath);
    for (let depth = ancestors.length; depth >= 0; depth--) {
      const prefix = ancestors.slice(0, depth).join('/');
      const found = packages.get(prefix === '' ? name : `${prefix}/${name}`);
      if (found) return found;
    }
    return undefined;
  };

  return {
    format: 'bun',
    lockfileVersion: String(data.lockfileVersion ?? 'unknown'),
    packages,
    importers,
    resolveFromPackage: (from, name) => resolveFrom(from.key, name),
    resolveFromImporter: (importerPath, name) => resolveFrom(importerPath === '' ? '' : (workspaceNames.get(importerPath) ?? ''), name),
  };
}

function parseBunJsonc(text: string): Record<string, unknown> {
  const errors: ParseError[] = [];
  const data: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });

  if (errors.length > 0) throw new InvalidLockfileError(`bun.lock is not valid JSON with comments (first error at offset ${errors[0].offset}).`);
  if (!isPlainObject(data)) throw new InvalidLockfileError('bun.lock is not a JSON object.');
  if (!isPlainObject(data.packages)) throw new InvalidLockfileError('bun.lock has no "packages" object.');
  return data;
}

function packageFromTuple(key: string, tuple: unknown, workspaces: Record<string, unknown>): GraphPackage | undefined {
  if (!Array.isArray(tuple) || typeof tuple[0] !== 'string') return undefined;

  const identifier = splitNameAndVersion(tuple[0]);
  if (!identifier) return undefined;

  // A workspace package's dependencies live in the `workspaces` section under its folder.
  if (identifier.version.startsWith(WORKSPACE_PROTOCOL)) {
    const folder = identifier.version.slice(WORKSPACE_PROTOCOL.length);
    const section = workspaces[folder];
    const declared = isPlainObject(section) ? section : {};
    return {
      key,
      name: identifier.name,
      version: '',
      dependencies: optionalStringMap(declared.dependencies),
      optionalDependencies: optionalStringMap(declared.optionalDependencies),
      workspace: true,
    };
  }

  const info = tuple.find((element: unknown): element is Record<string, unknown> => isPlainObject(element)) ?? {};
  return {
    key,
    name: identifier.name,
    version: identifier.version,
    dependencies: optionalStringMap(info.dependencies),
    optionalDependencies: optionalStringMap(info.optionalDependencies),
    peerDependencies: optionalStringMap(info.peerDependencies),
    optionalPeers: Array.isArray(info.optionalPeers) ? new Set(info.optionalPeers.filter((peer): peer is string => typeof peer === 'string')) : undefined,
    os: stringList(info.os),
    cpu: stringList(info.cpu),
    libc: stringList(info.libc),
    binNames: binNamesOf(info.bin, identifier.name),
  };
}

/** `a/@s/b/c` gives `['a', '@s/b', 'c']`. */
function splitInstallPath(path: string): string[] {
  if (path === '') return [];

  const parts = path.split('/');
  const names: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].startsWith('@') && i + 1 < parts.length) {
      names.push(`${parts[i]}/${parts[i + 1]}`);
      i++;
    } else {
      names.push(parts[i]);
    }
  }
  return names;
}
