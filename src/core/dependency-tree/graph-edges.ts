// Resolved dependency edges of a graph, computed once per package and shared by reach flags and chain search.

import type { DependencyGraph, GraphPackage } from './dependency-graph';

export interface DependencyEdge {
  /** The name the dependent uses, which differs from `target.name` for npm aliases. */
  name: string;
  target: GraphPackage;
  /** True for optionalDependencies; an install succeeds without them. */
  optional: boolean;
}

/**
 * Resolves each package's dependencies, optionalDependencies and required peers on first use. A name listed as both
 * a dependency and an optional dependency counts as optional, as npm treats it. Optional peers are left out because
 * npm installs them only when something else requires them.
 */
export class EdgeIndex {
  private readonly cache = new Map<GraphPackage, DependencyEdge[]>();

  constructor(readonly graph: DependencyGraph) {}

  edgesOf(pkg: GraphPackage): DependencyEdge[] {
    const cached = this.cache.get(pkg);
    if (cached) return cached;

    const edges: DependencyEdge[] = [];
    const seen = new Set<string>();
    this.addEdges(pkg, pkg.optionalDependencies, true, edges, seen);
    this.addEdges(pkg, pkg.dependencies, false, edges, seen);
    if (pkg.peerDependencies) {
      const required = Object.fromEntries(Object.entries(pkg.peerDependencies).filter(([name]) => !pkg.optionalPeers?.has(name)));
      this.addEdges(pkg, required, false, edges, seen);
    }

    this.cache.set(pkg, edges);
    return edges;
  }

  private addEdges(pkg: GraphPackage, map: Record<string, string> | undefined, optional: boolean, edges: DependencyEdge[], seen: Set<string>): void {
    if (!map) return;
    for (const name in map) {
      const spec = map[name];
      if (seen.has(name) || typeof spec !== 'string') continue;
      seen.add(name);

      const target = this.graph.resolveFromPackage(pkg, name, spec);
      if (target && target !== pkg) edges.push({ name, target, optional });
    }
  }
}
