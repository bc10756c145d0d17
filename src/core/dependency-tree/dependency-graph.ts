// The package graph every lockfile reader produces, so classification and chain search work the same for all formats.

/** Source format of a graph. `node-modules` is a graph read from an installed tree when no lockfile exists. */
export type LockfileFormat = 'package-lock' | 'npm-shrinkwrap' | 'pnpm' | 'yarn-classic' | 'yarn-berry' | 'bun' | 'node-modules';

/**
 * Dependency specs by name, as the format stores them: a range, a resolved version or a descriptor. Maps taken
 * from parsed JSON without copying (asDependencyMap) may hold other value types when the file is malformed, so
 * code that uses a value checks that it is a string.
 */
export type DependencyMap = Record<string, string>;

/** Facts read from an installed package's own directory in node_modules. */
export interface InstalledEvidence {
  /** The package directory, relative to the directory that contains node_modules. */
  path: string;
  gypfile: boolean;
  hasBindingGyp: boolean;
  /** `*.node` files found by a bounded search, relative to the package directory. */
  nodeFiles: string[];
  hasPrebuildsDirectory: boolean;
  /** preinstall, install and postinstall scripts, as written. */
  installScripts: Record<string, string>;
  /** True when package.json has a `binary` field, which node-pre-gyp reads. */
  hasBinaryField: boolean;
}

/** One package version in the graph. */
export interface GraphPackage {
  /** The format's own key: `node_modules/a/node_modules/b`, `/a@1.0.0`, `a@npm:1.0.0`, and so on. */
  key: string;
  name: string;
  version: string;
  dependencies?: DependencyMap;
  optionalDependencies?: DependencyMap;
  peerDependencies?: DependencyMap;
  /** Peer dependencies marked optional in peerDependenciesMeta. */
  optionalPeers?: ReadonlySet<string>;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  /** npm's `hasInstallScript` or pnpm's `requiresBuild`. Undefined when the format does not record it. */
  hasInstallScript?: boolean;
  /** Command names from the `bin` field. Undefined when the format does not record them. */
  binNames?: string[];
  /** pnpm's `hasBin`: the package has a `bin` field, names unknown. */
  hasBin?: boolean;
  /** Flags the lockfile itself records (npm, pnpm 6): only reached through devDependencies, only through optional edges. */
  lockfileFlags?: { dev: boolean; optional: boolean };
  /** True for a workspace package of the project itself. */
  workspace?: boolean;
  /** Set on the stand-in package a pnpm graph makes for a workspace folder (an importer), so `link:` edges lead on. */
  importerPath?: string;
  /** Filled in when node_modules contains this package. */
  installed?: InstalledEvidence;
}

/** The direct dependencies one workspace package (an importer, in pnpm's words) declares. */
export interface Importer {
  /** The workspace folder relative to the lockfile's directory; '' for the root. */
  path: string;
  dependencies: DependencyMap;
  devDependencies: DependencyMap;
  optionalDependencies: DependencyMap;
  peerDependencies: DependencyMap;
  /** True when the format records dependencies and devDependencies apart. yarn berry merges them. */
  sectionsKnown: boolean;
}

/** A package graph with the format's own rule for resolving a dependency name to a package. */
export interface DependencyGraph {
  format: LockfileFormat;
  lockfileVersion: string;
  packages: Map<string, GraphPackage>;
  /** Keyed by importer path ('' for the root). Empty when the format does not record importers (yarn v1). */
  importers: Map<string, Importer>;
  /** The package a dependency of `from` resolves to; `spec` is the value in `from`'s dependency map. */
  resolveFromPackage(from: GraphPackage, name: string, spec: string): GraphPackage | undefined;
  /** The package a direct dependency of an importer resolves to; `spec` is the range from its package.json. */
  resolveFromImporter(importerPath: string, name: string, spec: string): GraphPackage | undefined;
}

/** Builds an Importer, copying only string values so a malformed lockfile cannot put other types into a map. */
export function makeImporter(path: string, sections: Partial<Record<'dependencies' | 'devDependencies' | 'optionalDependencies' | 'peerDependencies', unknown>>, sectionsKnown = true): Importer {
  return {
    path,
    dependencies: stringMap(sections.dependencies),
    devDependencies: stringMap(sections.devDependencies),
    optionalDependencies: stringMap(sections.optionalDependencies),
    peerDependencies: stringMap(sections.peerDependencies),
    sectionsKnown,
  };
}

/** Returns the string-valued entries of an object, or undefined when it has none or is not an object. */
export function optionalStringMap(value: unknown): DependencyMap | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;

  let result: DependencyMap | undefined;
  for (const key in value as Record<string, unknown>) {
    const entry = (value as Record<string, unknown>)[key];
    if (typeof entry !== 'string') continue;
    result ??= {};
    result[key] = entry;
  }
  return result;
}

/** Returns the object itself when it is a plain object, without copying or checking its values (see DependencyMap). */
export function asDependencyMap(value: unknown): DependencyMap | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as DependencyMap) : undefined;
}

export function stringMap(value: unknown): DependencyMap {
  return optionalStringMap(value) ?? {};
}

/** Reads `os`, `cpu` or `libc`, which may be one string or an array of strings. */
export function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return undefined;

  const strings = value.filter((item): item is string => typeof item === 'string');
  return strings.length > 0 ? strings : undefined;
}

/** Command names of a `bin` field: an object of name to path, or a string (named after the package). */
export function binNamesOf(bin: unknown, packageName: string): string[] | undefined {
  if (typeof bin === 'string') return [packageName.slice(packageName.lastIndexOf('/') + 1)];
  if (bin === null || typeof bin !== 'object' || Array.isArray(bin)) return undefined;

  const names = Object.keys(bin);
  return names.length > 0 ? names : undefined;
}

/** Names of peers that peerDependenciesMeta marks `optional: true`. */
export function optionalPeersOf(meta: unknown): ReadonlySet<string> | undefined {
  if (meta === null || typeof meta !== 'object') return undefined;

  const names = Object.entries(meta as Record<string, unknown>)
    .filter(([, value]) => value !== null && typeof value === 'object' && (value as { optional?: unknown }).optional === true)
    .map(([name]) => name);
  return names.length > 0 ? new Set(names) : undefined;
}

/** Splits `name@version` or `@scope/name@version` at the '@' that starts the version. */
export function splitNameAndVersion(identifier: string): { name: string; version: string } | undefined {
  const at = identifier.indexOf('@', 1);
  if (at <= 0) return undefined;
  return { name: identifier.slice(0, at), version: identifier.slice(at + 1) };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Parses JSON text that should hold an object; returns undefined for missing text, invalid JSON or another type. */
export function parseJsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
