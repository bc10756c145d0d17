// Output formats of `webcontainer-compat check` (text, JSON version 1, SARIF 2.1.0), run as a child process.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { analyzeManifest, RULE_IDS } from '../../src/core';
import { buildOnce, CLI_PATH, fixturePath, makeTempDir, parseJsonOutput, removeTempDir, REPO_ROOT, runCli, writeFile, type RunResult } from './cli-harness';

const ESCAPE = '\u001b[';

const SCRIPT_KEYS = ['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'script', 'command'];
const DEPENDENCY_KEYS = ['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'package', 'section', 'alternative'];
const BASE_KEYS = ['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn'];

/** The SARIF 2.1.0 schema as published by its authors (draft-04), shipped in the @microsoft/jest-sarif package. */
const SARIF_SCHEMA_PATH = path.join(REPO_ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

describe('cli formats', function () {
  before(function () {
    this.timeout(120_000);
    buildOnce();
  });

  describe('text', function () {
    it('one line per finding and a summary', function () {
      const result = runCli(['check', fixturePath('python-and-native')]);
      const lines = result.stdout.trimEnd().split('\n');
      const findings = parseJsonOutput(runCli(['check', '--format', 'json', fixturePath('python-and-native')])).files[0].findings;

      assert.equal(lines.length, findings.length + 1, result.stdout);
      for (const [index, finding] of findings.entries()) {
        const expected = `${fixturePath('python-and-native')}:${finding.line}:${finding.column} ${finding.severity} ${finding.rule} ${finding.message}`;
        assert.equal(lines[index], expected);
      }
    });

    it('python3 line has exact position', function () {
      const result = runCli(['check', fixturePath('python-and-native')]);

      assert.match(result.stdout, new RegExp(`^${escapeRegExp(fixturePath('python-and-native'))}:6:15 (error|warning) unsupported-runtime .*python3`, 'm'));
    });

    it('summary counts severities and files', function () {
      const result = runCli(['check', fixturePath('python-and-native'), fixturePath('clean')]);
      const findings = parseJsonOutput(runCli(['check', '--format', 'json', fixturePath('python-and-native')])).files[0].findings;
      const count = (severity: string) => findings.filter((finding) => finding.severity === severity).length;
      const errors = count('error');
      const warnings = count('warning');

      const summary = `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, ${count('information')} information in 2 files`;
      assert.ok(result.stdout.endsWith(`${summary}\n`), result.stdout);
    });

    it('clean file prints only summary', function () {
      const result = runCli(['check', fixturePath('clean')]);

      assert.equal(result.stdout, '0 errors, 0 warnings, 0 information in 1 file\n');
    });

    it('no colour when piped', function () {
      const result = runCli(['check', fixturePath('python-and-native')]);

      assert.ok(!result.stdout.includes(ESCAPE));
    });

    it('FORCE_COLOR colours piped output', function () {
      const result = runCli(['check', fixturePath('python-and-native')], { env: { FORCE_COLOR: '1' } });

      assert.ok(result.stdout.includes(`${ESCAPE}31merror${ESCAPE}39m`) || result.stdout.includes(`${ESCAPE}33mwarning${ESCAPE}39m`), result.stdout);
      assert.ok(result.stdout.includes(`${ESCAPE}1m`), 'summary is bold');
    });

    it('FORCE_COLOR=0 wins over a terminal', function () {
      const result = runOnTerminal(['check', fixturePath('python-and-native')], { FORCE_COLOR: '0' });
      if (result === undefined) {
        this.skip();
      }

      assert.match(result.stdout, /unsupported-runtime/);
      assert.ok(!result.stdout.includes(ESCAPE), JSON.stringify(result.stdout));
    });

    it('colours on a terminal', function () {
      const result = runOnTerminal(['check', fixturePath('python-and-native')], {});
      if (result === undefined) {
        this.skip();
      }

      assert.ok(result.stdout.includes(ESCAPE), JSON.stringify(result.stdout));
    });

    it('NO_COLOR on a terminal', function () {
      const result = runOnTerminal(['check', fixturePath('python-and-native')], { NO_COLOR: '1' });
      if (result === undefined) {
        this.skip();
      }

      assert.match(result.stdout, /unsupported-runtime/);
      assert.ok(!result.stdout.includes(ESCAPE), JSON.stringify(result.stdout));
    });

    it('empty NO_COLOR is ignored', function () {
      const result = runOnTerminal(['check', fixturePath('python-and-native')], { NO_COLOR: '' });
      if (result === undefined) {
        this.skip();
      }

      assert.ok(result.stdout.includes(ESCAPE), JSON.stringify(result.stdout));
    });
  });

  describe('json', function () {
    it('matches analyzeManifest exactly', function () {
      for (const name of ['python-and-native', 'unicode', 'invalid-json', 'wrong-type', 'clean', 'chain']) {
        const file = fixturePath(name);
        const output = parseJsonOutput(runCli(['check', '--format', 'json', file]));
        const findings = analyzeManifest(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));

        assert.equal(output.version, 1);
        assert.equal(output.files.length, 1);
        assert.equal(output.files[0].path, file);

        const expected = findings
          .slice()
          .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end)
          .map((finding) => ({
            rule: finding.rule,
            severity: finding.severity,
            message: finding.message,
            line: finding.line,
            column: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
            ...(finding.script !== undefined ? { script: finding.script } : {}),
            ...(finding.command !== undefined ? { command: finding.command } : {}),
            ...(finding.package !== undefined
              ? { package: finding.package, section: finding.section ?? null, alternative: finding.alternative ?? null }
              : {}),
          }));
        assert.deepEqual(output.files[0].findings, expected, name);
      }
    });

    it('keys are exactly the documented ones', function () {
      const output = parseJsonOutput(
        runCli(['check', '--format', 'json', fixturePath('python-and-native'), fixturePath('invalid-json'), fixturePath('clean')]),
      );

      assert.deepEqual(Object.keys(output), ['version', 'files']);
      for (const file of output.files) {
        assert.deepEqual(Object.keys(file), ['path', 'findings']);
        for (const finding of file.findings) {
          let expectedKeys = BASE_KEYS;
          if ('script' in finding) {
            expectedKeys = SCRIPT_KEYS;
          } else if ('package' in finding) {
            expectedKeys = DEPENDENCY_KEYS;
          }

          assert.deepEqual(Object.keys(finding), expectedKeys, JSON.stringify(finding));
          assert.ok(['error', 'warning', 'information'].includes(finding.severity as string));
        }
      }
    });

    it('clean file has empty findings', function () {
      const output = parseJsonOutput(runCli(['check', '--format', 'json', fixturePath('clean')]));

      assert.deepEqual(output, { version: 1, files: [{ path: fixturePath('clean'), findings: [] }] });
    });

    it('script finding fields', function () {
      const output = parseJsonOutput(runCli(['check', '--format', 'json', fixturePath('python-and-native')]));
      const python = output.files[0].findings.find((finding) => finding.command === 'python3');

      assert.ok(python, JSON.stringify(output));
      assert.equal(python.rule, 'unsupported-runtime');
      assert.equal(python.script, 'train');
      assert.deepEqual([python.line, python.column, python.endLine, python.endColumn], [6, 15, 6, 22]);
    });

    it('dependency finding fields', function () {
      const output = parseJsonOutput(runCli(['check', '--format', 'json', fixturePath('python-and-native')]));
      const sqlite = output.files[0].findings.find((finding) => finding.package === 'better-sqlite3');

      assert.ok(sqlite, JSON.stringify(output));
      assert.equal(sqlite.rule, 'native-dependency');
      assert.equal(sqlite.severity, 'error');
      assert.equal(sqlite.section, 'dependencies');
      assert.equal(sqlite.alternative, 'sql.js');
      assert.equal(sqlite.line, 9);
      assert.equal(sqlite.endLine, 9);
    });

    it('columns count UTF-16 code units', function () {
      // Line 5 is `\t\t"train": "echo 😀 é && python3 train.py"`: the emoji is two code units, é is one.
      const output = parseJsonOutput(runCli(['check', '--format', 'json', fixturePath('unicode')]));
      const python = output.files[0].findings.find((finding) => finding.command === 'python3');

      assert.ok(python, JSON.stringify(output));
      assert.deepEqual([python.line, python.column, python.endLine, python.endColumn], [5, 26, 5, 33]);
    });

    it('byte order mark is not a column', function () {
      const dir = makeTempDir();
      try {
        const manifest = '{"scripts":{"build":"cargo build"}}';
        writeFile(dir, 'with-bom/package.json', `\uFEFF${manifest}`);
        writeFile(dir, 'without-bom/package.json', manifest);

        const output = parseJsonOutput(runCli(['check', '--format', 'json', 'with-bom', 'without-bom'], { cwd: dir }));
        const columns = output.files.map((file) => file.findings.find((finding) => finding.command === 'cargo')?.column);

        assert.deepEqual(columns, [22, 22]);
      } finally {
        removeTempDir(dir);
      }
    });

    it('range covers command word', function () {
      for (const name of ['python-and-native', 'unicode']) {
        const file = fixturePath(name);
        const lines = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8').split('\n');
        const output = parseJsonOutput(runCli(['check', '--format', 'json', file]));

        for (const finding of output.files[0].findings.filter((candidate) => candidate.command !== undefined)) {
          assert.equal(finding.line, finding.endLine);
          const line = lines[(finding.line as number) - 1];
          assert.equal(line.slice((finding.column as number) - 1, (finding.endColumn as number) - 1), finding.command, `${name}: ${JSON.stringify(finding)}`);
        }
      }
    });

    it('invalid JSON gives invalid-manifest position', function () {
      const output = parseJsonOutput(runCli(['check', '--format', 'json', fixturePath('invalid-json')]));
      const finding = output.files[0].findings.find((candidate) => candidate.rule === 'invalid-manifest');

      assert.ok(finding, JSON.stringify(output));
      assert.ok((finding.line as number) >= 4, `the text breaks at its end, line 5, not at line ${finding.line}`);
    });
  });

  describe('sarif', function () {
    const validate = compileSarifValidator();

    it('validates against the SARIF 2.1.0 schema', function () {
      for (const args of [
        [fixturePath('python-and-native'), fixturePath('unicode'), fixturePath('invalid-json'), fixturePath('clean'), fixturePath('chain')],
        [fixturePath('clean')],
        [fixturePath('python-and-native'), 'missing/package.json'],
        [path.join(REPO_ROOT, fixturePath('unicode'))],
      ]) {
        const log = parseSarif(runCli(['check', '--format', 'sarif', ...args]));

        assert.ok(validate(log), `${args.join(' ')}: ${JSON.stringify(validate.errors, null, 2)}`);
      }
    });

    it('one run with driver and rules', function () {
      const log = parseSarif(runCli(['check', '--format', 'sarif', fixturePath('clean')]));
      const packageJson = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

      assert.equal(log.version, '2.1.0');
      assert.equal(typeof log.$schema, 'string');
      assert.equal(log.runs.length, 1);

      const driver = log.runs[0].tool.driver;
      assert.equal(driver.name, 'webcontainer-compat');
      assert.equal(driver.version, packageJson.version);
      assert.match(driver.informationUri, /^https:\/\//);
      assert.deepEqual(
        driver.rules.map((rule: { id: string }) => rule.id),
        [...RULE_IDS],
      );

      for (const rule of driver.rules) {
        assert.ok(rule.shortDescription.text.length > 0, rule.id);
        assert.ok(rule.help.text.length > 0, rule.id);
        assert.equal(rule.helpUri, `${driver.informationUri}/blob/main/docs/rules.md#${rule.id}`);
      }

      assert.deepEqual(log.runs[0].results, []);
    });

    it('results match JSON findings', function () {
      const files = [fixturePath('python-and-native'), fixturePath('unicode')];
      const log = parseSarif(runCli(['check', '--format', 'sarif', ...files]));
      const output = parseJsonOutput(runCli(['check', '--format', 'json', ...files]));
      const levels: Record<string, string> = { error: 'error', warning: 'warning', information: 'note' };

      const expected = output.files.flatMap((file) =>
        file.findings.map((finding) => ({
          ruleId: finding.rule,
          level: levels[finding.severity as string],
          message: finding.message,
          uri: file.path,
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        })),
      );
      const actual = log.runs[0].results.map((result: SarifResult) => ({
        ruleId: result.ruleId,
        level: result.level,
        message: result.message.text,
        uri: result.locations[0].physicalLocation.artifactLocation.uri,
        region: result.locations[0].physicalLocation.region,
      }));

      assert.ok(expected.length > 0);
      assert.deepEqual(actual, expected);
      assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
      for (const result of log.runs[0].results as SarifResult[]) {
        assert.equal(log.runs[0].tool.driver.rules[result.ruleIndex].id, result.ruleId);
      }
    });

    it('related locations of a chain', function () {
      const file = fixturePath('chain');
      const log = parseSarif(runCli(['check', '--format', 'sarif', file]));
      const findings = analyzeManifest(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')).filter((finding) => (finding.related ?? []).length > 0);
      const results = (log.runs[0].results as Array<SarifResult & { relatedLocations?: SarifRelatedLocation[] }>).filter(
        (result) => result.relatedLocations !== undefined,
      );

      assert.ok(findings.length > 0, 'the core reports the chain through npm run build');
      assert.equal(results.length, findings.length);
      for (const [index, finding] of findings.entries()) {
        const expected = (finding.related ?? []).map((related, id) => ({
          id,
          message: related.message,
          uri: file,
          region: { startLine: related.line, startColumn: related.column, endLine: related.endLine, endColumn: related.endColumn },
        }));
        const actual = (results[index].relatedLocations ?? []).map((related) => ({
          id: related.id,
          message: related.message.text,
          uri: related.physicalLocation.artifactLocation.uri,
          region: related.physicalLocation.region,
        }));
        assert.deepEqual(actual, expected);
      }
    });

    it('absolute path becomes file URL', function () {
      const absolute = path.join(REPO_ROOT, fixturePath('python-and-native'));
      const log = parseSarif(runCli(['check', '--format', 'sarif', absolute]));

      assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, pathToFileURL(absolute).href);
    });

    it('unreadable path becomes notification', function () {
      const result = runCli(['check', '--format', 'sarif', fixturePath('clean'), 'missing/package.json']);
      const invocation = parseSarif(result).runs[0].invocations[0];

      assert.equal(result.status, 2);
      assert.equal(invocation.executionSuccessful, false);
      assert.equal(invocation.toolExecutionNotifications.length, 1);
      assert.equal(invocation.toolExecutionNotifications[0].level, 'error');
      assert.match(invocation.toolExecutionNotifications[0].message.text, /cannot read missing\/package\.json: ENOENT/);
    });
  });
});

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }>;
}

