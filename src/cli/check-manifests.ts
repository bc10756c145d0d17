// Reads each package.json and runs the checker core on its text.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeManifest, inspectDependencyTree, type Finding } from '../core';
import { createNodeFileReader } from '../core/dependency-tree/node-file-reader';
import { describeSystemError, type InputProblem } from './input-problem';
import type { ManifestFile } from './discover-manifests';

/** The findings for one package.json, in source order. */
export interface FileReport {
  path: string;
  findings: Finding[];
}

export interface CheckResult {
  reports: FileReport[];
  problems: InputProblem[];
  /** Lines for stderr that do not change the exit status, such as a lockfile that could not be read. */
  notices: string[];
}

/**
 * Checks every manifest. A file that cannot be read becomes a problem and the others are still
 * checked. A file that is read but is not a valid manifest is the core's business: it returns an
 * `invalid-manifest` finding.
 */
export function checkManifests(manifests: readonly ManifestFile[]): CheckResult {
  const result: CheckResult = { reports: [], problems: [], notices: [] };
  const reader = createNodeFileReader();

  for (const manifest of manifests) {
    let text: string;
    try {
      text = fs.readFileSync(manifest.absolutePath, 'utf8');
    } catch (error) {
      result.problems.push({ path: manifest.displayPath, reason: describeSystemError(error) });
      continue;
    }

    // The core is meant never to throw, whatever the text. If it does, the other files are still
    // checked and the run ends with status 2 instead of a stack trace.
    let findings: Finding[];
    try {
      findings = analyzeManifest(text, { hasBindingGyp: fs.existsSync(path.join(path.dirname(manifest.absolutePath), 'binding.gyp')) });
    } catch (error) {
      result.problems.push({ path: manifest.displayPath, reason: `the checker failed: ${String(error)}`, stage: 'check' });
      continue;
    }

    // Native packages below the direct dependencies, and package CLIs the scripts call, from the governing lockfile
    // or node_modules. inspectDependencyTree returns errors instead of throwing.
    const tree = inspectDependencyTree(manifest.absolutePath, text, reader);
    if (tree.error) {
      result.problems.push({ path: manifest.displayPath, reason: tree.error, stage: 'check' });
    } else if (tree.lockfile?.error) {
      result.notices.push(`${manifest.displayPath}: the lockfile ${tree.lockfile.path} could not be read (${tree.lockfile.error}), so native packages below the direct dependencies were not checked`);
    }

    result.reports.push({ path: manifest.displayPath, findings: sortBySourcePosition(withoutDuplicates([...findings, ...tree.findings])) });
  }

  return result;
}

/** Drops a finding that repeats an earlier one's rule and range, as when a script's command is also a package CLI. */
function withoutDuplicates(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.rule}:${finding.range.start}:${finding.range.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortBySourcePosition(findings: Finding[]): Finding[] {
  // Array.prototype.sort is stable, so findings at one position keep the core's order.
  return [...findings].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}
