// Errors the driver raises besides UnsupportedRuntimeError and ScriptRefusedError.

/** The container did not finish booting within the time limit, which usually means StackBlitz is unreachable. */
export class BootTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(
      `The WebContainer did not boot within ${Math.round(timeoutMs / 1000)} s. ` +
        'Booting loads the runtime from https://stackblitz.com; check that this browser can reach it.',
    );
    this.name = 'BootTimeoutError';
  }
}

/** Booting threw: the page is not cross-origin isolated, another instance is running, or the runtime failed to load. */
export class BootFailedError extends Error {
  constructor(readonly detail: string) {
    super(`The WebContainer failed to boot: ${detail}`);
    this.name = 'BootFailedError';
  }
}

/** The driver runs one process at a time, and one was still running. */
export class RunInProgressError extends Error {
  constructor(readonly running: string) {
    super(`Another process is still running in the WebContainer ("${running}"). Stop it before starting a new one.`);
    this.name = 'RunInProgressError';
  }
}

/** The driver was disposed and cannot start anything. */
export class DriverDisposedError extends Error {
  constructor() {
    super('The WebContainer driver was disposed.');
    this.name = 'DriverDisposedError';
  }
}
