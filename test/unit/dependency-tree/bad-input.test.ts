// Broken, mistyped and oversized input gives a clear error result, never an exception.

import * as assert from 'assert';
import * as fc from 'fast-check';
import { analyzeDependencyTree, analyzeLockfile, inspectDependencyTree, LOCKFILE_NAMES, MAX_LOCKFILE_LENGTH } from '../../../src/core';
import { createMemoryReader } from './memory-reader';

function expectError(text: string, fileName: string, pattern: RegExp): void {
  const result = analyzeLockfile(text, fileName);
  assert.strictEqual(result.ok, false, `${fileName} was accepted`);
  if (!result.ok) assert.match(result.error, pattern);
}

describe('analyzeLockfile: bad input', () => {
  it('rejects broken JSON', () => {
    expectError('{"lockfileVersion": 3, "packages": {', 'package-lock.json', /package-lock\.json is not valid JSON/);
  });

  it('rejects lockfileVersion 1', () => {
    expectError('{"lockfileVersion": 1, "dependencies": {}}', 'package-lock.json', /lockfileVersion 1 .*npm install --package-lock-only/);
  });

  it('rejects wrong top-level types', () => {
    expectError('[]', 'package-lock.json', /not a JSON object/);
    expectError('{"lockfileVersion": 3, "packages": []}', 'npm-shrinkwrap.json', /no "packages" object/);
    expectError('- a\n- b\n', 'pnpm-lock.yaml', /not contain a YAML mapping/);
    expectError('foo: bar\n', 'pnpm-lock.yaml', /no lockfileVersion/);
    expectError('[1, 2]', 'bun.lock', /not a JSON object/);
  });

  it('skips mistyped entries', () => {
    const text = JSON.stringify({
      lockfileVersion: 3,
      packages: {
        '': { dependencies: 'oops' },
        'node_modules/a': 42,
        'node_modules/b': { version: 7, dependencies: ['x'], os: 'linux', cpu: { x: 1 }, bin: 3, hasInstallScript: 'yes' },
        'node_modules/c': { version: '1.0.0', dependencies: { b: 5, d: '^1' }, optionalDependencies: null },
      },
    });
    const result = analyzeLockfile(text, 'package-lock.json');
    assert.ok(result.ok);
    assert.deepStrictEqual(result.packages.map((pkg) => [pkg.name, pkg.version, pkg.verdict]), [
      ['b', '', 'pure-js'],
      ['c', '1.0.0', 'pure-js'],
    ]);
  });

  it('rejects broken YAML', () => {
    expectError("lockfileVersion: '9.0'\npackages:\n  a@1.0.0: [\n", 'pnpm-lock.yaml', /pnpm-lock\.yaml is not valid YAML/);
  });

  it('rejects broken yarn lockfiles', () => {
    expectError('a@^1:\n  version "1"\n  resolved "https://example.invalid/a.tgz\n', 'yarn.lock', /yarn\.lock could not be parsed/);
    expectError('a@^1:\n  version "1"\n  dependencies:\n b', 'yarn.lock', /yarn\.lock could not be parsed/);
    expectError('__metadata:\n  version: 8\n"a@npm:^1": [\n', 'yarn.lock', /yarn\.lock could not be parsed/);
  });

  it('rejects input that stalls the yarn parser', () => {
    // @yarnpkg/lockfile on its own spins for seconds on each of these and fails with "Invalid string length".
    expectError('a@^1:\n  version "1"\n"', 'yarn.lock', /yarn\.lock could not be parsed: (?!Invalid string length)/);
    const comment = analyzeLockfile('# yarn lockfile v1', 'yarn.lock');
    assert.ok(comment.ok);
    assert.deepStrictEqual(comment.packages, []);
  });

  it('merges yarn conflict markers as yarn does', () => {
    const result = analyzeLockfile('<<<<<<< HEAD\na@^1:\n  version "1.0.0"\n=======\na@^1:\n  version "1.1.0"\n>>>>>>> branch\n', 'yarn.lock');
    assert.ok(result.ok);
    assert.deepStrictEqual(result.packages.map((pkg) => pkg.version), ['1.1.0']);
  });

  it('rejects broken bun.lock', () => {
    expectError('{ "lockfileVersion": 1, "packages": { ', 'bun.lock', /bun\.lock is not valid JSON with comments/);
    expectError('{ "lockfileVersion": 1 }', 'bun.lock', /no "packages" object/);
  });

  it('rejects unknown names', () => {
    expectError('{}', 'Gemfile.lock', /not a supported lockfile name; expected one of npm-shrinkwrap\.json/);
    expectError('', 'bun.lockb', /bun install --save-text-lockfile/);
  });

  it('rejects huge files', () => {
    expectError(' '.repeat(MAX_LOCKFILE_LENGTH + 1), 'package-lock.json', /more than the \d+ this analysis reads/);
  });

  it('accepts a byte order mark', () => {
    const result = analyzeLockfile('\ufeff{"lockfileVersion":3,"packages":{"node_modules/a":{"version":"1.0.0"}}}', 'package-lock.json');
    assert.ok(result.ok);
    assert.strictEqual(result.packages.length, 1);
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCKFILE_NAMES), fc.string({ maxLength: 400 }), (fileName, text) => {
        const result = analyzeLockfile(text, fileName);
        assert.strictEqual(typeof result.ok, 'boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random JSON', () => {
    fc.assert(
      fc.property(fc.constantFrom('package-lock.json', 'bun.lock'), fc.jsonValue({ maxDepth: 5 }), (fileName, value) => {
        const wrapped = { lockfileVersion: 3, packages: { 'node_modules/x': value, y: value } };
        const result = analyzeLockfile(JSON.stringify(Math.random() < 0.5 ? value : wrapped), fileName);
        assert.strictEqual(typeof result.ok, 'boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('analyzeDependencyTree: bad input', () => {
  const lockfile = JSON.stringify({
    lockfileVersion: 3,
    packages: {
      '': { dependencies: { 'fast-hash': '^2.0.0' } },
      'node_modules/fast-hash': { version: '2.0.0', dependencies: { 'node-gyp-build': '^4.0.0' } },
      'node_modules/node-gyp-build': { version: '4.8.0' },
    },
  });

  it('reads a package.json mid-edit', () => {
    const reader = createMemoryReader({ '/p/package-lock.json': lockfile });
    const findings = analyzeDependencyTree('/p/package.json', '{\n  "dependencies": {\n    "fast-hash": "^2.0.0",\n    "le', reader);
    assert.deepStrictEqual(findings.map((finding) => finding.package), ['fast-hash']);
  });

  it('ignores mistyped sections', () => {
    const reader = createMemoryReader({ '/p/package-lock.json': lockfile });
    assert.deepStrictEqual(analyzeDependencyTree('/p/package.json', '{"dependencies": ["fast-hash"], "scripts": 5}', reader), []);
    assert.deepStrictEqual(analyzeDependencyTree('/p/package.json', 'null', reader), []);
    assert.deepStrictEqual(analyzeDependencyTree('/p/package.json', '', reader), []);
  });

  it('reports an unreadable lockfile', () => {
    const reader = createMemoryReader({ '/p/package-lock.json': '{ not json' });
    const report = inspectDependencyTree('/p/package.json', '{"dependencies": {"fast-hash": "^2.0.0"}}', reader);
    assert.deepStrictEqual(report.findings, []);
    assert.match(report.lockfile?.error ?? '', /not valid JSON/);
  });

  it('tolerates a dependency cycle', () => {
    const cyclic = JSON.stringify({
      lockfileVersion: 3,
      packages: {
        'node_modules/a': { version: '1.0.0', dependencies: { b: '*' } },
        'node_modules/b': { version: '1.0.0', dependencies: { a: '*', nan: '*' } },
        'node_modules/nan': { version: '2.0.0' },
      },
    });
    const reader = createMemoryReader({ '/p/package-lock.json': cyclic });
    const findings = analyzeDependencyTree('/p/package.json', '{"dependencies": {"a": "*"}}', reader);
    assert.strictEqual(findings.length, 1);
    assert.match(findings[0].message, /\(a → b\)/);
  });
});
