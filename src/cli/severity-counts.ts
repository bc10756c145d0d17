// Counts findings by severity, for the text summary and the exit status.

import type { Severity } from '../core';
import type { FileReport } from './check-manifests';

export type SeverityCounts = Record<Severity, number>;

export function countSeverities(reports: readonly FileReport[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, information: 0 };

  for (const report of reports) {
    for (const finding of report.findings) {
      counts[finding.severity] += 1;
    }
  }

  return counts;
}
