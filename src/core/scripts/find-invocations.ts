// Finds what a script really runs: command words behind wrappers, nested command strings and script calls.

import { parseCommands, type ShellParserBudget, type SimpleCommand } from './parse-commands';
import type { ShellWord } from './shell-word';
import { commandBaseName } from './command-name';
import { PACKAGE_MANAGER_BUILTINS } from './package-manager-builtins';

/**
 * Conditions on the package's script names. `yarn build` runs the script `build` when it exists and the binary
 * `build` otherwise, so its steps carry `onlyIfScript` or `unlessScript`. Steps are parsed once per text, and the
 * conditions are resolved against the current script names afterwards.
 */
export interface StepCondition {
  onlyIfScript?: string;
  unlessScript?: string;
}

/** A command word that the script runs, after unwrapping `npx`, `cross-env`, `sh -c` and the like. */
export interface Invocation extends StepCondition {
  kind: 'command';
  word: ShellWord;
  args: ShellWord[];
}

/** A call of another script of the same package.json: `npm run build`, `run-s lint test`, `concurrently npm:dev`. */
export interface ScriptCall extends StepCondition {
  kind: 'script-call';
  /** The script name or a glob such as `build:*` (npm-run-all). */
  target: string;
  /**
   * Whether the call also runs the target's pre and post scripts. npm and yarn 1 do; pnpm 8, which WebContainer
   * ships, runs them only with `enable-pre-post-scripts`, whose default became true in pnpm 9.
   */
  runsHooks: boolean;
  word: ShellWord;
}

/** `npm rebuild`, which compiles the native addons of installed packages. */
export interface NativeRebuild extends StepCondition {
  kind: 'native-rebuild';
  word: ShellWord;
  args: ShellWord[];
}

export type ScriptStep = Invocation | ScriptCall | NativeRebuild;

/** Nested command strings deeper than this are not followed, so hostile input cannot recurse without bound. */
const MAX_NESTING = 4;

/**
 * Words examined per script at most, so that a pathological script costs bounded time.
 * NOTE: words past this limit (a script of several hundred kilobytes) are not analysed, and nothing reports that.
 */
const MAX_WORDS = 100_000;

/**
 * Returns the steps of `script` in source order, including conditional ones (see StepCondition).
 * Offsets in the returned words are relative to `script`.
 */
export function findConditionalScriptSteps(script: string, budget?: ShellParserBudget): ScriptStep[] {
  const context: WalkContext = { steps: [], wordBudget: MAX_WORDS, condition: {}, directoryDepth: 0, budget };
  walkScript(script, undefined, context, 0);
  return context.steps;
}

/** Returns the steps that apply for these script names: `yarn build` is a script call only when `build` exists. */
export function resolveStepConditions(steps: readonly ScriptStep[], scriptNames: ReadonlySet<string>): ScriptStep[] {
  return steps.filter(
    (step) =>
      (step.onlyIfScript === undefined || scriptNames.has(step.onlyIfScript)) &&
      (step.unlessScript === undefined || !scriptNames.has(step.unlessScript)),
  );
}

/** Finds the steps of `script` for a package with these script names, in source order. */
export function findScriptSteps(script: string, scriptNames: ReadonlySet<string>): ScriptStep[] {
  return resolveStepConditions(findConditionalScriptSteps(script), scriptNames);
}

interface WalkContext {
  steps: ScriptStep[];
  wordBudget: number;
  /**
   * How many folders below the package a `cd` has moved the script; script calls made there belong to another
   * package. An estimate: `cd a/b` adds two, `cd ..` takes one, `cd -` returns to zero, subshells are not scoped.
   */
  directoryDepth: number;
  /** The condition under which the words now being walked run; nested conditions keep the innermost. */
  condition: StepCondition;
  budget: ShellParserBudget | undefined;
}

/** Records a step under the current condition. */
function pushStep(context: WalkContext, step: ScriptStep): void {
  context.steps.push({ ...step, ...context.condition });
}

/** Walks with `condition` in force, then restores the previous one. */
function withCondition(context: WalkContext, condition: StepCondition, walk: () => void): void {
  const previous = context.condition;
  context.condition = { ...previous, ...condition };
  walk();
  context.condition = previous;
}

/** Parses `text` and walks its commands; `mapping` maps offsets in `text` to offsets in the outermost script. */
function walkScript(text: string, mapping: number[] | undefined, context: WalkContext, depth: number): void {
  if (depth > MAX_NESTING) return;

  for (const command of parseCommands(text, context.budget).commands) {
    context.wordBudget -= command.words.length;
    if (context.wordBudget < 0) return;

    const words = mapping ? command.words.map((word) => remapWord(word, mapping)) : command.words;
    walkCommand(words, 0, context, depth);
  }
}

