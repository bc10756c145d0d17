// Tear-down that runs however a runner ends: normally, on an error, or on Ctrl-C or SIGTERM, so that no
// code-server or Chromium process outlives it.
import { RunnerError } from './runner-error';

type CleanupStep = () => Promise<void> | void;

const steps = new Set<CleanupStep>();
let signalHandlersInstalled = false;

/** Registers a tear-down step and returns a function that runs it once and unregisters it. */
export function onCleanup(step: CleanupStep): () => Promise<void> {
  steps.add(step);

  return async () => {
    if (steps.delete(step)) {
      await step();
    }
  };
}

/** Runs every registered step, newest first, and logs the steps that fail instead of stopping. */
export async function runCleanup(): Promise<void> {
  const pending = [...steps].reverse();
  steps.clear();

  for (const step of pending) {
    try {
      await step();
    } catch (error) {
      console.error('[cleanup] a tear-down step failed:', error);
    }
  }
}

/** Makes SIGINT and SIGTERM run the tear-down and exit with 128 + the signal number. */
export function installSignalHandlers(): void {
  if (signalHandlersInstalled) {
    return;
  }
  signalHandlersInstalled = true;

  const handle = (signal: NodeJS.Signals, code: number) => {
    console.error(`\n[cleanup] ${signal} received, stopping code-server and Chromium`);
    void runCleanup().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => handle('SIGINT', 130));
  process.once('SIGTERM', () => handle('SIGTERM', 143));
}

/** Runs `main`, then the tear-down, and exits with main's code (1 when it throws). */
export function runMain(main: () => Promise<number>): void {
  installSignalHandlers();

  main()
    .catch((error: unknown) => {
      console.error(error instanceof RunnerError ? `error: ${error.message}` : error);
      return 1;
    })
    .then(async (code) => {
      await runCleanup();
      process.exit(code);
    });
}
