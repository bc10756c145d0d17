// Workspace folders a root package.json declares in `workspaces`, read from disk. yarn v1 lockfiles leave workspace
// packages out, so a dependency on a sibling workspace resolves through these instead.

import { isPlainObject, optionalStringMap, parseJsonObject, type DependencyGraph, type GraphPackage } from './dependency-graph';
import { joinPath, type FileReader } from './file-reader';

/** Folder levels below a pattern's fixed prefix that are listed while matching `**` patterns. */
const MAX_GLOB_DEPTH = 3;

/** Reads the `workspaces` patterns of a root package.json (an array, or yarn's `{ packages: [...] }`) as regular expressions. */
export function workspaceGlobs(manifestText: string | undefined): { prefix: string; pattern: RegExp }[] {
  if (manifestText === undefined) return [];

  let manifest: unknown;
  try {
    manifest = JSON.parse(manifestText);
  } catch {
    return [];
  }

  const workspaces = isPlainObject(manifest) ? manifest.workspaces : undefined;
  const patterns = Array.isArray(workspaces) ? workspaces : isPlainObject(workspaces) ? workspaces.packages : undefined;
  if (!Array.isArray(patterns)) return [];

  return patterns
    .filter((pattern): pattern is string => typeof pattern === 'string' && !pattern.startsWith('!'))
    .map((pattern) => {
      const trimmed = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
      const wildcard = trimmed.indexOf('*');
      const prefix = wildcard < 0 ? trimmed : trimmed.slice(0, trimmed.lastIndexOf('/', wildcard) + 1).replace(/\/$/, '');
      return { prefix, pattern: globToRegExp(trimmed) };
    });
}

/** `packages/*` matches one folder level and `**` any number; other characters match themselves. */
function globToRegExp(glob: string): RegExp {
  const source = glob
    .split(/(\*\*\/?|\*)/)
    .map((part) => {
      if (part === '**/') return '(?:.*/)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * Workspace packages under `directory` by name, each as a graph package keyed `workspace:<path>` with the
 * dependencies and optionalDependencies of its package.json.
 */
export function readWorkspacePackages(reader: FileReader, directory: string): Map<string, GraphPackage> {
  const packages = new Map<string, GraphPackage>();
  for (const { prefix, pattern } of workspaceGlobs(reader.readFile(joinPath(directory, 'package.json')))) {
    for (const folder of listFolders(reader, directory, prefix, MAX_GLOB_DEPTH)) {
      if (!pattern.test(folder)) continue;

      const text = reader.readFile(joinPath(directory, folder, 'package.json'));
      const manifest = parseJsonObject(text);
      if (!manifest || typeof manifest.name !== 'string' || packages.has(manifest.name)) continue;

      packages.set(manifest.name, {
        key: `workspace:${folder}`,
        name: manifest.name,
        version: typeof manifest.version === 'string' ? manifest.version : '',
        dependencies: optionalStringMap(manifest.dependencies),
        optionalDependencies: optionalStringMap(manifest.optionalDependencies),
        workspace: true,
      });
    }
  }
  return packages;
}

function listFolders(reader: FileReader, directory: string, prefix: string, depth: number): string[] {
  const folders: string[] = prefix === '' ? [] : [prefix];
  if (depth === 0) return folders;

  for (const entry of reader.readdir(joinPath(directory, prefix)) ?? []) {
    if (!entry.isDirectory || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    folders.push(...listFolders(reader, directory, prefix === '' ? entry.name : `${prefix}/${entry.name}`, depth - 1));
  }
  return folders;
}

/** Wraps a graph so that names it cannot resolve, and `workspace:` ranges, resolve to the given workspace packages. */
export function withWorkspaceFallback(graph: DependencyGraph, workspaces: ReadonlyMap<string, GraphPackage>): DependencyGraph {
  if (workspaces.size === 0) return graph;

  for (const pkg of workspaces.values()) if (!graph.packages.has(pkg.key)) graph.packages.set(pkg.key, pkg);
  const fallback = (found: GraphPackage | undefined, name: string, spec: string): GraphPackage | undefined =>
    (spec.startsWith('workspace:') ? workspaces.get(name) : undefined) ?? found ?? workspaces.get(name);

  return {
    ...graph,
    resolveFromPackage: (from, name, spec) => fallback(graph.resolveFromPackage(from, name, spec), name, spec),
    resolveFromImporter: (importerPath, name, spec) => fallback(graph.resolveFromImporter(importerPath, name, spec), name, spec),
  };
}
