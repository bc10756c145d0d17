// Joins the manifest analysis and the dependency-tree analysis of one package.json. No vscode import.

import type { Finding } from '../core/findings';

/**
 * Returns the manifest findings followed by the tree findings, without a finding that repeats an earlier one's rule
 * and range. Both analyses report a script command that is also a package CLI, and the editor shows it once, as
 * the CLI does.
 */
export function mergeFindings(manifestFindings: readonly Finding[], treeFindings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const merged: Finding[] = [];
  for (const finding of [...manifestFindings, ...treeFindings]) {
    const key = `${finding.rule}:${finding.range.start}:${finding.range.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(finding);
  }
  return merged;
}
