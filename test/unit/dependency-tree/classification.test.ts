// Verdict rules and finding shape on small lockfiles written inline, one rule per test.

import * as assert from 'assert';
import { analyzeDependencyTree, analyzeLockfile, type LockfilePackageVerdict } from '../../../src/core';
import { createMemoryReader } from './memory-reader';

type Entries = Record<string, Record<string, unknown>>;

/** Builds a package-lock.json v3 text from `node_modules/<name>` entries. */
function packageLock(entries: Entries, root: Record<string, unknown> = {}): string {
  const packages: Entries = { '': root };
  for (const [name, entry] of Object.entries(entries)) packages[`node_modules/${name}`] = { version: '1.0.0', ...entry };
  return JSON.stringify({ lockfileVersion: 3, packages });
}

function verdicts(text: string, fileName = 'package-lock.json'): Map<string, LockfilePackageVerdict> {
  const result = analyzeLockfile(text, fileName);
  assert.ok(result.ok, result.ok ? '' : result.error);
  return new Map(result.packages.map((pkg) => [pkg.name, pkg]));
}

describe('classification rules', () => {
  it('trusts known install-script false positives', () => {
    const result = verdicts(packageLock({ 'vue-demi': { hasInstallScript: true }, 'some-hook': { hasInstallScript: true } }));
    assert.strictEqual(result.get('vue-demi')?.verdict, 'pure-js');
    assert.match(result.get('vue-demi')?.evidence[0] ?? '', /switches its entry files/);
    assert.strictEqual(result.get('some-hook')?.verdict, 'native-build');
    assert.strictEqual(result.get('some-hook')?.certainty, 'possible');
  });

  it('marks known binary downloaders', () => {
    const result = verdicts(packageLock({ '@sentry/cli': { hasInstallScript: true, bin: { 'sentry-cli': 'bin/sentry-cli' } } }));
    assert.strictEqual(result.get('@sentry/cli')?.verdict, 'platform-binary');
    assert.match(result.get('@sentry/cli')?.evidence[0] ?? '', /downloads the sentry-cli executable/);
  });

  it('ignores a macOS-only optional dependency', () => {
    const result = verdicts(packageLock({ watcher: { optionalDependencies: { fsevents: '^2.3.2' } }, fsevents: { os: ['darwin'], hasInstallScript: true, optional: true } }));
    assert.strictEqual(result.get('watcher')?.verdict, 'pure-js');
    assert.strictEqual(result.get('fsevents')?.installsInWebContainer, false);
  });

  it('reads platforms from names in yarn v1', () => {
    const yarnLock = [
      '# yarn lockfile v1',
      '',
      'turbo@^2.0.0:',
      '  version "2.0.0"',
      '  optionalDependencies:',
      '    turbo-darwin-64 "2.0.0"',
      '    turbo-linux-64 "2.0.0"',
      '',
      'turbo-darwin-64@2.0.0:',
      '  version "2.0.0"',
      '',
      'turbo-linux-64@2.0.0:',
      '  version "2.0.0"',
      '',
      'wasm-ready@^1.0.0:',
      '  version "1.0.0"',
      '  optionalDependencies:',
      '    "@wasm-ready/binding-linux-x64-gnu" "1.0.0"',
      '    "@wasm-ready/binding-wasm32-wasi" "1.0.0"',
      '',
    ].join('\n');
    const result = verdicts(yarnLock, 'yarn.lock');
    assert.strictEqual(result.get('turbo')?.verdict, 'platform-binary');
    assert.match(result.get('turbo')?.evidence[0] ?? '', /linux-x64 installs turbo-linux-64/);
    assert.strictEqual(result.get('wasm-ready')?.verdict, 'wasm32');
  });

  it('treats Next.js binaries as optional', () => {
    const result = verdicts(
      packageLock({
        next: { optionalDependencies: { '@next/swc-linux-x64-gnu': '15.0.0', '@next/swc-darwin-arm64': '15.0.0' } },
        '@next/swc-linux-x64-gnu': { os: ['linux'], cpu: ['x64'], libc: ['glibc'], optional: true },
        '@next/swc-darwin-arm64': { os: ['darwin'], cpu: ['arm64'], optional: true },
      }),
    );
    assert.strictEqual(result.get('next')?.verdict, 'optional-native');
    assert.match(result.get('next')?.evidence[0] ?? '', /@next\/swc-wasm-nodejs/);
  });

  it('lets extra table entries win', () => {
    const text = packageLock({ 'fast-hash': { dependencies: { 'node-gyp-build': '^4' } }, 'node-gyp-build': {} });
    const result = analyzeLockfile(text, 'package-lock.json', { extraNativePackages: { 'fast-hash': { alternative: 'hash-wasm', remedy: 'swapped-by-webcontainer' } } });
    assert.ok(result.ok);
    assert.strictEqual(result.packages.find((pkg) => pkg.name === 'fast-hash')?.verdict, 'swapped');
  });

  it('uses the core table', () => {
    const result = verdicts(packageLock({ bcrypt: { hasInstallScript: true } }));
    assert.strictEqual(result.get('bcrypt')?.verdict, 'native-build');
    assert.match(result.get('bcrypt')?.evidence[0] ?? '', /^native-package table \(remedy: drop-in\)/);
  });

  it('ignores requiresBuild on optional pnpm 6 packages', () => {
    const pnpmLock = [
      "lockfileVersion: '6.0'",
      '',
      'dependencies:',
      '  tool:',
      '    specifier: ^1.0.0',
      '    version: 1.0.0',
      '',
      'packages:',
      '',
      '  /tool@1.0.0:',
      '    resolution: {integrity: sha512-AAAA}',
      '    requiresBuild: true',
      '    optionalDependencies:',
      '      tslib: 2.6.0',
      '    dev: false',
      '',
      '  /tslib@2.6.0:',
      '    resolution: {integrity: sha512-AAAA}',
      '    requiresBuild: true',
      '    dev: false',
      '    optional: true',
      '',
    ].join('\n');
    const result = verdicts(pnpmLock, 'pnpm-lock.yaml');
    assert.strictEqual(result.get('tslib')?.verdict, 'pure-js');
    assert.strictEqual(result.get('tool')?.verdict, 'native-build');
    assert.strictEqual(result.get('tool')?.certainty, 'possible');
  });
});

