// The `webcontainer-compat` command run as a child process: usage, exit statuses, folders and unreadable input.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  buildOnce,
  fixturePath,
  makeTempDir,
  MANIFEST_CLEAN,
  MANIFEST_WITH_ERROR,
  parseJsonOutput,
  REPO_ROOT,
  removeTempDir,
  runCli,
  writeFile,
} from './cli-harness';

const packageVersion = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('cli', function () {
  before(function () {
    this.timeout(120_000);
    buildOnce();
  });

  describe('usage', function () {
    it('--help prints usage', function () {
      const result = runCli(['--help']);

      assert.equal(result.status, 0);
      assert.match(result.stdout, /^Usage: webcontainer-compat check/);
      assert.match(result.stdout, /--format <format>/);
      assert.equal(result.stderr, '');
    });

    it('check --help prints usage', function () {
      const result = runCli(['check', '-h']);

      assert.equal(result.status, 0);
      assert.match(result.stdout, /^Usage:/);
    });

    it('--version prints package version', function () {
      const result = runCli(['--version']);

      assert.equal(result.status, 0);
      assert.equal(result.stdout, `${packageVersion}\n`);
    });

    it('shebang makes dist/cli.js executable', function () {
      const output = execFileSync(path.join(REPO_ROOT, 'dist', 'cli.js'), ['--version'], { encoding: 'utf8' });

      assert.equal(output, `${packageVersion}\n`);
    });

    const usageErrors: Array<{ args: string[]; message: RegExp }> = [
      { args: [], message: /missing command: expected check/ },
      { args: ['lint'], message: /unknown command 'lint'/ },
      { args: ['check', '--frmat', 'json'], message: /unknown option '--frmat'/ },
      { args: ['check', '-x'], message: /unknown option '-x'/ },
      { args: ['check', '--format'], message: /missing value for --format: expected text, json, sarif/ },
      { args: ['check', '--format', 'xml'], message: /invalid value 'xml' for --format/ },
      { args: ['check', '--format=', '.'], message: /invalid value '' for --format/ },
      { args: ['check', '--format', '--help'], message: /invalid value '--help' for --format/ },
      { args: ['check', '--version=2'], message: /option --version does not take a value/ },
    ];

    for (const { args, message } of usageErrors) {
      it(`rejects ${JSON.stringify(args.join(' '))} with status 2`, function () {
        const result = runCli(args);

        assert.equal(result.status, 2);
        assert.equal(result.stdout, '');
        assert.match(result.stderr, /^webcontainer-compat: /);
        assert.match(result.stderr, message);
        assert.match(result.stderr, /Run 'webcontainer-compat --help' for usage\./);
      });
    }

    it('options after paths are read', function () {
      const result = runCli(['check', fixturePath('clean'), '--format', 'json']);

      assert.equal(result.status, 0);
      assert.equal(parseJsonOutput(result).version, 1);
    });

    it('-- makes a dash path a path', function () {
      const dir = makeTempDir();
      try {
        writeFile(dir, '-odd/package.json', MANIFEST_CLEAN);
        const result = runCli(['check', '--format=json', '--', '-odd'], { cwd: dir });

        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(
          parseJsonOutput(result).files.map((file) => file.path),
          [path.join('-odd', 'package.json')],
        );
      } finally {
        removeTempDir(dir);
      }
    });
  });

  describe('exit status', function () {
    it('0 when nothing is found', function () {
      const result = runCli(['check', fixturePath('clean')]);

      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.equal(result.stderr, '');
    });

    it('1 when errors are found', function () {
      const result = runCli(['check', fixturePath('python-and-native')]);

      assert.equal(result.status, 1, result.stdout + result.stderr);
      assert.equal(result.stderr, '');
    });

    it('1 for a manifest that is not JSON', function () {
      const result = runCli(['check', '--format', 'json', fixturePath('invalid-json')]);
      const findings = parseJsonOutput(result).files[0].findings;

      assert.equal(result.status, 1);
      assert.ok(findings.some((finding) => finding.rule === 'invalid-manifest' && finding.severity === 'error'), result.stdout);
    });

    it('1 for scripts of the wrong type', function () {
      const result = runCli(['check', '--format', 'json', fixturePath('wrong-type')]);
      const findings = parseJsonOutput(result).files[0].findings;

      assert.equal(result.status, 1);
      assert.ok(findings.some((finding) => finding.rule === 'invalid-manifest'), result.stdout);
    });

    it('2 wins over 1', function () {
      const result = runCli(['check', fixturePath('python-and-native'), 'missing-folder']);

      assert.equal(result.status, 2);
      assert.match(result.stdout, /python3/);
    });
  });

  describe('paths', function () {
    let dir: string;

    beforeEach(function () {
      dir = makeTempDir();
    });

    afterEach(function () {
      removeTempDir(dir);
    });

    it('no path checks the current folder', function () {
      writeFile(dir, 'package.json', MANIFEST_WITH_ERROR);
      writeFile(dir, 'packages/a/package.json', MANIFEST_CLEAN);

      const result = runCli(['check', '--format', 'json'], { cwd: dir });

      assert.equal(result.status, 1, result.stderr);
      assert.deepEqual(
        parseJsonOutput(result).files.map((file) => file.path),
        ['package.json', path.join('packages', 'a', 'package.json')],
      );
    });

    it('folder search skips node_modules and .git', function () {
      writeFile(dir, 'app/package.json', MANIFEST_CLEAN);
      writeFile(dir, 'app/node_modules/native/package.json', MANIFEST_WITH_ERROR);
      writeFile(dir, 'app/.git/package.json', MANIFEST_WITH_ERROR);
      writeFile(dir, 'app/lib/node_modules/deep/package.json', MANIFEST_WITH_ERROR);
      writeFile(dir, 'app/lib/package.json', MANIFEST_CLEAN);

      const result = runCli(['check', '--format', 'json', 'app'], { cwd: dir });

      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(
        parseJsonOutput(result).files.map((file) => file.path),
        [path.join('app', 'package.json'), path.join('app', 'lib', 'package.json')],
      );
    });

    it('folder search is in name order', function () {
      for (const name of ['b', 'a', 'c/z', 'c/y', 'B']) {
        writeFile(dir, `${name}/package.json`, MANIFEST_CLEAN);
      }

      const result = runCli(['check', '--format', 'json', '.'], { cwd: dir });

      assert.deepEqual(
        parseJsonOutput(result).files.map((file) => file.path),
        ['B', 'a', 'b', 'c/y', 'c/z'].map((name) => path.join(name, 'package.json')),
      );
    });

    it('absolute folder keeps absolute paths', function () {
      writeFile(dir, 'package.json', MANIFEST_CLEAN);

      const result = runCli(['check', '--format', 'json', dir]);

      assert.deepEqual(
        parseJsonOutput(result).files.map((file) => file.path),
        [path.join(dir, 'package.json')],
      );
    });

    it('file path is checked whatever its name', function () {
      writeFile(dir, 'manifest.json', MANIFEST_WITH_ERROR);

      const result = runCli(['check', '--format', 'json', 'manifest.json'], { cwd: dir });

      assert.equal(result.status, 1, result.stderr);
      assert.equal(parseJsonOutput(result).files[0].path, 'manifest.json');
    });

    it('file named twice is reported once', function () {
      writeFile(dir, 'package.json', MANIFEST_WITH_ERROR);

      const result = runCli(['check', '--format', 'json', 'package.json', '.', './package.json'], { cwd: dir });

      assert.deepEqual(
        parseJsonOutput(result).files.map((file) => file.path),
        ['package.json'],
      );
    });

    it('native package in the lockfile is reported', function () {
      writeFile(dir, 'app/package.json', '{"name":"app","version":"1.0.0","dependencies":{"wrapper":"^1.0.0"}}');
      writeFile(
        dir,
        'app/package-lock.json',
        JSON.stringify({
          name: 'app',
          version: '1.0.0',
          lockfileVersion: 3,
          packages: {
            '': { name: 'app', version: '1.0.0', dependencies: { wrapper: '^1.0.0' } },
            'node_modules/wrapper': { version: '1.0.0', dependencies: { 'better-sqlite3': '^11.0.0' } },
            'node_modules/better-sqlite3': { version: '11.0.0', hasInstallScript: true },
          },
        }),
      );

      const result = runCli(['check', '--format', 'json', 'app'], { cwd: dir });

      assert.equal(result.status, 1, result.stderr);
      const findings = parseJsonOutput(result).files[0].findings;
      assert.equal(findings.length, 1);
      assert.equal(findings[0].rule, 'native-transitive-dependency');
      assert.equal(findings[0].package, 'wrapper');
      assert.match(String(findings[0].message), /better-sqlite3/);
      assert.doesNotMatch(String(findings[0].message), /\.;|\.\./);
    });

    it('unreadable lockfile is a note, not a failure', function () {
      writeFile(dir, 'app/package.json', '{"name":"app","version":"1.0.0","dependencies":{"wrapper":"^1.0.0"}}');
      writeFile(dir, 'app/package-lock.json', '{"lockfileVersion": 3, "packages": ');

      const result = runCli(['check', 'app'], { cwd: dir });

      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stderr, /note: .*package-lock\.json could not be read/);
    });

    it('binding.gyp beside package.json is reported', function () {
      writeFile(dir, 'addon/package.json', '{"name":"addon","version":"1.0.0"}');
      writeFile(dir, 'addon/binding.gyp', "{ 'targets': [] }");

      const result = runCli(['check', '--format', 'json', 'addon'], { cwd: dir });

      assert.equal(result.status, 1, result.stderr);
      const findings = parseJsonOutput(result).files[0].findings;
      assert.equal(findings.length, 1);
      assert.equal(findings[0].command, 'node-gyp');
    });

    it('file linked from two folders is reported once', function () {
      writeFile(dir, 'loop/package.json', MANIFEST_WITH_ERROR);
      fs.mkdirSync(path.join(dir, 'order', 'a'), { recursive: true });
      fs.symlinkSync(path.join(dir, 'loop', 'package.json'), path.join(dir, 'order', 'a', 'package.json'), 'file');

      const result = runCli(['check', '--format', 'json', 'order', 'loop'], { cwd: dir });

      assert.deepEqual(
        parseJsonOutput(result).files.map((file) => file.path),
        [path.join('order', 'a', 'package.json')],
      );
    });

    it('symbolic link loop is not followed', function () {
      writeFile(dir, 'project/package.json', MANIFEST_CLEAN);
      fs.symlinkSync(path.join(dir, 'project'), path.join(dir, 'project', 'loop'), 'dir');
      fs.symlinkSync(dir, path.join(dir, 'project', 'up'), 'dir');

      const result = runCli(['check', '--format', 'json', 'project'], { cwd: dir });

      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(
        parseJsonOutput(result).files.map((file) => file.path),
        [path.join('project', 'package.json')],
      );
    });

    it('symbolic link to a package.json file is checked', function () {
      writeFile(dir, 'real/manifest.json', MANIFEST_WITH_ERROR);
      fs.mkdirSync(path.join(dir, 'project'));
      fs.symlinkSync(path.join(dir, 'real', 'manifest.json'), path.join(dir, 'project', 'package.json'), 'file');

      const result = runCli(['check', '--format', 'json', 'project'], { cwd: dir });

      assert.equal(result.status, 1, result.stderr);
      assert.equal(parseJsonOutput(result).files[0].path, path.join('project', 'package.json'));
    });

    it('symbolic link given as a path is followed', function () {
      writeFile(dir, 'real/package.json', MANIFEST_WITH_ERROR);
      fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'linked'), 'dir');

      const result = runCli(['check', '--format', 'json', 'linked'], { cwd: dir });

      assert.equal(result.status, 1, result.stderr);
      assert.equal(parseJsonOutput(result).files[0].path, path.join('linked', 'package.json'));
    });

    it('empty file is an invalid manifest', function () {
      writeFile(dir, 'package.json', '');

      const result = runCli(['check', '--format', 'json'], { cwd: dir });
      const findings = parseJsonOutput(result).files[0].findings;

      assert.equal(result.status, 1, result.stderr);
      assert.ok(findings.some((finding) => finding.rule === 'invalid-manifest'), result.stdout);
    });
  });

  describe('unreadable input', function () {
    let dir: string;

    beforeEach(function () {
      dir = makeTempDir();
    });

    afterEach(function () {
      removeTempDir(dir);
    });

    it('missing path names path and reason', function () {
      writeFile(dir, 'good/package.json', MANIFEST_WITH_ERROR);

      const result = runCli(['check', '--format', 'json', 'nope/package.json', 'good'], { cwd: dir });

      assert.equal(result.status, 2);
      assert.equal(result.stderr, 'webcontainer-compat: cannot read nope/package.json: ENOENT: no such file or directory\n');
      assert.deepEqual(
        parseJsonOutput(result).files.map((file) => file.path),
        [path.join('good', 'package.json')],
      );
    });

    it('folder named package.json is EISDIR', function () {
      fs.mkdirSync(path.join(dir, 'package.json'));
      writeFile(dir, 'other/package.json', MANIFEST_CLEAN);

      const result = runCli(['check', '.'], { cwd: dir });

      assert.equal(result.status, 2);
      assert.equal(result.stderr, 'webcontainer-compat: cannot read package.json: EISDIR: illegal operation on a directory\n');
      assert.match(result.stdout, /0 errors, 0 warnings, 0 information in 1 file\n$/);
    });

    it('folder named package.json given directly is EISDIR', function () {
      fs.mkdirSync(path.join(dir, 'package.json'));

      const result = runCli(['check', 'package.json'], { cwd: dir });

      assert.equal(result.status, 2);
      assert.match(result.stderr, /cannot read package\.json: EISDIR/);
    });

    it('FIFO named package.json does not block', function () {
      fs.mkdirSync(path.join(dir, 'project'));
      execFileSync('mkfifo', [path.join(dir, 'project', 'package.json')]);

      const result = runCli(['check', 'project'], { cwd: dir });

      assert.equal(result.status, 2);
      assert.equal(result.stderr, `webcontainer-compat: cannot read ${path.join('project', 'package.json')}: not a regular file\n`);
    });

    it('FIFO given directly does not block', function () {
      execFileSync('mkfifo', [path.join(dir, 'pipe')]);

      const result = runCli(['check', 'pipe'], { cwd: dir });

      assert.equal(result.status, 2);
      assert.match(result.stderr, /cannot read pipe: not a regular file or folder/);
    });

    it('broken symbolic link is reported', function () {
      fs.mkdirSync(path.join(dir, 'project'));
      fs.symlinkSync(path.join(dir, 'gone.json'), path.join(dir, 'project', 'package.json'));

      const result = runCli(['check', 'project'], { cwd: dir });

      assert.equal(result.status, 2);
      assert.match(result.stderr, /cannot read project\/package\.json: ENOENT: no such file or directory/);
    });

    it('folder without package.json is reported', function () {
      fs.mkdirSync(path.join(dir, 'empty', 'node_modules', 'x'), { recursive: true });
      writeFile(dir, 'empty/node_modules/x/package.json', MANIFEST_CLEAN);

      const result = runCli(['check', 'empty'], { cwd: dir });

      assert.equal(result.status, 2);
      assert.equal(result.stderr, 'webcontainer-compat: cannot read empty: no package.json found in this folder or below it\n');
    });

    it('unreadable file is reported', function () {
      const file = writeFile(dir, 'package.json', MANIFEST_CLEAN);
      fs.chmodSync(file, 0o000);
      const readable = canRead(file);

      // Root reads files whatever their mode, so this case only runs for other users.
      if (readable) {
        this.skip();
      }

      const result = runCli(['check', '.'], { cwd: dir });

      assert.equal(result.status, 2);
      assert.match(result.stderr, /cannot read package\.json: EACCES: permission denied/);
    });
  });

  describe('bad input', function () {
    it('large manifest finishes', function () {
      this.timeout(60_000);
      const dir = makeTempDir();
      try {
        const scripts: Record<string, string> = {};
        for (let index = 0; index < 20_000; index++) {
          scripts[`task${index}`] = index % 100 === 0 ? `cargo run --bin step${index}` : `node step${index}.js && echo done`;
        }
        writeFile(dir, 'package.json', JSON.stringify({ name: 'large', scripts }, null, 2));

        const result = runCli(['check', '--format', 'json'], { cwd: dir });

        assert.equal(result.status, 1, result.stderr);
        assert.ok(parseJsonOutput(result).files[0].findings.length >= 200);
      } finally {
        removeTempDir(dir);
      }
    });

    it('deep nesting ends cleanly', function () {
      const dir = makeTempDir();
      try {
        writeFile(dir, 'deep/package.json', `{"a":${'['.repeat(100_000)}`);
        writeFile(dir, 'good/package.json', MANIFEST_WITH_ERROR);

        const result = runCli(['check', '--format', 'json', 'deep', 'good'], { cwd: dir });
        const paths = parseJsonOutput(result).files.map((file) => file.path);

        assert.ok(result.status === 1 || result.status === 2, `status ${result.status}`);
        assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
        assert.ok(paths.includes(path.join('good', 'package.json')), paths.join(', '));
      } finally {
        removeTempDir(dir);
      }
    });

    it('invalid manifest does not stop the others', function () {
      const result = runCli(['check', '--format', 'json', fixturePath('invalid-json'), fixturePath('python-and-native')]);
      const output = parseJsonOutput(result);

      assert.equal(result.status, 1);
      assert.deepEqual(
        output.files.map((file) => file.path),
        [fixturePath('invalid-json'), fixturePath('python-and-native')],
      );
      assert.ok(output.files[1].findings.some((finding) => finding.command === 'python3'));
    });
  });
});

function canRead(file: string): boolean {
  try {
    fs.readFileSync(file);
    return true;
  } catch {
    return false;
  }
}
