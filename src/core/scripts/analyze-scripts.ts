// Script-level analysis: what each npm script runs, and what it reaches through the scripts it calls.

import type { Severity } from '../findings';
import { findConditionalScriptSteps, resolveStepConditions, type ScriptCall, type ScriptStep } from './find-invocations';
import { classifyInvocation, classifyNativeRebuild, type RuntimeOptions, type StepProblem } from './classify-step';
import { scanScriptTokens, suspectCommandKeys } from './script-prefilter';
import type { ShellParserBudget } from './parse-commands';

/** The problems and script calls in the text of one script, before any call is followed. */
export interface ScriptDirectAnalysis {
  problems: StepProblem[];
  calls: ScriptCall[];
}

/** A problem reached when a script runs, for the guarded driver and for messages. */
export interface ScriptProblem {
  /** The script whose text contains the command. */
  script: string;
  command: string;
  rule: StepProblem['rule'];
  severity: Severity;
  message: string;
  reason: string;
  fallbackDriver: 'docker' | null;
  /** Scripts run on the way from the requested script to `script`, starting with the requested one; empty when they are the same. */
  via: string[];
  /** Offsets of the command word in the text of `script`. */
  start: number;
  end: number;
}

/** Scripts that npm runs during `npm install` of this package. */
export const INSTALL_LIFECYCLE_SCRIPTS: ReadonlySet<string> = new Set(['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare']);

/** Parsed steps per script text, before their conditions on script names are resolved. */
const stepCache = new Map<string, ScriptStep[]>();
const STEP_CACHE_LIMIT = 5000;

/**
 * Returns the steps of one script, parsing it only when the same text was not seen before. Only results of the shell
 * parser are cached, so a script split loosely because the budget ran out is parsed properly by a later analysis.
 */
function conditionalStepsOf(text: string, budget: ShellParserBudget | undefined): ScriptStep[] {
  const cached = stepCache.get(text);
  if (cached) return cached;

  const budgetTooSmall = budget !== undefined && budget.remainingCharacters < text.length;
  const steps = findConditionalScriptSteps(text, budget);
  if (!budgetTooSmall) {
    if (stepCache.size >= STEP_CACHE_LIMIT) stepCache.clear();
    stepCache.set(text, steps);
  }
  return steps;
}

/** Creates the parser budget for one analysis of a package.json. */
export function createShellParserBudget(): ShellParserBudget {
  return { remainingCharacters: SHELL_PARSER_BUDGET };
}

/** About a quarter of a second of bash-parser time per analysis at its measured 50 µs per character. */
const SHELL_PARSER_BUDGET = 5000;

/** Analyses one script text by itself. */
export function analyzeScriptText(text: string, scriptNames: ReadonlySet<string>, options: RuntimeOptions = {}, budget?: ShellParserBudget): ScriptDirectAnalysis {
  const problems: StepProblem[] = [];
  const calls: ScriptCall[] = [];

  const scan = scanScriptTokens(text, suspectCommandKeys(options.extraRuntimes));
  if (!scan.mayHaveProblem && !scan.mayCallScripts) return { problems, calls };

  for (const step of resolveStepConditions(conditionalStepsOf(text, budget), scriptNames)) {
    if (step.kind === 'script-call') {
      calls.push(step);
      continue;
    }
    const problem = step.kind === 'command' ? classifyInvocation(step, options) : classifyNativeRebuild(step, options);
    if (problem) problems.push(problem);
  }
  return { problems, calls };
}

/** Expands an npm-run-all pattern (`build:*`, `test:**`) or a plain name to the script names it matches. */
export function expandScriptPattern(pattern: string, scriptNames: Iterable<string>): string[] {
  if (!pattern.includes('*')) return [pattern];

  const source = pattern.split(/(\*\*|\*)/).map(globPartToRegExp).join('');
  const matcher = new RegExp(`^${source}$`);
  return [...scriptNames].filter((name) => matcher.test(name));
}

