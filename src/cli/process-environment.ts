// Connects a CLI run to the real process: its working folder, environment and standard streams.

import type { CliEnvironment } from './run-cli';

export function processEnvironment(cwd: string = process.cwd()): CliEnvironment {
  return {
    cwd,
    env: process.env,
    stdoutIsTerminal: process.stdout.isTTY === true,
    writeStdout: (text) => process.stdout.write(text),
    writeStderr: (text) => process.stderr.write(text),
  };
}

/**
 * Ends the process quietly when the reader of stdout goes away (`... | head`), instead of
 * printing an EPIPE stack trace.
 */
export function exitQuietlyOnClosedStdout(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      process.exit(process.exitCode ?? 0);
    }

    throw error;
  });
}