function remapWord(word: ShellWord, mapping: number[]): ShellWord {
  const last = mapping.length - 1;
  return { ...word, offsets: word.offsets.map((offset) => mapping[Math.min(offset, last)]) };
}

/** Parses the text of one word (such as the argument of `sh -c`) as a script of its own. */
function walkNestedWord(word: ShellWord, context: WalkContext, depth: number): void {
  walkScript(word.text, word.offsets, context, depth + 1);
}

/** Handles `words[index...]` as one command, unwrapping known wrappers. */
function walkCommand(words: ShellWord[], index: number, context: WalkContext, depth: number): void {
  if (index >= words.length) return;

  const word = words[index];
  const args = words.slice(index + 1);
  const name = commandBaseName(word.text);
  if (name === 'cd' || name === 'pushd' || name === 'popd') trackDirectoryChange(context, name, args);
  const handler = WRAPPERS[name];

  if (handler) {
    handler({ words, index, args, word, context, depth });
    return;
  }

  pushStep(context, { kind: 'command', word, args });
}

function trackDirectoryChange(context: WalkContext, name: string, args: ShellWord[]): void {
  const target = args.find((arg) => !arg.text.startsWith('-') || arg.text === '-')?.text;
  if (name === 'popd' || target === '-') {
    context.directoryDepth = 0;
    return;
  }
  if (target === undefined) {
    context.directoryDepth += 1;
    return;
  }
  if (target.startsWith('/') || target.startsWith('~')) {
    context.directoryDepth += 1;
    return;
  }
  for (const segment of target.split('/')) {
    if (segment === '..') context.directoryDepth -= 1;
    else if (segment !== '.' && segment !== '') context.directoryDepth += 1;
  }
}

interface WrapperCall {
  words: ShellWord[];
  index: number;
  args: ShellWord[];
  word: ShellWord;
  context: WalkContext;
  depth: number;
}

type WrapperHandler = (call: WrapperCall) => void;

const ENVIRONMENT_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Skips words from `start` while `skip` returns a count above zero, and returns the index of the first word kept. */
function skipWhile(words: ShellWord[], start: number, skip: (word: ShellWord, index: number) => number): number {
  let index = start;
  while (index < words.length) {
    const count = skip(words[index], index);
    if (count === 0) break;
    index += count;
  }
  return index;
}

/** Returns a skipper for options: flags listed in `withValue` consume the next word unless written `--flag=value`. */
function optionSkipper(withValue: readonly string[]): (word: ShellWord) => number {
  return (word) => {
    if (word.text === '--') return 0;
    if (!word.text.startsWith('-') || word.text === '-') return 0;
    if (word.text.includes('=')) return 1;
    return withValue.includes(word.text) ? 2 : 1;
  };
}

/** Continues after options (and a `--` separator) with the wrapped command. */
function runAfterOptions(call: WrapperCall, withValue: readonly string[]): void {
  let next = skipWhile(call.words, call.index + 1, optionSkipper(withValue));
  if (call.words[next]?.text === '--') next++;
  walkCommand(call.words, next, call.context, call.depth);
}

function runCrossEnv(call: WrapperCall): void {
  const next = skipWhile(call.words, call.index + 1, (word) => (ENVIRONMENT_ASSIGNMENT.test(word.text) ? 1 : 0));
  const rest = call.words.slice(next);

  // cross-env-shell passes one string to a shell.
  if (commandBaseName(call.word.text) === 'cross-env-shell' && rest.length === 1) {
    walkNestedWord(rest[0], call.context, call.depth);
    return;
  }
  walkCommand(call.words, next, call.context, call.depth);
}

function runEnv(call: WrapperCall): void {
  let index = call.index + 1;
  while (index < call.words.length) {
    const text = call.words[index].text;
    if (text === '-S' || text === '--split-string') {
      const value = call.words[index + 1];
      if (value) walkNestedWord(value, call.context, call.depth);
      return;
    }
    if (text === '-u' || text === '--unset' || text === '-C' || text === '--chdir') index += 2;
    else if (text.startsWith('-') || ENVIRONMENT_ASSIGNMENT.test(text)) index += 1;
    else break;
  }
  walkCommand(call.words, index, call.context, call.depth);
}

