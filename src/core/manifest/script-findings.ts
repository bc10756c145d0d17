// Findings for the "scripts" section: unsupported commands, shell scripts, and calls of scripts that reach them.

import type { Finding, Severity } from '../findings';
import type { AnalyzeOptions } from '../analyze-manifest';
import {
  analyzeScriptText,
  createShellParserBudget,
  describeProblem,
  expandScriptPattern,
  lifecycleNote,
  type ScriptProblem,
} from '../scripts/analyze-scripts';
import type { ShellWord } from '../scripts/shell-word';
import type { ScriptCall } from '../scripts/find-invocations';
import { scanScriptTokens, suspectCommandKeys } from '../scripts/script-prefilter';
import { createRunSummarizer, type RunSummary } from '../scripts/run-summary';
import type { ManifestText } from './manifest-text';
import { lastMembersByName, type JsonSpan, type ManifestSection } from './read-manifest';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2 };

/** Related locations listed for one call of another script, at most. */
const MAX_RELATED = 20;

interface ScriptEntry {
  name: string;
  value: string;
  span: JsonSpan;
}

/** Returns the findings for the `scripts` property of package.json, or none when it is absent. */
export function analyzeScriptFindings(manifest: ManifestText, section: ManifestSection | undefined, options: AnalyzeOptions): Finding[] {
  if (!section) return [];
  if (section.valueType !== 'object') {
    return [manifest.invalidValue('"scripts" must be an object that maps script names to command strings.', section.value)];
  }

  const findings: Finding[] = [];
  const entries = readScriptEntries(manifest, section, findings);
  const scripts: Record<string, string> = Object.create(null);
  for (const entry of entries.values()) scripts[entry.name] = entry.value;

  const scriptNames = new Set(entries.keys());

  // Calls of other scripts can only lead to a finding when some script may contain a problem itself.
  const suspects = suspectCommandKeys(options.extraRuntimes);
  const scans = new Map([...entries.values()].map((entry) => [entry.name, scanScriptTokens(entry.value, suspects)]));
  const anyProblem = [...scans.values()].some((scan) => scan.mayHaveProblem);

  // Problems reached by running each called script, summarised once per script for the whole file.
  const budget = createShellParserBudget();
  const summarizeRun = createRunSummarizer(scripts, scriptNames, options, budget, MAX_RELATED + 1);

  for (const entry of entries.values()) {
    const scan = scans.get(entry.name);
    if (!scan?.mayHaveProblem && !(anyProblem && scan?.mayCallScripts)) continue;

    const analysis = analyzeScriptText(entry.value, scriptNames, options, budget);

    for (const problem of analysis.problems) {
      const range = wordRange(manifest, entry.span, problem.word);
      findings.push(
        manifest.finding(
          { rule: problem.rule, severity: problem.severity, message: describeProblem(problem, entry.name), script: entry.name, command: problem.command, via: [] },
          range.start,
          range.end,
        ),
      );
    }

    for (const call of analysis.calls) {
      const finding = callFinding(manifest, entry, call, expandScriptPattern(call.target, scriptNames), entries, summarizeRun);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

/** Reads name/value pairs; non-string values become invalid-manifest findings. The last duplicate wins. */
function readScriptEntries(manifest: ManifestText, section: ManifestSection, findings: Finding[]): Map<string, ScriptEntry> {
  const entries = new Map<string, ScriptEntry>();
  for (const member of lastMembersByName(section.members).values()) {
    if (member.text === undefined) {
      findings.push(manifest.invalidValue(`Script "${member.name}" must be a string.`, member.value));
      continue;
    }
    entries.set(member.name, { name: member.name, value: member.text, span: member.value });
  }
  return entries;
}

function wordRange(manifest: ManifestText, span: JsonSpan, word: ShellWord): { start: number; end: number } {
  const length = Math.max(word.text.length, 1);
  return manifest.sourceRangeInString(span, word.offsets[0], word.offsets[length - 1] + 1);
}

/** Builds one finding on the word that calls other scripts, summarising the worst problem they reach. */
function callFinding(
  manifest: ManifestText,
  caller: ScriptEntry,
  call: ScriptCall,
  targets: string[],
  entries: Map<string, ScriptEntry>,
  summarizeRun: (target: string, runsHooks: boolean) => RunSummary,
): Finding | undefined {
  const reached: ScriptProblem[] = [];
  const seen = new Set<string>();
  let truncated = false;
  let worst: ScriptProblem | undefined;

  for (const target of targets) {
    if (target === caller.name) continue;
    const summary = summarizeRun(target, call.runsHooks);
    truncated ||= summary.truncated;

    // A cycle back to the calling script itself is not a problem reached through the call.
    const candidates = summary.worst && summary.worst.script !== caller.name ? [summary.worst, ...summary.sample] : summary.sample;
    for (const problem of candidates) {
      if (problem.script === caller.name) continue;
      if (!worst || SEVERITY_RANK[problem.severity] < SEVERITY_RANK[worst.severity]) worst = problem;
      const identity = `${problem.script}\u0000${problem.start}`;
      if (!seen.has(identity)) {
        seen.add(identity);
        reached.push(problem);
      }
    }
  }
  if (!worst) return undefined;

  const chain = [...worst.via, worst.script];
  const others = reached.length - 1;
  const lifecycle = lifecycleNote(caller.name);
  const count = truncated ? `At least ${others} more problems` : `${others} more problem${others === 1 ? '' : 's'}`;
  const message =
    `Runs ${chain.map((name) => `"${name}"`).join(' → ')}, which calls "${worst.command}". ${worst.message}` +
    (others > 0 ? ` ${count} in the scripts it runs.` : '') +
    lifecycle;

  const range = wordRange(manifest, caller.span, call.word);
  const related = reached.slice(0, MAX_RELATED).flatMap((problem) => {
    const span = entries.get(problem.script)?.span;
    if (!span) return [];
    const location = manifest.sourceRangeInString(span, problem.start, problem.end);
    return [manifest.related(`"${problem.command}" in script "${problem.script}"`, location.start, location.end)];
  });

  return manifest.finding(
    { rule: worst.rule, severity: worst.severity, message, script: caller.name, command: worst.command, via: chain, related },
    range.start,
    range.end,
  );
}
