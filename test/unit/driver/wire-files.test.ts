import * as assert from 'node:assert/strict';
import type { MountTree } from '../../../src/driver/container';
import { fromWireFiles, toWireFiles } from '../../../src/webview/wire-files';

describe('wire files', () => {
  it('round-trips text, binary and symlinks', () => {
    const binary = new Uint8Array([0, 255, 128, 10]);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0x61]);
    const tree: MountTree = {
      'package.json': { file: { contents: new TextEncoder().encode('{"name":"ü"}') } },
      src: { directory: { 'a.bin': { file: { contents: binary } }, 'bom.txt': { file: { contents: bom } } } },
      'alias.js': { file: { symlink: 'src/a.bin' } },
    };

    const wire = toWireFiles(tree);
    const rebuilt = fromWireFiles(wire);

    assert.deepEqual(wire.map((file) => Object.keys(file).sort().join(',')), ['path,text', 'base64,path', 'path,text', 'path,symlink']);
    assert.deepEqual(rebuilt['package.json'], { file: { contents: '{"name":"ü"}' } });
    const src = rebuilt.src;
    assert.ok('directory' in src);
    assert.deepEqual(src.directory['a.bin'], { file: { contents: binary } });
    const bomNode = src.directory['bom.txt'];
    assert.ok('file' in bomNode && 'contents' in bomNode.file);
    assert.deepEqual(new TextEncoder().encode(bomNode.file.contents as string), bom);
    assert.deepEqual(rebuilt['alias.js'], { file: { symlink: 'src/a.bin' } });
  });

  it('rejects paths that leave the folder', () => {
    assert.throws(() => fromWireFiles([{ path: '../x', text: '' }]), /Invalid file path/);
  });

  it('stores an entry named __proto__ as a plain entry', () => {
    const tree = fromWireFiles([{ path: '__proto__/x', text: 'y' }]);

    assert.deepEqual(Object.keys(tree), ['__proto__']);
    const folder = tree['__proto__'];
    assert.ok('directory' in folder);
    assert.deepEqual(Object.keys(folder.directory), ['x']);
    assert.equal(({} as Record<string, unknown>).x, undefined);
  });

  it('rejects a file and a folder at one path', () => {
    assert.throws(() => fromWireFiles([{ path: 'a', text: '' }, { path: 'a/b', text: '' }]), /share the path/);
    assert.throws(() => fromWireFiles([{ path: 'a', text: '' }, { path: 'a', text: '' }]), /Duplicate/);
  });
});
