// Reads package-lock.json and npm-shrinkwrap.json, lockfileVersion 2 and 3, from their `packages` section.
// Field meanings follow npm's package-lock.json documentation: keys are install paths, `link` entries point at workspace
// folders, and `dev`, `optional` and `devOptional` record how the package is reached.

import {
  asDependencyMap,
  binNamesOf,
  isPlainObject,
  makeImporter,
  optionalPeersOf,
  stringList,
  type DependencyGraph,
  type GraphPackage,
  type Importer,
} from './dependency-graph';
import { InvalidLockfileError } from './invalid-lockfile-error';

const NODE_MODULES = 'node_modules/';

/** Builds the graph of a parsed package-lock.json or npm-shrinkwrap.json. Throws InvalidLockfileError on unusable input. */
export function readPackageLock(data: unknown, format: 'package-lock' | 'npm-shrinkwrap'): DependencyGraph {
  if (!isPlainObject(data)) throw new InvalidLockfileError('The lockfile is not a JSON object.');

  const lockfileVersion = data.lockfileVersion;
  if (!isPlainObject(data.packages)) {
    if (lockfileVersion === 1) {
      throw new InvalidLockfileError('lockfileVersion 1 has no "packages" section. Regenerate the lockfile with npm 7 or later: npm install --package-lock-only.');
    }
    throw new InvalidLockfileError('The lockfile has no "packages" object.');
  }

  const packages = new Map<string, GraphPackage>();
  const links = new Map<string, string>();
  const importers = new Map<string, Importer>();
  const entries = data.packages;

  for (const key in entries) {
    const entry = entries[key];
    if (!isPlainObject(entry)) continue;

    if (entry.link === true) {
      if (typeof entry.resolved === 'string') links.set(key, entry.resolved);
      continue;
    }

    const isWorkspaceFolder = key === '' || !key.includes(NODE_MODULES);
    if (isWorkspaceFolder) importers.set(key, makeImporter(key, entry));
    if (key === '') continue;

    packages.set(key, packageFromEntry(key, entry, isWorkspaceFolder));
  }

  return {
    format,
    lockfileVersion: String(lockfileVersion ?? 'unknown'),
    packages,
    importers,
    resolveFromPackage: (from, name) => resolveByNodeRules(packages, links, from.key, name),
    resolveFromImporter: (importerPath, name) => resolveByNodeRules(packages, links, importerPath, name),
  };
}

const PRODUCTION_FLAGS = Object.freeze({ dev: false, optional: false });

// Builds one package per entry and copies nothing it does not need to: this loop is most of analyzeLockfile's time
// beyond JSON.parse, which the lockfile benchmark's goal limits to at most twice JSON.parse alone.
function packageFromEntry(key: string, entry: Record<string, unknown>, workspace: boolean): GraphPackage {
  const name = typeof entry.name === 'string' ? entry.name : nameFromInstallPath(key);
  const devOptional = entry.devOptional === true;
  const dev = entry.dev === true || devOptional;
  const optional = entry.optional === true || devOptional;

  const pkg: GraphPackage = {
    key,
    name,
    version: typeof entry.version === 'string' ? entry.version : '',
    dependencies: asDependencyMap(entry.dependencies),
    optionalDependencies: asDependencyMap(entry.optionalDependencies),
    hasInstallScript: entry.hasInstallScript === true,
    lockfileFlags: dev || optional ? { dev, optional } : PRODUCTION_FLAGS,
  };

  if (entry.peerDependencies !== undefined) {
    pkg.peerDependencies = asDependencyMap(entry.peerDependencies);
    pkg.optionalPeers = optionalPeersOf(entry.peerDependenciesMeta);
  }
  if (entry.os !== undefined) pkg.os = stringList(entry.os);
  if (entry.cpu !== undefined) pkg.cpu = stringList(entry.cpu);
  if (entry.libc !== undefined) pkg.libc = stringList(entry.libc);
  if (entry.bin !== undefined) pkg.binNames = binNamesOf(entry.bin, name);
  if (workspace) pkg.workspace = true;
  return pkg;
}

/** `node_modules/a/node_modules/@s/b` gives `@s/b`; a workspace folder `packages/a` gives `a`. */
export function nameFromInstallPath(key: string): string {
  const index = key.lastIndexOf(NODE_MODULES);
  if (index >= 0) return key.slice(index + NODE_MODULES.length);
  return key.slice(key.lastIndexOf('/') + 1);
}

/**
 * Resolves `name` from the package installed at `fromPath` the way Node.js does: its own node_modules first, then each
 * enclosing node_modules up to the root. Link entries lead to the workspace folder they point at.
 */
export function resolveByNodeRules(packages: ReadonlyMap<string, GraphPackage>, links: ReadonlyMap<string, string>, fromPath: string, name: string): GraphPackage | undefined {
  let directory = fromPath;

  for (;;) {
    const candidate = directory === '' ? NODE_MODULES + name : `${directory}/${NODE_MODULES}${name}`;
    const found = packages.get(candidate);
    if (found) return found;

    const linkTarget = links.get(candidate);
    if (linkTarget !== undefined) return packages.get(linkTarget);

    if (directory === '') return undefined;
    directory = enclosingPackagePath(directory);
  }
}

/** `a/node_modules/b/node_modules/c` gives `a/node_modules/b`; a path with no enclosing package gives ''. */
function enclosingPackagePath(path: string): string {
  const index = path.lastIndexOf(`/${NODE_MODULES}`);
  return index >= 0 ? path.slice(0, index) : '';
}
