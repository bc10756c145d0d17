// Reads installed packages from node_modules without running anything: each package's package.json and a bounded
// look at its files for binding.gyp, `*.node` addons and a prebuilds/ folder. Handles npm's nested layout and
// pnpm's `.pnpm/<id>/node_modules/<name>` store.

import {
  binNamesOf,
  isPlainObject,
  optionalPeersOf,
  optionalStringMap,
  parseJsonObject,
  stringList,
  type DependencyGraph,
  type GraphPackage,
  type InstalledEvidence,
} from './dependency-graph';
import { joinPath, type FileReader } from './file-reader';
import { INSTALL_LIFECYCLE_SCRIPTS } from './native-signals';
import { resolveByNodeRules } from './package-lock-reader';

/** Bounds that keep a huge or cyclic tree from stalling the editor. */
export interface NodeModulesLimits {
  /** Packages read at most. */
  maxPackages: number;
  /** node_modules folders nested inside packages that are followed at most. */
  maxNesting: number;
  /** Folder levels inside one package searched for `*.node` files. */
  maxSearchDepth: number;
  /** Directory entries looked at per package during that search. */
  maxSearchEntries: number;
}

export const DEFAULT_NODE_MODULES_LIMITS: NodeModulesLimits = { maxPackages: 20_000, maxNesting: 8, maxSearchDepth: 3, maxSearchEntries: 400 };

/** `*.node` files listed per package at most; one is enough to decide, three help the reader find them. */
const MAX_LISTED_NODE_FILES = 3;

export interface InstalledTree {
  /** Keyed by install path relative to the project folder (`node_modules/a/node_modules/b`), as package-lock.json keys are. */
  packages: Map<string, GraphPackage>;
  /** True when a limit stopped the scan early. */
  truncated: boolean;
}

/** Reads `<projectDirectory>/node_modules`. Returns undefined when there is no node_modules folder. */
export function readNodeModules(reader: FileReader, projectDirectory: string, limits: NodeModulesLimits = DEFAULT_NODE_MODULES_LIMITS): InstalledTree | undefined {
  const rootEntries = reader.readdir(joinPath(projectDirectory, 'node_modules'));
  if (!rootEntries) return undefined;

  const tree: InstalledTree = { packages: new Map(), truncated: false };
  const pending: { relativeFolder: string; nesting: number }[] = [{ relativeFolder: 'node_modules', nesting: 0 }];

  while (pending.length > 0) {
    const { relativeFolder, nesting } = pending.shift() as { relativeFolder: string; nesting: number };
    for (const packagePath of packageFolders(reader, projectDirectory, relativeFolder)) {
      if (tree.packages.size >= limits.maxPackages) {
        tree.truncated = true;
        return tree;
      }

      const graphPackage = readInstalledPackage(reader, projectDirectory, packagePath, limits);
      if (!graphPackage) continue;
      tree.packages.set(packagePath, graphPackage);

      if (nesting < limits.maxNesting) pending.push({ relativeFolder: `${packagePath}/node_modules`, nesting: nesting + 1 });
      else tree.truncated = true;
    }
  }
  return tree;
}

/** Package folders directly inside one node_modules folder, scoped ones included, and pnpm's store entries. */
function packageFolders(reader: FileReader, projectDirectory: string, relativeFolder: string): string[] {
  const entries = reader.readdir(joinPath(projectDirectory, relativeFolder));
  if (!entries) return [];

  const folders: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory) continue;

    if (entry.name === '.pnpm') folders.push(...pnpmStoreFolders(reader, projectDirectory, `${relativeFolder}/.pnpm`));
    else if (entry.name.startsWith('.')) continue;
    else if (entry.name.startsWith('@')) {
      for (const scoped of reader.readdir(joinPath(projectDirectory, relativeFolder, entry.name)) ?? []) {
        if (scoped.isDirectory) folders.push(`${relativeFolder}/${entry.name}/${scoped.name}`);
      }
    } else folders.push(`${relativeFolder}/${entry.name}`);
  }
  return folders;
}

/** `.pnpm/@s+a@1.0.0_peer/node_modules/@s/a`: the package an entry of pnpm's store contains, whose siblings are its dependencies. */
function pnpmStoreFolders(reader: FileReader, projectDirectory: string, storeFolder: string): string[] {
  const folders: string[] = [];
  for (const entry of reader.readdir(joinPath(projectDirectory, storeFolder)) ?? []) {
    const at = entry.name.indexOf('@', 1);
    if (!entry.isDirectory || at <= 0) continue;
    folders.push(`${storeFolder}/${entry.name}/node_modules/${entry.name.slice(0, at).replace('+', '/')}`);
  }
  return folders;
}

