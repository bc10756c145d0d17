import * as assert from 'assert';
import fc from 'fast-check';
import { analyzeManifest, type Finding } from '../../src/core/index';
import { analyzeScriptRun } from '../../src/core/scripts/analyze-scripts';
import { scanScriptTokens, suspectCommandKeys } from '../../src/core/scripts/script-prefilter';
import { findScriptSteps } from '../../src/core/scripts/find-invocations';
import { classifyInvocation, classifyNativeRebuild } from '../../src/core/scripts/classify-step';

const BASE_MANIFEST = JSON.stringify(
  {
    name: 'fuzz',
    scripts: {
      build: 'npm run gen && vite build',
      gen: 'cross-env A=1 python3 gen.py | tee "out file.txt"',
      start: 'concurrently -n a,b "go run ./api" "npm:dev"',
      dev: 'b=$(./bindings.sh) && sh -c \'make -C native\'',
      postinstall: 'npx cmake-js compile',
    },
    dependencies: { bcrypt: '^5', 'better-sqlite3': '^11', sharp: '^0.33', lodash: '^4' },
    devDependencies: { 'node-sass': '^9', '@types/node': '^20' },
    gypfile: true,
  },
  null,
  '\t',
).replace(/\n/g, '\r\n');

/** Characters that stress the JSON and shell layers: quotes, escapes, operators, astral and combining text. */
const NASTY = ['"', "'", '\\', '\\u', '{', '}', '[', ']', ',', ':', '$(', '`', '&&', '|', ';', '\n', '\r', '\t', '😀', 'é', '\uFEFF', '\u0000', '\uD800'];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 6 })) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
);

function applyMutations(text: string, mutations: Array<{ kind: string; at: number; length?: number; text?: string }>): string {
  let result = text;
  for (const change of mutations) {
    const at = result.length === 0 ? 0 : change.at % (result.length + 1);
    if (change.kind === 'delete') result = result.slice(0, at) + result.slice(at + (change.length ?? 1));
    else if (change.kind === 'insert') result = result.slice(0, at) + (change.text ?? '') + result.slice(at);
    else result = result.slice(0, at) + result.slice(at, at + (change.length ?? 1)) + result.slice(at);
  }
  return result;
}

function assertWellFormed(text: string, findings: Finding[]): void {
  assert.ok(Array.isArray(findings));
  for (const finding of findings) {
    const range = JSON.stringify(finding.range);
    assert.ok(finding.range.start >= 0, range);
    assert.ok(finding.range.start <= finding.range.end, range);
    assert.ok(finding.range.end <= text.length, range);
    assert.ok(finding.line >= 1, `line ${finding.line}`);
    assert.ok(finding.column >= 1, `column ${finding.column}`);
    assert.ok(finding.endLine > finding.line || (finding.endLine === finding.line && finding.endColumn >= finding.column));
    assert.strictEqual(typeof finding.message, 'string');
    assert.ok(finding.message.length > 0);
  }
}

const SHELL_TOKENS = ['python3', 'make', 'npm', 'run', 'x', 'npx', 'sh', '-c', 'bash', 'cross-env', 'A=1', '&&', '||', '|', ';', '(', ')', '$(', '`', '"', "'", '\\', '>', '2>&1', '<<', 'EOF', 'if', 'then', 'fi', 'for', 'do', 'done', 'case', 'esac', '{', '}', '*', '!', '#', '~', '=', '😀'];

