// Reads yarn.lock written by yarn 2 and later (a `__metadata` block, parsed with @yarnpkg/parsers' parseSyml).
// Berry folds optionalDependencies into `dependencies` and marks them in `dependenciesMeta`, records the platform of
// per-platform packages in `conditions` (`os=linux & cpu=x64`), and lists each workspace as `name@workspace:path`
// with dependencies and devDependencies merged. It records no install-script flag.

import { parseSyml } from '@yarnpkg/parsers';
import {
  binNamesOf,
  isPlainObject,
  makeImporter,
  optionalPeersOf,
  optionalStringMap,
  splitNameAndVersion,
  type DependencyGraph,
  type DependencyMap,
  type GraphPackage,
  type Importer,
} from './dependency-graph';
import { InvalidLockfileError } from './invalid-lockfile-error';

const WORKSPACE_PROTOCOL = 'workspace:';

/** Parses a yarn berry lockfile into a graph. Throws InvalidLockfileError on unusable input. */
export function readYarnBerryLock(text: string): DependencyGraph {
  const data = parseBerryYaml(text);
  const packages = new Map<string, GraphPackage>();
  const byDescriptor = new Map<string, GraphPackage>();
  const workspacesByName = new Map<string, GraphPackage>();
  const importers = new Map<string, Importer>();
  const importerRanges = new Map<string, DependencyMap>();

  for (const [keyList, entry] of Object.entries(data)) {
    if (keyList === '__metadata' || !isPlainObject(entry)) continue;

    const descriptors = keyList.split(',').map((descriptor) => descriptor.trim());
    const graphPackage = packageFromEntry(descriptors[0], entry);
    packages.set(graphPackage.key, graphPackage);
    for (const descriptor of descriptors) byDescriptor.set(descriptor, graphPackage);

    const workspacePath = workspacePathOf(graphPackage.key);
    if (workspacePath === undefined) continue;

    graphPackage.workspace = true;
    workspacesByName.set(graphPackage.name, graphPackage);
    const ranges = { ...graphPackage.dependencies, ...graphPackage.optionalDependencies };
    importerRanges.set(workspacePath, ranges);
    importers.set(workspacePath, makeImporter(workspacePath, { dependencies: ranges }, false));
  }

  const resolve = (name: string, range: string): GraphPackage | undefined => {
    const exact = byDescriptor.get(`${name}@${range}`);
    if (exact) return exact;
    if (!range.includes(':')) return byDescriptor.get(`${name}@npm:${range}`);
    return range.startsWith(WORKSPACE_PROTOCOL) ? workspacesByName.get(name) : undefined;
  };

  return {
    format: 'yarn-berry',
    lockfileVersion: String((data.__metadata as { version?: unknown } | undefined)?.version ?? 'unknown'),
    packages,
    importers,
    resolveFromPackage: (_from, name, range) => resolve(name, range),
    resolveFromImporter: (importerPath, name, range) => {
      const recorded = importerRanges.get(importerPath)?.[name];
      return (recorded !== undefined ? resolve(name, recorded) : undefined) ?? resolve(name, range);
    },
  };
}

function parseBerryYaml(text: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = parseSyml(text);
  } catch (error) {
    throw new InvalidLockfileError(`yarn.lock could not be parsed: ${(error as Error).message.split('\n')[0]}`);
  }

  if (!isPlainObject(data) || !isPlainObject(data.__metadata)) throw new InvalidLockfileError('yarn.lock has no __metadata block.');
  return data;
}

function packageFromEntry(firstDescriptor: string, entry: Record<string, unknown>): GraphPackage {
  const key = typeof entry.resolution === 'string' ? entry.resolution : firstDescriptor;
  const name = splitNameAndVersion(key)?.name ?? key;
  const { required, optional } = splitOptionalDependencies(optionalStringMap(entry.dependencies), entry.dependenciesMeta);
  const conditions = typeof entry.conditions === 'string' ? parseConditions(entry.conditions) : {};

  return {
    key,
    name,
    version: typeof entry.version === 'string' ? entry.version : '',
    dependencies: required,
    optionalDependencies: optional,
    peerDependencies: optionalStringMap(entry.peerDependencies),
    optionalPeers: optionalPeersOf(entry.peerDependenciesMeta),
    ...conditions,
    binNames: binNamesOf(entry.bin, name),
  };
}

/** Moves the dependencies that dependenciesMeta marks `optional: true` (written as a string by parseSyml) into their own map. */
function splitOptionalDependencies(dependencies: DependencyMap | undefined, meta: unknown): { required?: DependencyMap; optional?: DependencyMap } {
  if (!dependencies || !isPlainObject(meta)) return { required: dependencies };

  const required: DependencyMap = {};
  const optional: DependencyMap = {};
  for (const [name, range] of Object.entries(dependencies)) {
    const flags = meta[name] ?? meta[`${name}@${range.replace(/^npm:/, '')}`];
    const isOptional = isPlainObject(flags) && (flags.optional === true || flags.optional === 'true');
    (isOptional ? optional : required)[name] = range;
  }
  return { required, optional };
}

/** Reads `os=darwin & cpu=arm64 & libc=glibc`; alternatives joined with `|` add to the same lists. */
export function parseConditions(conditions: string): { os?: string[]; cpu?: string[]; libc?: string[] } {
  const result: { os?: string[]; cpu?: string[]; libc?: string[] } = {};
  for (const match of conditions.matchAll(/\b(os|cpu|libc)\s*=\s*([\w.-]+)/g)) {
    const field = match[1] as 'os' | 'cpu' | 'libc';
    (result[field] ??= []).push(match[2]);
  }
  return result;
}

/** `app@workspace:packages/app` gives `packages/app`; the root `app@workspace:.` gives ''. */
function workspacePathOf(resolution: string): string | undefined {
  const index = resolution.indexOf(`@${WORKSPACE_PROTOCOL}`, 1);
  if (index < 0) return undefined;

  const path = resolution.slice(index + 1 + WORKSPACE_PROTOCOL.length);
  return path === '.' ? '' : path;
}
