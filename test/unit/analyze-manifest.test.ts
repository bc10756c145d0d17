import * as assert from 'assert';
import { analyzeManifest, type Finding } from '../../src/core/index';

/** Reads back the source text a finding points at, through its 1-based line and column range. */
function textAt(source: string, finding: Finding): string {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  assert.strictEqual(finding.line, finding.endLine, 'finding spans one line');
  return lines[finding.line - 1].slice(finding.column - 1, finding.endColumn - 1);
}

function only(findings: Finding[], predicate: (finding: Finding) => boolean): Finding {
  const matching = findings.filter(predicate);
  assert.strictEqual(matching.length, 1, `expected one match in ${JSON.stringify(findings.map((f) => [f.rule, f.script ?? f.package, f.command]))}`);
  return matching[0];
}

describe('analyzeManifest script ranges', () => {
  it('points at the command word', () => {
    const source = '{\n  "scripts": {\n    "start": "cross-env A=1 python app.py"\n  }\n}\n';
    const finding = only(analyzeManifest(source), (f) => f.script === 'start');
    assert.strictEqual(textAt(source, finding), 'python');
    assert.strictEqual(finding.command, 'python');
    assert.strictEqual(finding.rule, 'unsupported-runtime');
    assert.strictEqual(source.slice(finding.range.start, finding.range.end), 'python');
  });

  it('maps through JSON escapes', () => {
    const source = '{"scripts":{"a":"echo \\"\\u00e9\\" \\t && \\u0070ython x.py"}}';
    const finding = only(analyzeManifest(source), (f) => f.script === 'a');
    assert.strictEqual(finding.command, 'python');
    assert.strictEqual(source.slice(finding.range.start, finding.range.end), '\\u0070ython');
    assert.strictEqual(finding.column, source.indexOf('\\u0070ython') + 1);
  });

  it('counts columns in UTF-16 units after non-ASCII text', () => {
    const source = '{"description":"😀 café","scripts":{"b":"echo 😀 && make"}}';
    const finding = only(analyzeManifest(source), (f) => f.script === 'b');
    assert.strictEqual(textAt(source, finding), 'make');
    assert.strictEqual(finding.column, source.indexOf('make') + 1);
  });

  it('handles tabs, CRLF and a byte order mark', () => {
    const source = '\uFEFF{\r\n\t"scripts": {\r\n\t\t"build": "make all"\r\n\t}\r\n}';
    const finding = only(analyzeManifest(source), (f) => f.script === 'build');
    assert.strictEqual(finding.line, 3);
    assert.strictEqual(finding.column, 13);
    assert.strictEqual(textAt(source, finding), 'make');
    assert.strictEqual(source.slice(finding.range.start, finding.range.end), 'make');
  });

  it('handles a lone CR line break', () => {
    const source = '{\r"scripts": {\r"build": "make"}}';
    const finding = only(analyzeManifest(source), (f) => f.script === 'build');
    assert.strictEqual(finding.line, 3);
    assert.strictEqual(textAt(source, finding), 'make');
  });
});

