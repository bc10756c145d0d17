// Evidence read from an installed node_modules tree, built in a temporary folder for each test.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inspectDependencyTree, type Finding } from '../../../src/core';
import { createNodeFileReader } from '../../../src/core/dependency-tree/node-file-reader';
import { readNodeModules } from '../../../src/core/dependency-tree/node-modules-reader';

interface InstalledPackageSpec {
  manifest: Record<string, unknown>;
  /** Extra files by path inside the package folder. */
  files?: Record<string, string>;
}

function writeProject(root: string, manifest: Record<string, unknown>, installed: Record<string, InstalledPackageSpec>): string {
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const [installPath, spec] of Object.entries(installed)) {
    const folder = path.join(root, installPath);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify(spec.manifest));
    for (const [file, content] of Object.entries(spec.files ?? {})) {
      fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
      fs.writeFileSync(path.join(folder, file), content);
    }
  }
  return path.join(root, 'package.json');
}

function findingFor(findings: Finding[], name: string): Finding | undefined {
  return findings.find((finding) => finding.rule === 'native-transitive-dependency' && finding.package === name);
}

describe('dependency tree: node_modules', () => {
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-node-modules-'));
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  const installed: Record<string, InstalledPackageSpec> = {
    'node_modules/gyp-addon': { manifest: { name: 'gyp-addon', version: '1.0.0', gypfile: true } },
    'node_modules/implicit-gyp': { manifest: { name: 'implicit-gyp', version: '1.0.0' }, files: { 'binding.gyp': '{}' } },
    'node_modules/gyp-disabled': { manifest: { name: 'gyp-disabled', version: '1.0.0', gypfile: false }, files: { 'binding.gyp': '{}' } },
    'node_modules/script-addon': { manifest: { name: 'script-addon', version: '1.0.0', scripts: { install: 'prebuild-install || node-gyp rebuild' } } },
    'node_modules/cmake-addon': { manifest: { name: 'cmake-addon', version: '1.0.0', scripts: { install: 'cmake-js compile' } } },
    'node_modules/pre-gyp-addon': { manifest: { name: 'pre-gyp-addon', version: '1.0.0', binary: { module_name: 'x', module_path: './lib/binding' } } },
    'node_modules/shipped-binary': { manifest: { name: 'shipped-binary', version: '1.0.0' }, files: { 'build/Release/addon.node': 'ELF' } },
    'node_modules/prebuilt-addon': { manifest: { name: 'prebuilt-addon', version: '1.0.0' }, files: { 'prebuilds/linux-x64/addon.node': 'ELF' } },
    'node_modules/message-only': { manifest: { name: 'message-only', version: '1.0.0', scripts: { postinstall: 'node ./thanks.js' } } },
    'node_modules/core-js': { manifest: { name: 'core-js', version: '3.38.0', scripts: { postinstall: 'node -e "try{require(\'./postinstall\')}catch(e){}"' } } },
    'node_modules/wrapper': { manifest: { name: 'wrapper', version: '1.0.0', dependencies: { 'nested-addon': '^1.0.0' } } },
    'node_modules/wrapper/node_modules/nested-addon': { manifest: { name: 'nested-addon', version: '1.0.0', dependencies: { nan: '^2.0.0' } } },
    'node_modules/nan': { manifest: { name: 'nan', version: '2.20.0' } },
    'node_modules/deep-binary': { manifest: { name: 'deep-binary', version: '1.0.0' }, files: { 'a/b/c/d/e/addon.node': 'ELF' } },
    'node_modules/@scope/scoped-addon': { manifest: { name: '@scope/scoped-addon', version: '1.0.0', gypfile: true } },
  };

  const manifest = {
    name: 'installed-app',
    dependencies: Object.fromEntries(
      ['gyp-addon', 'implicit-gyp', 'gyp-disabled', 'script-addon', 'cmake-addon', 'pre-gyp-addon', 'shipped-binary', 'prebuilt-addon', 'message-only', 'core-js', 'wrapper', 'deep-binary', '@scope/scoped-addon'].map((name) => [name, '*']),
    ),
  };

  it('reads native signals without a lockfile', () => {
    const manifestPath = writeProject(root, manifest, installed);
    const report = inspectDependencyTree(manifestPath, fs.readFileSync(manifestPath, 'utf8'), createNodeFileReader());

    assert.strictEqual(report.lockfile, undefined);
    assert.deepStrictEqual(report.nodeModules, { truncated: false });

    const expected: [name: string, pattern: RegExp][] = [
      ['gyp-addon', /"gypfile": true/],
      ['implicit-gyp', /binding\.gyp at the package root \(npm runs node-gyp rebuild for it\)/],
      ['script-addon', /install script runs prebuild-install/],
      ['cmake-addon', /install script runs cmake-js/],
      ['pre-gyp-addon', /"binary" field/],
      ['shipped-binary', /native addon file build\/Release\/addon\.node/],
      ['prebuilt-addon', /prebuilds\/ directory/],
      ['@scope/scoped-addon', /"gypfile": true/],
    ];
    for (const [name, pattern] of expected) {
      const finding = findingFor(report.findings, name);
      assert.ok(finding, `no finding for ${name}`);
      assert.strictEqual(finding.severity, 'error', `severity for ${name}`);
      assert.match(finding.message, pattern, `evidence for ${name}`);
    }
  });

  it('follows nested node_modules', () => {
    const manifestPath = writeProject(root, manifest, installed);
    const report = inspectDependencyTree(manifestPath, fs.readFileSync(manifestPath, 'utf8'), createNodeFileReader());

    const wrapper = findingFor(report.findings, 'wrapper');
    assert.ok(wrapper);
    assert.match(wrapper.message, /nested-addon needs a native build[^(]*\(wrapper → nested-addon\)/);
  });

  it('leaves scripts that build nothing alone', () => {
    const manifestPath = writeProject(root, manifest, installed);
    const report = inspectDependencyTree(manifestPath, fs.readFileSync(manifestPath, 'utf8'), createNodeFileReader());

    for (const name of ['message-only', 'core-js', 'gyp-disabled']) {
      assert.strictEqual(findingFor(report.findings, name), undefined, `${name} was reported`);
    }
  });

  it('bounds the search for addon files', () => {
    const manifestPath = writeProject(root, manifest, installed);
    const report = inspectDependencyTree(manifestPath, fs.readFileSync(manifestPath, 'utf8'), createNodeFileReader());

    // a/b/c/d/e/addon.node is five folders down; the search stops at three.
    assert.strictEqual(findingFor(report.findings, 'deep-binary'), undefined);

    const tree = readNodeModules(createNodeFileReader(), root, { maxPackages: 20_000, maxNesting: 8, maxSearchDepth: 6, maxSearchEntries: 400 });
    assert.deepStrictEqual(tree?.packages.get('node_modules/deep-binary')?.installed?.nodeFiles, ['a/b/c/d/e/addon.node']);
  });

  it('stops at the package limit', () => {
    writeProject(root, manifest, installed);
    const tree = readNodeModules(createNodeFileReader(), root, { maxPackages: 3, maxNesting: 8, maxSearchDepth: 3, maxSearchEntries: 400 });
    assert.strictEqual(tree?.packages.size, 3);
    assert.strictEqual(tree?.truncated, true);
  });

  it('adds installed evidence to a lockfile', () => {
    // pnpm 9 lockfiles record no install scripts, so only node_modules shows that this package builds an addon.
    const lockfile = [
      "lockfileVersion: '9.0'",
      '',
      'importers:',
      '  .:',
      '    dependencies:',
      '      quiet-addon:',
      '        specifier: ^1.0.0',
      '        version: 1.0.0',
      '',
      'packages:',
      '  quiet-addon@1.0.0:',
      '    resolution: {integrity: sha512-AAAA}',
      '',
      'snapshots:',
      '  quiet-addon@1.0.0: {}',
      '',
    ].join('\n');
    const pnpmManifest = { name: 'pnpm-app', dependencies: { 'quiet-addon': '^1.0.0' } };
    const manifestPath = writeProject(root, pnpmManifest, {
      'node_modules/.pnpm/quiet-addon@1.0.0/node_modules/quiet-addon': { manifest: { name: 'quiet-addon', version: '1.0.0' }, files: { 'binding.gyp': '{}' } },
    });
    fs.writeFileSync(path.join(root, 'pnpm-lock.yaml'), lockfile);

    const withInstalled = inspectDependencyTree(manifestPath, fs.readFileSync(manifestPath, 'utf8'), createNodeFileReader());
    assert.strictEqual(withInstalled.lockfile?.format, 'pnpm');
    assert.match(findingFor(withInstalled.findings, 'quiet-addon')?.message ?? '', /binding\.gyp at the package root/);

    const lockfileOnly = inspectDependencyTree(manifestPath, fs.readFileSync(manifestPath, 'utf8'), createNodeFileReader(), { readNodeModules: false });
    assert.strictEqual(findingFor(lockfileOnly.findings, 'quiet-addon'), undefined);
  });
});
