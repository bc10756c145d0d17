// Runs analyzeManifest on every real-world case in ../shared/cases and checks the bug tiers:
// no mustFlag entry missed, no mustNotFlag entry flagged. Matching rules are in test/cases/score-cases.ts.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { casesDirectory, isCaseFailed, listCases, scoreCase, type ExpectedFindings } from '../cases/score-cases';

const repoRoot = path.resolve(__dirname, '..', '..');
const casesDir = casesDirectory(repoRoot);

describe('shared real-world cases', function () {
  if (!fs.existsSync(casesDir)) {
    it('cases folder present', function () {
      console.log(`    skipped: no real-world cases at ${casesDir}`);
      this.skip();
    });
    return;
  }

  const names = listCases(casesDir);

  it('cases folder lists cases', function () {
    assert.ok(names.length > 0, `no case folder with package.json and expected.json in ${casesDir}`);
  });

  for (const name of names) {
    it(name, function () {
      const score = scoreCase(casesDir, name);

      assert.equal(score.failure, undefined, score.failure);
      assert.deepEqual(score.mustFlagMissed, [], `mustFlag entries missed in ${name}`);
      assert.deepEqual(score.mustNotFlagViolated, [], `mustNotFlag entries flagged in ${name}`);
    });
  }
});

describe('case scorer', function () {
  let casesRoot: string;

  before(function () {
    casesRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'wcc-cases-'));
    const manifest = {
      name: 'scorer-fixture',
      scripts: { train: 'python3 train.py', build: 'tsc -p .', all: 'npm run train' },
      dependencies: { 'better-sqlite3': '^12.4.1', bcryptjs: '^3.0.2' },
      resolutions: { sharp: '^0.34.0' },
    };
    const expected: ExpectedFindings = {
      scripts: {
        mustFlag: [
          { script: 'train', command: 'python3' },
          { script: 'build', command: 'tsc' },
        ],
        shouldFlag: [
          { script: 'all', command: 'python3' },
          { script: 'build', command: 'vite' },
        ],
        mustNotFlag: ['build', 'all', 'train'],
      },
      dependencies: {
        mustFlag: [{ name: 'better-sqlite3', section: 'dependencies' }],
        shouldFlag: [],
        mustNotFlag: [
          { name: 'bcryptjs', section: 'dependencies' },
          { name: 'better-sqlite3', section: 'devDependencies' },
        ],
      },
    };

    fs.mkdirSync(path.join(casesRoot, '01-scorer'));
    fs.writeFileSync(path.join(casesRoot, '01-scorer', 'package.json'), JSON.stringify(manifest, null, 2));
    fs.writeFileSync(path.join(casesRoot, '01-scorer', 'expected.json'), JSON.stringify(expected));
    const dependencyTrap: ExpectedFindings = {
      scripts: { mustFlag: [], shouldFlag: [], mustNotFlag: [] },
      dependencies: { mustFlag: [], shouldFlag: [], mustNotFlag: [{ name: 'better-sqlite3', section: 'dependencies' }] },
    };
    fs.mkdirSync(path.join(casesRoot, '03-dependency-trap'));
    fs.writeFileSync(path.join(casesRoot, '03-dependency-trap', 'package.json'), JSON.stringify({ dependencies: { 'better-sqlite3': '^12.4.1' } }));
    fs.writeFileSync(path.join(casesRoot, '03-dependency-trap', 'expected.json'), JSON.stringify(dependencyTrap));

    fs.mkdirSync(path.join(casesRoot, '02-no-expected'));
    fs.writeFileSync(path.join(casesRoot, '02-no-expected', 'package.json'), '{}');
  });

  after(function () {
    fs.rmSync(casesRoot, { recursive: true, force: true });
  });

  it('lists only complete cases', function () {
    assert.deepEqual(listCases(casesRoot), ['01-scorer', '03-dependency-trap']);
  });

  it('reports missed mustFlag entries', function () {
    const score = scoreCase(casesRoot, '01-scorer');

    assert.deepEqual(score.mustFlagMissed, ['scripts.build: tsc']);
    assert.equal(score.mustFlagTotal, 3);
  });

  it('counts shouldFlag through a chain', function () {
    const score = scoreCase(casesRoot, '01-scorer');

    assert.deepEqual(score.shouldFlagFound, ['scripts.all: python3']);
    assert.deepEqual(score.shouldFlagMissed, ['scripts.build: vite']);
    assert.equal(score.shouldFlagTotal, 2);
  });

  it('mustNotFlag ignores chains', function () {
    // `all` reaches python3 only through `npm run train`, so its finding has a non-empty via.
    const violated = scoreCase(casesRoot, '01-scorer').mustNotFlagViolated;

    assert.equal(violated.length, 1, violated.join('\n'));
    assert.match(violated[0], /^scripts\.train \(unsupported-runtime on python3: /);
  });

  it('mustNotFlag dependency matches section', function () {
    // 01-scorer lists better-sqlite3 under devDependencies, where the manifest does not have it.
    assert.ok(!scoreCase(casesRoot, '01-scorer').mustNotFlagViolated.some((entry) => entry.includes('better-sqlite3')));

    const violated = scoreCase(casesRoot, '03-dependency-trap').mustNotFlagViolated;
    assert.equal(violated.length, 1, violated.join('\n'));
    assert.match(violated[0], /^dependencies\.better-sqlite3 \(native-dependency: /);
  });

  it('case with violations fails', function () {
    assert.equal(isCaseFailed(scoreCase(casesRoot, '01-scorer')), true);
  });
});
