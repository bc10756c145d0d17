// Scores analyzeManifest against the real-world package.json cases kept beside the repository in
// ../shared/cases (not in the repository itself). Each case folder has a package.json and an
// expected.json that sorts findings into three tiers: mustFlag (missing one is a bug), shouldFlag
// (missing one is a recall gap) and mustNotFlag (flagging one is a bug).
//
// Matching rules:
// - A script entry {script, command} is found by a finding with the same `script` and `command`,
//   whatever its `via` chain.
// - A dependency entry {name, section} is found by a finding with the same `package` and `section`.
// - mustFlag and shouldFlag entries count as found at any severity. A mustFlag entry found only at
//   severity information is listed as a note, because information means "WebContainer handles
//   this by itself", which contradicts "plainly unsupported".
// - A mustNotFlag script name is violated by an error or warning finding whose `script` is that
//   name and whose `via` is empty: the command word inside that script itself was flagged. A
//   finding that reaches another script through `npm run` has a non-empty `via` and is not a
//   violation, because the case files leave such transitive findings uncertain.
// - A mustNotFlag dependency is violated by an error or warning finding on that package and section.
// - Information findings never violate mustNotFlag, because they report that WebContainer copes by
//   itself (it swaps esbuild for esbuild-wasm, for one). They are listed as notes for review.
// - A native-dependency error or warning on a package that the manifest does not declare in that
//   section is a violation too: it catches names taken from `resolutions`, `overrides`,
//   `dependenciesMeta` or `pnpm.onlyBuiltDependencies`, which expected.json cannot list.
//
// Run it with `npm run cases`; test/unit/shared-cases.test.ts asserts the same per case.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeManifest, type Finding } from '../../src/core';

export interface ScriptEntry {
  script: string;
  command: string;
}

export interface DependencyEntry {
  name: string;
  section: string;
}

interface Tiers<T, N = T> {
  mustFlag: T[];
  shouldFlag: T[];
  mustNotFlag: N[];
}

export interface ExpectedFindings {
  scripts: Tiers<ScriptEntry, string>;
  dependencies: Tiers<DependencyEntry>;
}

export interface CaseScore {
  name: string;
  /** Set when the case could not be scored at all: unreadable files, or analyzeManifest threw. */
  failure?: string;
  mustFlagTotal: number;
  mustFlagMissed: string[];
  shouldFlagTotal: number;
  shouldFlagFound: string[];
  shouldFlagMissed: string[];
  mustNotFlagTotal: number;
  mustNotFlagViolated: string[];
  /** Entries worth a look that do not fail the case. */
  notes: string[];
}

/** Returns the cases folder for a checkout at `repoRoot`: `../shared/cases`, where CI puts a copy of the shared folder. */
export function casesDirectory(repoRoot: string): string {
  return path.resolve(repoRoot, '..', 'shared', 'cases');
}

/** Returns the case folder names that have both package.json and expected.json, sorted. */
export function listCases(casesDir: string): string[] {
  return fs
    .readdirSync(casesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => fs.existsSync(path.join(casesDir, name, 'package.json')) && fs.existsSync(path.join(casesDir, name, 'expected.json')))
    .sort();
}

export function scoreCase(casesDir: string, name: string): CaseScore {
  const folder = path.join(casesDir, name);
  const expected = JSON.parse(fs.readFileSync(path.join(folder, 'expected.json'), 'utf8')) as ExpectedFindings;
  const score = emptyScore(name, expected);

  // Read as UTF-8 with the bytes untouched: the cases keep their BOMs, tabs and CRLF on purpose.
  const text = fs.readFileSync(path.join(folder, 'package.json'), 'utf8');

  let findings: Finding[];
  try {
    findings = analyzeManifest(text);
  } catch (error) {
    score.failure = `analyzeManifest threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}`;
    return score;
  }

  scoreScripts(expected.scripts, findings, score);
  scoreDependencies(expected.dependencies, findings, score);
  scoreUndeclaredPackages(text, findings, score);
  return score;
}

function emptyScore(name: string, expected: ExpectedFindings): CaseScore {
  return {
    name,
    mustFlagTotal: expected.scripts.mustFlag.length + expected.dependencies.mustFlag.length,
    mustFlagMissed: [],
    shouldFlagTotal: expected.scripts.shouldFlag.length + expected.dependencies.shouldFlag.length,
    shouldFlagFound: [],
    shouldFlagMissed: [],
    mustNotFlagTotal: expected.scripts.mustNotFlag.length + expected.dependencies.mustNotFlag.length,
    mustNotFlagViolated: [],
    notes: [],
  };
}

function scoreScripts(expected: Tiers<ScriptEntry, string>, findings: readonly Finding[], score: CaseScore): void {
  const scriptFindings = findings.filter((finding) => finding.script !== undefined);

  for (const entry of expected.mustFlag) {
    const matches = scriptFindings.filter((finding) => finding.script === entry.script && finding.command === entry.command);
    const label = scriptLabel(entry);
    if (matches.length === 0) {
      score.mustFlagMissed.push(label);
    } else if (matches.every((finding) => finding.severity === 'information')) {
      score.notes.push(`mustFlag ${label} is reported only as information`);
    }
  }

  for (const entry of expected.shouldFlag) {
    const found = scriptFindings.some((finding) => finding.script === entry.script && finding.command === entry.command);
    (found ? score.shouldFlagFound : score.shouldFlagMissed).push(scriptLabel(entry));
  }

  for (const scriptName of expected.mustNotFlag) {
    for (const finding of scriptFindings) {
      if (finding.script !== scriptName || (finding.via ?? []).length > 0) {
        continue;
      }

      const label = `scripts.${scriptName} (${finding.rule} on ${finding.command ?? '?'}: ${finding.message})`;
      if (finding.severity === 'information') {
        score.notes.push(`information on mustNotFlag ${label}`);
      } else {
        score.mustNotFlagViolated.push(label);
      }
    }
  }
}

