// Reads each package.json and runs the checker core on its text.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeManifest, type Finding } from '../core';
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
}

/**
 * Checks every manifest. A file that cannot be read becomes a problem and the others are still
 * checked. A file that is read but is not a valid manifest is the core's business: it returns an
 * `invalid-manifest` finding.
 */
export function checkManifests(manifests: readonly ManifestFile[]): CheckResult {
  const result: CheckResult = { reports: [], problems: [] };

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

    result.reports.push({ path: manifest.displayPath, findings: sortBySourcePosition(findings) });
  }

  return result;
}

function sortBySourcePosition(findings: Finding[]): Finding[] {
  // Array.prototype.sort is stable, so findings at one position keep the core's order.
  return [...findings].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}
