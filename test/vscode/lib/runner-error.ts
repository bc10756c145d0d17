/** A failure that the runner explains in its message, so it is printed without a stack trace. */
export class RunnerError extends Error {
  override name = 'RunnerError';
}
