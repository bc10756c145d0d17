// Text output: one line per finding, `path:line:column severity rule message`, then a summary.

import type { Severity } from '../core';
import type { FileReport } from './check-manifests';
import type { Style, Stylize } from './colors';
import { countSeverities } from './severity-counts';

const SEVERITY_STYLES: Record<Severity, Style> = {
  error: 'red',
  warning: 'yellow',
  information: 'cyan',
};

export function formatText(reports: readonly FileReport[], stylize: Stylize): string {
  const lines: string[] = [];

  for (const report of reports) {
    for (const finding of report.findings) {
      const location = `${report.path}:${finding.line}:${finding.column}`;
      const severity = stylize(SEVERITY_STYLES[finding.severity], finding.severity);
      lines.push(`${location} ${severity} ${stylize('dim', finding.rule)} ${oneLine(finding.message)}`);
    }
  }

  lines.push(stylize('bold', summaryLine(reports)));
  return lines.join('\n') + '\n';
}

/** Returns e.g. `2 errors, 1 warning, 0 information in 3 files`. */
export function summaryLine(reports: readonly FileReport[]): string {
  const counts = countSeverities(reports);
  const errors = plural(counts.error, 'error', 'errors');
  const warnings = plural(counts.warning, 'warning', 'warnings');
  const files = plural(reports.length, 'file', 'files');
  return `${errors}, ${warnings}, ${counts.information} information in ${files}`;
}

function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Keeps each finding on one line, so tools that split the output by line see one finding per line. */
function oneLine(message: string): string {
  return message.replace(/\r\n|[\r\n]/g, ' ');
}
