// A cheap token scan that decides whether a script needs the shell parser at all.
//
// Measured on the 510 scripts of a corpus of 35 real package.json files (Node 20, 2-core x86_64 VM):
// @ericcornelissen/bash-parser takes about 550 µs per script, while VS Code's JSON language service parses and
// validates a whole package.json in about 150 µs. Most scripts (`vite build`, `tsc && eslint .`) contain no word
// that could lead to a finding, so they skip the parser. The scan over-approximates: every command word the
// parser could report appears among its tokens once quotes and backslashes are removed.

import { runtimeKeyCandidates } from '../runtime-name';
import { RUNTIME_COMPAT_MATRIX, type RuntimeCompatEntry } from '../runtime-compat-matrix';

/** What a script may contain, judged from its tokens alone. */
export interface ScriptTokenScan {
  /** A token could be an unsupported command, a shell script or a file run directly. */
  mayHaveProblem: boolean;
  /** A token could call another script (`npm run`, `yarn x`, `run-s`, `concurrently npm:x`). */
  mayCallScripts: boolean;
}

const TOKEN_SEPARATORS = /[\s;&|()<>`$={}]+/;
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

function scanUncached(text: string, suspects: ReadonlySet<string>): ScriptTokenScan {
  const scan: ScriptTokenScan = { mayHaveProblem: false, mayCallScripts: false };

  for (const token of text.replace(QUOTES_AND_ESCAPES, '').split(TOKEN_SEPARATORS)) {
    if (token.length === 0) continue;

    if (SCRIPT_CALLERS.has(token) || CONCURRENTLY_SHORTHAND.test(token)) scan.mayCallScripts = true;
    if (!scan.mayHaveProblem && isSuspectToken(token, suspects)) scan.mayHaveProblem = true;
    if (scan.mayHaveProblem && scan.mayCallScripts) break;
  }
  return scan;
}

/** Verdicts per token for the default suspects; the same words (`npm`, `run`, `build`) recur in every file. */
const defaultVerdicts = new Map<string, boolean>();
const VERDICT_CACHE_LIMIT = 20000;

function isSuspectToken(token: string, suspects: ReadonlySet<string>): boolean {
  const cacheable = suspects === defaultSuspects;
  const cached = cacheable ? defaultVerdicts.get(token) : undefined;
  if (cached !== undefined) return cached;

  const verdict =
    SHELL_SCRIPT_EXTENSION.test(token) ||
    (token.includes('/') && SUSPECT_PATH.test(token)) ||
    runtimeKeyCandidates(token).some((key) => suspects.has(key));

  if (cacheable) {
    if (defaultVerdicts.size >= VERDICT_CACHE_LIMIT) defaultVerdicts.clear();
    defaultVerdicts.set(token, verdict);
  }
  return verdict;
}
