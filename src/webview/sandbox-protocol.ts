// Messages between the extension and the sandbox page, in both directions, with type guards that check every
// field. The page runs in a VS Code webview or in a browser tab; neither side trusts what the other sends.
// No vscode and no DOM here: the extension host, the page and the unit tests all import this module.

/** A file of the mounted folder: exactly one of `text` (UTF-8), `base64` (other bytes) or `symlink` (link target). */
export interface WireFile {
  path: string;
  text?: string;
  base64?: string;
  symlink?: string;
}

export interface CommandLine {
  command: string;
  args: string[];
}

/** `fake` is the test-only runtime built into the page; the extension sends it only in its test mode. */
export type RuntimeKind = 'webcontainer' | 'fake';

export interface StartMessage {
  type: 'start';
  runtime: RuntimeKind;
  files: WireFile[];
  install: CommandLine | null;
  run: CommandLine;
  bootTimeoutMs: number;
}

/** Keys typed in the VS Code terminal, for the running process. */
export interface InputMessage {
  type: 'input';
  data: string;
}

export type HostMessage = StartMessage | InputMessage | { type: 'stop' };

export type Phase = 'booting' | 'mounting' | 'installing' | 'running';
export type RunStep = 'install' | 'run';
export type FailureKind = 'not-isolated' | 'boot-failed' | 'boot-timeout' | 'mount-failed' | 'spawn-failed' | 'refused';

export type PageMessage =
  | { type: 'hello'; crossOriginIsolated: boolean; secureContext: boolean }
  | { type: 'phase'; phase: Phase }
  | { type: 'output'; step: RunStep; data: string }
  | { type: 'exit'; step: RunStep; code: number }
  | { type: 'server-ready'; port: number; url: string }
  | { type: 'failure'; kind: FailureKind; message: string }
  | { type: 'open-in-browser' };

/** Largest output chunk, message text or file path accepted from the page, in UTF-16 code units. */
export const MAX_PAGE_STRING = 1024 * 1024;
const MAX_PATH = 4096;
const MAX_INPUT = 64 * 1024;
const MAX_ARGS = 64;

const PHASES: readonly Phase[] = ['booting', 'mounting', 'installing', 'running'];
const RUN_STEPS: readonly RunStep[] = ['install', 'run'];
const FAILURE_KINDS: readonly FailureKind[] = ['not-isolated', 'boot-failed', 'boot-timeout', 'mount-failed', 'spawn-failed', 'refused'];

type Fields = Record<string, unknown>;

/** Checks a message from the page. Unknown types, extra keys and wrong field types are all rejected. */
export function isPageMessage(value: unknown): value is PageMessage {
  if (!isRecord(value) || typeof value.type !== 'string') return false;

  switch (value.type) {
    case 'hello':
      return hasExactKeys(value, ['type', 'crossOriginIsolated', 'secureContext']) && typeof value.crossOriginIsolated === 'boolean' && typeof value.secureContext === 'boolean';
    case 'phase':
      return hasExactKeys(value, ['type', 'phase']) && isOneOf(value.phase, PHASES);
    case 'output':
      return hasExactKeys(value, ['type', 'step', 'data']) && isOneOf(value.step, RUN_STEPS) && isBoundedString(value.data, MAX_PAGE_STRING);
    case 'exit':
      return hasExactKeys(value, ['type', 'step', 'code']) && isOneOf(value.step, RUN_STEPS) && Number.isInteger(value.code);
    case 'server-ready':
      return hasExactKeys(value, ['type', 'port', 'url']) && isPort(value.port) && isWebUrl(value.url);
    case 'failure':
      return hasExactKeys(value, ['type', 'kind', 'message']) && isOneOf(value.kind, FAILURE_KINDS) && isBoundedString(value.message, MAX_PAGE_STRING);
    case 'open-in-browser':
      return hasExactKeys(value, ['type']);
    default:
      return false;
  }
}

/** Checks a message from the extension, on the page side. */
export function isHostMessage(value: unknown): value is HostMessage {
  if (!isRecord(value)) return false;
  if (value.type === 'stop') return hasExactKeys(value, ['type']);
  if (value.type === 'input') return hasExactKeys(value, ['type', 'data']) && isBoundedString(value.data, MAX_INPUT);
  if (value.type !== 'start') return false;

  return (
    hasExactKeys(value, ['type', 'runtime', 'files', 'install', 'run', 'bootTimeoutMs']) &&
    (value.runtime === 'webcontainer' || value.runtime === 'fake') &&
    Array.isArray(value.files) &&
    value.files.every(isWireFile) &&
    (value.install === null || isCommandLine(value.install)) &&
    isCommandLine(value.run) &&
    Number.isInteger(value.bootTimeoutMs) &&
    (value.bootTimeoutMs as number) > 0
  );
}

/**
 * Checks for a relative path with `/` separators that stays inside the mounted folder: no empty, `.` or `..`
 * segment, no leading `/`, no backslash and no NUL.
 */
export function isSafeRelativePath(value: unknown): value is string {
  if (!isBoundedString(value, MAX_PATH) || value === '') return false;
  if (value.includes('\\') || value.includes('\0')) return false;
  return value.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** Only http and https URLs may be shown with an "Open" action; anything else could run a command or open a file. */
export function isWebUrl(value: unknown): value is string {
  if (!isBoundedString(value, MAX_PATH)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function isWireFile(value: unknown): value is WireFile {
  if (!isRecord(value) || !isSafeRelativePath(value.path)) return false;

  const contentKeys = ['text', 'base64', 'symlink'].filter((key) => key in value);
  if (contentKeys.length !== 1 || !hasExactKeys(value, ['path', contentKeys[0]])) return false;
  const content = value[contentKeys[0]];
  return typeof content === 'string';
}

function isCommandLine(value: unknown): value is CommandLine {
  return (
    isRecord(value) &&
    hasExactKeys(value, ['command', 'args']) &&
    isBoundedString(value.command, MAX_PATH) &&
    value.command !== '' &&
    Array.isArray(value.args) &&
    value.args.length <= MAX_ARGS &&
    value.args.every((arg) => isBoundedString(arg, MAX_PATH))
  );
}

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasExactKeys(value: Fields, keys: readonly string[]): boolean {
  const actual = Object.keys(value);
  return actual.length === keys.length && keys.every((key) => Object.prototype.hasOwnProperty.call(value, key));
}

function isOneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

function isBoundedString(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.length <= maxLength;
}

function isPort(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) > 0 && (value as number) <= 65535;
}