describe('analyzeManifest fuzzing', function () {
  this.timeout(300_000);

  it('survives thousands of mutated manifests', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        const text = applyMutations(BASE_MANIFEST, mutations);
        assertWellFormed(text, analyzeManifest(text));
      }),
      { numRuns: 2000, seed: 20261204 },
    );
  });

  it('survives random script strings', () => {
    const script = fc.array(fc.oneof(fc.constantFrom(...SHELL_TOKENS), fc.string({ maxLength: 5 })), { maxLength: 30 }).map((tokens) => tokens.join(' '));
    fc.assert(
      fc.property(script, fc.boolean(), (value, spaced) => {
        const text = JSON.stringify({ scripts: { a: spaced ? value : value.replace(/ /g, ''), b: 'npm run a' } });
        assertWellFormed(text, analyzeManifest(text));
        analyzeScriptRun({ a: value, b: 'npm run a' }, 'b');
      }),
      { numRuns: 3000, seed: 42 },
    );
  });

  it('bounds deeply nested command strings', () => {
    let nested = 'python3 x.py';
    for (let depth = 0; depth < 10; depth++) nested = `sh -c ${JSON.stringify(nested)}`;
    const text = JSON.stringify({ scripts: { deep: nested } });
    assertWellFormed(text, analyzeManifest(text));
  });

  it('handles a 1 MB manifest', () => {
    const dependencies: Record<string, string> = {};
    const scripts: Record<string, string> = {};
    for (let i = 0; i < 18000; i++) dependencies[`package-${i}`] = `^${i % 10}.0.0`;
    for (let i = 0; i < 9000; i++) scripts[`task:${i}`] = i % 100 === 0 ? `npm run task:${i + 1} && make target-${i}` : `node scripts/task-${i}.js --flag ${i}`;
    dependencies['better-sqlite3'] = '^11.0.0';
    const text = JSON.stringify({ name: 'huge', scripts, dependencies }, null, 2);
    assert.ok(text.length > 1_000_000);

    const findings = analyzeManifest(text);
    assertWellFormed(text, findings);
    assert.ok(findings.some((finding) => finding.package === 'better-sqlite3'));
    assert.strictEqual(findings.filter((finding) => finding.command === 'make' && finding.via?.length === 0).length, 90);
  });

  it('handles a script call chain thousands long', () => {
    const scripts: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) scripts[`s${i}`] = `npm run s${i + 1}`;
    scripts.s3000 = 'python3 end.py';
    const problems = analyzeScriptRun(scripts, 's0');
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(problems[0].via.length, 3000);
  });
});

describe('script prefilter soundness', function () {
  this.timeout(300_000);

  const TOKENS = [
    'python3', 'make', 'npm', 'run', 'build', 'yarn', 'pnpm', 'npx', 'cross-env', 'A=1', 'B=./x', 'sh', '-c', 'sudo',
    './run', './x.sh', 'src/app', '../tool', 'dist/', 'bin/tool', '/usr/bin/go', 'node', 'vite', '&&', '||', '|', ';',
    '(', ')', '$(', '`', '"', "'", 'echo', 'concurrently', 'npm:dev', 'run-s', 'gradlew', './gradlew', 'napi', 'x.py',
    './manage.py', 'then', 'if', 'fi', 'do', 'done', 'env', 'time', '--', 'xargs', 'find', '-exec', '{}', 'watch',
  ];

  it('skips only scripts without problems or calls', () => {
    const script = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 12 }).map((tokens) => tokens.join(' '));
    fc.assert(
      fc.property(script, (text) => {
        const scan = scanScriptTokens(text, suspectCommandKeys());
        const names = new Set(['build', 'dev', 'run', 'x']);
        const steps = findScriptSteps(text, names);
        const problems = steps.filter((step) => (step.kind === 'command' ? classifyInvocation(step, {}) : step.kind === 'native-rebuild' ? classifyNativeRebuild(step, {}) : undefined));
        if (!scan.mayHaveProblem) assert.deepStrictEqual(problems.map((step) => step.word.text), [], text);
        if (!scan.mayCallScripts) assert.ok(!steps.some((step) => step.kind === 'script-call'), text);
      }),
      { numRuns: Number(process.env.PREFILTER_RUNS ?? 3000), seed: Number(process.env.PREFILTER_SEED ?? 7) },
    );
  });
});

describe('long script chains', function () {
  this.timeout(300_000);

  it('reports every call of a 2,500-script chain', () => {
    const scripts: Record<string, string> = {};
    for (let i = 0; i < 2500; i++) scripts[`s${i}`] = `npm run s${i + 1}`;
    scripts.s2500 = 'python3 end.py';
    const findings = analyzeManifest(JSON.stringify({ scripts }));

    assert.strictEqual(findings.length, 2501);
    const first = findings.find((finding) => finding.script === 's0');
    assert.strictEqual(first?.via?.length, 2500);
    assert.strictEqual(first?.related?.length, 1);
  });
});
