// Summaries of the problems each script's run reaches, computed once per script for a whole package.json.
//
// analyzeScriptRun walks everything a run reaches, which is right for one run but quadratic when every script of a
// long `npm run` chain is checked: 2,500 scripts in one chain took 21 s. Summaries are computed bottom-up, once per
// script, and keep only what a finding shows: the worst problem with its chain, and a bounded list of the others.

import type { Severity } from '../findings';
import type { RuntimeOptions } from './classify-step';
import type { ShellParserBudget } from './parse-commands';
import { analyzeScriptText, expandScriptPattern, scriptsRunBy, toScriptProblem, type ScriptProblem } from './analyze-scripts';

/** Problems reached by `npm run name`, with `via` relative to `name`. */
export interface RunSummary {
  /** The problem of highest severity reached; the first found when several tie. */
  worst: ScriptProblem | undefined;
  /** Up to `limit` problems reached, without duplicates, in run order. */
  sample: ScriptProblem[];
  /** True when more problems exist than `sample` holds. */
  truncated: boolean;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2 };

interface Frame {
  key: string;
  name: string;
  hooks: boolean;
  expanded: boolean;
  own: ScriptProblem[];
  children: Array<{ key: string; name: string; hooks: boolean; prefix: string[] }>;
}

/**
 * Returns a function that summarises runs of the scripts of one package.json, memoised per script and hook mode.
 * A cycle (`a` runs `b` runs `a`) contributes nothing on its second visit, so every summary terminates.
 */
export function createRunSummarizer(
  scripts: Readonly<Record<string, string>>,
  scriptNames: ReadonlySet<string>,
  options: RuntimeOptions,
  budget: ShellParserBudget,
  limit: number,
): (name: string, hooks: boolean) => RunSummary {
  const memo = new Map<string, RunSummary>();
  const inProgress = new Set<string>();
  const empty: RunSummary = { worst: undefined, sample: [], truncated: false };

  const expand = (frame: Frame) => {
    for (const script of scriptsRunBy(frame.name, scripts, frame.hooks)) {
      const via = script === frame.name ? [] : [frame.name];
      const analysis = analyzeScriptText(scripts[script], scriptNames, options, budget);
      for (const problem of analysis.problems) frame.own.push(toScriptProblem(problem, script, via));

      for (const call of analysis.calls) {
        for (const target of expandScriptPattern(call.target, scriptNames)) {
          frame.children.push({ key: summaryKey(target, call.runsHooks), name: target, hooks: call.runsHooks, prefix: [...via, script] });
        }
      }
    }
  };

  const combine = (frame: Frame): RunSummary => {
    const seen = new Set<string>();
    const sample: ScriptProblem[] = [];
    let truncated = false;
    let worst: ScriptProblem | undefined;

    const add = (problem: ScriptProblem) => {
      if (!worst || SEVERITY_RANK[problem.severity] < SEVERITY_RANK[worst.severity]) worst = problem;
      const identity = `${problem.script}\u0000${problem.start}`;
      if (seen.has(identity)) return;
      if (sample.length >= limit) {
        truncated = true;
        return;
      }
      seen.add(identity);
      sample.push(problem);
    };

    for (const problem of frame.own) add(problem);
    for (const child of frame.children) {
      const summary = memo.get(child.key) ?? empty;
      if (summary.truncated) truncated = true;
      for (const problem of summary.sample) add({ ...problem, via: [...child.prefix, ...problem.via] });
      if (summary.worst && (!worst || SEVERITY_RANK[summary.worst.severity] < SEVERITY_RANK[worst.severity])) {
        worst = { ...summary.worst, via: [...child.prefix, ...summary.worst.via] };
      }
    }
    return { worst, sample, truncated };
  };

  // Post-order with an explicit stack, because a chain of thousands of scripts would overflow the call stack.
  return (name, hooks) => {
    const rootKey = summaryKey(name, hooks);
    const stack: Frame[] = [{ key: rootKey, name, hooks, expanded: false, own: [], children: [] }];

    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (memo.has(frame.key)) {
        stack.pop();
        continue;
      }

      if (!frame.expanded) {
        frame.expanded = true;
        inProgress.add(frame.key);
        expand(frame);
        for (const child of frame.children) {
          if (!memo.has(child.key) && !inProgress.has(child.key)) {
            stack.push({ key: child.key, name: child.name, hooks: child.hooks, expanded: false, own: [], children: [] });
          }
        }
        continue;
      }

      stack.pop();
      inProgress.delete(frame.key);
      memo.set(frame.key, combine(frame));
    }
    return memo.get(rootKey) ?? empty;
  };
}

function summaryKey(name: string, hooks: boolean): string {
  return `${hooks ? 'hooks' : 'plain'}\u0000${name}`;
}
