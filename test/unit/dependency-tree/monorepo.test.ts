// Matching each package.json of a monorepo to the lockfile that governs it, for every format with workspaces.

import * as assert from 'assert';
import { analyzeDependencyTree, findGoverningLockfile } from '../../../src/core';
import { createMemoryReader } from './memory-reader';

const ADDON_MANIFEST = JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { lib: 'workspace:*', 'db-driver': '^1.0.0' } }, null, 2);

/** npm workspaces: `app` depends on the workspace `lib`, which depends on a native package, and on a non-hoisted native package. */
const NPM_FILES: Record<string, string> = {
  '/repo/package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
  '/repo/package-lock.json': JSON.stringify({
    name: 'root',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'root', workspaces: ['packages/*'] },
      'packages/app': { name: 'app', version: '1.0.0', dependencies: { lib: '*', 'db-driver': '^1.0.0' } },
      'packages/lib': { name: 'lib', version: '1.0.0', dependencies: { 'fast-hash': '^2.0.0' } },
      'node_modules/app': { resolved: 'packages/app', link: true },
      'node_modules/lib': { resolved: 'packages/lib', link: true },
      'packages/app/node_modules/db-driver': { version: '1.0.0', hasInstallScript: true, dependencies: { bindings: '^1.5.0' } },
      'node_modules/db-driver': { version: '0.1.0' },
      'node_modules/fast-hash': { version: '2.0.0', hasInstallScript: true, dependencies: { 'node-gyp-build': '^4.0.0' } },
      'node_modules/node-gyp-build': { version: '4.8.0' },
      'node_modules/bindings': { version: '1.5.0' },
    },
  }),
  '/repo/packages/app/package.json': ADDON_MANIFEST.replace('workspace:*', '*'),
  '/repo/packages/lib/package.json': JSON.stringify({ name: 'lib', dependencies: { 'fast-hash': '^2.0.0' } }),
  '/repo/examples/demo/package.json': JSON.stringify({ name: 'demo', dependencies: { 'fast-hash': '^2.0.0' } }),
  '/repo/packages/own/package.json': JSON.stringify({ name: 'own', dependencies: { 'left-pad': '^1.0.0' } }),
  '/repo/packages/own/package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'own' }, 'node_modules/left-pad': { version: '1.3.0' } } }),
};

const PNPM_LOCK = `lockfileVersion: '9.0'

importers:

  .: {}

  packages/app:
    dependencies:
      db-driver:
        specifier: ^1.0.0
        version: 1.0.0
      lib:
        specifier: workspace:*
        version: link:../lib

  packages/lib:
    dependencies:
      fast-hash:
        specifier: ^2.0.0
        version: 2.0.0

packages:

  bindings@1.5.0:
    resolution: {integrity: sha512-AAAA}

  db-driver@1.0.0:
    resolution: {integrity: sha512-AAAA}

  fast-hash@2.0.0:
    resolution: {integrity: sha512-AAAA}

  node-gyp-build@4.8.0:
    resolution: {integrity: sha512-AAAA}
    hasBin: true

snapshots:

  bindings@1.5.0: {}

  db-driver@1.0.0:
    dependencies:
      bindings: 1.5.0

  fast-hash@2.0.0:
    dependencies:
      node-gyp-build: 4.8.0

  node-gyp-build@4.8.0: {}
`;

const YARN_CLASSIC_LOCK = `# yarn lockfile v1


bindings@^1.5.0:
  version "1.5.0"

db-driver@^1.0.0:
  version "1.0.0"
  dependencies:
    bindings "^1.5.0"

fast-hash@^2.0.0:
  version "2.0.0"
  dependencies:
    node-gyp-build "^4.0.0"

node-gyp-build@^4.0.0:
  version "4.8.0"
`;

const YARN_BERRY_LOCK = `__metadata:
  version: 8
  cacheKey: 10c0

"app@workspace:packages/app":
  version: 0.0.0-use.local
  resolution: "app@workspace:packages/app"
  dependencies:
    db-driver: "npm:^1.0.0"
    lib: "workspace:*"
  languageName: unknown
  linkType: soft

"bindings@npm:^1.5.0":
  version: 1.5.0
  resolution: "bindings@npm:1.5.0"
  languageName: node
  linkType: hard

"db-driver@npm:^1.0.0":
  version: 1.0.0
  resolution: "db-driver@npm:1.0.0"
  dependencies:
    bindings: "npm:^1.5.0"
  languageName: node
  linkType: hard

"fast-hash@npm:^2.0.0":
  version: 2.0.0
  resolution: "fast-hash@npm:2.0.0"
  dependencies:
    node-gyp-build: "npm:^4.0.0"
  languageName: node
  linkType: hard

"lib@workspace:*, lib@workspace:packages/lib":
  version: 0.0.0-use.local
  resolution: "lib@workspace:packages/lib"
  dependencies:
    fast-hash: "npm:^2.0.0"
  languageName: unknown
  linkType: soft

"node-gyp-build@npm:^4.0.0":
  version: 4.8.0
  resolution: "node-gyp-build@npm:4.8.0"
  languageName: node
  linkType: hard

"root@workspace:.":
  version: 0.0.0-use.local
  resolution: "root@workspace:."
  languageName: unknown
  linkType: soft
`;

