// A cheap token scan that decides whether a script needs the shell parser at all.
//
// Measured on the 510 scripts of a corpus of 35 real package.json files (Node 20, 2-core x86_64 VM):
// @ericcornelissen/bash-parser takes about 550 µs per script, while VS Code's JSON language service parses and
// validates a whole package.json in about 150 µs. Most scripts (`vite build`, `tsc && eslint .`) contain no word
// that could lead to a finding, so they skip the parser. The scan over-approximates: every command word the
// parser could report appears among its tokens once quotes and backslashes are removed.

import { runtimeKeyCandidates } from '../runtime-name';
import { RUNTIME_COMPAT_MATRIX, type RuntimeCompatEntry } from '../runtime-compat-matrix';

/** The kinds of step a script may contain, judged from its tokens alone. */
export interface ScriptTokenScan {
  /** A token could be an unsupported command, a shell script or a file run directly. */
  mayHaveProblem: boolean;
  /** A token could call another script (`npm run`, `yarn x`, `run-s`, `concurrently npm:x`). */
  mayCallScripts: boolean;
}

const QUOTES_AND_ESCAPES = /["'\\]/g;
const SCRIPT_CALLERS = new Set(['npm', 'pnpm', 'yarn', 'bun', 'run-s', 'run-p', 'npm-run-all', 'npm-run-all2', 'start-server-and-test', 'server-test']);
const CONCURRENTLY_SHORTHAND = /^(npm|yarn|pnpm|bun):/;
const ALWAYS_SUSPECT = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'rebuild', 'rb']);
const SHELL_SCRIPT_EXTENSION = /\.(sh|bash|zsh|ksh)$/i;

/** Files run directly that may be reported: no extension, or one that names a non-JavaScript interpreter. */
const SUSPECT_PATH = /\/[^/.*]+$|\.(py|rb|php|pl|go)$/i;

let defaultSuspects: ReadonlySet<string> | undefined;

/** Table keys of unsupported commands and of commands with unsupported subcommands, plus every key the user added. */
export function suspectCommandKeys(extraRuntimes?: Record<string, RuntimeCompatEntry>): ReadonlySet<string> {
  if (!extraRuntimes && defaultSuspects) return defaultSuspects;

  const keys = new Set(ALWAYS_SUSPECT);
  for (const [key, entry] of Object.entries(RUNTIME_COMPAT_MATRIX)) {
    if (!entry.supported || entry.unsupportedSubcommands) keys.add(key);
  }
  for (const key of Object.keys(extraRuntimes ?? {})) keys.add(key.toLowerCase());

  if (!extraRuntimes) defaultSuspects = keys;
  return keys;
}

/** Scans per script text for the default suspects, so that re-analysing a file while one script is edited rescans only that script. */
const defaultScans = new Map<string, ScriptTokenScan>();
const SCAN_CACHE_LIMIT = 5000;

export function scanScriptTokens(text: string, suspects: ReadonlySet<string>): ScriptTokenScan {
  if (suspects !== defaultSuspects) return scanUncached(text, suspects);

  let scan = defaultScans.get(text);
  if (!scan) {
    scan = scanUncached(text, suspects);
    if (defaultScans.size >= SCAN_CACHE_LIMIT) defaultScans.clear();
    defaultScans.set(text, scan);
  }
  return scan;
}

/** Words after which the next word is run as a command, so a path there may be a file run directly. */
const COMMAND_PREFIX_WORDS = new Set([
  'sudo', 'doas', 'env', 'npx', 'pnpx', 'bunx', 'exec', 'time', 'nohup', 'nice', 'timeout', 'stdbuf', 'xargs', 'command',
  'builtin', 'cross-env', 'cross-env-shell', 'dotenv', 'env-cmd', '--', '-c', '-x', '--exec', 'sh', 'bash', 'zsh', 'dash',
  'ksh', 'if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}', 'fi', 'done', 'esac', 'watch', 'nodemon',
  '-exec', '-execdir', 'pnpm', 'yarn', 'dlx', 'x', 'run',
]);

