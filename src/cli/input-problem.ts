// An input path that could not be read or checked, reported on stderr and turned into exit status 2.

import { getSystemErrorMap } from 'node:util';

export interface InputProblem {
  /** The path as the user wrote it, or as found under a folder they named. */
  path: string;
  /** Why it failed, such as `ENOENT: no such file or directory`. */
  reason: string;
  /** `check` when the file was read but the checker threw; `read` when unset. */
  stage?: 'read' | 'check';
}

/** Returns the problem as one line, such as `cannot read x/package.json: EISDIR: illegal operation on a directory`. */
export function describeInputProblem(problem: InputProblem): string {
  const verb = problem.stage === 'check' ? 'check' : 'read';
  return `cannot ${verb} ${problem.path}: ${problem.reason}`;
}

/**
 * Returns `CODE: description` for a Node.js file-system error, without the syscall and path that
 * Node.js appends to `error.message`, because the report already names the path.
 */
export function describeSystemError(error: unknown): string {
  if (!isErrnoException(error) || error.code === undefined) {
    return error instanceof Error ? error.message : String(error);
  }

  return describeErrorCode(error.code) ?? error.message;
}

/** Returns `CODE: description` for a system error name such as `EISDIR`, or undefined when libuv does not know it. */
export function describeErrorCode(code: string): string | undefined {
  for (const [name, description] of getSystemErrorMap().values()) {
    if (name === code) {
      return `${name}: ${description}`;
    }
  }

  return undefined;
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
