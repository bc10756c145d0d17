// A fake WebContainer that records every call, for driver tests that must not boot a real one.

import type { Container, ContainerProcess, MountTree, SpawnOptions } from '../../../src/driver/container';

/** A process whose output and exit the test drives step by step. */
export class FakeProcess implements ContainerProcess {
  readonly output: ReadableStream<string>;
  readonly exit: Promise<number>;
  readonly input: WritableStream<string>;
  /** Chunks written to `input`, in order. */
  readonly typed: string[] = [];
  killCount = 0;

  private controller!: ReadableStreamDefaultController<string>;
  private resolveExit!: (code: number) => void;

  constructor(
    readonly command: string,
    readonly args: string[],
    /** Exit code reported when killed, or undefined for a process that stays silent after kill. */
    private readonly exitCodeOnKill: number | undefined,
  ) {
    this.output = new ReadableStream<string>({ start: (controller) => void (this.controller = controller) });
    this.exit = new Promise((resolve) => (this.resolveExit = resolve));
    this.input = new WritableStream<string>({ write: (chunk) => void this.typed.push(chunk) });
  }

  write(chunk: string): void {
    this.controller.enqueue(chunk);
  }

  finish(code: number): void {
    this.controller.close();
    this.resolveExit(code);
  }

  kill(): void {
    this.killCount += 1;
    if (this.exitCodeOnKill !== undefined) this.finish(this.exitCodeOnKill);
  }
}

export class FakeContainer implements Container {
  /** Every call in order, such as `mount`, `spawn node -v`, `teardown`. */
  readonly calls: string[] = [];
  readonly processes: FakeProcess[] = [];
  exitCodeOnKill: number | undefined = 130;

  private readonly serverReadyListeners = new Set<(port: number, url: string) => void>();

  async mount(tree: MountTree): Promise<void> {
    this.calls.push(`mount ${Object.keys(tree).sort().join(',')}`);
  }

  async spawn(command: string, args: string[], _options?: SpawnOptions): Promise<ContainerProcess> {
    this.calls.push(`spawn ${[command, ...args].join(' ')}`);
    const process = new FakeProcess(command, args, this.exitCodeOnKill);
    this.processes.push(process);
    return process;
  }

  on(_event: 'server-ready', listener: (port: number, url: string) => void): () => void {
    this.serverReadyListeners.add(listener);
    return () => this.serverReadyListeners.delete(listener);
  }

  emitServerReady(port: number, url: string): void {
    for (const listener of this.serverReadyListeners) listener(port, url);
  }

  teardown(): void {
    this.calls.push('teardown');
  }
}

/** A boot function that counts its calls and returns the given container. */
export function recordingBoot(container: FakeContainer): { boot: () => Promise<Container>; bootCount: () => number } {
  let count = 0;
  return {
    boot: async () => {
      count += 1;
      return container;
    },
    bootCount: () => count,
  };
}

/** Reads the stream to its end. */
export async function readAll(stream: ReadableStream<string>): Promise<string[]> {
  const chunks: string[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}
