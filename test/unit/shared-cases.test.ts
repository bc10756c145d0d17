// Runs analyzeManifest on every real-world case in ../shared/cases and checks the bug tiers:
// no mustFlag entry missed, no mustNotFlag entry flagged. Matching rules are in test/cases/score-cases.ts.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { casesDirectory, listCases, scoreCase } from '../cases/score-cases';

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