interface SarifRelatedLocation {
  id: number;
  message: { text: string };
  physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> };
}

// The parsed log is checked against the schema, so the tests read it without a static type.
function parseSarif(result: RunResult): any {
  try {
    return JSON.parse(result.stdout);
  } catch (error) {
    throw new Error(`stdout is not JSON (${String(error)}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}

function compileSarifValidator() {
  // The published schema has a `pattern` that is invalid with the `u` flag, so regular
  // expressions are compiled without it. Strict mode is off because the schema predates it.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA_PATH, 'utf8')) as object);
}

/**
 * Runs the CLI with stdout on a pseudo-terminal through util-linux `script`, or returns undefined
 * when `script` is missing. `script` writes the child's output with CRLF line ends.
 */
function runOnTerminal(args: readonly string[], env: Record<string, string>): RunResult | undefined {
  const command = [process.execPath, CLI_PATH, ...args].map(shellQuote).join(' ');
  const childEnv: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm', ...env };
  if (!('FORCE_COLOR' in env)) {
    delete childEnv.FORCE_COLOR;
  }
  if (!('NO_COLOR' in env)) {
    delete childEnv.NO_COLOR;
  }

  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: REPO_ROOT, env: childEnv, encoding: 'utf8', timeout: 60_000 });
  if (result.error !== undefined) {
    return undefined;
  }

  return { status: result.status, stdout: result.stdout.replace(/\r\n/g, '\n'), stderr: result.stderr };
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
