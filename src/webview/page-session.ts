// One sandbox run on the page: boot, mount the files, install, run the script, and report each step to the
// extension. No DOM, so the unit tests drive it with the fake runtime under Node.

import { UnsupportedRuntimeError } from '../core/unsupported-runtime-error';
import { BootTimeoutError } from '../driver/driver-errors';
import type { CommandDriver, RunHandle } from '../driver/command-driver';
import type { CommandLine, PageMessage, RunStep, StartMessage } from './sandbox-protocol';
import { fromWireFiles } from './wire-files';

/** Output is sent in pieces no larger than this many UTF-16 code units. */
export const OUTPUT_CHUNK = 64 * 1024;

const OUTPUT_DRAIN_MS = 500;

export class PageSession {
  private current: RunHandle | undefined;
  private stopped = false;

  constructor(
    private readonly driver: CommandDriver,
    private readonly send: (message: PageMessage) => void,
  ) {}

  /** Runs the whole session. Resolves when it ends, after reporting a failure or the script's exit code. */
  async run(start: StartMessage): Promise<void> {
    const unsubscribe = this.driver.onServerReady((port, url) => this.send({ type: 'server-ready', port, url }));
    try {
      if (!(await this.boot())) return;
      if (!(await this.mount(start))) return;

      if (start.install) {
        this.send({ type: 'phase', phase: 'installing' });
        const installCode = await this.runStep('install', start.install);
        if (installCode !== 0) return;
      }

      this.send({ type: 'phase', phase: 'running' });
      await this.runStep('run', start.run);
    } finally {
      unsubscribe();
    }
  }

  /** Passes typed text to the running process, if there is one. */
  input(data: string): void {
    void this.current?.write(data).catch(() => undefined);
  }

  /** Kills the running process; the session then ends without starting another step. */
  stop(): void {
    this.stopped = true;
    this.current?.kill();
  }

  private async boot(): Promise<boolean> {
    this.send({ type: 'phase', phase: 'booting' });
    try {
      await this.driver.boot();
      return true;
    } catch (error) {
      this.send({ type: 'failure', kind: error instanceof BootTimeoutError ? 'boot-timeout' : 'boot-failed', message: messageOf(error) });
      return false;
    }
  }

  private async mount(start: StartMessage): Promise<boolean> {
    this.send({ type: 'phase', phase: 'mounting' });
    try {
      await this.driver.mount(fromWireFiles(start.files));
      return true;
    } catch (error) {
      this.send({ type: 'failure', kind: 'mount-failed', message: messageOf(error) });
      return false;
    }
  }

  /** Returns the exit code, or undefined when the step could not start or the session was stopped first. */
  private async runStep(step: RunStep, commandLine: CommandLine): Promise<number | undefined> {
    if (this.stopped) return undefined;

    try {
      this.current = await this.driver.exec(commandLine.command, commandLine.args);
    } catch (error) {
      this.send({ type: 'failure', kind: error instanceof UnsupportedRuntimeError ? 'refused' : 'spawn-failed', message: messageOf(error) });
      return undefined;
    }

    if (this.stopped) this.current.kill();

    // A killed process may leave its output stream open, so the relay gets a short time after the exit to
    // drain, and what arrives later is dropped rather than reported after the exit code.
    const relay = { open: true };
    const relaying = this.relayOutput(step, this.current.output, relay);
    const code = await this.current.exit;
    await Promise.race([relaying, delay(OUTPUT_DRAIN_MS)]);
    relay.open = false;

    this.current = undefined;
    this.send({ type: 'exit', step, code });
    return code;
  }

  private async relayOutput(step: RunStep, output: ReadableStream<string>, relay: { open: boolean }): Promise<void> {
    const reader = output.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done || !relay.open) return;
      for (let offset = 0; offset < value.length; offset += OUTPUT_CHUNK) {
        this.send({ type: 'output', step, data: value.slice(offset, offset + OUTPUT_CHUNK) });
      }
    }
  }
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
