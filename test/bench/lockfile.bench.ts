// Measures analyzeLockfile on a generated package-lock.json of at least 2,000 packages, next to JSON.parse of the
// same text and @npmcli/arborist's loadVirtual of the same project, and prints medians and ratios.
// Run alone with `npx tsx test/bench/lockfile.bench.ts`; `npm run bench` runs it with the other benchmarks.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeLockfile } from '../../src/core';

// Arborist ships no type declarations; loadVirtual is the one method used.
const Arborist = require('@npmcli/arborist') as new (options: { path: string }) => { loadVirtual(): Promise<unknown> };

const PACKAGE_COUNT = 2_400;
/** JSON.parse and analyzeLockfile take milliseconds, so many rounds are cheap; loadVirtual takes seconds. */
const PARSE_ROUNDS = 41;
const ARBORIST_RUNS = 9;

/** Creates a deterministic pseudo-random sequence, so every run measures the same lockfile. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

interface GeneratedProject {
  manifest: Record<string, unknown>;
  lockfile: Record<string, unknown>;
}

/**
 * Generates a project shaped like a real one: 60 direct dependencies, packages that depend on 0 to 6 others, one in twenty
 * with a bin, one in forty with an install script, nested copies of some packages, and per-platform families.
 */
function generateProject(): GeneratedProject {
  const random = createRandom(42);
  const names = Array.from({ length: PACKAGE_COUNT }, (_, index) => (index % 7 === 0 ? `@scope${index % 13}/package-${index}` : `package-${index}`));
  const packages: Record<string, Record<string, unknown>> = {};
  const directDependencies: Record<string, string> = {};
  const directDevDependencies: Record<string, string> = {};

  names.forEach((name, index) => {
    const dependencies: Record<string, string> = {};
    const dependencyCount = Math.floor(random() * 7);
    for (let i = 0; i < dependencyCount; i++) {
      const target = names[index + 1 + Math.floor(random() * (PACKAGE_COUNT - index - 1))];
      if (target) dependencies[target] = `^${1 + (target.length % 3)}.0.0`;
    }

    const entry: Record<string, unknown> = {
      version: `${1 + (name.length % 3)}.${index % 10}.${index % 7}`,
      resolved: `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-1.0.0.tgz`,
      integrity: `sha512-${Buffer.from(name).toString('base64').padEnd(86, 'A')}==`,
      license: 'MIT',
      engines: { node: '>=18' },
    };
    if (Object.keys(dependencies).length > 0) entry.dependencies = dependencies;
    if (index % 20 === 0) entry.bin = { [`cli-${index}`]: 'bin/cli.js' };
    if (index % 40 === 0) entry.hasInstallScript = true;
    if (index % 3 === 0) entry.dev = true;
    packages[`node_modules/${name}`] = entry;

    if (index < 60) (index % 4 === 0 ? directDevDependencies : directDependencies)[name] = `^${entry.version as string}`;
    if (index % 50 === 0) packages[`node_modules/${names[(index + 1) % PACKAGE_COUNT]}/node_modules/${name}`] = { ...entry, version: '0.9.0' };
  });

  for (let family = 0; family < 20; family++) {
    const optionalDependencies: Record<string, string> = {};
    for (const [osName, cpu] of [['linux', 'x64'], ['linux', 'arm64'], ['darwin', 'x64'], ['darwin', 'arm64'], ['win32', 'x64']]) {
      const member = `@native${family}/binding-${osName}-${cpu}`;
      optionalDependencies[member] = '1.0.0';
      packages[`node_modules/${member}`] = { version: '1.0.0', resolved: `https://registry.npmjs.org/${member}/-/x.tgz`, integrity: 'sha512-AAAA==', cpu: [cpu], os: [osName], optional: true, license: 'MIT' };
    }
    packages[`node_modules/native-${family}`] = { version: '1.0.0', resolved: 'https://registry.npmjs.org/native/-/x.tgz', integrity: 'sha512-AAAA==', optionalDependencies, license: 'MIT' };
    directDependencies[`native-${family}`] = '^1.0.0';
  }

  const manifest = { name: 'bench-project', version: '1.0.0', dependencies: directDependencies, devDependencies: directDevDependencies };
  const lockfile = { name: 'bench-project', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': manifest, ...packages } };
  return { manifest, lockfile };
}

function millisecondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Times JSON.parse and analyzeLockfile in alternation, one of each per round, so that load from other processes and
 * garbage collection affect both alike. The goal is stated as their ratio.
 */
function timeParseAndAnalyze(text: string, rounds: number): { parse: number[]; analyze: number[] } {
  const parse: number[] = [];
  const analyze: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let start = process.hrtime.bigint();
    JSON.parse(text);
    parse.push(millisecondsSince(start));

    start = process.hrtime.bigint();
    analyzeLockfile(text, 'package-lock.json');
    analyze.push(millisecondsSince(start));
  }
  return { parse, analyze };
}

async function timeArborist(directory: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    await new Arborist({ path: directory }).loadVirtual();
    times.push(millisecondsSince(start));
  }
  return times;
}

async function main(): Promise<void> {
  const { manifest, lockfile } = generateProject();
  const text = JSON.stringify(lockfile, null, 2);
  const packageCount = Object.keys(lockfile.packages as object).length - 1;

  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'lockfile-bench-'));
  fs.writeFileSync(path.join(directory, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(directory, 'package-lock.json'), text);

  try {
    const check = analyzeLockfile(text, 'package-lock.json');
    if (!check.ok || check.packages.length !== packageCount) throw new Error(`analyzeLockfile returned ${check.ok ? check.packages.length : check.error} instead of ${packageCount} packages`);

    // Warm-up rounds let the JIT compile each path before timing.
    timeParseAndAnalyze(text, 5);
    await timeArborist(directory, 2);

    const { parse, analyze } = timeParseAndAnalyze(text, PARSE_ROUNDS);
    const parseMedian = median(parse);
    const analyzeMedian = median(analyze);
    const arboristMedian = median(await timeArborist(directory, ARBORIST_RUNS));

    console.log(`lockfile: package-lock.json v3 with ${packageCount} packages, ${(text.length / 1024 / 1024).toFixed(2)} MiB; medians of ${PARSE_ROUNDS} alternating rounds and ${ARBORIST_RUNS} loadVirtual runs`);
    console.log(`lockfile: JSON.parse                 ${parseMedian.toFixed(2)} ms`);
    console.log(`lockfile: analyzeLockfile            ${analyzeMedian.toFixed(2)} ms  (${(analyzeMedian / parseMedian).toFixed(2)}x JSON.parse; goal at most 2x)`);
    console.log(`lockfile: arborist loadVirtual       ${arboristMedian.toFixed(2)} ms  (analyzeLockfile is ${(arboristMedian / analyzeMedian).toFixed(1)}x faster; goal at least 50x)`);
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
