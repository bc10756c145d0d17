// The guarded command runner under WebContainerDriver: boots a WebContainer, mounts files and runs commands,
// and rejects a command that cannot run there before any WebContainer call, booting included. It leaves out the
// script analysis (and its shell parser, which needs Node's fs), so the sandbox page can bundle it for the browser.

import type { AnalyzeOptions } from '../core/analyze-manifest';
import { RuntimeCompatibilityChecker } from '../core/runtime-compat-checker';
import { UnsupportedRuntimeError } from '../core/unsupported-runtime-error';
import type { BootContainer, Container, ContainerBootOptions, ContainerProcess, MountTree, SpawnOptions, Unsubscribe } from './container';
import { BootFailedError, BootTimeoutError, DriverDisposedError, RunInProgressError } from './driver-errors';

/** Exit code reported for a process that was killed and did not report its own code in time: 128 + SIGTERM. */
export const KILLED_EXIT_CODE = 143;

const DEFAULT_BOOT_TIMEOUT_MS = 30_000;
const DEFAULT_KILL_GRACE_MS = 2_000;

export interface WebContainerDriverOptions {
  /** Boots the container. Default: `WebContainer.boot` from @webcontainer/api, loaded on first use (browser only). */
  boot?: BootContainer;
  bootOptions?: ContainerBootOptions;
  /** Milliseconds to wait for boot before rejecting with BootTimeoutError. Default 30,000. */
  bootTimeoutMs?: number;
  /** Milliseconds to wait for a killed process to report its exit code before reporting KILLED_EXIT_CODE. Default 2,000. */
  killGraceMs?: number;
  checker?: RuntimeCompatibilityChecker;
  /** Passed to the script analysis of WebContainerDriver.runScript, for runtimes added or ignored in settings. */
  analyzeOptions?: AnalyzeOptions;
}

/** A process started by the driver. `exit` settles once, also after `kill()`. */
export interface RunHandle {
  readonly command: string;
  readonly output: ReadableStream<string>;
  readonly exit: Promise<number>;
  kill(): void;
  /** Sends text to the process's terminal input. Resolves false when the process has no input stream or has exited. */
  write(data: string): Promise<boolean>;
}

export class CommandDriver {
  private readonly bootContainer: BootContainer;
  protected readonly options: WebContainerDriverOptions;
  private readonly checker: RuntimeCompatibilityChecker;
  private readonly serverReadyListeners = new Set<(port: number, url: string) => void>();

  private containerPromise: Promise<Container> | undefined;
  private unsubscribeServerReady: Unsubscribe | undefined;
  private current: { command: string; kill: () => void } | undefined;
  protected disposed = false;

  constructor(options: WebContainerDriverOptions = {}) {
    this.options = options;
    this.bootContainer = options.boot ?? bootRealWebContainer;
    this.checker = options.checker ?? new RuntimeCompatibilityChecker();
  }

  /** True while a process started by `exec` or `runScript` has not exited. */
  get isRunning(): boolean {
    return this.current !== undefined;
  }

  /** Boots the container once; later calls return the same instance. */
  boot(): Promise<Container> {
    if (this.disposed) return Promise.reject(new DriverDisposedError());

    if (!this.containerPromise) {
      const attempt = this.bootWithTimeout();
      this.containerPromise = attempt;
      attempt.catch(() => {
        // A failed boot may be retried by the next call.
        if (this.containerPromise === attempt) this.containerPromise = undefined;
      });
    }
    return this.containerPromise;
  }

  async mount(tree: MountTree): Promise<void> {
    const container = await this.boot();
    await container.mount(tree);
  }

  /**
   * Starts `command args` in the container. A command the runtime table lists as unsupported is rejected with
   * UnsupportedRuntimeError before the container is booted or called.
   */
  async exec(command: string, args: string[] = [], options?: SpawnOptions): Promise<RunHandle> {
    if (this.disposed) throw new DriverDisposedError();
    this.assertRuntimeSupported(command, args);
    return this.startProcess(command, args, options);
  }

  /** Calls `listener` for each server that starts listening inside the container. */
  onServerReady(listener: (port: number, url: string) => void): Unsubscribe {
    this.serverReadyListeners.add(listener);
    return () => this.serverReadyListeners.delete(listener);
  }

  /** Kills the running process, if any. Its `exit` still settles. */
  stop(): void {
    this.current?.kill();
  }

