// Finds the native packages behind one direct dependency, each with one shortest chain of dependency names.

import type { PackageClassification } from './classify-package';
import type { GraphPackage } from './dependency-graph';
import type { EdgeIndex } from './graph-edges';

export interface NativeReach {
  pkg: GraphPackage;
  classification: PackageClassification;
  /** Dependency names from the direct dependency to the package, both included: `['gatsby', 'lmdb']`. */
  chain: string[];
  /** True when a path without optional dependencies reaches the package. */
  required: boolean;
}

/**
 * Walks the graph breadth-first from `start`, first along required edges only, then along all edges, so each native
 * package gets the shortest required chain when there is one. Packages npm skips on linux-x64 are not entered, and a
 * per-platform family's members are not entered from the family's own package, whose verdict stands for them.
 * `includeStart` reports `start` itself when it is native. One entry per package name, required ones first.
 */
export function findNativePackagesBehind(
  start: GraphPackage,
  startName: string,
  edges: EdgeIndex,
  classify: (pkg: GraphPackage) => PackageClassification,
  includeStart: boolean,
): NativeReach[] {
  const found = new Map<string, NativeReach>();

  for (const requiredOnly of [true, false]) {
    const parents = new Map<GraphPackage, { parent: GraphPackage; name: string } | null>([[start, null]]);
    const queue: GraphPackage[] = [start];

    for (let index = 0; index < queue.length; index++) {
      const pkg = queue[index];
      const classification = classify(pkg);
      if (!classification.installsInWebContainer) continue;

      if ((pkg !== start || includeStart) && classification.verdict !== 'pure-js' && !found.has(pkg.name)) {
        found.set(pkg.name, { pkg, classification, chain: chainTo(pkg, parents, startName), required: requiredOnly });
      }

      for (const edge of edges.edgesOf(pkg)) {
        if ((requiredOnly && edge.optional) || parents.has(edge.target)) continue;
        if (classification.platformMembers?.has(edge.name)) continue;
        parents.set(edge.target, { parent: pkg, name: edge.name });
        queue.push(edge.target);
      }
    }
  }
  return [...found.values()];
}

function chainTo(pkg: GraphPackage, parents: Map<GraphPackage, { parent: GraphPackage; name: string } | null>, startName: string): string[] {
  const names: string[] = [];
  for (let step = parents.get(pkg); step; step = parents.get(step.parent)) names.push(step.name);
  names.push(startName);
  return names.reverse();
}
