// Answers whether a command can run inside a WebContainer, from RUNTIME_COMPAT_MATRIX alone.

import { RUNTIME_COMPAT_MATRIX, type RuntimeCompatEntry } from './runtime-compat-matrix';
import { runtimeKeyCandidates } from './runtime-name';

/**
 * Looks up a command word in the runtime table, accepting paths, `.exe` suffixes and version suffixes.
 * Returns undefined for a command that is in no table.
 */
export function lookupRuntime(command: string): { key: string; entry: RuntimeCompatEntry } | undefined {
  for (const key of runtimeKeyCandidates(command)) {
    if (Object.prototype.hasOwnProperty.call(RUNTIME_COMPAT_MATRIX, key)) {
      return { key, entry: RUNTIME_COMPAT_MATRIX[key] };
    }
  }
  return undefined;
}

/** Stateless: one instance can be shared by any number of drivers. */
export class RuntimeCompatibilityChecker {
  /** False only for commands that the table lists as unsupported; unknown commands count as supported. */
  isRuntimeSupported(runtime: string): boolean {
    return lookupRuntime(runtime)?.entry.supported ?? true;
  }

  /** The reason an unsupported command cannot run, or null when it is supported or unknown. */
  getUnsupportedReason(runtime: string): string | null {
    const found = lookupRuntime(runtime);
    if (!found || found.entry.supported) return null;
    return found.entry.reason ?? null;
  }

  /** Where to run an unsupported command instead, or null when no fallback is needed or known. */
  getFallbackDriver(runtime: string): 'docker' | null {
    const found = lookupRuntime(runtime);
    if (!found || found.entry.supported) return null;
    return found.entry.fallbackDriver ?? null;
  }
}
