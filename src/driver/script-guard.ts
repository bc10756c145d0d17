// Checks a whole `npm run <script>` before anything is spawned: its pre and post hooks, the scripts it calls and
// the commands inside wrappers, through the core's script analysis.

import type { AnalyzeOptions } from '../core/analyze-manifest';
import { analyzeScriptRun, type ScriptProblem } from '../core/scripts/analyze-scripts';
import { UnsupportedRuntimeError } from '../core/unsupported-runtime-error';

/** Raised instead of running a script that reaches a command a WebContainer cannot run. */
export class ScriptRefusedError extends UnsupportedRuntimeError {
  /** The script the caller asked to run. */
  readonly requestedScript: string;
  /** The script whose text contains the command; differs from `requestedScript` for hooks and called scripts. */
  readonly script: string;
  /** The command word as written in the script. */
  readonly command: string;
  /** Scripts that lead from `requestedScript` to `script`, outermost first. */
  readonly via: string[];
  /** Every blocking problem, the first of which is described by the fields above. */
  readonly problems: ScriptProblem[];

  constructor(requestedScript: string, problems: ScriptProblem[]) {
    const first = problems[0];
    super(first.command, first.reason, first.fallbackDriver);
    this.name = 'ScriptRefusedError';
    this.message = describeRefusal(requestedScript, first);
    this.requestedScript = requestedScript;
    this.script = first.script;
    this.command = first.command;
    this.via = first.via;
    this.problems = problems;
  }
}

/** Raised when package.json has no script of the requested name, as `npm run` would fail. */
export class MissingScriptError extends Error {
  constructor(readonly scriptName: string) {
    super(`package.json has no script named "${scriptName}".`);
    this.name = 'MissingScriptError';
  }
}

/**
 * Returns the problems that stop `npm run scriptName` inside a WebContainer: every unsupported runtime, as
 * `exec` rejects those too (python3 included, although the analysis rates it a warning because a limited
 * python3 exists there), and any other problem of severity error. Other warnings do not block the run.
 */
export function findBlockingProblems(
  scripts: Record<string, string>,
  scriptName: string,
  options?: AnalyzeOptions,
): ScriptProblem[] {
  return analyzeScriptRun(scripts, scriptName, options).filter(
    (problem) => problem.rule === 'unsupported-runtime' || problem.severity === 'error',
  );
}

/** Throws MissingScriptError or ScriptRefusedError when the script cannot run in a WebContainer. */
export function checkScriptRun(scripts: Record<string, string>, scriptName: string, options?: AnalyzeOptions): void {
  if (!Object.prototype.hasOwnProperty.call(scripts, scriptName)) {
    throw new MissingScriptError(scriptName);
  }

  const blocking = findBlockingProblems(scripts, scriptName, options);
  if (blocking.length > 0) {
    throw new ScriptRefusedError(scriptName, blocking);
  }
}

/** Describes a refusal in one message naming the script, the command, the reason and the fallback. */
export function describeRefusal(requestedScript: string, problem: ScriptProblem): string {
  const chain = [requestedScript, ...problem.via.filter((name) => name !== requestedScript), problem.script]
    .filter((name, index, names) => names.indexOf(name) === index)
    .join(' → ');
  const where = chain === requestedScript ? `script "${requestedScript}"` : `script "${requestedScript}" (via ${chain})`;
  const fallback = problem.fallbackDriver === 'docker' ? ' Run it in Docker or in a local terminal instead.' : ' Run it in a local terminal instead.';
  return `Cannot run ${where} in a WebContainer: it runs "${problem.command}". ${problem.reason}${fallback}`;
}