  /** Kills the running process and frees the container; a later call boots a new one. */
  async teardown(): Promise<void> {
    this.stop();
    const pending = this.containerPromise;
    this.containerPromise = undefined;
    this.unsubscribeServerReady?.();
    this.unsubscribeServerReady = undefined;

    const container = await pending?.catch(() => undefined);
    container?.teardown();
  }

  /** Tears down and refuses every later call. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.teardown();
  }

  /** Rejects an unsupported call, judged with its arguments: `napi build` is rejected, `napi --version` runs. */
  private assertRuntimeSupported(command: string, args: readonly string[]): void {
    if (this.checker.isRuntimeSupported(command, args)) return;

    const reason = this.checker.getUnsupportedReason(command, args) ?? `"${command}" is not available in a WebContainer.`;
    throw new UnsupportedRuntimeError(command, reason, this.checker.getFallbackDriver(command, args));
  }

  private async startProcess(command: string, args: string[], options: SpawnOptions | undefined): Promise<RunHandle> {
    if (this.current) throw new RunInProgressError(this.current.command);

    // The slot is taken before the first await, so two calls in the same tick cannot both start.
    const commandLine = [command, ...args].join(' ');
    const slot = { command: commandLine, kill: () => undefined as void };
    this.current = slot;

    try {
      const container = await this.boot();
      const process = await container.spawn(command, args, options);
      return this.track(slot, commandLine, process);
    } catch (error) {
      if (this.current === slot) this.current = undefined;
      throw error;
    }
  }

  private track(slot: { command: string; kill: () => void }, commandLine: string, process: ContainerProcess): RunHandle {
    let killTimer: ReturnType<typeof setTimeout> | undefined;
    let reportKilled: (code: number) => void = () => undefined;
    const killed = new Promise<number>((resolve) => (reportKilled = resolve));

    const exit = Promise.race([process.exit, killed]).finally(() => {
      clearTimeout(killTimer);
      if (this.current === slot) this.current = undefined;
    });

    const kill = (): void => {
      if (killTimer !== undefined) return;
      process.kill();
      // NOTE: a killed WebContainer process has been seen to leave `exit` pending in other drivers, so the
      // driver reports KILLED_EXIT_CODE itself when the process stays silent after the grace period.
      killTimer = setTimeout(() => reportKilled(KILLED_EXIT_CODE), this.options.killGraceMs ?? DEFAULT_KILL_GRACE_MS);
    };
    slot.kill = kill;

    let writer: WritableStreamDefaultWriter<string> | undefined;
    let exited = false;
    void exit.then(() => {
      exited = true;
      writer?.releaseLock();
    });
    const write = async (data: string): Promise<boolean> => {
      if (exited || !process.input) return false;
      writer ??= process.input.getWriter();
      await writer.write(data);
      return true;
    };

    return { command: commandLine, output: process.output, exit, kill, write };
  }

  private async bootWithTimeout(): Promise<Container> {
    const timeoutMs = this.options.bootTimeoutMs ?? DEFAULT_BOOT_TIMEOUT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;

    const booting = Promise.resolve()
      .then(() => this.bootContainer(this.options.bootOptions ?? {}))
      .catch((error: unknown) => {
        throw error instanceof BootFailedError ? error : new BootFailedError(errorText(error));
      });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(new BootTimeoutError(timeoutMs));
      }, timeoutMs);
    });

    // A container that boots after the timeout is torn down, so the page can boot again.
    booting.then((late) => (timedOut ? late.teardown() : undefined), () => undefined);

    try {
      const container = await Promise.race([booting, timeout]);
      this.attach(container);
      return container;
    } finally {
      clearTimeout(timer);
    }
  }

  private attach(container: Container): void {
    this.unsubscribeServerReady = container.on('server-ready', (port, url) => {
      for (const listener of this.serverReadyListeners) listener(port, url);
    });
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Loads @webcontainer/api on first use, because it is ESM only and touches `window` and `document`. */
async function bootRealWebContainer(options: ContainerBootOptions): Promise<Container> {
  const page = globalThis as { window?: unknown; document?: unknown; crossOriginIsolated?: boolean };
  if (page.window === undefined || page.document === undefined) {
    throw new BootFailedError('a WebContainer boots only in a browser page; pass the `boot` option to use another runtime.');
  }
  if (page.crossOriginIsolated !== true) {
    throw new BootFailedError(
      'the page is not cross-origin isolated, so SharedArrayBuffer is unavailable. ' +
        'Serve it with Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp or credentialless.',
    );
  }

  const { WebContainer } = await import('@webcontainer/api');
  return (await WebContainer.boot(options)) as unknown as Container;
}
