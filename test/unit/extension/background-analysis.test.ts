import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeManifest } from '../../../src/core/analyze-manifest';
import { inspectDependencyTree } from '../../../src/core/dependency-tree';
import { createNodeFileReader } from '../../../src/core/dependency-tree/node-file-reader';
import { BackgroundAnalysis } from '../../../src/extension/background-analysis';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('BackgroundAnalysis', () => {
  let folder: string;
  let workerPath: string;
  let crashingWorkerPath: string;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'webcontainer-compat-worker-'));
    workerPath = path.join(folder, 'analysis-worker.js');
    // Built as esbuild.js builds dist/analysis-worker.js, so the test runs the same kind of bundle.
    esbuild.buildSync({
      entryPoints: [path.join(ROOT, 'src', 'extension', 'analysis-worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      mainFields: ['module', 'main'],
      outfile: workerPath,
      logLevel: 'silent',
    });
    crashingWorkerPath = path.join(folder, 'crashing-worker.js');
    fs.writeFileSync(crashingWorkerPath, "require('worker_threads').parentPort.on('message', () => process.exit(3));\n");
  });

  after(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('returns the same findings as analyzeManifest', async () => {
    const background = new BackgroundAnalysis(workerPath);
    const text = '{\n  "scripts": { "build": "make && cargo build" },\n  "dependencies": { "bcrypt": "^5.1.1" }\n}\n';

    try {
      const findings = await background.analyze(text, { ignoreRuntimes: ['make'] });

      assert.deepEqual(findings, analyzeManifest(text, { ignoreRuntimes: ['make'] }));
      assert.equal(findings.length, 2);
    } finally {
      background.dispose();
    }
  });

  it('runs the dependency tree in the worker', async () => {
    const background = new BackgroundAnalysis(workerPath);
    const manifestPath = path.join(ROOT, 'test', 'fixtures', 'workspaces', 'dependency-tree', 'package.json');
    const text = fs.readFileSync(manifestPath, 'utf8');

    try {
      const { report, milliseconds } = await background.inspectTree(manifestPath, text, { ignorePackages: ['image-tool'] });

      assert.deepEqual(report, inspectDependencyTree(manifestPath, text, createNodeFileReader(), { ignorePackages: ['image-tool'] }));
      assert.deepEqual(report.findings.map((finding) => finding.package), ['wrapper']);
      assert.ok(milliseconds >= 0);
    } finally {
      background.dispose();
    }
  });

  it('resolves concurrent requests by id', async () => {
    const background = new BackgroundAnalysis(workerPath);
    const texts = ['go', 'make', 'cargo', 'python3'].map((command) => `{"scripts":{"build":"${command} run"}}`);

    try {
      const results = await Promise.all(texts.map((text) => background.analyze(text, {})));

      results.forEach((findings, index) => assert.deepEqual(findings, analyzeManifest(texts[index]), texts[index]));
    } finally {
      background.dispose();
    }
  });

  it('rejects requests of a crashed worker', async () => {
    const background = new BackgroundAnalysis(crashingWorkerPath);

    try {
      await assert.rejects(background.analyze('{}', {}), /exited with code 3/);
      await assert.rejects(background.analyze('{}', {}), /exited with code 3/, 'a second request starts a new worker');
    } finally {
      background.dispose();
    }
  });

  it('rejects pending requests on dispose', async () => {
    const background = new BackgroundAnalysis(workerPath);

    const pending = background.analyze('{"scripts":{"a":"make"}}', {});
    background.dispose();

    await assert.rejects(pending, /stopped before the analysis finished/);
  });
});
