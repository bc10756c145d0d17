import assert from 'node:assert/strict';
import { analyzeManifest } from '../../../src/core/analyze-manifest';
import { findIgnoreEntry, runtimeNameCandidates } from '../../../src/extension/ignore-keys';

function manifest(scripts: Record<string, string>): string {
  return `${JSON.stringify({ name: 'fixture', scripts }, null, 2)}\n`;
}

function onlyFinding(text: string, command: string) {
  const finding = analyzeManifest(text).find((candidate) => candidate.command === command);
  assert.ok(finding, `no finding for ${command}; findings: ${JSON.stringify(analyzeManifest(text).map((f) => f.command))}`);
  return finding;
}

describe('findIgnoreEntry', () => {
  it('uses the runtime table key', () => {
    const text = manifest({ build: 'python3.12 setup.py build' });

    const entry = findIgnoreEntry(text, onlyFinding(text, 'python3.12'), {});

    assert.deepEqual(entry, { setting: 'ignore.runtimes', name: 'python3' });
  });

  it('uses the file name of a shell script', () => {
    const text = manifest({ setup: './scripts/bootstrap.sh --fast' });

    const entry = findIgnoreEntry(text, onlyFinding(text, './scripts/bootstrap.sh'), {});

    assert.deepEqual(entry, { setting: 'ignore.runtimes', name: 'bootstrap.sh' });
  });

  it('returns a name that removes the finding', () => {
    const text = manifest({ build: 'make all && cargo build' });
    const finding = onlyFinding(text, 'cargo');

    const entry = findIgnoreEntry(text, finding, {});

    assert.deepEqual(entry, { setting: 'ignore.runtimes', name: 'cargo' });
    const remaining = analyzeManifest(text, { ignoreRuntimes: ['cargo'] });
    assert.ok(remaining.some((other) => other.command === 'make'), 'make must still be reported');
    assert.ok(!remaining.some((other) => other.command === 'cargo'), 'cargo must be gone');
  });

  it('uses the package name of a dependency', () => {
    const text = '{"dependencies":{"bcrypt":"5"}}';
    const finding = analyzeManifest(text)[0];

    assert.deepEqual(findIgnoreEntry(text, finding, {}), { setting: 'ignore.packages', name: 'bcrypt' });
  });

  it('returns undefined for an invalid manifest', () => {
    const text = '{"scripts": ';
    const finding = analyzeManifest(text)[0];

    assert.equal(finding.rule, 'invalid-manifest');
    assert.equal(findIgnoreEntry(text, finding, {}), undefined);
  });
});

describe('runtimeNameCandidates', () => {
  it('lists specific names first without duplicates', () => {
    assert.deepEqual(runtimeNameCandidates('/usr/bin/Python3.exe'), ['python3', 'python', 'Python3', 'node-gyp']);
  });
});