/** npx, bunx, pnpx, `npm exec`, `pnpm exec`, `pnpm dlx`, `yarn dlx`, `yarn exec`, `bun x`. */
function runPackageExecutor(words: ShellWord[], start: number, context: WalkContext, depth: number): void {
  let index = start;
  while (index < words.length) {
    const text = words[index].text;
    if (text === '-c' || text === '--call') {
      const value = words[index + 1];
      if (value) walkNestedWord(value, context, depth);
      return;
    }
    if (text.startsWith('--call=')) return;
    if (text === '-p' || text === '--package') index += 2;
    else if (text === '--') {
      index += 1;
      break;
    } else if (text.startsWith('-')) index += 1;
    else break;
  }
  walkCommand(words, index, context, depth);
}

function runNpx(call: WrapperCall): void {
  runPackageExecutor(call.words, call.index + 1, call.context, call.depth);
}

/** Records a call of a script of this package.json. */
function callScript(target: ShellWord, context: WalkContext, runsHooks = true): void {
  pushStep(context, { kind: 'script-call', target: target.text, word: target, runsHooks });
}

const NPM_RUN_ALIASES = new Set(['run', 'run-script', 'rum', 'urn']);
const NPM_SCRIPT_SHORTHANDS: Record<string, string> = { start: 'start', test: 'test', t: 'test', tst: 'test', stop: 'stop', restart: 'restart' };
const NPM_EXEC_ALIASES = new Set(['exec', 'x']);
const REBUILD_ALIASES = new Set(['rebuild', 'rb']);

/** Options of npm, pnpm, yarn and bun that take a value, so the value is not read as the subcommand. */
const PACKAGE_MANAGER_OPTIONS_WITH_VALUE = ['--prefix', '-C', '--dir', '--cwd', '--filter', '-F', '--workspace', '-w', '--loglevel'];

function runPackageManager(call: WrapperCall): void {
  const manager = commandBaseName(call.word.text);
  const subcommandIndex = skipWhile(call.words, call.index + 1, optionSkipper(PACKAGE_MANAGER_OPTIONS_WITH_VALUE));
  const subcommand = call.words[subcommandIndex];
  if (!subcommand) return;

  // `pnpm --filter web dev` or `npm run x --workspace a` run another package's script, which this file does not define.
  // `--prefix dir`, `-C dir` or a preceding `cd dir` make the script another package's.
  const workspaceFlags =
    call.context.directoryDepth !== 0 ||
    call.words.slice(call.index + 1).some((word) => /^(--filter|-F|--workspace|-w|--workspaces|-ws|-r|--recursive|--prefix|-C|--dir|--cwd)(=|$)/.test(word.text));
  const text = subcommand.text;

  if (NPM_RUN_ALIASES.has(text)) {
    const targetIndex = skipWhile(call.words, subcommandIndex + 1, optionSkipper(PACKAGE_MANAGER_OPTIONS_WITH_VALUE));
    const target = call.words[targetIndex];
    if (target && !workspaceFlags) callScriptOrBinary(manager, target, call.words, targetIndex, call.context, call.depth);
    return;
  }
  if (NPM_EXEC_ALIASES.has(text) || text === 'dlx') {
    runPackageExecutor(call.words, subcommandIndex + 1, call.context, call.depth);
    return;
  }
  if (REBUILD_ALIASES.has(text)) {
    pushStep(call.context, { kind: 'native-rebuild', word: call.word, args: call.words.slice(subcommandIndex + 1) });
    return;
  }
  if (workspaceFlags) return;

  if (manager === 'npm') {
    if (Object.prototype.hasOwnProperty.call(NPM_SCRIPT_SHORTHANDS, text)) {
      callScript({ ...subcommand, text: NPM_SCRIPT_SHORTHANDS[text] }, call.context);
    }
    return;
  }

  // yarn, pnpm and bun run a script of that name when one exists; otherwise a built-in command or a package binary.
  if (PACKAGE_MANAGER_BUILTINS.has(text)) {
    withCondition(call.context, { onlyIfScript: text }, () => callScript(subcommand, call.context, manager !== 'pnpm'));
    return;
  }
  callScriptOrBinary(manager, subcommand, call.words, subcommandIndex, call.context, call.depth);
}

