// The analysis that the extension host runs itself, bundled on its own as dist/analysis.js. Keeping the shell
// parser and the tables out of dist/extension.js keeps activation small; load-analysis.ts loads this bundle on the
// first check. The worker thread has its own bundle, dist/analysis-worker.js.

export { analyzeManifest } from '../core/analyze-manifest';
export { describeRefusal, findBlockingProblems } from '../driver/script-guard';
export { NATIVE_PACKAGES } from '../core/native-packages';
export { RUNTIME_COMPAT_MATRIX } from '../core/runtime-compat-matrix';
