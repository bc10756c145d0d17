// The Docker and local-terminal fallbacks' pure parts; the module imports vscode, so it is loaded with a stub.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

type FallbackModule = typeof import('../../../src/extension/sandbox/fallback-runners');

/** Loads the module with `vscode` resolved to an empty object: the functions under test do not touch it. */
function loadWithoutVscode(): FallbackModule {
  const moduleWithLoad = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const originalLoad = moduleWithLoad._load;
  moduleWithLoad._load = (request, parent, isMain) => (request === 'vscode' ? {} : originalLoad(request, parent, isMain));
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('../../../src/extension/sandbox/fallback-runners') as FallbackModule;
  } finally {
    moduleWithLoad._load = originalLoad;
  }
}

describe('sandbox fallbacks', () => {
  const fallback = loadWithoutVscode();

  it('builds the docker run arguments', () => {
    assert.deepEqual(fallback.dockerRunArguments('/home/me/app', 'node:20', 'build'), [
      'run', '--rm', '-it', '-v', '/home/me/app:/app', '-w', '/app', 'node:20', 'npm', 'run', 'build',
    ]);
  });

  it('finds an executable on PATH and nothing else', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'path-'));
    const executable = path.join(folder, 'docker');
    fs.writeFileSync(executable, '#!/bin/sh\n');
    fs.chmodSync(executable, 0o755);
    fs.writeFileSync(path.join(folder, 'not-executable'), '');
    fs.mkdirSync(path.join(folder, 'a-folder'));

    try {
      assert.equal(fallback.findExecutableOnPath('docker', { PATH: `/nonexistent${path.delimiter}${folder}` }, 'linux'), executable);
      assert.equal(fallback.findExecutableOnPath('docker', { PATH: '/nonexistent' }, 'linux'), undefined);
      assert.equal(fallback.findExecutableOnPath('not-executable', { PATH: folder }, 'linux'), undefined);
      assert.equal(fallback.findExecutableOnPath('a-folder', { PATH: folder }, 'linux'), undefined);
      assert.equal(fallback.findExecutableOnPath('docker', {}, 'linux'), undefined);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('quotes script names for a POSIX shell', () => {
    assert.equal(fallback.quoteForShell('build:prod'), 'build:prod');
    assert.equal(fallback.quoteForShell('my script'), "'my script'");
    assert.equal(fallback.quoteForShell("it's; rm -rf /"), `'it'"'"'s; rm -rf /'`);
  });
});
