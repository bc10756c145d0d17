// Decides whether a command can run inside a WebContainer, from RUNTIME_COMPAT_MATRIX alone.

import { RUNTIME_COMPAT_MATRIX, type RuntimeCompatEntry } from './runtime-compat-matrix';
import { runtimeKeyCandidates } from './runtime-name';
import { UnsupportedRuntimeError } from './unsupported-runtime-error';

/** The table entry that a command word maps to, with the key it was found under. */
export interface RuntimeLookup {
  key: string;
  entry: RuntimeCompatEntry;
}

/** The verdict for one command invocation that cannot run. */
export interface UnsupportedInvocation extends RuntimeLookup {
  reason: string;
  severity: 'error' | 'warning';
  fallbackDriver: 'docker' | null;
  /** The subcommand that fails, for entries with `unsupportedSubcommands`. */
  subcommand?: string;
}

/**
 * Looks up a command word in the runtime table, accepting paths, `.exe` suffixes and version suffixes.
 * Returns undefined for a command that is in no table.
 */
export function lookupRuntime(command: string): RuntimeLookup | undefined {
  for (const key of runtimeKeyCandidates(command)) {
    if (Object.prototype.hasOwnProperty.call(RUNTIME_COMPAT_MATRIX, key)) {
      return { key, entry: RUNTIME_COMPAT_MATRIX[key] };
    }
  }
  return undefined;
}

/**
 * Checks one invocation, command word and arguments, against the table, applying the `unsupportedSubcommands`
 * contract of RuntimeCompatEntry. Returns undefined when the invocation can run or the command is in no table.
 */
export function checkInvocation(command: string, args: readonly string[] = []): UnsupportedInvocation | undefined {
  const found = lookupRuntime(command);
  if (!found || found.entry.supported) return undefined;

  const { entry } = found;
  const subcommand = args.find((arg) => !arg.startsWith('-'));
  if (entry.unsupportedSubcommands) {
    if (subcommand === undefined || !entry.unsupportedSubcommands.includes(subcommand)) return undefined;
  } else if (entry.supportedSubcommands) {
    if (subcommand !== undefined && entry.supportedSubcommands.includes(subcommand)) return undefined;
  }

  const narrowed = entry.unsupportedSubcommands !== undefined && subcommand !== undefined;
  return {
    ...found,
    reason: entry.reason ?? `${found.key} cannot run in a WebContainer.`,
    severity: entry.severity ?? 'error',
    fallbackDriver: entry.fallbackDriver ?? null,
    ...(narrowed ? { subcommand } : {}),
  };
}

/**
 * Throws UnsupportedRuntimeError when the invocation cannot run in a WebContainer; this is the gate that a driver
 * calls before it spawns anything.
 */
export function assertRuntimeSupported(command: string, args: readonly string[] = []): void {
  const verdict = checkInvocation(command, args);
  if (verdict) throw new UnsupportedRuntimeError(command, verdict.reason, verdict.fallbackDriver);
}

/**
 * Stateless, so one instance can be shared by any number of drivers. Each method judges one invocation: the command
 * word and its arguments. Without `args` it judges the bare command, so `napi` is supported and `napi build` is not.
 * Unknown commands count as supported.
 */
export class RuntimeCompatibilityChecker {
  isRuntimeSupported(runtime: string, args: readonly string[] = []): boolean {
    return checkInvocation(runtime, args) === undefined;
  }

  /** Returns the reason the invocation cannot run, or null when it can or the command is unknown. */
  getUnsupportedReason(runtime: string, args: readonly string[] = []): string | null {
    return checkInvocation(runtime, args)?.reason ?? null;
  }

  /** Returns the driver that can run the invocation instead, or null when no fallback is needed or known. */
  getFallbackDriver(runtime: string, args: readonly string[] = []): 'docker' | null {
    return checkInvocation(runtime, args)?.fallbackDriver ?? null;
  }
}