describe('native-transitive-dependency findings', () => {
  const manyNatives: Entries = { framework: { dependencies: Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`addon-${i}`, '^1'])) }, nan: {} };
  for (let i = 0; i < 7; i++) manyNatives[`addon-${i}`] = { dependencies: { nan: '^2' } };

  it('gives one finding for many natives', () => {
    const reader = createMemoryReader({ '/p/package-lock.json': packageLock(manyNatives) });
    const manifest = '{\r\n  "dependencies": {\r\n    "framework": "^1.0.0"\r\n  }\r\n}\r\n';
    const findings = analyzeDependencyTree('/p/package.json', manifest, reader);

    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.severity, 'error');
    assert.match(finding.message, /^framework brings in native code in 7 packages: addon-0 needs a native build, which fails in a WebContainer \(framework → addon-0\);/);
    assert.match(finding.message, /and 2 more in the related information/);
    assert.strictEqual(finding.related?.length, 6);
    assert.deepStrictEqual([finding.line, finding.column, finding.endLine, finding.endColumn], [3, 5, 3, 16]);
    assert.strictEqual(manifest.slice(finding.range.start, finding.range.end), '"framework"');
  });

  it('skips a direct dependency the table lists', () => {
    const text = packageLock({ sharp: { dependencies: { 'inner-addon': '^1' } }, 'inner-addon': { dependencies: { 'node-addon-api': '^7' } }, 'node-addon-api': {} });
    const reader = createMemoryReader({ '/p/package-lock.json': text });
    const findings = analyzeDependencyTree('/p/package.json', '{"dependencies": {"sharp": "^0.33.0"}}', reader);

    assert.strictEqual(findings.length, 1);
    assert.doesNotMatch(findings[0].message, /sharp (works|ships|needs)/);
    assert.match(findings[0].message, /inner-addon needs a native build[^(]*\(sharp → inner-addon\)/);
  });

  it('reports a name in two sections once', () => {
    const reader = createMemoryReader({ '/p/package-lock.json': packageLock({ addon: { dependencies: { nan: '^2' } }, nan: {} }) });
    const findings = analyzeDependencyTree('/p/package.json', '{"dependencies": {"addon": "1"}, "devDependencies": {"addon": "1"}, "peerDependencies": {"addon": "1"}}', reader);

    assert.strictEqual(findings.length, 1);
    assert.strictEqual(findings[0].section, 'dependencies');
    assert.strictEqual(findings[0].severity, 'error');
  });

  it('lowers optional and peer dependencies', () => {
    const reader = createMemoryReader({ '/p/package-lock.json': packageLock({ addon: { dependencies: { nan: '^2' } }, other: { dependencies: { nan: '^2' } }, nan: {} }) });
    const findings = analyzeDependencyTree('/p/package.json', '{"optionalDependencies": {"addon": "1"}, "peerDependencies": {"other": "1"}}', reader);

    assert.deepStrictEqual(findings.map((finding) => [finding.package, finding.severity]), [['addon', 'warning'], ['other', 'warning']]);
    assert.match(findings[0].message, /listed in optionalDependencies, so npm install goes on without it/);
    assert.match(findings[1].message, /listed in peerDependencies/);
  });

  it('lowers a possible build', () => {
    const reader = createMemoryReader({ '/p/package-lock.json': packageLock({ wrapper: { dependencies: { hooky: '^1' } }, hooky: { hasInstallScript: true } }) });
    const findings = analyzeDependencyTree('/p/package.json', '{"dependencies": {"wrapper": "1"}, "devDependencies": {"hooky": "1"}}', reader);

    assert.deepStrictEqual(findings.map((finding) => [finding.package, finding.severity]), [['wrapper', 'warning'], ['hooky', 'information']]);
    assert.match(findings[0].message, /hooky runs an install script that may build native code \(wrapper → hooky\)/);
  });

  it('reports information on one dependency', () => {
    const text = packageLock({
      vite: { dependencies: { esbuild: '^0.21' } },
      esbuild: { hasInstallScript: true },
      'vite-plugin': { peerDependencies: { vite: '^5' } },
      'other-tool': { dependencies: { helper: '^1' } },
      helper: { dependencies: { esbuild: '^0.21' } },
    });
    const reader = createMemoryReader({ '/p/package-lock.json': text });
    const findings = analyzeDependencyTree('/p/package.json', '{"devDependencies": {"vite-plugin": "1", "other-tool": "1", "vite": "5"}}', reader);

    assert.deepStrictEqual(findings.map((finding) => finding.package), ['vite']);
    assert.strictEqual(findings[0].severity, 'information');
    assert.match(findings[0].message, /esbuild is replaced by a WebAssembly build/);
  });

  it('keeps failures on every dependency', () => {
    const text = packageLock({ one: { dependencies: { addon: '^1' } }, two: { dependencies: { addon: '^1' } }, addon: { dependencies: { nan: '^2' } }, nan: {} });
    const reader = createMemoryReader({ '/p/package-lock.json': text });
    const findings = analyzeDependencyTree('/p/package.json', '{"dependencies": {"one": "1", "two": "1"}}', reader);
    assert.deepStrictEqual(findings.map((finding) => [finding.package, finding.severity]), [['one', 'error'], ['two', 'error']]);
  });

  it('honours ignorePackages', () => {
    const reader = createMemoryReader({ '/p/package-lock.json': packageLock({ wrapper: { dependencies: { addon: '^1' } }, addon: { dependencies: { nan: '^2' } }, nan: {} }) });
    const manifest = '{"dependencies": {"wrapper": "1", "addon": "1"}, "scripts": {"x": "addon"}}';
    assert.strictEqual(analyzeDependencyTree('/p/package.json', manifest, reader).length, 2);
    assert.deepStrictEqual(analyzeDependencyTree('/p/package.json', manifest, reader, { ignorePackages: ['addon'] }), []);
  });

  it('resolves CLIs through wrappers', () => {
    const text = packageLock({ turbo: { bin: { turbo: 'bin/turbo' }, optionalDependencies: { 'turbo-linux-64': '1.0.0' } }, 'turbo-linux-64': { os: ['linux'], cpu: ['x64'], optional: true } });
    const reader = createMemoryReader({ '/p/package-lock.json': text });
    const manifest = '{"devDependencies": {"turbo": "1"}, "scripts": {"build": "cross-env CI=1 npx turbo run build", "quoted": "echo \\"turbo\\""}}';
    const findings = analyzeDependencyTree('/p/package.json', manifest, reader).filter((finding) => finding.rule === 'unsupported-runtime');

    assert.strictEqual(findings.length, 1);
    assert.strictEqual(findings[0].script, 'build');
    assert.strictEqual(findings[0].command, 'turbo');
    assert.strictEqual(manifest.slice(findings[0].range.start, findings[0].range.end), 'turbo');
  });
});
