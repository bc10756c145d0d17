// The same scenario read from every lockfile format: verdicts, reach flags, findings, chains and severities.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeLockfile, inspectDependencyTree, type Finding, type LockfilePackageVerdict } from '../../../src/core';
import { createNodeFileReader } from '../../../src/core/dependency-tree/node-file-reader';
import { FORMAT_FIXTURES, LOCKFILE_FIXTURES } from './fixture-paths';

function verdictOf(packages: LockfilePackageVerdict[], name: string): LockfilePackageVerdict {
  const found = packages.find((pkg) => pkg.name === name);
  assert.ok(found, `${name} is missing from the analysis`);
  return found;
}

function findingFor(findings: Finding[], packageName: string, rule = 'native-transitive-dependency'): Finding | undefined {
  return findings.find((finding) => finding.rule === rule && finding.package === packageName);
}

for (const fixture of FORMAT_FIXTURES) {
  describe(`dependency tree: ${fixture.folder}`, () => {
    const folder = path.join(LOCKFILE_FIXTURES, fixture.folder);
    const lockfileText = fs.readFileSync(path.join(folder, fixture.lockfile), 'utf8');
    const manifestPath = path.join(folder, 'package.json');
    const manifestText = fs.readFileSync(manifestPath, 'utf8');

    const analysis = analyzeLockfile(lockfileText, fixture.lockfile);
    const report = inspectDependencyTree(manifestPath, manifestText, createNodeFileReader());

    it('reads every package', () => {
      assert.ok(analysis.ok, analysis.ok ? '' : analysis.error);
      const names = new Set(analysis.packages.map((pkg) => pkg.name));
      for (const name of ['site-kit', 'lmdb', '@lmdb/lmdb-linux-x64', 'vite', 'esbuild', 'left-pad', '@prisma/engines']) {
        assert.ok(names.has(name), `${name} is missing`);
      }
      assert.ok(analysis.packages.length >= 47);
    });

    it('gives each verdict', () => {
      assert.ok(analysis.ok);
      const expected: Record<string, string> = {
        lmdb: 'platform-binary',
        workerd: 'platform-binary',
        '@biomejs/biome': 'platform-binary',
        '@prisma/engines': 'platform-binary',
        'fast-hash': 'native-build',
        'sqlite-lite': 'native-build',
        'gpu-probe': 'native-build',
        'fast-parse': 'wasm32',
        esbuild: 'swapped',
        'ssh-lite': 'optional-native',
        'left-pad': 'pure-js',
        'core-js': 'pure-js',
        'site-kit': 'pure-js',
      };
      for (const [name, verdict] of Object.entries(expected)) {
        assert.strictEqual(verdictOf(analysis.packages, name).verdict, verdict, `verdict of ${name}`);
      }
    });

    it('cites evidence for native verdicts', () => {
      assert.ok(analysis.ok);
      assert.match(verdictOf(analysis.packages, 'fast-hash').evidence.join('\n'), /depends on node-gyp-build/);
      assert.match(verdictOf(analysis.packages, 'lmdb').evidence.join('\n'), /linux-x64 installs @lmdb\/lmdb-linux-x64/);
      assert.match(verdictOf(analysis.packages, 'fast-parse').evidence.join('\n'), /fast-parse-wasm32-wasi .*--cpu=wasm32/);
      assert.match(verdictOf(analysis.packages, 'ssh-lite').evidence.join('\n'), /optionalDependencies include nan/);
      assert.deepStrictEqual(verdictOf(analysis.packages, 'left-pad').evidence, []);
    });

    it('marks other systems as not installed', () => {
      assert.ok(analysis.ok);
      assert.strictEqual(verdictOf(analysis.packages, 'fsevents').installsInWebContainer, false);
      if (fixture.recordsPlatforms) {
        assert.strictEqual(verdictOf(analysis.packages, '@esbuild/darwin-arm64').installsInWebContainer, false);
        assert.strictEqual(verdictOf(analysis.packages, '@esbuild/linux-x64').installsInWebContainer, true);
        assert.strictEqual(verdictOf(analysis.packages, '@esbuild/linux-x64').verdict, 'platform-binary');
      }
    });

    it('reads install scripts where recorded', () => {
      assert.ok(analysis.ok);
      const thing = verdictOf(analysis.packages, 'postinstall-thing');
      if (fixture.recordsInstallScripts) {
        assert.strictEqual(thing.verdict, 'native-build');
        assert.strictEqual(thing.certainty, 'possible');
        assert.match(verdictOf(analysis.packages, 'core-js').evidence.join('\n'), /builds nothing/);
      } else {
        assert.strictEqual(thing.verdict, 'pure-js');
      }
    });

    it('computes reach flags', () => {
      assert.ok(analysis.ok);
      assert.deepStrictEqual(verdictOf(analysis.packages, 'lmdb').reachedThrough, { dev: fixture.recordsDev ? false : null, optional: false });
      assert.strictEqual(verdictOf(analysis.packages, 'gpu-probe').reachedThrough.optional, true);
      assert.strictEqual(verdictOf(analysis.packages, 'msgpackr-extract').reachedThrough.optional, true);
      assert.strictEqual(verdictOf(analysis.packages, 'sqlite-lite').reachedThrough.optional, false);
      assert.strictEqual(verdictOf(analysis.packages, 'sqlite-lite').reachedThrough.dev, fixture.recordsDev ? true : null);
    });

    it('names the chain on the direct dependency', () => {
      assert.strictEqual(report.error, undefined);
      const siteKit = findingFor(report.findings, 'site-kit');
      assert.ok(siteKit, 'site-kit has no finding');
      assert.strictEqual(siteKit.severity, 'error');
      assert.strictEqual(siteKit.section, 'dependencies');
      assert.match(siteKit.message, /lmdb ships a platform binary[^;]*\(site-kit → lmdb\)/);
      assert.strictEqual(manifestText.slice(siteKit.range.start, siteKit.range.end), '"site-kit"');

      const related = siteKit.related ?? [];
      assert.strictEqual(related.length, 1);
      assert.match(related[0].message, /msgpackr-extract .*\(site-kit → lmdb → msgpackr → msgpackr-extract\)/);
      assert.deepStrictEqual(related[0].range, siteKit.range);
    });

    it('gives one finding per direct dependency', () => {
      const transitive = report.findings.filter((finding) => finding.rule === 'native-transitive-dependency');
      const packages = transitive.map((finding) => finding.package);
      assert.strictEqual(new Set(packages).size, packages.length, `duplicates in ${packages.join(', ')}`);
    });

    it('applies the severity rules', () => {
      const expected: Record<string, string | undefined> = {
        'fast-hash': 'error',
        vite: 'information',
        'oxide-ui': 'information',
        'ssh-lite': 'information',
        'opt-wrapper': 'warning',
        'test-runner': 'warning',
        wrangler: 'warning',
        '@biomejs/biome': 'warning',
        'core-js': undefined,
        chokidar: undefined,
        'report-tool': fixture.recordsInstallScripts ? 'warning' : undefined,
      };
      for (const [name, severity] of Object.entries(expected)) {
        assert.strictEqual(findingFor(report.findings, name)?.severity, severity, `severity for ${name}`);
      }
      assert.match(findingFor(report.findings, 'opt-wrapper')?.message ?? '', /reached only through optional dependencies/);
      assert.match(findingFor(report.findings, 'test-runner')?.message ?? '', /reached only through devDependencies \(test-runner → sqlite-lite\)/);
      assert.match(findingFor(report.findings, '@biomejs/biome')?.message ?? '', /listed in devDependencies/);
    });

    it('never reports vite as failing', () => {
      const vite = findingFor(report.findings, 'vite');
      assert.strictEqual(vite?.severity, 'information');
      assert.match(vite?.message ?? '', /esbuild .*\(vite → esbuild\)/);
      assert.ok(!report.findings.some((finding) => finding.rule === 'unsupported-runtime' && finding.script === 'build'));
    });

    it('reports package CLIs by name', () => {
      const expected: [script: string, command: string, packageName: string][] = [
        ['lint', 'biome', '@biomejs/biome'],
        ['dev', 'wrangler', 'wrangler'],
        ['db', 'prisma', 'prisma'],
      ];
      for (const [script, command, packageName] of expected) {
        const finding = report.findings.find((candidate) => candidate.rule === 'unsupported-runtime' && candidate.script === script);
        assert.ok(finding, `no CLI finding for ${script}`);
        assert.strictEqual(finding.package, packageName);
        assert.strictEqual(finding.severity, 'error');
        assert.strictEqual(manifestText.slice(finding.range.start, finding.range.end), command);
      }
      assert.match(report.findings.find((finding) => finding.script === 'dev')?.message ?? '', /uses workerd/);
      assert.ok(!report.findings.some((finding) => finding.script === 'test'));
    });

    it('reports what it read', () => {
      assert.strictEqual(report.lockfile?.path, path.join(folder, fixture.lockfile));
      assert.strictEqual(report.lockfile?.error, undefined);
      assert.strictEqual(report.packageCount, analysis.ok ? analysis.packages.length : -1);
      assert.ok(report.nativePackageCount > 5);
    });
  });
}
