// Reads pnpm-lock.yaml, lockfile versions 6 and 9 (5.x keys of the form `/name/1.0.0` are resolved too).
// Version 6 keeps metadata and dependencies in one `packages` entry keyed `/name@version(peers)`, with `requiresBuild`,
// `dev` and `optional`. Version 9 splits them: `packages` keyed `name@version` contains os/cpu/libc and `hasBin`, and
// `snapshots` keyed `name@version(peers)` contains the dependencies. Version 9.0 removed `requiresBuild`.

import { parse as parseYaml } from 'yaml';
import { joinPath } from './file-reader';
import {
  isPlainObject,
  makeImporter,
  optionalStringMap,
  splitNameAndVersion,
  stringList,
  type DependencyGraph,
  type DependencyMap,
  type GraphPackage,
  type Importer,
} from './dependency-graph';
import { InvalidLockfileError } from './invalid-lockfile-error';

type ImporterSection = 'dependencies' | 'devDependencies' | 'optionalDependencies';
const IMPORTER_SECTIONS: readonly ImporterSection[] = ['dependencies', 'devDependencies', 'optionalDependencies'];

/** Key prefix of the graph packages that stand for workspace folders, which `link:` versions point at. */
const IMPORTER_KEY_PREFIX = 'importer:';

/** Parses pnpm-lock.yaml text into a graph. Throws InvalidLockfileError on unusable input. */
export function readPnpmLock(text: string): DependencyGraph {
  const data = parsePnpmYaml(text);
  const lockfileVersion = String(data.lockfileVersion ?? 'unknown');
  const major = Number.parseFloat(lockfileVersion);
  const splitLayout = major >= 9;
  const packages = new Map<string, GraphPackage>();

  const metadata = isPlainObject(data.packages) ? data.packages : {};
  let graphEntries = metadata;
  if (splitLayout) graphEntries = isPlainObject(data.snapshots) ? data.snapshots : {};

  for (const key in graphEntries) {
    const entry = graphEntries[key];
    if (!isPlainObject(entry) && entry !== null) continue;

    const meta = splitLayout ? metadata[stripPeerSuffix(key)] : entry;
    packages.set(key, packageFromEntry(key, isPlainObject(entry) ? entry : {}, isPlainObject(meta) ? meta : {}, splitLayout));
  }

  const { importers, resolvedVersions } = readImporters(data);
  for (const [path, versions] of resolvedVersions) {
    packages.set(IMPORTER_KEY_PREFIX + path, importerPackage(path, versions));
  }

  const resolveVersion = (importerPath: string, name: string, version: string): GraphPackage | undefined => {
    if (version.startsWith('link:')) return packages.get(IMPORTER_KEY_PREFIX + joinPath(importerPath, version.slice(5)).replace(/^\.$/, ''));
    return packages.get(packageKey(name, version, splitLayout)) ?? packages.get(`/${name}/${version}`);
  };

  return {
    format: 'pnpm',
    lockfileVersion,
    packages,
    importers,
    resolveFromPackage: (from, name, version) => resolveVersion(from.importerPath ?? '', name, version),
    resolveFromImporter: (importerPath, name) => {
      const version = resolvedVersions.get(importerPath)?.[name];
      return version === undefined ? undefined : resolveVersion(importerPath, name, version);
    },
  };
}

