import assert from 'node:assert/strict';
import { LOCKFILE_NAMES } from '../../../src/core/dependency-tree';
import { affectedFolderOf, LOCKFILE_FILE_NAMES, readTreeInputs, treeInputPaths, type FileStat } from '../../../src/extension/tree-inputs';

describe('tree inputs', () => {
  it('lists the lockfile names the core reads', () => {
    assert.deepEqual([...LOCKFILE_FILE_NAMES].sort(), [...LOCKFILE_NAMES].sort());
  });

  it('lists lockfiles and node_modules up to the root', () => {
    const paths = treeInputPaths('/repo/packages/app/package.json');

    assert.ok(paths.includes('/repo/packages/app/package-lock.json'));
    assert.ok(paths.includes('/repo/packages/app/node_modules'));
    assert.ok(paths.includes('/repo/pnpm-lock.yaml'));
    assert.ok(paths.includes('/repo/package.json'), 'a parent package.json decides workspaces');
    assert.ok(paths.includes('/bun.lock'));
    assert.ok(!paths.includes('/repo/packages/app/package.json'), 'the manifest itself is passed as text');
    assert.ok(paths.every((path) => path.startsWith('/')), 'no relative paths');
    assert.equal(new Set(paths).size, paths.length, 'no path twice');
  });

  it('stops at a Windows drive root', () => {
    const paths = treeInputPaths('C:\\work\\app\\package.json');

    assert.ok(paths.includes('C:/work/app/yarn.lock'));
    assert.ok(paths.includes('C:/yarn.lock'));
    assert.equal(new Set(paths).size, paths.length);
  });

  it('stamp changes with a lockfile', async () => {
    const files = new Map<string, FileStat>([['/repo/package-lock.json', { mtimeMs: 1, size: 100 }]]);
    const stat = async (path: string) => files.get(path);

    const before = await readTreeInputs('/repo/package.json', stat);
    files.set('/repo/package-lock.json', { mtimeMs: 2, size: 100 });
    const touched = await readTreeInputs('/repo/package.json', stat);
    files.set('/repo/node_modules', { mtimeMs: 5, size: 4096 });
    const installed = await readTreeInputs('/repo/package.json', stat);

    assert.match(before.stamp, /\/repo\/package-lock\.json:1:100/);
    assert.equal(before.found, true);
    assert.notEqual(touched.stamp, before.stamp);
    assert.notEqual(installed.stamp, touched.stamp);
    assert.equal((await readTreeInputs('/repo/package.json', stat)).stamp, installed.stamp, 'same files, same stamp');
  });

  it('finds nothing without lockfile or node_modules', async () => {
    const files = new Map<string, FileStat>([['/package.json', { mtimeMs: 1, size: 10 }]]);

    const inputs = await readTreeInputs('/repo/package.json', async (path) => files.get(path));

    assert.equal(inputs.found, false, 'a parent package.json alone is no tree');
    assert.match(inputs.stamp, /^\/package\.json:1:10$/);
  });

  it('finds node_modules alone', async () => {
    const files = new Map<string, FileStat>([['/repo/node_modules', { mtimeMs: 1, size: 4096 }]]);

    const inputs = await readTreeInputs('/repo/package.json', async (path) => files.get(path));

    assert.equal(inputs.found, true);
  });

  it('maps changed files to the affected folder', () => {
    assert.equal(affectedFolderOf('/repo/pnpm-lock.yaml'), '/repo');
    assert.equal(affectedFolderOf('/repo/packages/app/package-lock.json'), '/repo/packages/app');
    assert.equal(affectedFolderOf('/repo/node_modules'), '/repo');
    assert.equal(affectedFolderOf('/repo/node_modules/sharp'), '/repo');
    assert.equal(affectedFolderOf('/repo/node_modules/a/node_modules/b'), '/repo');
    assert.equal(affectedFolderOf('/repo/package.json'), undefined);
    assert.equal(affectedFolderOf('/repo/my_node_modules/x'), undefined);
  });
});