const BUN_LOCK = `{
  "lockfileVersion": 1,
  "workspaces": {
    "": { "name": "root" },
    "packages/app": { "name": "app", "dependencies": { "db-driver": "^1.0.0", "lib": "workspace:*" } },
    "packages/lib": { "name": "lib", "dependencies": { "fast-hash": "^2.0.0" } },
  },
  "packages": {
    "app": ["app@workspace:packages/app"],
    "lib": ["lib@workspace:packages/lib"],
    "bindings": ["bindings@1.5.0", "", {}, "sha512-AAAA"],
    "db-driver": ["db-driver@1.0.0", "", { "dependencies": { "bindings": "^1.5.0" } }, "sha512-AAAA"],
    "fast-hash": ["fast-hash@2.0.0", "", { "dependencies": { "node-gyp-build": "^4.0.0" } }, "sha512-AAAA"],
    "node-gyp-build": ["node-gyp-build@4.8.0", "", { "bin": { "node-gyp-build": "bin.js" } }, "sha512-AAAA"],
  }
}
`;

function workspaceFiles(lockfileName: string, lockfile: string, rootManifest: object = { name: 'root', private: true, workspaces: ['packages/*'] }): Record<string, string> {
  return {
    '/repo/package.json': JSON.stringify(rootManifest),
    [`/repo/${lockfileName}`]: lockfile,
    '/repo/packages/app/package.json': ADDON_MANIFEST,
    '/repo/packages/lib/package.json': JSON.stringify({ name: 'lib', dependencies: { 'fast-hash': '^2.0.0' } }),
    '/repo/examples/demo/package.json': JSON.stringify({ name: 'demo', dependencies: { 'fast-hash': '^2.0.0' } }),
  };
}

const FORMATS: [label: string, files: Record<string, string>, lockfile: string][] = [
  ['npm', NPM_FILES, '/repo/package-lock.json'],
  ['pnpm', workspaceFiles('pnpm-lock.yaml', PNPM_LOCK), '/repo/pnpm-lock.yaml'],
  ['yarn v1', workspaceFiles('yarn.lock', YARN_CLASSIC_LOCK, { name: 'root', private: true, workspaces: { packages: ['packages/**'] } }), '/repo/yarn.lock'],
  ['yarn berry', workspaceFiles('yarn.lock', YARN_BERRY_LOCK), '/repo/yarn.lock'],
  ['bun', workspaceFiles('bun.lock', BUN_LOCK), '/repo/bun.lock'],
];

for (const [label, files, lockfilePath] of FORMATS) {
  describe(`monorepo: ${label}`, () => {
    it('finds the root lockfile for a workspace', () => {
      const reader = createMemoryReader(files);
      assert.deepStrictEqual(findGoverningLockfile('/repo/packages/app/package.json', reader), {
        path: lockfilePath,
        directory: '/repo',
        importerPath: 'packages/app',
      });
    });

    it('skips a folder outside the workspaces', () => {
      const reader = createMemoryReader(files);
      assert.strictEqual(findGoverningLockfile('/repo/examples/demo/package.json', reader), undefined);
      assert.deepStrictEqual(analyzeDependencyTree('/repo/examples/demo/package.json', files['/repo/examples/demo/package.json'], reader), []);
    });

    it('reports natives from the workspace entry', () => {
      const reader = createMemoryReader(files);
      const findings = analyzeDependencyTree('/repo/packages/app/package.json', files['/repo/packages/app/package.json'], reader);

      const driver = findings.find((finding) => finding.package === 'db-driver');
      assert.ok(driver, 'db-driver has no finding');
      assert.match(driver.message, /^db-driver needs a native build/);

      const lib = findings.find((finding) => finding.package === 'lib');
      assert.ok(lib, 'the workspace dependency lib has no finding');
      assert.match(lib.message, /fast-hash needs a native build[^(]*\(lib → fast-hash\)/);
    });
  });
}

describe('monorepo: nested lockfiles', () => {
  it('prefers a lockfile next to package.json', () => {
    const reader = createMemoryReader(NPM_FILES);
    assert.deepStrictEqual(findGoverningLockfile('/repo/packages/own/package.json', reader), {
      path: '/repo/packages/own/package-lock.json',
      directory: '/repo/packages/own',
      importerPath: '',
    });
  });

  it('prefers npm-shrinkwrap.json in one folder', () => {
    const reader = createMemoryReader({
      '/p/package.json': '{}',
      '/p/package-lock.json': '{"lockfileVersion":3,"packages":{}}',
      '/p/npm-shrinkwrap.json': '{"lockfileVersion":3,"packages":{}}',
    });
    assert.strictEqual(findGoverningLockfile('/p/package.json', reader)?.path, '/p/npm-shrinkwrap.json');
  });

  it('works with relative paths', () => {
    const reader = createMemoryReader({ 'package.json': '{}', 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n" });
    assert.deepStrictEqual(findGoverningLockfile('package.json', reader), { path: 'pnpm-lock.yaml', directory: '.', importerPath: '' });
  });

  it('returns undefined without any lockfile', () => {
    const reader = createMemoryReader({ '/solo/package.json': '{}' });
    assert.strictEqual(findGoverningLockfile('/solo/package.json', reader), undefined);
  });
});
