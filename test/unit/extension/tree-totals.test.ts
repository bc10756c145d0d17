import assert from 'node:assert/strict';
import { totalTreeSummaries } from '../../../src/extension/tree-totals';

describe('totalTreeSummaries', () => {
  it('counts a shared lockfile once', () => {
    const totals = totalTreeSummaries([
      { lockfilePath: 'package-lock.json', lockfileError: undefined, nativePackageCount: 4 },
      { lockfilePath: 'package-lock.json', lockfileError: undefined, nativePackageCount: 4 },
      { lockfilePath: 'tools/pnpm-lock.yaml', lockfileError: undefined, nativePackageCount: 2 },
    ]);

    assert.equal(totals.lockfiles, 2);
    assert.equal(totals.nativePackages, 6);
    assert.deepEqual(totals.unreadable, []);
  });

  it('lists unreadable lockfiles apart', () => {
    const totals = totalTreeSummaries([
      { lockfilePath: 'yarn.lock', lockfileError: 'yarn.lock is not a valid lockfile', nativePackageCount: 0 },
      { lockfilePath: 'package-lock.json', lockfileError: undefined, nativePackageCount: 1 },
    ]);

    assert.equal(totals.lockfiles, 1);
    assert.equal(totals.nativePackages, 1);
    assert.deepEqual(totals.unreadable, [{ path: 'yarn.lock', error: 'yarn.lock is not a valid lockfile' }]);
  });

  it('skips trees without a lockfile', () => {
    const totals = totalTreeSummaries([{ lockfilePath: undefined, lockfileError: undefined, nativePackageCount: 3 }]);

    assert.deepEqual(totals, { lockfiles: 0, nativePackages: 0, unreadable: [] });
  });

  it('uses the latest summary of a lockfile', () => {
    const totals = totalTreeSummaries([
      { lockfilePath: 'package-lock.json', lockfileError: 'invalid JSON', nativePackageCount: 0 },
      { lockfilePath: 'package-lock.json', lockfileError: undefined, nativePackageCount: 2 },
    ]);

    assert.equal(totals.lockfiles, 1);
    assert.equal(totals.nativePackages, 2);
    assert.deepEqual(totals.unreadable, []);
  });
});
