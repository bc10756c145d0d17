// Finds the entry to add to webcontainerCompat.ignore.packages or .ignore.runtimes so that a finding goes
// away. The core matches the runtime list against the form of the command word its classification used:
// the runtime table's key, the file name of a script, or `node-gyp` for native rebuilds. So each candidate
// is tried by checking the text again, and an "Ignore" quick fix is offered only with an entry that works.
// No vscode import.

import type { AnalyzeOptions } from '../core/analyze-manifest';
import { analyzeManifest } from './lazy-analyzer';
import type { Finding } from '../core/findings';
import { runtimeKeyCandidates } from '../core/runtime-name';
import { commandBaseName } from '../core/scripts/command-name';

export interface IgnoreEntry {
  setting: 'ignore.packages' | 'ignore.runtimes';
  name: string;
}

/** Returns the first entry whose addition removes `finding` from the findings of `text`, or undefined when none does. */
export function findIgnoreEntry(text: string, finding: Finding, options: AnalyzeOptions): IgnoreEntry | undefined {
  const candidates: IgnoreEntry[] = [];
  if (finding.package !== undefined) candidates.push({ setting: 'ignore.packages', name: finding.package });
  if (finding.command !== undefined) {
    for (const name of runtimeNameCandidates(finding.command)) candidates.push({ setting: 'ignore.runtimes', name });
  }

  return candidates.find((candidate) => {
    const remaining = analyzeManifest(text, withIgnored(options, candidate));
    return !remaining.some((other) => isSameFinding(other, finding));
  });
}

/** Candidate runtime names for a command word, most specific first. */
export function runtimeNameCandidates(command: string): string[] {
  const baseName = commandBaseName(command);
  const candidates = [...runtimeKeyCandidates(command), baseName, baseName.toLowerCase(), 'node-gyp'];
  return [...new Set(candidates.filter((candidate) => candidate !== ''))];
}

function withIgnored(options: AnalyzeOptions, entry: IgnoreEntry): AnalyzeOptions {
  if (entry.setting === 'ignore.packages') return { ...options, ignorePackages: [...(options.ignorePackages ?? []), entry.name] };
  return { ...options, ignoreRuntimes: [...(options.ignoreRuntimes ?? []), entry.name] };
}

function isSameFinding(a: Finding, b: Finding): boolean {
  return a.rule === b.rule && a.range.start === b.range.start && a.range.end === b.range.end;
}
