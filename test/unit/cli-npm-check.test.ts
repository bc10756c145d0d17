// `npm run check` (dist/npm-check.js): the sample project without paths, the CLI with paths.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildOnce, fixturePath, makeTempDir, MANIFEST_WITH_ERROR, NPM_CHECK_PATH, parseJsonOutput, REPO_ROOT, removeTempDir, runScript, writeFile } from './cli-harness';

const SAMPLE_MANIFEST = path.join('test', 'fixtures', 'sample-project', 'package.json');

describe('cli npm run check', function () {
  before(function () {
    this.timeout(120_000);
    buildOnce();
  });

  it('no path checks the sample project', function () {
    const result = runScript(NPM_CHECK_PATH, ['--format', 'json']);
    const output = parseJsonOutput(result);
    const findings = output.files[0].findings;

    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(
      output.files.map((file) => file.path),
      [SAMPLE_MANIFEST],
    );
    assert.ok(findings.some((finding) => finding.script === 'train' && finding.command === 'python3'), JSON.stringify(findings));
    assert.ok(findings.some((finding) => finding.package === 'better-sqlite3' && finding.severity === 'error'), JSON.stringify(findings));
    assert.ok(!findings.some((finding) => finding.package === 'bcryptjs'), 'bcryptjs is pure JavaScript');
    assert.match(result.stderr, /sample project in test\/fixtures\/sample-project, which has them on purpose/);
  });

  it('sample shows errors in text', function () {
    const result = runScript(NPM_CHECK_PATH, []);

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^${SAMPLE_MANIFEST.replace(/[./]/g, '\\$&')}:\\d+:\\d+ error native-dependency `, 'm'));
    assert.match(result.stdout, /[1-9]\d* errors?, /);
  });

  it('sample path is relative to INIT_CWD', function () {
    const result = runScript(NPM_CHECK_PATH, ['--format', 'json'], { env: { INIT_CWD: path.join(REPO_ROOT, 'test') } });

    assert.deepEqual(
      parseJsonOutput(result).files.map((file) => file.path),
      [path.join('fixtures', 'sample-project', 'package.json')],
    );
  });

  it('paths are passed on with exit status', function () {
    const result = runScript(NPM_CHECK_PATH, ['--format', 'json', fixturePath('python-and-native')]);

    assert.equal(result.status, 1);
    assert.deepEqual(
      parseJsonOutput(result).files.map((file) => file.path),
      [fixturePath('python-and-native')],
    );
    assert.equal(result.stderr, '');
  });

  it('paths resolve against INIT_CWD', function () {
    const dir = makeTempDir();
    try {
      writeFile(dir, 'app/package.json', MANIFEST_WITH_ERROR);

      const result = runScript(NPM_CHECK_PATH, ['--format', 'json', 'app'], { env: { INIT_CWD: dir } });

      assert.equal(result.status, 1, result.stderr);
      assert.deepEqual(
        parseJsonOutput(result).files.map((file) => file.path),
        [path.join('app', 'package.json')],
      );
    } finally {
      removeTempDir(dir);
    }
  });

  it('usage error keeps status 2', function () {
    const result = runScript(NPM_CHECK_PATH, ['--format', 'yaml']);

    assert.equal(result.status, 2);
    assert.match(result.stderr, /invalid value 'yaml' for --format/);
  });
});
