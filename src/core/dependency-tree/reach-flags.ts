// Reach flags: the kind of path from the project's own dependency sections to each package, in npm's terms.

import type { DependencyGraph, GraphPackage } from './dependency-graph';
import type { EdgeIndex } from './graph-edges';

/**
 * The flags npm writes into package-lock.json. `dev` alone: only devDependencies reach it. `optional` alone: only
 * paths through an optional dependency reach it. Both: only devDependencies or optional paths reach it (npm's
 * `devOptional`). Neither: a required production path reaches it. `dev` is null when the lockfile does not say which
 * root dependencies are dev ones (yarn).
 */
export interface ReachFlags {
  dev: boolean | null;
  optional: boolean;
}

/**
 * Computes reach flags from the importers' sections. Lockfiles that record no importers (yarn v1) start from the
 * packages nothing depends on and leave `dev` unknown. Packages no root reaches get `{ dev: null, optional: false }`.
 */
export function computeReachFlags(graph: DependencyGraph, edges: EdgeIndex): Map<GraphPackage, ReachFlags> {
  const productionRoots: { pkg: GraphPackage; optional: boolean }[] = [];
  const devRoots: GraphPackage[] = [];
  let devKnown = true;

  for (const importer of graph.importers.values()) {
    devKnown &&= importer.sectionsKnown;
    for (const [name, spec] of Object.entries(importer.dependencies)) pushResolved(productionRoots, graph.resolveFromImporter(importer.path, name, spec), false);
    for (const [name, spec] of Object.entries(importer.optionalDependencies)) pushResolved(productionRoots, graph.resolveFromImporter(importer.path, name, spec), true);
    for (const [name, spec] of Object.entries(importer.devDependencies)) {
      const pkg = graph.resolveFromImporter(importer.path, name, spec);
      if (pkg) devRoots.push(pkg);
    }
  }

  if (graph.importers.size === 0) {
    devKnown = false;
    for (const pkg of packagesWithoutDependents(graph, edges)) productionRoots.push({ pkg, optional: false });
  }

  const productionRequired = reachable(productionRoots.filter((root) => !root.optional).map((root) => root.pkg), edges, true);
  const productionAny = reachable(productionRoots.map((root) => root.pkg), edges, false);
  const devRequired = reachable(devRoots, edges, true);
  const devAny = reachable(devRoots, edges, false);

  const flags = new Map<GraphPackage, ReachFlags>();
  for (const pkg of graph.packages.values()) {
    if (productionRequired.has(pkg)) flags.set(pkg, { dev: devKnown ? false : null, optional: false });
    else if (productionAny.has(pkg)) flags.set(pkg, { dev: devKnown ? devRequired.has(pkg) : null, optional: true });
    else if (devAny.has(pkg)) flags.set(pkg, { dev: devKnown ? true : null, optional: !devRequired.has(pkg) });
    else flags.set(pkg, { dev: null, optional: false });
  }
  return flags;
}

function pushResolved(roots: { pkg: GraphPackage; optional: boolean }[], pkg: GraphPackage | undefined, optional: boolean): void {
  if (pkg) roots.push({ pkg, optional });
}

function reachable(roots: GraphPackage[], edges: EdgeIndex, requiredOnly: boolean): Set<GraphPackage> {
  const seen = new Set<GraphPackage>(roots);
  const queue = [...roots];
  for (let index = 0; index < queue.length; index++) {
    for (const edge of edges.edgesOf(queue[index])) {
      if ((requiredOnly && edge.optional) || seen.has(edge.target)) continue;
      seen.add(edge.target);
      queue.push(edge.target);
    }
  }
  return seen;
}

function packagesWithoutDependents(graph: DependencyGraph, edges: EdgeIndex): GraphPackage[] {
  const dependedOn = new Set<GraphPackage>();
  for (const pkg of graph.packages.values()) for (const edge of edges.edgesOf(pkg)) dependedOn.add(edge.target);
  return [...graph.packages.values()].filter((pkg) => !dependedOn.has(pkg));
}