/** `yarn run x` and `pnpm x` run the script x when it exists, otherwise the binary x. npm runs scripts only. */
function callScriptOrBinary(manager: string, target: ShellWord, words: ShellWord[], index: number, context: WalkContext, depth: number): void {
  if (manager === 'npm') {
    callScript(target, context);
    return;
  }
  withCondition(context, { onlyIfScript: target.text }, () => callScript(target, context, manager !== 'pnpm'));
  withCondition(context, { unlessScript: target.text }, () => walkCommand(words, index, context, depth));
}

/** npm-run-all, run-s and run-p: arguments are script names or globs, optionally quoted with their own arguments. */
function runNpmRunAll(call: WrapperCall): void {
  for (let index = call.index + 1; index < call.words.length; index++) {
    const word = call.words[index];
    if (word.text.startsWith('-')) {
      if (['--npm-path', '--max-parallel', '-m'].includes(word.text)) index++;
      continue;
    }
    const nameLength = word.text.search(/\s/);
    const name = nameLength < 0 ? word : { ...word, text: word.text.slice(0, nameLength), offsets: word.offsets.slice(0, nameLength + 1) };
    callScript(name, call.context);
  }
}

/** concurrently options that take a value, so labels such as `-n python,web` are not read as commands. */
const CONCURRENTLY_OPTIONS_WITH_VALUE = [
  '-n', '--names', '-c', '--prefix-colors', '-p', '--prefix', '-l', '--prefix-length', '-t', '--timestamp-format',
  '--name-separator', '--default-input-target', '--restart-tries', '--restart-after', '-s', '--success', '--max-processes', '-m',
  '--hide', '--pad-prefix', '--teardown', '-P', '--passthrough-arguments',
];

const CONCURRENTLY_SHORTHAND = /^(npm|yarn|pnpm|bun):(.+)$/;

/** concurrently: every argument is a command string, or `npm:name` for a script. */
function runConcurrently(call: WrapperCall): void {
  const skip = optionSkipper(CONCURRENTLY_OPTIONS_WITH_VALUE);
  let index = call.index + 1;

  while (index < call.words.length) {
    const word = call.words[index];
    const skipped = word.text === '--' ? 1 : skip(word);
    if (skipped > 0) {
      index += skipped;
      continue;
    }

    const shorthand = CONCURRENTLY_SHORTHAND.exec(word.text);
    if (shorthand) {
      const nameStart = shorthand[1].length + 1;
      callScript({ ...word, text: shorthand[2].split(/\s/)[0], offsets: word.offsets.slice(nameStart) }, call.context, shorthand[1] !== 'pnpm');
    } else {
      walkNestedWord(word, call.context, call.depth);
    }
    index++;
  }
}

/** nodemon and similar watchers: `--exec "cmd"` or `-x cmd` is a command string. */
function runWatcherExec(call: WrapperCall): void {
  for (let index = call.index + 1; index < call.words.length; index++) {
    const text = call.words[index].text;
    if ((text === '--exec' || text === '-x') && call.words[index + 1]) {
      walkNestedWord(call.words[index + 1], call.context, call.depth);
      return;
    }
  }
}

const SHELL_OPTIONS_WITH_VALUE = ['-o', '+o', '-O', '+O', '--rcfile', '--init-file'];

/** sh, bash, zsh: `-c 'string'` runs a command string; otherwise the first operand is a script file. */
function runShellInterpreter(call: WrapperCall): void {
  for (let index = call.index + 1; index < call.words.length; index++) {
    const text = call.words[index].text;
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(text)) {
      const commandString = call.words[index + 1];
      pushStep(call.context, { kind: 'command', word: call.word, args: call.args });
      if (commandString) walkNestedWord(commandString, call.context, call.depth);
      return;
    }
    if (SHELL_OPTIONS_WITH_VALUE.includes(text)) {
      index++;
      continue;
    }
    if (!text.startsWith('-') && !text.startsWith('+')) break;
  }
  pushStep(call.context, { kind: 'command', word: call.word, args: call.args });
}

/** cargo-cp-artifact and onchange: the command follows `--`. */
function runAfterDoubleDash(call: WrapperCall): void {
  const separator = call.words.findIndex((word, index) => index > call.index && word.text === '--');
  if (separator > 0) walkCommand(call.words, separator + 1, call.context, call.depth);
}

/** find: the words after `-exec` up to `;` or `+` are a command. */
function runFindExec(call: WrapperCall): void {
  for (let index = call.index + 1; index < call.words.length; index++) {
    if (!['-exec', '-execdir', '-ok', '-okdir'].includes(call.words[index].text)) continue;

    const end = call.words.findIndex((word, at) => at > index && (word.text === ';' || word.text === '+'));
    const commandWords = call.words.slice(index + 1, end < 0 ? undefined : end);
    walkCommand(commandWords, 0, call.context, call.depth);
  }
}

