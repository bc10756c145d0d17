// Loads the checker core's manifest analysis on first use rather than when the extension activates. The
// shell parser behind it (bash-parser and its helper modules) takes tens of
// milliseconds to initialise, as test/bench/extension.bench.ts measures. Activation need not wait for it,
// because the first check runs after the workspace search, when activate() has long returned.

import type { AnalyzeOptions } from '../core/analyze-manifest';
import type { Finding } from '../core/findings';

type AnalyzeManifest = (text: string, options?: AnalyzeOptions) => Finding[];

let loaded: AnalyzeManifest | undefined;

/** Same contract as analyzeManifest in src/core/analyze-manifest.ts. */
export function analyzeManifest(text: string, options?: AnalyzeOptions): Finding[] {
  // A require() call, unlike an import, makes esbuild initialise the module and its imports on first call.
  loaded ??= (require('../core/analyze-manifest') as typeof import('../core/analyze-manifest')).analyzeManifest;
  return loaded(text, options);
}
