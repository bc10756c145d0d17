// The error lockfile readers throw for input they cannot use; analyzeLockfile turns it into an error result.

export class InvalidLockfileError extends Error {
  override readonly name = 'InvalidLockfileError';
}
