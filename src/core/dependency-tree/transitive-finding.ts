// Severity and wording of the one `native-transitive-dependency` finding a direct dependency gets.

import type { DependencySection, Severity } from '../findings';
import type { NativeReach } from './native-chains';

/** The kind of path from package.json to a native package, which sets the finding's severity. */
export type ReachTier = 'runtime' | 'optional' | 'dev' | 'peer';

export function reachTier(section: DependencySection, required: boolean): ReachTier {
  if (section === 'devDependencies') return 'dev';
  if (section === 'peerDependencies') return 'peer';
  if (section === 'optionalDependencies' || !required) return 'optional';
  return 'runtime';
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 2, warning: 1, information: 0 };

export function worseSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}

/**
 * error: a runtime dependency path needs a native build or binary, which fails. information: WebContainer swaps it,
 * it has a wasm32 build, its native part is optional, or its handling is unconfirmed. A package whose install script
 * may build native code starts at warning, and a table entry's own `severity` replaces the start. Reached only
 * through optional dependencies, devDependencies or a peer, a failing package drops one step (error to warning,
 * warning to information).
 */
export function severityOf(reach: NativeReach, tier: ReachTier): Severity {
  const { verdict, certainty, unconfirmed, tableEntry } = reach.classification;
  let severity: Severity;
  if (tableEntry?.severity) severity = tableEntry.severity;
  else if ((verdict !== 'native-build' && verdict !== 'platform-binary') || unconfirmed) return 'information';
  else severity = certainty === 'confirmed' ? 'error' : 'warning';

  if (tier === 'runtime') return severity;
  return severity === 'error' ? 'warning' : 'information';
}

/** `lmdb ships a platform binary, which a WebContainer cannot load (gatsby → lmdb)`. */
export function describeReach(reach: NativeReach, tier: ReachTier): string {
  const { classification, pkg } = reach;
  let text = `${pkg.name} ${verdictPhrase(reach)}`;

  const failing = (classification.verdict === 'native-build' || classification.verdict === 'platform-binary') && !classification.unconfirmed;
  if (failing && tier !== 'runtime') text += `, ${reach.chain.length === 1 ? DIRECT_TIER_PHRASES[tier] : TIER_PHRASES[tier]}`;

  const alternative = classification.tableEntry?.alternative;
  if (failing && alternative) text += `; ${alternative} is the alternative`;
  return reach.chain.length > 1 ? `${text} (${reach.chain.join(' → ')})` : text;
}

const DIRECT_TIER_PHRASES: Record<Exclude<ReachTier, 'runtime'>, string> = {
  optional: 'listed in optionalDependencies, so npm install goes on without it',
  dev: 'listed in devDependencies',
  peer: 'listed in peerDependencies',
};

const TIER_PHRASES: Record<Exclude<ReachTier, 'runtime'>, string> = {
  optional: 'reached only through optional dependencies, so npm install goes on without it',
  dev: 'reached only through devDependencies',
  peer: 'reached only as a peer dependency',
};

function verdictPhrase(reach: NativeReach): string {
  const { verdict, certainty, unconfirmed } = reach.classification;
  if (unconfirmed) return `ships a platform binary: ${unconfirmed}`;

  switch (verdict) {
    case 'native-build':
      return certainty === 'possible' ? 'runs an install script that may build native code' : 'needs a native build, which fails in a WebContainer';
    case 'platform-binary':
      return 'ships a platform binary, which a WebContainer cannot load';
    case 'wasm32':
      return 'works in a WebContainer when installed with npm install --cpu=wasm32';
    case 'swapped':
      return 'is replaced by a WebAssembly build when WebContainer installs it';
    case 'optional-native':
      return 'has an optional native part and works without it';
    case 'pure-js':
      return 'has no native code';
  }
}