describe('analyzeManifest script rules', () => {
  it('flags a shell script behind an assignment', () => {
    const source = '{"scripts":{"start":"b=$(./bindings.sh) && wrangler dev $b"}}';
    const finding = only(analyzeManifest(source), (f) => f.script === 'start');
    assert.strictEqual(finding.rule, 'shell-script');
    assert.strictEqual(finding.command, './bindings.sh');
  });

  it('does not flag node scripts or script names', () => {
    const source = '{"scripts":{"python":"node build.js","docker:build":"node x.js","make":"vite build"}}';
    assert.deepStrictEqual(analyzeManifest(source), []);
  });

  it('reports a call that reaches a problem through other scripts', () => {
    const source = '{"scripts":{"ci":"npm run build","build":"run-s gen","gen":"python3 gen.py"}}';
    const findings = analyzeManifest(source);
    const call = only(findings, (f) => f.script === 'ci');
    assert.strictEqual(textAt(source, call), 'build');
    assert.strictEqual(call.command, 'python3');
    assert.deepStrictEqual(call.via, ['build', 'gen']);
    assert.ok(call.message.includes('"build" → "gen"'));
    assert.strictEqual(call.related?.length, 1);
    assert.strictEqual(source.slice(call.related![0].range.start, call.related![0].range.end), 'python3');
    assert.strictEqual(only(findings, (f) => f.script === 'gen').via?.length, 0);
  });

  it('says when a lifecycle script runs at install', () => {
    const source = '{"scripts":{"postinstall":"bash setup.sh"}}';
    const finding = only(analyzeManifest(source), (f) => f.script === 'postinstall');
    assert.strictEqual(finding.command, 'bash');
    assert.ok(finding.message.includes('npm install'));
    assert.ok(!finding.message.includes('install fails with it'), finding.message);
  });

  it('reports npm rebuild of a native package as an error', () => {
    const finding = only(analyzeManifest('{"scripts":{"postinstall":"npm rebuild node-sass"}}'), () => true);
    assert.strictEqual(finding.rule, 'native-build-script');
    assert.strictEqual(finding.command, 'npm');
    assert.strictEqual(finding.severity, 'error');
    assert.ok(!finding.message.includes('"npm" cannot run'), finding.message);
    assert.ok(finding.message.includes('node-sass'), finding.message);
  });

  it('ignores npm rebuild of pure JavaScript packages', () => {
    assert.deepStrictEqual(analyzeManifest('{"scripts":{"a":"npm rebuild lodash"}}'), []);
    const all = only(analyzeManifest('{"scripts":{"a":"npm rebuild"}}'), () => true);
    assert.strictEqual(all.severity, 'warning');
  });

  it('names the script file run by bash', () => {
    const finding = only(analyzeManifest('{"scripts":{"f":"bash scripts/deploy.sh"}}'), () => true);
    assert.strictEqual(finding.command, 'bash');
    assert.ok(finding.message.includes('scripts/deploy.sh'), finding.message);
  });

  it('reports bun scripts', () => {
    const findings = analyzeManifest('{"scripts":{"a":"bun run src/index.ts","b":"bunx vite"}}');
    assert.deepStrictEqual(
      findings.map((f) => f.command),
      ['bun', 'bunx'],
    );
  });

  it('follows no pre hook through pnpm', () => {
    const findings = analyzeManifest('{"scripts":{"prebuild":"make","build":"tsc","a":"pnpm build","b":"npm run build"}}');
    assert.deepStrictEqual(findings.map((f) => f.script).sort(), ['b', 'prebuild']);
  });

  it('reports only napi build among napi subcommands', () => {
    const findings = analyzeManifest('{"scripts":{"build":"napi build --release","pre":"napi prepublish -t npm","v":"napi version"}}');
    assert.deepStrictEqual(
      findings.map((f) => f.script),
      ['build'],
    );
  });

  it('reports an implicit node-gyp install from gypfile', () => {
    const source = '{"name":"addon","gypfile":true,"dependencies":{"nan":"^2"}}';
    const findings = analyzeManifest(source);
    const gyp = only(findings, (f) => f.rule === 'native-build-script');
    assert.strictEqual(gyp.script, 'install');
    assert.strictEqual(gyp.command, 'node-gyp');
    assert.strictEqual(textAt(source, gyp), 'gypfile');
    only(findings, (f) => f.package === 'nan');
  });

  it('reports a binding.gyp found on disk', () => {
    const finding = only(analyzeManifest('{"name":"addon"}', { hasBindingGyp: true }), () => true);
    assert.strictEqual(finding.command, 'node-gyp');
    assert.strictEqual(finding.column, 1);
    assert.ok(finding.message.includes('binding.gyp'));
  });

  it('skips gypfile without binding.gyp or when false', () => {
    assert.deepStrictEqual(analyzeManifest('{"gypfile":true}', { hasBindingGyp: false }), []);
    assert.deepStrictEqual(analyzeManifest('{"gypfile":false}', { hasBindingGyp: true }), []);
  });

  it('skips gypfile when an install script exists', () => {
    const findings = analyzeManifest('{"gypfile":true,"scripts":{"install":"node install.js"}}');
    assert.deepStrictEqual(findings, []);
  });
});

