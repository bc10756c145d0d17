// The finding model shared by the checker core, the CLI and the extension.

/** The severity of a finding: error when the script or install will fail, warning when it may fail or degrade, information when WebContainer handles it by itself. */
export type Severity = 'error' | 'warning' | 'information';

/** Rule ids. Each one has a section in docs/rules.md with the same name. */
export type RuleId =
  | 'unsupported-runtime'
  | 'shell-script'
  | 'native-dependency'
  | 'native-build-script'
  | 'native-transitive-dependency'
  | 'invalid-manifest';

export const RULE_IDS: readonly RuleId[] = [
  'unsupported-runtime',
  'shell-script',
  'native-dependency',
  'native-build-script',
  'native-transitive-dependency',
  'invalid-manifest',
];

/** The dependency sections of package.json that install packages. */
export type DependencySection = 'dependencies' | 'devDependencies' | 'optionalDependencies' | 'peerDependencies';

export const DEPENDENCY_SECTIONS: readonly DependencySection[] = [
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
];

/** A span of the analysed text as UTF-16 offsets: `start` inclusive, `end` exclusive. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** A span as 1-based lines and columns; columns count UTF-16 code units and `endColumn` is just past the last character. */
export interface LineColumnRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A secondary location that explains a finding, such as a script in the chain that leads to it. */
export interface RelatedLocation extends LineColumnRange {
  message: string;
  range: OffsetRange;
}

/** An edit that swaps a native dependency for its alternative in the same section. */
export interface ReplaceDependencyFix {
  kind: 'replace-dependency';
  section: DependencySection;
  package: string;
  replacement: string;
  /** The version range written for the replacement. */
  replacementVersion: string;
  /** True when the replacement has the same API, so no code has to change. */
  dropIn: boolean;
}

export type Fix = ReplaceDependencyFix;

/** One problem found in one package.json. */
export interface Finding extends LineColumnRange {
  rule: RuleId;
  severity: Severity;
  message: string;
  range: OffsetRange;
  /** Script findings: the script name, and the command word as written. */
  script?: string;
  command?: string;
  /** Scripts that lead to `script` through `npm run` and similar, outermost first; empty when the script itself contains the command. */
  via?: string[];
  /** Dependency findings: the package name, its section and the suggested alternative. */
  package?: string;
  section?: DependencySection;
  alternative?: string | null;
  related?: RelatedLocation[];
  fix?: Fix;
}
