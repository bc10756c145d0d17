// Decides whether one step of a script can run in a WebContainer, and why not.

import type { RuntimeCompatEntry } from '../runtime-compat-matrix';
import { RUNTIME_COMPAT_MATRIX } from '../runtime-compat-matrix';
import { runtimeKeyCandidates } from '../runtime-name';
import { lookupNativePackage } from '../native-dependency-checker';
import type { Severity } from '../findings';
import type { ShellWord } from './shell-word';
import type { Invocation, NativeRebuild } from './find-invocations';
import { commandBaseName } from './command-name';

/** Table additions and exclusions that the user configures. */
export interface RuntimeOptions {
  extraRuntimes?: Record<string, RuntimeCompatEntry>;
  ignoreRuntimes?: readonly string[];
}

/** A step that cannot run, located by the word that names it. */
export interface StepProblem {
  rule: 'unsupported-runtime' | 'shell-script' | 'native-build-script';
  severity: Severity;
  /** The command word as written in the script. */
  command: string;
  word: ShellWord;
  /** The reason it cannot run and what to do instead, as a sentence. */
  reason: string;
  /** For `bash x.sh`: the script file that the interpreter runs. */
  scriptFile?: string;
  fallbackDriver: 'docker' | null;
}

const SHELL_SCRIPT_EXTENSION = /\.(sh|bash|zsh|ksh)$/i;
const JAVASCRIPT_EXTENSION = /\.(c|m)?(j|t)sx?$/i;
const SHELL_INTERPRETERS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh']);

/** Interpreters of script files run directly through their shebang, keyed by file extension. */
const SHEBANG_RUNTIMES: Record<string, string> = { py: 'python3', rb: 'ruby', php: 'php', pl: 'perl', go: 'go' };

const SHELL_SCRIPT_REASON =
  "WebContainer's shell is jsh, which emulates a subset of zsh and is not bash: shell scripts with bash syntax or " +
  'external commands may fail. Rewrite the script in JavaScript and run it with node, or use Docker.';

const PATH_EXECUTABLE_REASON =
  'This runs a file directly. WebContainer cannot run native executables, and files with a shebang may not start ' +
  '(jsh has reported "spawn ENOENT" for them). Run JavaScript files with node, or use Docker for binaries.';

/** Returns the table entry for a command word, with user additions taking precedence. */
function findRuntimeEntry(word: string, options: RuntimeOptions): { key: string; entry: RuntimeCompatEntry } | undefined {
  for (const key of runtimeKeyCandidates(word)) {
    if (options.extraRuntimes && Object.prototype.hasOwnProperty.call(options.extraRuntimes, key)) {
      return { key, entry: options.extraRuntimes[key] };
    }
    if (Object.prototype.hasOwnProperty.call(RUNTIME_COMPAT_MATRIX, key)) {
      return { key, entry: RUNTIME_COMPAT_MATRIX[key] };
    }
  }
  return undefined;
}

/**
 * True when the call fails in a WebContainer. An entry with `unsupportedSubcommands` fails only when the first
 * argument that is not an option is one of them (`napi build` fails, `napi prepublish` runs).
 */
function isUnsupportedCall(entry: RuntimeCompatEntry, args: readonly ShellWord[]): boolean {
  if (!entry.unsupportedSubcommands) return !entry.supported;

  const subcommand = args.find((arg) => !arg.text.startsWith('-'))?.text;
  return subcommand !== undefined && entry.unsupportedSubcommands.includes(subcommand);
}

function isIgnored(key: string, options: RuntimeOptions): boolean {
  return options.ignoreRuntimes?.includes(key) ?? false;
}

/** Builds the finding for a step whose command (or the interpreter of the file it runs) the table rejects. */
function runtimeProblem(step: Invocation, found: { key: string; entry: RuntimeCompatEntry }, defaultFallback: 'docker' | null): StepProblem {
  return {
    rule: 'unsupported-runtime',
    severity: found.entry.severity ?? 'error',
    command: step.word.text,
    word: step.word,
    reason: found.entry.reason ?? `"${found.key}" is not available in WebContainers.`,
    fallbackDriver: found.entry.fallbackDriver ?? defaultFallback,
  };
}

