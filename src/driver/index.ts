// Public API of the guarded driver, bundled as dist/driver.js (CommonJS, loadable in Node).

export { WebContainerDriver, type PackageManager } from './web-container-driver';
export { CommandDriver, KILLED_EXIT_CODE, type WebContainerDriverOptions, type RunHandle } from './command-driver';
export { UnsupportedRuntimeError } from '../core/unsupported-runtime-error';
export { ScriptRefusedError, MissingScriptError, checkScriptRun, findBlockingProblems, describeRefusal } from './script-guard';
export { BootFailedError, BootTimeoutError, RunInProgressError, DriverDisposedError } from './driver-errors';
export type { Container, ContainerProcess, ContainerBootOptions, BootContainer, MountTree, MountNode, SpawnOptions, Unsubscribe } from './container';
export { buildMountTree, MountLimitError, DEFAULT_MAX_FILES, DEFAULT_MAX_TOTAL_BYTES, type MountTreeOptions, type MountTreeResult, type SkippedPath, type SkipReason } from './mount-tree';
