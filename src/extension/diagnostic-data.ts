// Maps core findings to the plain data of editor diagnostics: 0-based ranges, the severity after the
// user's overrides, the rule's documentation address and related locations. No vscode import, so the
// mapping is unit-tested and benchmarked without an editor; diagnostics.ts turns the data into vscode objects.

import type { Finding, LineColumnRange, RuleId } from '../core/findings';
import { ruleDocsUrl } from './rule-docs';
import type { SeverityOverride } from './settings-validation';

export type DiagnosticLevel = Exclude<SeverityOverride, 'off'>;

/** 0-based lines and UTF-16 character positions, end exclusive, as vscode.Range takes them. */
export interface ZeroBasedRange {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

export interface RelatedData {
  range: ZeroBasedRange;
  message: string;
}

export interface DiagnosticData {
  rule: RuleId;
  severity: DiagnosticLevel;
  message: string;
  range: ZeroBasedRange;
  docsUrl: string;
  related: RelatedData[];
  /** The finding the diagnostic shows, for quick fixes and hovers. */
  finding: Finding;
}

/** Returns the diagnostic for a finding, or undefined when the user turned its rule off. */
export function toDiagnosticData(finding: Finding, overrides: Partial<Record<RuleId, SeverityOverride>>): DiagnosticData | undefined {
  const override = overrides[finding.rule];
  if (override === 'off') return undefined;

  return {
    rule: finding.rule,
    severity: override ?? finding.severity,
    message: finding.message,
    range: toZeroBased(finding),
    docsUrl: ruleDocsUrl(finding.rule),
    related: (finding.related ?? []).map((location) => ({ range: toZeroBased(location), message: location.message })),
    finding,
  };
}

/** Maps every finding, dropping those whose rule is off. */
export function toDiagnosticDataList(findings: readonly Finding[], overrides: Partial<Record<RuleId, SeverityOverride>>): DiagnosticData[] {
  const list: DiagnosticData[] = [];
  for (const finding of findings) {
    const data = toDiagnosticData(finding, overrides);
    if (data) list.push(data);
  }
  return list;
}

/** Converts the core's 1-based lines and columns; values below 1 clamp to the start of the text. */
export function toZeroBased(range: LineColumnRange): ZeroBasedRange {
  return {
    startLine: Math.max(0, range.line - 1),
    startCharacter: Math.max(0, range.column - 1),
    endLine: Math.max(0, range.endLine - 1),
    endCharacter: Math.max(0, range.endColumn - 1),
  };
}
