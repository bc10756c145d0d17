// Analyses one package.json text: scripts, dependencies and the implicit native build.

import { printParseErrorCode, type ParseErrorCode } from 'jsonc-parser';
import type { Finding, Severity } from './findings';
import type { RuntimeCompatEntry } from './runtime-compat-matrix';
import type { NativePackageInfo } from './native-packages';
import { LineIndex } from './text/line-index';
import { ManifestText } from './manifest/manifest-text';
import { readManifest } from './manifest/read-manifest';
import { findExcessiveNesting } from './text/nesting-depth';
import { analyzeScriptFindings } from './manifest/script-findings';
import { analyzeDependencyFindings } from './manifest/dependency-findings';
import { analyzeImplicitBuildFindings } from './manifest/implicit-build-findings';

/** User additions to the tables and names to leave alone. Every field is optional. */
export interface AnalyzeOptions {
  extraRuntimes?: Record<string, RuntimeCompatEntry>;
  extraNativePackages?: Record<string, NativePackageInfo>;
  ignorePackages?: string[];
  ignoreRuntimes?: string[];
  /** Whether a binding.gyp exists next to the package.json; undefined when the caller cannot tell. */
  hasBindingGyp?: boolean;
}

/**
 * jsonc-parser recurses once per nesting level and overflows the stack at some thousands of levels.
 * Real package.json files nest fewer than ten levels deep.
 */
const MAX_NESTING_DEPTH = 256;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2 };

/**
 * Returns the findings for one package.json text, sorted by position.
 * Never throws: invalid JSON or a wrong type gives an `invalid-manifest` finding, and whatever parts of the
 * file could still be read are analysed too, so diagnostics stay in place while the user types.
 */
export function analyzeManifest(text: string, options: AnalyzeOptions = {}): Finding[] {
  const manifest = new ManifestText(text, new LineIndex(text));
  const findings: Finding[] = [];

  const tooDeep = findExcessiveNesting(text, MAX_NESTING_DEPTH);
  if (tooDeep >= 0) {
    return [manifest.invalidManifest(`package.json is nested more than ${MAX_NESTING_DEPTH} levels deep, so it is not read.`, tooDeep, tooDeep + 1)];
  }

  // A byte order mark is replaced by a space of the same length, so offsets stay those of `text`.
  const parsable = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const outline = readManifest(parsable);

  const firstError = outline.errors[0];
  if (firstError) {
    const message = `package.json is not valid JSON: ${describeParseError(firstError.error)}.`;
    findings.push(manifest.invalidManifest(message, firstError.offset, firstError.offset + Math.max(firstError.length, 1)));
  }

  if (outline.rootType !== 'object') {
    if (outline.root && !firstError) {
      findings.push(manifest.invalidManifest('package.json must contain a JSON object.', outline.root.offset, outline.root.offset + outline.root.length));
    }
    return findings;
  }

  const sectionFindings = [
    ...analyzeScriptFindings(manifest, outline.scripts, options),
    ...analyzeDependencyFindings(manifest, outline.dependencySections, options),
    ...analyzeImplicitBuildFindings(manifest, outline, options),
  ];

  // While the text does not parse, the parser's recovery can put values in the wrong object ("scripts" swallowing
  // "dependencies"). Wrong-type findings would then be artifacts, so only the syntax error is reported.
  findings.push(...(firstError ? sectionFindings.filter((finding) => finding.rule !== 'invalid-manifest') : sectionFindings));

  return findings.sort((a, b) => a.range.start - b.range.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** `InvalidSymbol` becomes `invalid symbol`. */
function describeParseError(error: ParseErrorCode): string {
  return printParseErrorCode(error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