function parsePnpmYaml(text: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 1000 });
  } catch (error) {
    throw new InvalidLockfileError(`pnpm-lock.yaml is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }

  if (!isPlainObject(data)) throw new InvalidLockfileError('pnpm-lock.yaml does not contain a YAML mapping.');
  if (data.lockfileVersion === undefined) throw new InvalidLockfileError('pnpm-lock.yaml has no lockfileVersion.');
  return data;
}

function packageFromEntry(key: string, entry: Record<string, unknown>, meta: Record<string, unknown>, splitLayout: boolean): GraphPackage {
  const { name, version } = nameAndVersionFromKey(key);

  return {
    key,
    name,
    version,
    dependencies: optionalStringMap(entry.dependencies),
    optionalDependencies: optionalStringMap(entry.optionalDependencies),
    os: stringList(meta.os),
    cpu: stringList(meta.cpu),
    libc: stringList(meta.libc),
    hasInstallScript: splitLayout ? undefined : installScriptFlag(meta),
    hasBin: meta.hasBin === true,
    lockfileFlags: splitLayout ? undefined : { dev: meta.dev === true, optional: meta.optional === true },
  };
}

/**
 * pnpm 8 writes `requiresBuild: true` on every optional package, built or not (seen on tslib and nan in a lockfile
 * written by pnpm 8.15 with --lockfile-only), so the flag counts only on packages not marked optional.
 */
function installScriptFlag(meta: Record<string, unknown>): boolean | undefined {
  if (meta.optional === true) return undefined;
  return meta.requiresBuild === true;
}

/**
 * Reads `importers` (workspaces, and every version 9 lockfile) or the top-level sections of a single-project
 * version 6 lockfile. Each dependency value is `{ specifier, version }`, or a bare version in 5.x lockfiles.
 */
function readImporters(data: Record<string, unknown>): { importers: Map<string, Importer>; resolvedVersions: Map<string, DependencyMap> } {
  const importers = new Map<string, Importer>();
  const resolvedVersions = new Map<string, DependencyMap>();
  const sources: [string, unknown][] = isPlainObject(data.importers) ? Object.entries(data.importers) : [['.', data]];

  for (const [rawPath, section] of sources) {
    if (!isPlainObject(section)) continue;

    const path = rawPath === '.' ? '' : rawPath;
    const versions: DependencyMap = {};
    const specifiers: Partial<Record<ImporterSection, DependencyMap>> = {};

    for (const sectionName of IMPORTER_SECTIONS) {
      const dependencies = section[sectionName];
      if (!isPlainObject(dependencies)) continue;

      const specs: DependencyMap = {};
      for (const [name, value] of Object.entries(dependencies)) {
        const version = isPlainObject(value) ? value.version : value;
        if (typeof version !== 'string') continue;
        versions[name] = version;
        specs[name] = isPlainObject(value) && typeof value.specifier === 'string' ? value.specifier : version;
      }
      specifiers[sectionName] = specs;
    }

    importers.set(path, makeImporter(path, specifiers));
    resolvedVersions.set(path, versions);
  }

  return { importers, resolvedVersions };
}

/** Makes a graph package for a workspace folder, so a `link:` dependency leads on to that folder's own dependencies. */
function importerPackage(path: string, versions: DependencyMap): GraphPackage {
  return {
    key: IMPORTER_KEY_PREFIX + path,
    name: path === '' ? '.' : path.slice(path.lastIndexOf('/') + 1),
    version: '',
    dependencies: versions,
    workspace: true,
    importerPath: path,
  };
}

/** The key a dependency version points at. An alias version (`npm:` aliases) already names the real package. */
function packageKey(name: string, version: string, splitLayout: boolean): string {
  const withoutPeers = stripPeerSuffix(version);
  if (splitLayout) return withoutPeers.includes('@', 1) ? version : `${name}@${version}`;
  return version.startsWith('/') ? version : `/${name}@${version}`;
}

/** `/@s/a@1.0.0(react@18.2.0)` and `@s/a@1.0.0` give `@s/a` and `1.0.0`; a 5.x key `/a/1.0.0` gives `a` and `1.0.0`. */
export function nameAndVersionFromKey(key: string): { name: string; version: string } {
  const bare = stripPeerSuffix(key.startsWith('/') ? key.slice(1) : key);
  const split = splitNameAndVersion(bare);
  if (split) return split;

  const slash = bare.lastIndexOf('/');
  return slash > 0 ? { name: bare.slice(0, slash), version: bare.slice(slash + 1) } : { name: bare, version: '' };
}

function stripPeerSuffix(key: string): string {
  const parenthesis = key.indexOf('(');
  return parenthesis >= 0 ? key.slice(0, parenthesis) : key;
}
