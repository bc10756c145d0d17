// The checker core's manifest analysis, loaded on first use rather than when the extension activates (see
// load-analysis.ts). Activation need not wait for it, because the first check runs after the workspace search,
// when activate() has long returned.

import type { AnalyzeOptions } from '../core/analyze-manifest';
import type { Finding } from '../core/findings';
import { loadAnalysisModule } from './load-analysis';

type AnalyzeManifest = (text: string, options?: AnalyzeOptions) => Finding[];

let loaded: AnalyzeManifest | undefined;

/** Same contract as analyzeManifest in src/core/analyze-manifest.ts. */
export function analyzeManifest(text: string, options?: AnalyzeOptions): Finding[] {
  loaded ??= loadAnalysisModule().analyzeManifest;
  return loaded(text, options);
}