describe('analyzeManifest dependencies', () => {
  it('flags a native package with its alternative and fix', () => {
    const source = '{\n  "dependencies": {\n    "bcrypt": "^5.1.0"\n  }\n}';
    const finding = only(analyzeManifest(source), () => true);
    assert.strictEqual(finding.rule, 'native-dependency');
    assert.strictEqual(finding.package, 'bcrypt');
    assert.strictEqual(finding.section, 'dependencies');
    assert.strictEqual(finding.alternative, 'bcryptjs');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(textAt(source, finding), 'bcrypt');
    assert.strictEqual(finding.fix?.replacement, 'bcryptjs');
    assert.strictEqual(finding.fix?.dropIn, true);
  });

  it('lowers severity for optional dependencies', () => {
    const finding = only(analyzeManifest('{"optionalDependencies":{"better-sqlite3":"^11"}}'), () => true);
    assert.strictEqual(finding.severity, 'warning');
    assert.strictEqual(finding.section, 'optionalDependencies');
  });

  it('sees through npm aliases', () => {
    const finding = only(analyzeManifest('{"dependencies":{"db":"npm:better-sqlite3@^11.0.0"}}'), () => true);
    assert.strictEqual(finding.package, 'db');
    assert.ok(finding.message.includes('better-sqlite3'));
  });

  it('never flags look-alikes, types, overrides or swapped packages', () => {
    const source = JSON.stringify({
      keywords: ['sqlite', 'bcrypt', 'python'],
      description: 'uses sharp and docker',
      dependencies: { bcryptjs: '^2', sass: '^1', 'sql.js': '^1', '@tensorflow/tfjs': '^4', 'react-native-sqlite-storage': '^6', esbuild: '^0.20', vite: '^5' },
      devDependencies: { '@types/bcrypt': '^5', '@types/better-sqlite3': '^7', rollup: '^4' },
      resolutions: { sharp: '0.33.0' },
      overrides: { bcrypt: '5.0.0' },
      dependenciesMeta: { 'node-pty': { built: false } },
      pnpm: { onlyBuiltDependencies: ['better-sqlite3', 'esbuild'] },
    });
    assert.deepStrictEqual(analyzeManifest(source), []);
  });

  it('respects ignored packages and user additions', () => {
    assert.deepStrictEqual(analyzeManifest('{"dependencies":{"bcrypt":"5"}}', { ignorePackages: ['bcrypt'] }), []);
    const findings = analyzeManifest('{"dependencies":{"my-addon":"1"}}', {
      extraNativePackages: { 'my-addon': { alternative: null, remedy: 'none' } },
    });
    assert.strictEqual(findings.length, 1);
  });
});

describe('analyzeManifest invalid input', () => {
  it('reports broken JSON at the error position', () => {
    const source = '{\n  "scripts": {\n    "a": "make"\n    "b": "x"\n  }\n}';
    const findings = analyzeManifest(source);
    const invalid = only(findings, (f) => f.rule === 'invalid-manifest');
    assert.strictEqual(invalid.line, 4);
    assert.strictEqual(invalid.severity, 'error');
  });

  it('reports wrong types where objects are expected', () => {
    for (const source of ['[]', '"x"', '{"scripts":[]}', '{"dependencies":"x"}', '{"scripts":{"a":1}}', '{"dependencies":{"a":1}}']) {
      const findings = analyzeManifest(source);
      assert.ok(findings.some((f) => f.rule === 'invalid-manifest'), source);
    }
  });

  it('reports nesting too deep to parse', () => {
    for (const source of ['{"a":' + '['.repeat(100_000), '{"a":'.repeat(20_000), '[{"x":[' + '{"y":'.repeat(5000)]) {
      const findings = analyzeManifest(source);
      assert.strictEqual(findings.length, 1);
      assert.strictEqual(findings[0].rule, 'invalid-manifest');
      assert.ok(findings[0].message.includes('nested'), findings[0].message);
    }
  });

  it('reports an empty file', () => {
    const findings = analyzeManifest('');
    assert.strictEqual(findings[0].rule, 'invalid-manifest');
    assert.strictEqual(findings[0].line, 1);
  });

  it('reports no wrong types while the JSON is broken', () => {
    const source = '{\n  "scripts": {\n    "a": "vite"\n  ,, oops\n  "dependencies": { "bcrypt": "^5" }\n}';
    const invalid = analyzeManifest(source).filter((f) => f.rule === 'invalid-manifest');
    assert.strictEqual(invalid.length, 1);
    assert.ok(invalid[0].message.startsWith('package.json is not valid JSON'), invalid[0].message);
  });

  it('keeps analysing the readable part while typing', () => {
    const findings = analyzeManifest('{"dependencies":{"sharp":"^0.33"},"scripts":{"a":"make');
    assert.ok(findings.some((f) => f.rule === 'invalid-manifest'));
    assert.ok(findings.some((f) => f.package === 'sharp'));
  });
});
