// Public API of the checker core, bundled as dist/core.js. Nothing here imports vscode or the DOM.

export { RUNTIME_COMPAT_MATRIX, type RuntimeCompatEntry } from './runtime-compat-matrix';
export { RuntimeCompatibilityChecker, lookupRuntime } from './runtime-compat-checker';
export { runtimeKeyCandidates } from './runtime-name';
export { NATIVE_PACKAGES, type NativePackageInfo, type NativeRemedy } from './native-packages';
export { NativeDependencyChecker, lookupNativePackage } from './native-dependency-checker';
export { UnsupportedRuntimeError } from './unsupported-runtime-error';
export * from './findings';
export { analyzeManifest, type AnalyzeOptions } from './analyze-manifest';
export * from './dependency-tree';