const COMMAND_LIST_RUNNERS = new Set(['concurrently', 'start-server-and-test', 'server-test']);

const RAW_TOKEN = /[^\s;&|()<>`]+/g;
const OPERATOR_BEFORE = /[;&|()`\n]/;
const ASSIGNMENT_TOKEN = /^[A-Za-z_][A-Za-z0-9_]*=/;
const SUBTOKEN_SEPARATORS = /[$={}]+/;

function scanUncached(text: string, suspects: ReadonlySet<string>): ScriptTokenScan {
  const scan: ScriptTokenScan = { mayHaveProblem: false, mayCallScripts: false };
  let previousRaw = '';
  // Every argument of concurrently and start-server-and-test may be a command, so after one of them every token is
  // treated as a command word.
  let argumentsAreCommands = false;

  for (const match of text.matchAll(RAW_TOKEN)) {
    const raw = match[0];
    const cleaned = raw.replace(QUOTES_AND_ESCAPES, '');
    const commandPosition = argumentsAreCommands || isCommandPosition(text, match.index ?? 0, raw, previousRaw);
    if (COMMAND_LIST_RUNNERS.has(cleaned)) argumentsAreCommands = true;
    previousRaw = cleaned;

    const parts = cleaned.split(SUBTOKEN_SEPARATORS);
    for (let index = 0; index < parts.length; index++) {
      const part = parts[index];
      if (part.length === 0) continue;

      if (SCRIPT_CALLERS.has(part) || CONCURRENTLY_SHORTHAND.test(part)) scan.mayCallScripts = true;
      if (!scan.mayHaveProblem && isSuspectToken(part, suspects, commandPosition && index === 0)) scan.mayHaveProblem = true;
    }
    if (scan.mayHaveProblem && scan.mayCallScripts) break;
  }
  return scan;
}

/**
 * True when a token may be a command word: at the start, after a control operator, after a word that runs its
 * argument (`sudo`, `npx`, `sh -c`), after an assignment, or quoted (concurrently and `sh -c` take commands in quotes).
 */
function isCommandPosition(text: string, index: number, raw: string, previousRaw: string): boolean {
  if (raw.startsWith('"') || raw.startsWith("'")) return true;
  if (COMMAND_PREFIX_WORDS.has(previousRaw) || ASSIGNMENT_TOKEN.test(previousRaw)) return true;

  let before = index - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t' || text[before] === '\r')) before--;
  return before < 0 || OPERATOR_BEFORE.test(text[before]) || text[before] === '"' || text[before] === "'";
}

/** Verdicts per token for the default suspects; the same words (`npm`, `run`, `build`) recur in every file. */
const defaultVerdicts = new Map<string, boolean>();
const VERDICT_CACHE_LIMIT = 20000;

/**
 * Decides whether a token may lead to a finding. A path is suspect where it may be run: at a command position, or written as `./x`, `../x` or `/x`, which is how
 * files are run. `--outDir dist/esm` and `eslint src/app` are not, so such arguments do not force a parse.
 */
function isSuspectToken(token: string, suspects: ReadonlySet<string>, commandPosition: boolean): boolean {
  if (token.includes('/') && SUSPECT_PATH.test(token) && (commandPosition || /^(\.\.?)?\//.test(token))) return true;

  const cacheable = suspects === defaultSuspects;
  const cached = cacheable ? defaultVerdicts.get(token) : undefined;
  if (cached !== undefined) return cached;

  const verdict = SHELL_SCRIPT_EXTENSION.test(token) || runtimeKeyCandidates(token).some((key) => suspects.has(key));

  if (cacheable) {
    if (defaultVerdicts.size >= VERDICT_CACHE_LIMIT) defaultVerdicts.clear();
    defaultVerdicts.set(token, verdict);
  }
  return verdict;
}
