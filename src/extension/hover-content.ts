// Builds what a hover on a flagged dependency or command word shows: what fails in a WebContainer and why,
// the remedy, and links to the rule's documentation and the sources behind the tables. No vscode import:
// hovers.ts turns the remedy into a sentence through vscode.l10n.t and renders the sections as Markdown.

import type { AnalyzeOptions } from '../core/analyze-manifest';
import type { Finding, RuleId } from '../core/findings';
import type { NativePackageInfo, NativeRemedy } from '../core/native-packages';
import type { RuntimeCompatEntry } from '../core/runtime-compat-matrix';
import { runtimeKeyCandidates } from '../core/runtime-name';
import { loadAnalysisModule } from './load-analysis';
import { COMPATIBILITY_SOURCES_URL, ruleDocsUrl } from './rule-docs';

/**
 * The user's way out: a native package's remedy from its table entry, or for a command, running the script
 * elsewhere (naming Docker when the table gives it as fallback) or rewriting a shell script.
 */
export interface Remedy {
  kind: NativeRemedy | 'run-elsewhere' | 'run-elsewhere-docker' | 'rewrite-shell-script';
  /** The package name or the command word. */
  subject: string;
  alternative?: string;
}

export interface HoverSections {
  rule: RuleId;
  /** The failure, as the finding states it. */
  message: string;
  /** The cause, from the runtime or native-package table, unless the message already contains it. */
  reason?: string;
  remedy?: Remedy;
  docsUrl: string;
  sourcesUrl: string;
}

/** Returns the findings whose range contains `offset`; the end of a range counts, so a hover at a word's last edge still shows. */
export function findingsAtOffset(findings: readonly Finding[], offset: number): Finding[] {
  return findings.filter((finding) => finding.range.start <= offset && offset <= finding.range.end);
}

/** Describes one finding for a hover, reading the user's table additions from `options` before the built-in tables. */
export function describeFinding(finding: Finding, options: AnalyzeOptions): HoverSections {
  const sections: HoverSections = {
    rule: finding.rule,
    message: finding.message,
    docsUrl: ruleDocsUrl(finding.rule),
    sourcesUrl: COMPATIBILITY_SOURCES_URL,
  };

  if (finding.package !== undefined) {
    const info = nativePackageInfo(finding.package, options);
    if (info) {
      sections.reason = info.note;
      sections.remedy = { kind: info.remedy, subject: finding.package, alternative: info.alternative ?? undefined };
    }
  } else if (finding.command !== undefined) {
    const entry = runtimeEntry(finding.command, options);
    sections.reason = entry?.reason;
    sections.remedy = runtimeRemedy(finding, entry);
  }

  if (sections.reason !== undefined && finding.message.includes(sections.reason)) sections.reason = undefined;
  return sections;
}

function nativePackageInfo(name: string, options: AnalyzeOptions): NativePackageInfo | undefined {
  const extra = options.extraNativePackages;
  if (extra && Object.prototype.hasOwnProperty.call(extra, name)) return extra[name];
  // The tables are in the analysis bundle, which is loaded by the time a hover shows a finding.
  const { NATIVE_PACKAGES } = loadAnalysisModule();
  return Object.prototype.hasOwnProperty.call(NATIVE_PACKAGES, name) ? NATIVE_PACKAGES[name] : undefined;
}

function runtimeEntry(command: string, options: AnalyzeOptions): RuntimeCompatEntry | undefined {
  const { RUNTIME_COMPAT_MATRIX } = loadAnalysisModule();
  for (const key of runtimeKeyCandidates(command)) {
    const extra = options.extraRuntimes;
    if (extra && Object.prototype.hasOwnProperty.call(extra, key)) return extra[key];
    if (Object.prototype.hasOwnProperty.call(RUNTIME_COMPAT_MATRIX, key)) return RUNTIME_COMPAT_MATRIX[key];
  }
  return undefined;
}

function runtimeRemedy(finding: Finding, entry: RuntimeCompatEntry | undefined): Remedy | undefined {
  const subject = finding.command ?? '';

  if (finding.rule === 'shell-script') return { kind: 'rewrite-shell-script', subject };
  if (finding.rule !== 'unsupported-runtime') return undefined;
  return { kind: entry?.fallbackDriver === 'docker' ? 'run-elsewhere-docker' : 'run-elsewhere', subject };
}