function scoreDependencies(expected: Tiers<DependencyEntry>, findings: readonly Finding[], score: CaseScore): void {
  const dependencyFindings = findings.filter((finding) => finding.package !== undefined);
  const matching = (entry: DependencyEntry) =>
    dependencyFindings.filter((finding) => finding.package === entry.name && finding.section === entry.section);

  for (const entry of expected.mustFlag) {
    const matches = matching(entry);
    const label = dependencyLabel(entry);
    if (matches.length === 0) {
      score.mustFlagMissed.push(label);
    } else if (matches.every((finding) => finding.severity === 'information')) {
      score.notes.push(`mustFlag ${label} is reported only as information`);
    }
  }

  for (const entry of expected.shouldFlag) {
    (matching(entry).length > 0 ? score.shouldFlagFound : score.shouldFlagMissed).push(dependencyLabel(entry));
  }

  for (const entry of expected.mustNotFlag) {
    for (const finding of matching(entry)) {
      const label = `${dependencyLabel(entry)} (${finding.rule}: ${finding.message})`;
      if (finding.severity === 'information') {
        score.notes.push(`information on mustNotFlag ${label}`);
      } else {
        score.mustNotFlagViolated.push(label);
      }
    }
  }
}

/** Flags native-dependency errors and warnings on names that the manifest does not declare in that section. */
function scoreUndeclaredPackages(text: string, findings: readonly Finding[], score: CaseScore): void {
  const manifest = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;

  for (const finding of findings) {
    if (finding.rule !== 'native-dependency' || finding.severity === 'information' || finding.package === undefined) {
      continue;
    }

    const section = finding.section === undefined ? undefined : manifest[finding.section];
    const declared = isRecord(section) && Object.prototype.hasOwnProperty.call(section, finding.package);
    if (!declared) {
      score.mustNotFlagViolated.push(`${finding.section ?? '(no section)'}.${finding.package} is not declared there (${finding.message})`);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scriptLabel(entry: ScriptEntry): string {
  return `scripts.${entry.script}: ${entry.command}`;
}

function dependencyLabel(entry: DependencyEntry): string {
  return `${entry.section}.${entry.name}`;
}

/** Returns the report printed by `npm run cases`: a table with one row per case, the problems of each case, and totals. */
export function formatScores(scores: readonly CaseScore[]): string {
  const nameWidth = Math.max(4, ...scores.map((score) => score.name.length));
  const lines = [`${'case'.padEnd(nameWidth)}  mustFlag missed  shouldFlag found  mustNotFlag flagged`];

  for (const score of scores) {
    const missed = score.failure !== undefined ? 'FAILED' : `${score.mustFlagMissed.length}/${score.mustFlagTotal}`;
    const should = `${score.shouldFlagFound.length}/${score.shouldFlagTotal}`;
    const violated = `${score.mustNotFlagViolated.length}/${score.mustNotFlagTotal}`;
    lines.push(`${score.name.padEnd(nameWidth)}  ${missed.padEnd(15)}  ${should.padEnd(16)}  ${violated}`);
  }

  for (const score of scores) {
    const details = [
      ...(score.failure !== undefined ? [`  ${score.failure}`] : []),
      ...score.mustFlagMissed.map((entry) => `  mustFlag missed: ${entry}`),
      ...score.mustNotFlagViolated.map((entry) => `  mustNotFlag flagged: ${entry}`),
      ...score.shouldFlagMissed.map((entry) => `  shouldFlag missed: ${entry}`),
      ...score.notes.map((entry) => `  note: ${entry}`),
    ];
    if (details.length > 0) {
      lines.push('', `${score.name}:`, ...details);
    }
  }

  const sum = (pick: (score: CaseScore) => number) => scores.reduce((total, score) => total + pick(score), 0);
  lines.push(
    '',
    `cases: ${scores.length}, failed to score: ${sum((score) => (score.failure !== undefined ? 1 : 0))}`,
    `mustFlag missed: ${sum((score) => score.mustFlagMissed.length)} of ${sum((score) => score.mustFlagTotal)}`,
    `shouldFlag found: ${sum((score) => score.shouldFlagFound.length)} of ${sum((score) => score.shouldFlagTotal)}`,
    `mustNotFlag flagged: ${sum((score) => score.mustNotFlagViolated.length)} (entries: ${sum((score) => score.mustNotFlagTotal)})`,
  );

  return lines.join('\n') + '\n';
}

export function isCaseFailed(score: CaseScore): boolean {
  return score.failure !== undefined || score.mustFlagMissed.length > 0 || score.mustNotFlagViolated.length > 0;
}

function main(): number {
  const repoRoot = path.resolve(__dirname, '..', '..');
  const casesDir = casesDirectory(repoRoot);

  if (!fs.existsSync(casesDir)) {
    process.stdout.write(`No cases to score: ${casesDir} does not exist.\n`);
    return 0;
  }

  const scores = listCases(casesDir).map((name) => scoreCase(casesDir, name));
  process.stdout.write(formatScores(scores));
  return scores.some(isCaseFailed) ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main();
}
