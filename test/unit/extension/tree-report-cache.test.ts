import assert from 'node:assert/strict';
import type { DependencyTreeOptions, DependencyTreeReport } from '../../../src/core/dependency-tree';
import type { Finding } from '../../../src/core/findings';
import { LineIndex } from '../../../src/core/text/line-index';
import type { FileStat } from '../../../src/extension/tree-inputs';
import { TreeReportCache, type TimedTreeReport } from '../../../src/extension/tree-report-cache';

const MANIFEST = '/repo/package.json';
const TEXT = '{\n  "name": "app",\n  "dependencies": { "wrapper": "^1.0.0" }\n}\n';

/** A report with one finding on the `"wrapper"` key of `text`, as the analysis would return it. */
function reportFor(text: string): DependencyTreeReport {
  const start = text.indexOf('"wrapper"');
  const finding: Finding = {
    rule: 'native-transitive-dependency',
    severity: 'error',
    message: 'wrapper brings in native code',
    range: { start, end: start + 9 },
    ...new LineIndex(text).rangeOf(start, start + 9),
  };
  return { findings: start >= 0 ? [finding] : [], packageCount: 3, nativePackageCount: 1 };
}

describe('TreeReportCache', () => {
  let files: Map<string, FileStat>;
  let runs: string[];
  let cache: TreeReportCache;

  beforeEach(() => {
    files = new Map([['/repo/package-lock.json', { mtimeMs: 1, size: 100 }]]);
    runs = [];
    const inspect = async (path: string, text: string, _options: DependencyTreeOptions): Promise<TimedTreeReport> => {
      runs.push(path);
      return { report: reportFor(text), milliseconds: 12 };
    };
    cache = new TreeReportCache(inspect, async (path) => files.get(path));
  });

  it('analyses a new file', async () => {
    const check = await cache.inspect(MANIFEST, TEXT, {});

    assert.equal(check.cached, false);
    assert.deepEqual(check.report, reportFor(TEXT));
    assert.equal(runs.length, 1);
  });

  it('reuses the report for unrelated edits', async () => {
    await cache.inspect(MANIFEST, TEXT, {});
    const edited = TEXT.replace('"name": "app",', '"name": "app",\n  "version": "1.0.0",');

    const check = await cache.inspect(MANIFEST, edited, {});

    assert.equal(check.cached, true);
    assert.equal(runs.length, 1);
    assert.deepEqual(check.report.findings, reportFor(edited).findings, 'findings moved to the new text');
  });

  it('analyses again when the lockfile changes', async () => {
    await cache.inspect(MANIFEST, TEXT, {});
    files.set('/repo/package-lock.json', { mtimeMs: 2, size: 90 });

    const check = await cache.inspect(MANIFEST, TEXT, {});

    assert.equal(check.cached, false);
    assert.equal(runs.length, 2);
  });

  it('analyses again when node_modules appears', async () => {
    await cache.inspect(MANIFEST, TEXT, {});
    files.set('/repo/node_modules', { mtimeMs: 3, size: 4096 });

    await cache.inspect(MANIFEST, TEXT, {});

    assert.equal(runs.length, 2);
  });

  it('analyses again when a dependency changes', async () => {
    await cache.inspect(MANIFEST, TEXT, {});

    await cache.inspect(MANIFEST, TEXT.replace('^1.0.0', '^1.1.0'), {});

    assert.equal(runs.length, 2);
  });

  it('analyses again when the options change', async () => {
    await cache.inspect(MANIFEST, TEXT, {});

    await cache.inspect(MANIFEST, TEXT, { ignorePackages: ['wrapper'] });

    assert.equal(runs.length, 2);
  });

  it('analyses again after delete', async () => {
    await cache.inspect(MANIFEST, TEXT, {});
    cache.delete(MANIFEST);

    await cache.inspect(MANIFEST, TEXT, {});

    assert.equal(runs.length, 2);
  });

  it('skips the analysis without lockfile or node_modules', async () => {
    files.clear();

    const check = await cache.inspect(MANIFEST, TEXT, {});

    assert.deepEqual(runs, []);
    assert.deepEqual(check.report, { findings: [], packageCount: 0, nativePackageCount: 0 });
  });

  it('analyses once a lockfile appears', async () => {
    files.clear();
    await cache.inspect(MANIFEST, TEXT, {});
    files.set('/repo/yarn.lock', { mtimeMs: 1, size: 50 });

    const check = await cache.inspect(MANIFEST, TEXT, {});

    assert.deepEqual(runs, [MANIFEST]);
    assert.equal(check.report.findings.length, 1);
  });

  it('keeps files apart', async () => {
    await cache.inspect(MANIFEST, TEXT, {});

    await cache.inspect('/repo/packages/app/package.json', TEXT, {});

    assert.deepEqual(runs, [MANIFEST, '/repo/packages/app/package.json']);
  });
});
