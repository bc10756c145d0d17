// JSON output, version 1. Other tools parse it, so its keys and their meaning change only with a new version.

import type { Finding } from '../core';
import type { FileReport } from './check-manifests';

export const JSON_FORMAT_VERSION = 1;

/** One finding in JSON output. Lines and columns are 1-based, columns count UTF-16 code units, and the end is just past the last character. */
export interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  script?: string;
  command?: string;
  package?: string;
  section?: string | null;
  alternative?: string | null;
}

export interface JsonReport {
  version: typeof JSON_FORMAT_VERSION;
  files: Array<{ path: string; findings: JsonFinding[] }>;
}

export function toJsonReport(reports: readonly FileReport[]): JsonReport {
  return {
    version: JSON_FORMAT_VERSION,
    files: reports.map((report) => ({ path: report.path, findings: report.findings.map(toJsonFinding) })),
  };
}

export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(toJsonReport(reports), null, 2) + '\n';
}

/** Copies the documented keys only: the core's offsets, via chains and fixes stay out of version 1. */
function toJsonFinding(finding: Finding): JsonFinding {
  const output: JsonFinding = {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
  };

  if (finding.script !== undefined) {
    output.script = finding.script;
  }

  if (finding.command !== undefined) {
    output.command = finding.command;
  }

  if (finding.package !== undefined) {
    output.package = finding.package;
    output.section = finding.section ?? null;
    output.alternative = finding.alternative ?? null;
  }

  return output;
}
