// Loads the analysis bundle (analysis-module.ts) on first use, not when the extension activates: the shell parser in
// it takes tens of milliseconds to initialise, as test/bench/extension.bench.ts measures.

import * as fs from 'fs';
import * as path from 'path';
import type * as AnalysisModule from './analysis-module';

let loaded: typeof AnalysisModule | undefined;

/** Returns the analysis module, loading it on the first call. */
export function loadAnalysisModule(): typeof AnalysisModule {
  loaded ??= requireAnalysisModule();
  return loaded;
}

/**
 * From dist/extension.js the module is the separate bundle beside it. Run from the sources (unit tests under tsx),
 * it is the TypeScript file beside this one. The paths are computed so that esbuild leaves both requires alone.
 */
function requireAnalysisModule(): typeof AnalysisModule {
  const bundled = path.join(__dirname, 'analysis.js');
  const modulePath = fs.existsSync(bundled) ? bundled : path.join(__dirname, 'analysis-module');
  return require(modulePath) as typeof AnalysisModule;
}
