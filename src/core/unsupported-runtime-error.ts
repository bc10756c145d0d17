// The error the guarded driver raises instead of spawning a command that cannot run.

export class UnsupportedRuntimeError extends Error {
  /** The command word as the caller passed it. */
  readonly runtime: string;
  /** A sentence a user can act on, never an internal code. */
  readonly reason: string;
  /** Driver that can run the command instead, or null when no driver helps. */
  readonly fallbackDriver: 'docker' | null;

  constructor(runtime: string, reason: string, fallbackDriver: 'docker' | null = null) {
    super(`Cannot run "${runtime}" in a WebContainer: ${reason}`);
    this.name = 'UnsupportedRuntimeError';
    this.runtime = runtime;
    this.reason = reason;
    this.fallbackDriver = fallbackDriver;
  }
}