/** npm-run-all globs: `*` matches within one `:`-separated segment, `**` across segments. */
function globPartToRegExp(part: string): string {
  if (part === '**') return '.+';
  if (part === '*') return '[^:]+';
  return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** The scripts that `npm run name` runs, in order: the pre hook, the script, the post hook. */
export function scriptsRunBy(name: string, scripts: Readonly<Record<string, string>>, runsHooks = true): string[] {
  const order = runsHooks ? [`pre${name}`, name, `post${name}`] : [name];
  return order.filter((candidate) => typeof scripts[candidate] === 'string');
}

/** Returns the sentence added to findings in a script that npm runs during install, or an empty string. */
export function lifecycleNote(script: string): string {
  return INSTALL_LIFECYCLE_SCRIPTS.has(script) ? ` "${script}" runs during npm install, so a failure here fails the install too.` : '';
}

/** Builds the user-facing sentence for a problem found in `script`. */
export function describeProblem(problem: StepProblem, script: string): string {
  const lifecycle = lifecycleNote(script);
  if (problem.rule === 'native-build-script') return `${problem.reason}${lifecycle}`;

  const subject = describeSubject(problem);
  const verdict = problem.severity === 'error' ? 'cannot run in a WebContainer' : 'may not run in a WebContainer';
  return `${subject} ${verdict}. ${problem.reason}${lifecycle}`;
}

/** `Shell script "x.sh" (run with bash)`, `Shell script "./x.sh"` or `"python"`. */
function describeSubject(problem: StepProblem): string {
  if (problem.rule !== 'shell-script') return `"${problem.command}"`;
  if (problem.scriptFile) return `Shell script "${problem.scriptFile}" (run with ${problem.command})`;
  return `Shell script "${problem.command}"`;
}

/**
 * Returns every problem reached when `npm run scriptName` runs: its pre and post hooks, the scripts it calls
 * (through npm, pnpm, yarn, bun, npm-run-all and concurrently), and commands inside wrappers.
 * Each script is visited once, so cycles (`a` runs `b` runs `a`) terminate.
 */
export function analyzeScriptRun(scripts: Readonly<Record<string, string>>, scriptName: string, options: RuntimeOptions = {}, runsHooks = true): ScriptProblem[] {
  const scriptNames = new Set(Object.keys(scripts).filter((name) => typeof scripts[name] === 'string'));
  return collectRunProblems(scripts, scriptNames, scriptName, options, runsHooks);
}

/** analyzeScriptRun with the script names already collected, for callers that analyse many runs of one file. */
export function collectRunProblems(
  scripts: Readonly<Record<string, string>>,
  scriptNames: ReadonlySet<string>,
  scriptName: string,
  options: RuntimeOptions,
  runsHooks = true,
): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const visited = new Set<string>();

  // Depth-first in run order, with an explicit stack so that chains thousands of scripts long cannot overflow
  // the call stack. `chain` lists the scripts run on the way to `name`; a hook's chain also names its script.
  const pending: Array<{ name: string; chain: string[]; hooks: boolean }> = [{ name: scriptName, chain: [], hooks: runsHooks }];
  while (pending.length > 0) {
    const { name, chain, hooks } = pending.pop()!;
    const next: typeof pending = [];

    for (const script of scriptsRunBy(name, scripts, hooks)) {
      if (visited.has(script)) continue;
      visited.add(script);

      const via = script === name ? chain : [...chain, name];
      const analysis = analyzeScriptText(scripts[script], scriptNames, options);
      for (const problem of analysis.problems) problems.push(toScriptProblem(problem, script, via));

      for (const call of analysis.calls) {
        for (const target of expandScriptPattern(call.target, scriptNames)) next.push({ name: target, chain: [...via, script], hooks: call.runsHooks });
      }
    }
    pending.push(...next.reverse());
  }

  return problems;
}

export function toScriptProblem(problem: StepProblem, script: string, via: string[]): ScriptProblem {
  return {
    script,
    command: problem.command,
    rule: problem.rule,
    severity: problem.severity,
    message: describeProblem(problem, script),
    reason: problem.reason,
    fallbackDriver: problem.fallbackDriver,
    via,
    start: problem.word.offsets[0],
    end: problem.word.offsets[problem.word.text.length - 1] + 1,
  };
}
