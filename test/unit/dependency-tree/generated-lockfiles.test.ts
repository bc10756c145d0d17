// Lockfiles written by npm, pnpm 8 and 9, yarn 1 and 4, and bun for one package.json must give the same verdicts and findings.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeLockfile, inspectDependencyTree, type LockfilePackageVerdict } from '../../../src/core';
import { createNodeFileReader } from '../../../src/core/dependency-tree/node-file-reader';
import { LOCKFILE_FIXTURES } from './fixture-paths';

const GENERATED: [folder: string, lockfile: string][] = [
  ['npm', 'package-lock.json'],
  ['pnpm-v6', 'pnpm-lock.yaml'],
  ['pnpm-v9', 'pnpm-lock.yaml'],
  ['yarn-v1', 'yarn.lock'],
  ['yarn-berry', 'yarn.lock'],
  ['bun', 'bun.lock'],
];

const EXPECTED_VERDICTS: Record<string, string> = {
  '@biomejs/biome': 'platform-binary',
  lmdb: 'platform-binary',
  esbuild: 'swapped',
  rollup: 'swapped',
  ssh2: 'optional-native',
  'cpu-features': 'optional-native',
  'msgpackr-extract': 'optional-native',
  msgpackr: 'pure-js',
  vite: 'pure-js',
  nan: 'pure-js',
};

const EXPECTED_FINDINGS = ['native-transitive-dependency lmdb information', 'native-transitive-dependency ssh2 information', 'native-transitive-dependency vite information', 'native-transitive-dependency @biomejs/biome warning', 'unsupported-runtime @biomejs/biome error'];

for (const [folder, lockfile] of GENERATED) {
  describe(`generated lockfile: ${folder}`, () => {
    const directory = path.join(LOCKFILE_FIXTURES, 'generated', folder);
    const manifestPath = path.join(directory, 'package.json');

    it('gives the expected verdicts', () => {
      const analysis = analyzeLockfile(fs.readFileSync(path.join(directory, lockfile), 'utf8'), lockfile);
      if (!analysis.ok) assert.fail(analysis.error);

      for (const [name, verdict] of Object.entries(EXPECTED_VERDICTS)) {
        const found: LockfilePackageVerdict[] = analysis.packages.filter((candidate) => candidate.name === name);
        assert.ok(found.length > 0, `${name} is missing`);
        for (const pkg of found) assert.strictEqual(pkg.verdict, verdict, `verdict of ${name}@${pkg.version}`);
      }
    });

    it('marks no pure package as possibly native', () => {
      const analysis = analyzeLockfile(fs.readFileSync(path.join(directory, lockfile), 'utf8'), lockfile);
      assert.ok(analysis.ok);
      assert.deepStrictEqual(analysis.packages.filter((pkg) => pkg.certainty === 'possible').map((pkg) => pkg.name), []);
    });

    it('gives the expected findings', () => {
      const report = inspectDependencyTree(manifestPath, fs.readFileSync(manifestPath, 'utf8'), createNodeFileReader(), { readNodeModules: false });
      assert.deepStrictEqual(report.findings.map((finding) => `${finding.rule} ${finding.package} ${finding.severity}`), EXPECTED_FINDINGS);
      assert.match(report.findings[0].message, /\(lmdb → msgpackr → msgpackr-extract\)/);
    });
  });
}
