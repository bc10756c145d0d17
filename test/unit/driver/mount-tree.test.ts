import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { MountNode, MountTree } from '../../../src/driver/container';
import { MountLimitError, buildMountTree } from '../../../src/driver/mount-tree';

/** Creates files from a map of relative path to contents inside a fresh temporary folder. */
function makeFolder(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mount-tree-'));
  for (const [relative, contents] of Object.entries(files)) {
    const absolute = path.join(root, relative);
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    fs.writeFileSync(absolute, contents);
  }
  return root;
}

/** Lists the paths of a tree, folders with a trailing slash, sorted. */
function listPaths(tree: MountTree, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [name, node] of Object.entries(tree)) {
    const current = `${prefix}${name}`;
    if ('directory' in node) paths.push(`${current}/`, ...listPaths(node.directory, `${current}/`));
    else paths.push(current);
  }
  return paths.sort();
}

function nodeAt(tree: MountTree, relative: string): MountNode | undefined {
  const segments = relative.split('/');
  let current: MountTree = tree;
  for (const segment of segments.slice(0, -1)) {
    const next = current[segment];
    if (!next || !('directory' in next)) return undefined;
    current = next.directory;
  }
  return current[segments.at(-1) as string];
}

describe('buildMountTree', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
  });
  function folder(files: Record<string, string>): string {
    const root = makeFolder(files);
    folders.push(root);
    return root;
  }

  it('reads files with their bytes', async () => {
    const root = folder({ 'package.json': '{"name":"a"}', 'src/index.js': 'console.log(1)\n' });

    const result = await buildMountTree(root);

    assert.deepEqual(listPaths(result.tree), ['package.json', 'src/', 'src/index.js']);
    const node = nodeAt(result.tree, 'src/index.js');
    assert.ok(node && 'file' in node && 'contents' in node.file);
    assert.equal(Buffer.from(node.file.contents).toString('utf8'), 'console.log(1)\n');
    assert.equal(result.fileCount, 2);
    assert.equal(result.totalBytes, 12 + 15);
  });

  it('never mounts node_modules or .git', async () => {
    const root = folder({
      'package.json': '{}',
      'node_modules/left-pad/index.js': 'x',
      '.git/HEAD': 'ref: refs/heads/main',
      'packages/a/node_modules/b/index.js': 'x',
      'packages/a/index.js': 'x',
    });

    const result = await buildMountTree(root);

    assert.deepEqual(listPaths(result.tree), ['package.json', 'packages/', 'packages/a/', 'packages/a/index.js']);
  });

  it('respects .gitignore files at every level', async () => {
    const root = folder({
      '.gitignore': 'dist/\n*.log\n!keep.log\n',
      'dist/out.js': 'x',
      'debug.log': 'x',
      'keep.log': 'x',
      'src/app.js': 'x',
      'src/.gitignore': 'generated.js\n',
      'src/generated.js': 'x',
      'lib/generated.js': 'x',
    });

    const result = await buildMountTree(root);

    assert.deepEqual(listPaths(result.tree), ['.gitignore', 'keep.log', 'lib/', 'lib/generated.js', 'src/', 'src/.gitignore', 'src/app.js']);
  });

  it('applies files.exclude globs', async () => {
    const root = folder({ 'package.json': '{}', 'coverage/lcov.info': 'x', 'src/a.test.js': 'x', 'src/a.js': 'x', '.DS_Store': 'x' });

    const result = await buildMountTree(root, { exclude: ['**/.DS_Store', 'coverage', '**/*.test.js'] });

    assert.deepEqual(listPaths(result.tree), ['package.json', 'src/', 'src/a.js']);
  });

  it('matches exclude globs from the workspace folder', async () => {
    const root = folder({ 'package.json': '{}', 'fixtures/big.json': 'x', 'src/a.js': 'x' });

    const result = await buildMountTree(root, { exclude: ['packages/web/fixtures'], excludeBase: 'packages/web' });

    assert.deepEqual(listPaths(result.tree), ['package.json', 'src/', 'src/a.js']);
  });

  it('leaves out .env files unless allowed', async () => {
    const root = folder({ '.env': 'SECRET=1', '.env.local': 'SECRET=2', '.env.example': 'SECRET=', 'config/.env.production': 'SECRET=3', 'app.js': 'x' });

    const withoutEnv = await buildMountTree(root);
    const withEnv = await buildMountTree(root, { includeEnvFiles: true });

    assert.deepEqual(listPaths(withoutEnv.tree), ['.env.example', 'app.js', 'config/']);
    assert.deepEqual(
      withoutEnv.skipped.filter((entry) => entry.reason === 'env-file').map((entry) => entry.path).sort(),
      ['.env', '.env.local', 'config/.env.production'],
    );
    assert.deepEqual(listPaths(withEnv.tree), ['.env', '.env.example', '.env.local', 'app.js', 'config/', 'config/.env.production']);
  });

  it('does not follow a symlink that leaves the folder', async () => {
    const outside = folder({ 'secret.txt': 'do not mount', 'dir/file.txt': 'x' });
    const root = folder({ 'app.js': 'x' });
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'leak.txt'));
    fs.symlinkSync(path.join(outside, 'dir'), path.join(root, 'leak-dir'));
    fs.symlinkSync('../' + path.basename(outside) + '/secret.txt', path.join(root, 'relative-leak.txt'));

    const result = await buildMountTree(root);

    assert.deepEqual(listPaths(result.tree), ['app.js']);
    assert.deepEqual(
      result.skipped.map((entry) => `${entry.path} ${entry.reason}`).sort(),
      ['leak-dir symlink-outside-folder', 'leak.txt symlink-outside-folder', 'relative-leak.txt symlink-outside-folder'],
    );
  });

  it('mounts a symlink inside the folder as a relative link', async () => {
    const root = folder({ 'lib/real.js': 'x' });
    fs.symlinkSync(path.join(root, 'lib/real.js'), path.join(root, 'alias.js'));
    fs.symlinkSync(path.join(root, 'lib'), path.join(root, 'lib-link'));
    fs.symlinkSync(path.join(root, 'missing.js'), path.join(root, 'broken.js'));

    const result = await buildMountTree(root);

    assert.deepEqual(nodeAt(result.tree, 'alias.js'), { file: { symlink: 'lib/real.js' } });
    assert.deepEqual(nodeAt(result.tree, 'lib-link'), { file: { symlink: 'lib' } });
    assert.equal(nodeAt(result.tree, 'broken.js'), undefined);
    assert.deepEqual(result.skipped, [{ path: 'broken.js', reason: 'broken-symlink' }]);
  });

  it('rejects a folder with more files than maxFiles, naming the setting', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 11; index++) files[`f${index}.txt`] = 'x';
    const root = folder(files);

    await assert.rejects(buildMountTree(root, { maxFiles: 10 }), (error: unknown) => {
      assert.ok(error instanceof MountLimitError);
      assert.equal(error.limit, 'maxFiles');
      assert.match(error.message, /10 files/);
      assert.match(error.message, /webcontainerCompat\.sandbox\.maxFiles/);
      return true;
    });
    const exact = await buildMountTree(root, { maxFiles: 11 });
    assert.equal(exact.fileCount, 11);
  });

  it('rejects a folder larger than maxTotalBytes, naming the setting', async () => {
    const root = folder({ 'a.bin': 'x'.repeat(600), 'b.bin': 'y'.repeat(600) });

    await assert.rejects(buildMountTree(root, { maxTotalBytes: 1000 }), (error: unknown) => {
      assert.ok(error instanceof MountLimitError);
      assert.equal(error.limit, 'maxTotalBytes');
      assert.match(error.message, /webcontainerCompat\.sandbox\.maxTotalBytes/);
      return true;
    });
    const fits = await buildMountTree(root, { maxTotalBytes: 1200 });
    assert.equal(fits.totalBytes, 1200);
  });

  it('stores a file named __proto__ as a plain entry', async () => {
    const root = folder({ ['__proto__']: 'x', 'constructor/a.js': 'y' });

    const result = await buildMountTree(root);

    assert.deepEqual(listPaths(result.tree), ['__proto__', 'constructor/', 'constructor/a.js']);
  });

  it('keeps binary files byte for byte', async () => {
    const root = folder({});
    const bytes = Buffer.from([0, 255, 254, 0x80, 10]);
    fs.writeFileSync(path.join(root, 'image.bin'), bytes);

    const result = await buildMountTree(root);

    const node = nodeAt(result.tree, 'image.bin');
    assert.ok(node && 'file' in node && 'contents' in node.file);
    assert.deepEqual(Buffer.from(node.file.contents), bytes);
  });
});