function readInstalledPackage(reader: FileReader, projectDirectory: string, packagePath: string, limits: NodeModulesLimits): GraphPackage | undefined {
  const folder = joinPath(projectDirectory, packagePath);
  const manifest = parseJsonObject(reader.readFile(joinPath(folder, 'package.json')));
  if (!manifest) return undefined;

  const name = typeof manifest.name === 'string' ? manifest.name : packagePath.slice(packagePath.lastIndexOf('node_modules/') + 13);
  const installed = readInstalledEvidence(reader, folder, packagePath, manifest, limits);

  return {
    key: packagePath,
    name,
    version: typeof manifest.version === 'string' ? manifest.version : '',
    dependencies: optionalStringMap(manifest.dependencies),
    optionalDependencies: optionalStringMap(manifest.optionalDependencies),
    peerDependencies: optionalStringMap(manifest.peerDependencies),
    optionalPeers: optionalPeersOf(manifest.peerDependenciesMeta),
    os: stringList(manifest.os),
    cpu: stringList(manifest.cpu),
    libc: stringList(manifest.libc),
    hasInstallScript: Object.keys(installed.installScripts).length > 0 || installed.hasBindingGyp,
    binNames: binNamesOf(manifest.bin, name),
    installed,
  };
}

function readInstalledEvidence(reader: FileReader, folder: string, packagePath: string, manifest: Record<string, unknown>, limits: NodeModulesLimits): InstalledEvidence {
  const scripts = isPlainObject(manifest.scripts) ? manifest.scripts : {};
  const installScripts: Record<string, string> = {};
  for (const name of INSTALL_LIFECYCLE_SCRIPTS) {
    const script = scripts[name];
    if (typeof script === 'string') installScripts[name] = script;
  }

  const rootEntries = reader.readdir(folder) ?? [];
  return {
    path: packagePath,
    gypfile: manifest.gypfile === true,
    hasBindingGyp: rootEntries.some((entry) => !entry.isDirectory && entry.name === 'binding.gyp') && manifest.gypfile !== false,
    nodeFiles: findNodeFiles(reader, folder, rootEntries, limits),
    hasPrebuildsDirectory: rootEntries.some((entry) => entry.isDirectory && entry.name === 'prebuilds'),
    installScripts,
    hasBinaryField: isPlainObject(manifest.binary),
  };
}

/** Breadth-first search for `*.node` files, skipping nested node_modules and dot folders, within the limits. */
function findNodeFiles(reader: FileReader, folder: string, rootEntries: readonly { name: string; isDirectory: boolean }[], limits: NodeModulesLimits): string[] {
  const found: string[] = [];
  let budget = limits.maxSearchEntries;
  let level: { relative: string; entries: readonly { name: string; isDirectory: boolean }[] }[] = [{ relative: '', entries: rootEntries }];

  for (let depth = 0; depth <= limits.maxSearchDepth && level.length > 0; depth++) {
    const next: typeof level = [];
    for (const { relative, entries } of level) {
      for (const entry of entries) {
        if (--budget < 0 || found.length >= MAX_LISTED_NODE_FILES) return found;

        const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
        if (!entry.isDirectory && entry.name.endsWith('.node')) found.push(path);
        else if (entry.isDirectory && depth < limits.maxSearchDepth && entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
          next.push({ relative: path, entries: reader.readdir(joinPath(folder, path)) ?? [] });
        }
      }
    }
    level = next;
  }
  return found;
}

/** Builds a graph over an installed tree, for projects without a lockfile. Dependencies resolve by Node.js rules. */
export function graphFromInstalledTree(tree: InstalledTree): DependencyGraph {
  const links = new Map<string, string>();
  return {
    format: 'node-modules',
    lockfileVersion: 'none',
    packages: tree.packages,
    importers: new Map(),
    resolveFromPackage: (from, name) => resolveByNodeRules(tree.packages, links, from.key, name),
    resolveFromImporter: (_importerPath, name) => resolveByNodeRules(tree.packages, links, '', name),
  };
}

/** Attaches node_modules evidence to the lockfile's packages with the same name and version. */
export function attachInstalledEvidence(graph: DependencyGraph, trees: readonly InstalledTree[]): void {
  const byIdentity = new Map<string, GraphPackage>();
  for (const tree of trees) {
    for (const installed of tree.packages.values()) {
      const identity = `${installed.name}@${installed.version}`;
      if (!byIdentity.has(identity)) byIdentity.set(identity, installed);
    }
  }

  for (const pkg of graph.packages.values()) {
    const installed = byIdentity.get(`${pkg.name}@${pkg.version}`);
    if (!installed) continue;

    pkg.installed = installed.installed;
    pkg.binNames ??= installed.binNames;
    pkg.os ??= installed.os;
    pkg.cpu ??= installed.cpu;
    if (pkg.hasInstallScript === undefined) pkg.hasInstallScript = installed.hasInstallScript;
  }
}
