// parseCliArguments in process: every request shape, without starting a child process.

import * as assert from 'node:assert/strict';
import { parseCliArguments } from '../../src/cli/arguments';

describe('cli arguments', function () {
  it('check with no paths', function () {
    assert.deepEqual(parseCliArguments(['check']), { kind: 'check', format: 'text', paths: [] });
  });

  it('check with paths and format', function () {
    assert.deepEqual(parseCliArguments(['check', 'a', '--format', 'sarif', 'b']), { kind: 'check', format: 'sarif', paths: ['a', 'b'] });
  });

  it('inline format value', function () {
    assert.deepEqual(parseCliArguments(['--format=json', 'check']), { kind: 'check', format: 'json', paths: [] });
  });

  it('last format wins', function () {
    assert.deepEqual(parseCliArguments(['check', '--format', 'json', '--format', 'text']), { kind: 'check', format: 'text', paths: [] });
  });

  it('help wins over errors in paths', function () {
    assert.deepEqual(parseCliArguments(['check', 'x', '--help']), { kind: 'help' });
    assert.deepEqual(parseCliArguments(['-h']), { kind: 'help' });
  });

  it('help wins over version', function () {
    assert.deepEqual(parseCliArguments(['--version', '--help']), { kind: 'help' });
  });

  it('version without command', function () {
    assert.deepEqual(parseCliArguments(['--version']), { kind: 'version' });
  });

  it('double dash ends options', function () {
    assert.deepEqual(parseCliArguments(['check', '--', '--format', '-h']), { kind: 'check', format: 'text', paths: ['--format', '-h'] });
  });

  it('unknown option beats help', function () {
    const request = parseCliArguments(['--help', '--nope']);

    assert.equal(request.kind, 'usage-error');
  });

  it('usage errors', function () {
    const cases: Array<[string[], string]> = [
      [[], 'missing command: expected check'],
      [['scan'], "unknown command 'scan': expected check"],
      [['check', '--json'], "unknown option '--json'"],
      [['check', '-f', 'json'], "unknown option '-f'"],
      [['check', '--format'], 'missing value for --format: expected text, json, sarif'],
      [['check', '--format', 'JSON'], "invalid value 'JSON' for --format: expected text, json, sarif"],
      [['check', '--help=yes'], 'option --help does not take a value'],
    ];

    for (const [argv, message] of cases) {
      assert.deepEqual(parseCliArguments(argv), { kind: 'usage-error', message }, argv.join(' '));
    }
  });
});
