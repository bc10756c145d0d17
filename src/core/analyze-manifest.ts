// Analyses one package.json text: scripts, dependencies and the implicit native build.

import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Finding, DependencySection, Severity } from './findings';
import { DEPENDENCY_SECTIONS } from './findings';
import type { RuntimeCompatEntry } from './runtime-compat-matrix';
import type { NativePackageInfo } from './native-packages';
import { LineIndex } from './text/line-index';
import { ManifestText } from './manifest/manifest-text';
import { analyzeScriptFindings } from './manifest/script-findings';
import { analyzeDependencyFindings } from './manifest/dependency-findings';
import { analyzeImplicitBuildFindings } from './manifest/implicit-build-findings';

/** User additions to the tables and names to leave alone. Every field is optional. */
export interface AnalyzeOptions {
  extraRuntimes?: Record<string, RuntimeCompatEntry>;
  extraNativePackages?: Record<string, NativePackageInfo>;
  ignorePackages?: string[];
  ignoreRuntimes?: string[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2 };

/**
 * Returns the findings for one package.json text, sorted by position.
 * Never throws: invalid JSON or a wrong type gives an `invalid-manifest` finding, and whatever parts of the
 * file could still be read are analysed too, so diagnostics stay in place while the user types.
 */
export function analyzeManifest(text: string, options: AnalyzeOptions = {}): Finding[] {
  // A byte order mark is replaced by a space of the same length, so offsets stay those of `text`.
  const parsable = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const errors: ParseError[] = [];
  const root = parseTree(parsable, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });

  const manifest = new ManifestText(text, new LineIndex(text));
  const findings: Finding[] = [];

  for (const error of errors.slice(0, 1)) {
    findings.push(manifest.invalidManifest(`package.json is not valid JSON: ${describeParseError(error)}.`, error.offset, error.offset + Math.max(error.length, 1)));
  }

  if (!root || root.type !== 'object') {
    if (root && errors.length === 0) findings.push(manifest.invalidManifest('package.json must contain a JSON object.', root.offset, root.offset + root.length));
    return findings;
  }

  const sections = readTopLevelProperties(root);
  findings.push(...analyzeScriptFindings(manifest, sections.get('scripts'), options));
  findings.push(...analyzeDependencyFindings(manifest, sectionsOf(sections), options));
  findings.push(...analyzeImplicitBuildFindings(manifest, sections, options));

  return findings.sort((a, b) => a.range.start - b.range.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function describeParseError(error: ParseError): string {
  const words = printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words;
}

/** Top-level properties by key; with duplicate keys the last one wins, as in JSON.parse. */
function readTopLevelProperties(root: Node): Map<string, Node> {
  const properties = new Map<string, Node>();
  for (const property of root.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key?.type === 'string' && value) properties.set(String(key.value), property);
  }
  return properties;
}

function sectionsOf(properties: Map<string, Node>): Array<{ section: DependencySection; property: Node }> {
  const found: Array<{ section: DependencySection; property: Node }> = [];
  for (const section of DEPENDENCY_SECTIONS) {
    const property = properties.get(section);
    if (property) found.push({ section, property });
  }
  return found;
}
