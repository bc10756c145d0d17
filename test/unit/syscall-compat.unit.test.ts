// The unit assertions of the original compatibility-layer task, plus the exec() gate they imply.

import * as assert from 'node:assert/strict';
import {
  NativeDependencyChecker,
  RUNTIME_COMPAT_MATRIX,
  RuntimeCompatibilityChecker,
  UnsupportedRuntimeError,
} from '../../src/core';
import { assertRuntimeSupported } from '../../src/core/runtime-compat-checker';

describe('RuntimeCompatibilityChecker', () => {
  const checker = new RuntimeCompatibilityChecker();

  it('supports node', () => {
    assert.equal(checker.isRuntimeSupported('node'), true);
  });

  it('does not support python3', () => {
    assert.equal(checker.isRuntimeSupported('python3'), false);
  });

  it('does not support go', () => {
    assert.equal(checker.isRuntimeSupported('go'), false);
  });

  it('does not support rustc', () => {
    assert.equal(checker.isRuntimeSupported('rustc'), false);
  });

  it('explains why python3 is unsupported', () => {
    const reason = checker.getUnsupportedReason('python3');
    assert.equal(typeof reason, 'string');
    assert.ok((reason ?? '').trim().length > 0);
  });

  it('falls back to docker for python3', () => {
    assert.equal(checker.getFallbackDriver('python3'), 'docker');
  });

  it('needs no fallback for node', () => {
    assert.equal(checker.getFallbackDriver('node'), null);
  });
});

describe('NativeDependencyChecker', () => {
  const checker = new NativeDependencyChecker();

  it('marks better-sqlite3 as native', () => {
    assert.equal(checker.requiresNativeCompilation('better-sqlite3'), true);
  });

  it('does not mark lodash as native', () => {
    assert.equal(checker.requiresNativeCompilation('lodash'), false);
  });

  it('marks sharp as native', () => {
    assert.equal(checker.requiresNativeCompilation('sharp'), true);
  });

  it('suggests sql.js for better-sqlite3', () => {
    assert.equal(checker.getAlternative('better-sqlite3'), 'sql.js');
  });

  it('has no alternative for sharp', () => {
    assert.equal(checker.getAlternative('sharp'), null);
  });
});

describe('RUNTIME_COMPAT_MATRIX', () => {
  it('has the required keys', () => {
    for (const key of ['node', 'python3', 'go', 'rustc', 'cargo']) {
      assert.ok(Object.prototype.hasOwnProperty.call(RUNTIME_COMPAT_MATRIX, key), `missing: ${key}`);
    }
  });
});

describe('exec() gate', () => {
  it('throws UnsupportedRuntimeError for python3', () => {
    assert.throws(
      () => assertRuntimeSupported('python3', ['--version']),
      (error: unknown) => {
        assert.ok(error instanceof UnsupportedRuntimeError);
        assert.equal(error.runtime, 'python3');
        assert.ok(error.reason.length > 0);
        assert.equal(error.fallbackDriver, 'docker');
        return true;
      },
    );
  });

  it('passes node and unknown commands', () => {
    assert.doesNotThrow(() => assertRuntimeSupported('node', ['index.js']));
    assert.doesNotThrow(() => assertRuntimeSupported('my-own-tool', ['--flag']));
  });

  it('keeps the command as written', () => {
    assert.throws(
      () => assertRuntimeSupported('/usr/bin/python3.12', []),
      (error: unknown) => error instanceof UnsupportedRuntimeError && error.runtime === '/usr/bin/python3.12',
    );
  });

  it('judges subcommands', () => {
    assert.throws(() => assertRuntimeSupported('napi', ['build', '--release']), UnsupportedRuntimeError);
    assert.doesNotThrow(() => assertRuntimeSupported('napi', ['prepublish', '-t', 'npm']));
  });
});