/** Classifies a command step; returns undefined when it can run or nothing is known about it. */
export function classifyInvocation(step: Invocation, options: RuntimeOptions): StepProblem | undefined {
  const text = step.word.text;
  if (text.length === 0 || text.startsWith('$') || text.includes('`')) return undefined;

  const baseName = commandBaseName(text);
  if (SHELL_INTERPRETERS.has(baseName.toLowerCase())) return classifyShellInterpreter(step, options);

  if (SHELL_SCRIPT_EXTENSION.test(text)) {
    if (isIgnored(baseName, options)) return undefined;
    return { rule: 'shell-script', severity: 'warning', command: text, word: step.word, reason: SHELL_SCRIPT_REASON, fallbackDriver: 'docker' };
  }

  const found = findRuntimeEntry(text, options);
  if (found) {
    if (!isUnsupportedCall(found.entry, step.args) || isIgnored(found.key, options)) return undefined;
    return runtimeProblem(step, found, null);
  }

  if (text.includes('/')) return classifyPathExecutable(step, options);
  return undefined;
}

/** `bash x.sh` is a shell script finding on `bash`; `bash -c '…'` is judged by the table entry for the shell. */
function classifyShellInterpreter(step: Invocation, options: RuntimeOptions): StepProblem | undefined {
  const key = commandBaseName(step.word.text).toLowerCase();
  if (isIgnored(key, options)) return undefined;

  const runsCommandString = step.args.some((arg) => /^-[a-zA-Z]*c[a-zA-Z]*$/.test(arg.text));
  const scriptFile = step.args.find((arg) => !arg.text.startsWith('-') && !arg.text.startsWith('+'));
  if (!runsCommandString && scriptFile) {
    return {
      rule: 'shell-script',
      severity: 'warning',
      command: step.word.text,
      word: step.word,
      reason: SHELL_SCRIPT_REASON,
      fallbackDriver: 'docker',
      scriptFile: scriptFile.text,
    };
  }

  const found = findRuntimeEntry(step.word.text, options);
  if (!found || found.entry.supported) return undefined;
  return {
    rule: 'unsupported-runtime',
    severity: found.entry.severity ?? 'warning',
    command: step.word.text,
    word: step.word,
    reason: found.entry.reason ?? SHELL_SCRIPT_REASON,
    fallbackDriver: found.entry.fallbackDriver ?? 'docker',
  };
}

/** `./gradlew`, `./manage.py`, `./webapp-bundler`: a file run directly. JavaScript files and package binaries pass. */
function classifyPathExecutable(step: Invocation, options: RuntimeOptions): StepProblem | undefined {
  const text = step.word.text;
  // A folder, or words run together by an unterminated quote, is not a file that runs.
  if (JAVASCRIPT_EXTENSION.test(text) || /(^|\/)node_modules\/\.bin\//.test(text) || text.endsWith('/') || /\s/.test(text)) return undefined;

  const extension = /\.([a-z0-9]+)$/i.exec(text)?.[1]?.toLowerCase();
  const interpreter = extension ? SHEBANG_RUNTIMES[extension] : undefined;
  if (interpreter) {
    const found = findRuntimeEntry(interpreter, options);
    if (!found || found.entry.supported || isIgnored(found.key, options)) return undefined;
    return runtimeProblem(step, found, 'docker');
  }

  if (extension !== undefined || isIgnored(commandBaseName(text), options)) return undefined;
  return { rule: 'unsupported-runtime', severity: 'warning', command: text, word: step.word, reason: PATH_EXECUTABLE_REASON, fallbackDriver: 'docker' };
}

/**
 * `npm rebuild` compiles native addons: an error when it names a known native package, a warning when it names
 * none (it then rebuilds every installed package), and nothing when every package it names is plain JavaScript.
 */
export function classifyNativeRebuild(step: NativeRebuild, options: RuntimeOptions): StepProblem | undefined {
  if (isIgnored('node-gyp', options)) return undefined;

  const packages = step.args.filter((arg) => !arg.text.startsWith('-')).map((arg) => arg.text);
  const native = packages.filter((name) => lookupNativePackage(name) !== undefined);
  const command = `${step.word.text} rebuild`;

  if (packages.length === 0) {
    return {
      rule: 'native-build-script',
      severity: 'warning',
      command: step.word.text,
      word: step.word,
      reason:
        `"${command}" recompiles the native addons of every installed package with node-gyp, which fails in a WebContainer ` +
        'when any dependency has one: there is no C/C++ compiler and native addons cannot be loaded. ' +
        'Remove the rebuild, or rebuild only the packages that need it outside the WebContainer.',
      fallbackDriver: 'docker',
    };
  }
  if (native.length === 0) return undefined;

  const names = native.map((name) => `"${name}"`).join(', ');
  return {
    rule: 'native-build-script',
    severity: 'error',
    command: step.word.text,
    word: step.word,
    reason:
      `"${command}" compiles the native addon of ${names} with node-gyp, which cannot run in a WebContainer: there is no ` +
      `C/C++ compiler and native addons cannot be loaded. Remove the rebuild and replace ${names} with a package that needs no native code.`,
    fallbackDriver: 'docker',
  };
}
