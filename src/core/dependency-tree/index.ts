// Public API of the dependency-tree analysis. The Node fs reader lives in node-file-reader.ts and is imported directly.

export { analyzeLockfile, type AnalyzeLockfileOptions, type LockfileAnalysis, type LockfilePackageVerdict } from './analyze-lockfile';
export { analyzeDependencyTree, inspectDependencyTree, type DependencyTreeOptions, type DependencyTreeReport } from './analyze-dependency-tree';
export { findGoverningLockfile, type GoverningLockfile } from './governing-lockfile';
export { LOCKFILE_NAMES, MAX_LOCKFILE_LENGTH } from './read-lockfile';
export type { DirectoryEntry, FileReader } from './file-reader';
export type { NativeVerdict } from './classify-package';
export type { ReachFlags } from './reach-flags';
export type { LockfileFormat } from './dependency-graph';