/** Watchers whose command is one string: `chokidar -c 'cmd'` and `watch 'cmd' dir`. */
function runWatcherCommandOption(call: WrapperCall): void {
  for (let index = call.index + 1; index < call.words.length; index++) {
    const text = call.words[index].text;
    if ((text === '-c' || text === '--command') && call.words[index + 1]) {
      walkNestedWord(call.words[index + 1], call.context, call.depth);
      return;
    }
  }
}

function runWatchCommand(call: WrapperCall): void {
  const commandIndex = skipWhile(call.words, call.index + 1, optionSkipper(['-n', '--interval', '-p', '--ignoreDirectoryPattern']));
  const commandString = call.words[commandIndex];
  if (commandString) walkNestedWord(commandString, call.context, call.depth);
}

/** sudo is reported itself, and what it runs is checked too. */
function runSudo(call: WrapperCall): void {
  pushStep(call.context, { kind: 'command', word: call.word, args: call.args });
  runAfterOptions(call, ['-u', '--user', '-g', '--group', '-C', '-h', '--host', '-p', '--prompt', '-U', '-r', '-t', '-D', '--chdir']);
}

/** `command -v x` only checks whether x exists; `command x` runs it. */
function runCommandBuiltin(call: WrapperCall): void {
  if (call.args.some((arg) => arg.text === '-v' || arg.text === '-V')) return;
  runAfterOptions(call, []);
}

/** dotenv-cli and env-cmd: options, an optional `--`, then the command. */
function runDotenv(call: WrapperCall): void {
  runAfterOptions(call, ['-e', '-c', '-v', '-p', '-f', '--file', '-r', '--rc-file', '--environments']);
}

/** start-server-and-test: alternating command-or-script, URL, command-or-script. */
function runStartServerAndTest(call: WrapperCall): void {
  const operands = call.args.filter((word) => !word.text.startsWith('-'));
  operands.forEach((word, position) => {
    if (position % 2 === 1) return;
    withCondition(call.context, { onlyIfScript: word.text }, () => callScript(word, call.context));
    withCondition(call.context, { unlessScript: word.text }, () => walkNestedWord(word, call.context, call.depth));
  });
}

const WRAPPERS: Record<string, WrapperHandler> = {
  'cross-env': runCrossEnv,
  'cross-env-shell': runCrossEnv,
  env: runEnv,
  npx: runNpx,
  pnpx: runNpx,
  npm: runPackageManager,
  pnpm: runPackageManager,
  yarn: runPackageManager,
  'npm-run-all': runNpmRunAll,
  'npm-run-all2': runNpmRunAll,
  'run-s': runNpmRunAll,
  'run-p': runNpmRunAll,
  concurrently: runConcurrently,
  nodemon: runWatcherExec,
  sh: runShellInterpreter,
  bash: runShellInterpreter,
  zsh: runShellInterpreter,
  dash: runShellInterpreter,
  ksh: runShellInterpreter,
  dotenv: runDotenv,
  'env-cmd': runDotenv,
  'start-server-and-test': runStartServerAndTest,
  'server-test': runStartServerAndTest,
  time: (call) => runAfterOptions(call, ['-f', '--format', '-o', '--output']),
  nohup: (call) => runAfterOptions(call, []),
  nice: (call) => runAfterOptions(call, ['-n', '--adjustment']),
  exec: (call) => runAfterOptions(call, ['-a']),
  command: runCommandBuiltin,
  sudo: runSudo,
  doas: runSudo,
  'cargo-cp-artifact': runAfterDoubleDash,
  onchange: runAfterDoubleDash,
  find: runFindExec,
  chokidar: runWatcherCommandOption,
  watch: runWatchCommand,
  xargs: (call) => runAfterOptions(call, ['-n', '-I', '-L', '-P', '-d', '-a', '-E', '-s', '--max-args', '--replace', '--max-lines', '--max-procs', '--delimiter', '--arg-file', '--eof', '--max-chars']),
  builtin: (call) => runAfterOptions(call, []),
  stdbuf: (call) => runAfterOptions(call, ['-i', '-o', '-e']),
  timeout: (call) => {
    const afterOptions = skipWhile(call.words, call.index + 1, optionSkipper(['-s', '--signal', '-k', '--kill-after']));
    walkCommand(call.words, afterOptions + 1, call.context, call.depth);
  },
};

export type { SimpleCommand };
