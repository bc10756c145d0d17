import assert from 'node:assert/strict';
import { installCommandLine, packageManagerFromLockfiles } from '../../../src/extension/package-manager';

describe('packageManagerFromLockfiles', () => {
  it('maps each lockfile to its manager', () => {
    const cases: [string, string][] = [
      ['package-lock.json', 'npm'],
      ['npm-shrinkwrap.json', 'npm'],
      ['pnpm-lock.yaml', 'pnpm'],
      ['yarn.lock', 'yarn'],
      ['bun.lock', 'bun'],
      ['bun.lockb', 'bun'],
    ];

    for (const [lockfile, manager] of cases) {
      assert.equal(packageManagerFromLockfiles(['package.json', lockfile])?.manager, manager, lockfile);
    }
  });

  it('prefers pnpm over a stale npm lockfile', () => {
    assert.deepEqual(packageManagerFromLockfiles(['package-lock.json', 'pnpm-lock.yaml']), { manager: 'pnpm', lockfile: 'pnpm-lock.yaml' });
  });

  it('returns undefined without a lockfile', () => {
    assert.equal(packageManagerFromLockfiles(['package.json', 'README.md']), undefined);
  });

  it('builds the install command', () => {
    assert.equal(installCommandLine('yarn'), 'yarn install');
  });
});
