// The extension's own costs, measured outside VS Code:
// - the size of dist/extension.js from `node esbuild.js --production` (goal: under 150 KB);
// - activation: require of that bundle plus activate(), in a fresh process, with a BENCHMARK-ONLY stand-in
//   for the `vscode` module (test/bench/vscode-stand-in.ts), so VS Code's own work is not included
//   (goal: under 20 ms);
// - our work from a document change to diagnostics: analyzeManifest plus the mapping to diagnostic data,
//   for a typical package.json and for two 5,000-line ones (goal: under 5 ms for the typical file). The
//   DiagnosticCollection update and the rendering happen in VS Code and are not included.
// Each line prints a ratio against a baseline measured in the same run. Run alone with
// `npx tsx test/bench/extension.bench.ts`; it rebuilds dist/ in development mode at the end.

import { spawnSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { gzipSync } from 'zlib';
import { analyzeManifest } from '../../src/core/analyze-manifest';
import { planDependencySwap } from '../../src/core/edits/replace-dependency';
import { BACKGROUND_ANALYSIS_MIN_LENGTH } from '../../src/extension/background-analysis';
import { toDiagnosticDataList } from '../../src/extension/diagnostic-data';
import { formatMs, median, printRatio, timeEach } from './bench-util';
import { installVscodeStandIn, standInExtensionContext } from './vscode-stand-in';

const ROOT = path.resolve(__dirname, '..', '..');
const EXTENSION_BUNDLE = path.join(ROOT, 'dist', 'extension.js');
const CORE_BUNDLE = path.join(ROOT, 'dist', 'core.js');
const JSON_PARSER_BUNDLE = path.join(os.tmpdir(), 'webcontainer-compat-bench-jsonc-parser.js');
// The lazy analyzer loads analysis.js from its own folder, so its bundle gets a folder with a copy of dist/analysis.js.
const LAZY_ANALYZER_FOLDER = path.join(os.tmpdir(), 'webcontainer-compat-bench-lazy-analyzer');
const LAZY_ANALYZER_BUNDLE = path.join(LAZY_ANALYZER_FOLDER, 'lazy-analyzer.js');
const ACTIVATION_RUNS = 15;

/** Checks one text as the extension does on a document change, with no settings; returns the diagnostic count. */
function changeToDiagnostics(text: string): number {
  return toDiagnosticDataList(analyzeManifest(text), {}).length;
}

/** A StackBlitz-style starter: a Vite app, a Python code generator and one native dependency. */
function typicalManifest(seed: string): string {
  return `${JSON.stringify(
    {
      name: `starter-${seed}`,
      private: true,
      type: 'module',
      scripts: {
        dev: `vite --mode ${seed}`,
        build: 'tsc -b && vite build',
        lint: 'eslint . --max-warnings 0',
        test: 'vitest run',
        generate: `python3 tools/gen.py --out src/${seed}`,
        ci: 'npm run lint && npm run test && npm run build',
      },
      dependencies: { react: '^18.3.1', 'react-dom': '^18.3.1', bcrypt: '^5.1.1', zod: '^3.23.8' },
      devDependencies: { typescript: '^5.5.3', vite: '^5.4.1', vitest: '^2.0.5', eslint: '^9.9.0', 'node-sass': '^9.0.0' },
    },
    null,
    2,
  )}\n`;
}

/** 5,000 lines shaped like a VS Code extension's manifest: 30 scripts, 200 dependencies, the rest configuration. */
function configHeavyManifest(seed: string): string {
  const scripts: Record<string, string> = {};
  for (let i = 0; i < 30; i++) scripts[`task-${i}`] = i === 7 ? `make build-${seed}` : `node scripts/task-${i}.js --seed ${seed}`;
  const dependencies: Record<string, string> = { bcrypt: '^5.1.1' };
  for (let i = 0; i < 200; i++) dependencies[`package-${i}`] = `^${i % 10}.0.0`;
  const properties: Record<string, unknown> = {};
  const manifest = { name: `config-heavy-${seed}`, scripts, dependencies, contributes: { configuration: { properties } } };

  // Each setting prints as 5 lines.
  const settings = Math.ceil((5000 - lineCount(manifest)) / 5);
  for (let i = 0; i < settings; i++) {
    properties[`example.setting${i}`] = { type: 'string', default: `value-${i}`, description: `Setting number ${i} of ${seed}.` };
  }
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * 5,000 lines of which half are scripts, in chains of ten that call each other with `npm run`.
 * NOTE: one chain through all 2,500 scripts is left out because it takes tens of seconds per check. Every
 * script in a chain is reported with the chain to the failing command, so the work grows with the square
 * of the chain length (measured: 1,000 scripts in one chain took 1.6 s, 500 took 0.33 s).
 */
function scriptHeavyManifest(seed: string): string {
  const scripts: Record<string, string> = {};
  const dependencies: Record<string, string> = {};
  const manifest = { name: `script-heavy-${seed}`, scripts, dependencies };

  // Each script and each dependency prints as one line.
  const pairs = Math.ceil((5000 - lineCount(manifest) - 1) / 2);
  for (let i = 0; i < pairs; i++) {
    scripts[`task-${i}`] = i % 10 === 9 ? `node scripts/task-${i}.js --seed ${seed}` : `node scripts/task-${i}.js --seed ${seed} && npm run task-${i + 1}`;
    dependencies[`package-${i}`] = `^${i % 10}.0.0`;
  }
  scripts.final = 'make all';
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function lineCount(value: unknown): number {
  return JSON.stringify(value, null, 2).split('\n').length;
}

/** Texts after single-character edits typed into the first script value, as while typing in an editor. */
function typingSequence(base: string, count: number): string[] {
  const position = base.indexOf('": "', base.indexOf('"scripts"')) + 4;
  const texts: string[] = [];
  let text = base;
  for (let i = 0; i < count; i++) {
    text = text.slice(0, position + i) + 'x' + text.slice(position + i);
    texts.push(text);
  }
  return texts;
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

async function measureChange(label: string, make: (seed: string) => string, coldRuns: number, edits: number, goalMs?: number): Promise<void> {
  const base = make('edit');
  console.log(`${label}: ${base.split('\n').length} lines, ${(base.length / 1024).toFixed(0)} KiB, ${changeToDiagnostics(base)} diagnostics`);
  if (base.length >= BACKGROUND_ANALYSIS_MIN_LENGTH) {
    console.log('  (the extension checks a text this long in a worker thread: the times below do not block the extension host)');
  }

  // Texts are made before timing; a new seed per text keeps every script new to the parse cache.
  const coldTexts = Array.from({ length: coldRuns }, (_, i) => make(`cold-${i}`));
  const cold = await timeEach(coldRuns, (i) => changeToDiagnostics(coldTexts[i]));
  const coldBaseline = await timeEach(coldRuns, (i) => JSON.parse(coldTexts[i]));
  printRatio(`  ${label}, cold (every script new)`, median(cold), 'JSON.parse', median(coldBaseline));

  const texts = typingSequence(base, edits);
  const typing = await timeEach(texts.length, (i) => changeToDiagnostics(texts[i]));
  const typingBaseline = await timeEach(texts.length, (i) => JSON.parse(texts[i]));
  printRatio(`  ${label}, typing (median)`, median(typing), 'JSON.parse', median(typingBaseline));
  console.log(`  ${label}, typing p95: ${formatMs(percentile(typing, 0.95))}, max ${formatMs(Math.max(...typing))}`);
  if (goalMs !== undefined) {
    console.log(`  goal: change to diagnostics under ${goalMs} ms for this file: ${median(typing) < goalMs ? 'met' : 'missed'}`);
  }
}

function measureQuickFix(): void {
  const text = typicalManifest('fix');
  const finding = analyzeManifest(text).find((candidate) => candidate.fix !== undefined);
  if (!finding?.fix) throw new Error('the typical manifest must have a finding with a fix');
  const fix = finding.fix;

  const ours = median(Array.from({ length: 500 }, () => time(() => planDependencySwap(text, fix, finding.range))));
  const baseline = median(Array.from({ length: 500 }, () => time(() => JSON.parse(text))));
  printRatio('quick fix edit for one swap, typical file', ours, 'JSON.parse', baseline);
}

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function buildProduction(): void {
  const result = spawnSync(process.execPath, ['esbuild.js', '--production'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`node esbuild.js --production failed with exit code ${result.status}`);
}

function measureBundleSize(): void {
  const extension = fs.readFileSync(EXTENSION_BUNDLE);
  const core = fs.readFileSync(CORE_BUNDLE);
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

  console.log(`dist/extension.js (production): ${kib(extension.length)}, ${kib(gzipSync(extension).length)} gzipped`);
  console.log(`dist/core.js (production), the checker core alone: ${kib(core.length)}`);
  console.log(`  extension bundle / core bundle = ${(extension.length / core.length).toFixed(2)}×`);
  console.log(`  goal: dist/extension.js under 150 KB minified: ${extension.length < 150 * 1024 ? 'met' : 'missed'}`);
}

/** Runs in a fresh child process: prints the milliseconds of require and activate() as JSON. */
function childActivation(): void {
  installVscodeStandIn();

  const requireStart = performance.now();
  const extension = require(EXTENSION_BUNDLE) as { activate(context: unknown): unknown };
  const requireMs = performance.now() - requireStart;

  const activateStart = performance.now();
  extension.activate(standInExtensionContext());
  const activateMs = performance.now() - activateStart;

  process.stdout.write(JSON.stringify({ requireMs, activateMs }));
}

/** Runs in a fresh child process: prints the milliseconds of requiring the JSON parser bundle alone, the baseline. */
function childBaselineRequire(): void {
  const start = performance.now();
  require(JSON_PARSER_BUNDLE);
  process.stdout.write(JSON.stringify({ requireMs: performance.now() - start }));
}

/** Runs in a fresh child process: the first check of a typical file through the extension's lazy loader. */
function childFirstCheck(): void {
  const lazy = require(LAZY_ANALYZER_BUNDLE) as { analyzeManifest(text: string): unknown[] };

  const start = performance.now();
  lazy.analyzeManifest(typicalManifest('first'));
  process.stdout.write(JSON.stringify({ firstCheckMs: performance.now() - start }));
}

/** Bundles src/extension/lazy-analyzer.ts as the extension bundle contains it, so its first call can be timed alone. */
function buildLazyAnalyzerBundle(): void {
  esbuild.buildSync({
    entryPoints: [path.join(ROOT, 'src', 'extension', 'lazy-analyzer.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    minify: true,
    mainFields: ['module', 'main'],
    outfile: LAZY_ANALYZER_BUNDLE,
  });
  fs.copyFileSync(path.join(ROOT, 'dist', 'analysis.js'), path.join(LAZY_ANALYZER_FOLDER, 'analysis.js'));
}

/** Bundles jsonc-parser, the JSON parser that VS Code's JSON support uses, as the baseline of a require. */
function buildJsonParserBundle(): void {
  esbuild.buildSync({
    stdin: { contents: "module.exports = require('jsonc-parser');", resolveDir: ROOT },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    minify: true,
    mainFields: ['module', 'main'],
    outfile: JSON_PARSER_BUNDLE,
  });
}

function runChild(mode: string): Record<string, number> {
  const result = spawnSync(process.execPath, ['--import', 'tsx', __filename, mode], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${mode} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, number>;
}

function measureActivation(): void {
  const runs = Array.from({ length: ACTIVATION_RUNS }, () => runChild('--child-activation'));
  const baselines = Array.from({ length: ACTIVATION_RUNS }, () => runChild('--child-baseline-require'));
  const firstChecks = Array.from({ length: ACTIVATION_RUNS }, () => runChild('--child-first-check'));

  const totals = runs.map((run) => run.requireMs + run.activateMs);
  const requireMs = median(runs.map((run) => run.requireMs));
  const activateMs = median(runs.map((run) => run.activateMs));
  const baselineMs = median(baselines.map((run) => run.requireMs));

  console.log(`activation with the vscode stand-in, ${ACTIVATION_RUNS} fresh processes (median, minimum):`);
  console.log(`  require dist/extension.js: ${formatMs(requireMs)}; activate(): ${formatMs(activateMs)}; minimum of the sum ${formatMs(Math.min(...totals))}`);
  printRatio('  require + activate', median(totals), 'require of a jsonc-parser bundle', baselineMs);
  console.log(`  goal: activation under 20 ms: ${median(totals) < 20 ? 'met' : 'missed'}`);
  console.log(`  first check after activation (loads the analysis, including the shell parser, then checks a typical file): ${formatMs(median(firstChecks.map((run) => run.firstCheckMs)))}`);
}

async function main(): Promise<void> {
  buildProduction();
  buildJsonParserBundle();
  buildLazyAnalyzerBundle();
  buildJsonParserBundle();
  buildLazyAnalyzerBundle();
  measureBundleSize();
  measureActivation();

  // Warm-up, so the first measured run does not pay for module loading and JIT compilation.
  for (let i = 0; i < 30; i++) changeToDiagnostics(typicalManifest(`warm-${i}`));

  await measureChange('typical package.json', typicalManifest, 200, 200, 5);
  await measureChange('5,000-line package.json, mostly configuration', configHeavyManifest, 10, 40);
  await measureChange('5,000-line package.json, 2,500 scripts in chains of ten', scriptHeavyManifest, 5, 20);
  measureQuickFix();

  // Leave dist/ as `npm run build` makes it, with source maps, for the tests that load it.
  spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, stdio: 'inherit' });
}

if (process.argv.includes('--child-activation')) {
  childActivation();
} else if (process.argv.includes('--child-baseline-require')) {
  childBaselineRequire();
} else if (process.argv.includes('--child-first-check')) {
  childFirstCheck();
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
