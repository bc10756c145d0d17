// The native-package table: coverage, remedies, severities and the names that are never reported.

import * as assert from 'node:assert/strict';
import { NATIVE_PACKAGES, NativeDependencyChecker, lookupNativePackage } from '../../src/core';
import { COMPAT_FACTS } from '../../src/core/compat-facts';
import { isNeverNative, nativeSeverity } from '../../src/core/native-dependency-checker';
import { NATIVE_BUILD_HELPERS } from '../../src/core/native-build-helpers';

const checker = new NativeDependencyChecker();
const entries = Object.entries(NATIVE_PACKAGES);

/** Well-known packages that need native code. */
const REQUIRED = [
  'bcrypt', 'better-sqlite3', 'sqlite3', 'sharp', 'canvas', 'node-sass', 'argon2', 'node-pty', 'serialport',
  '@serialport/bindings-cpp', 'usb', 'zeromq', 'kerberos', 'keytar', 'deasync', 'robotjs', '@hurdlegroup/robotjs', 're2',
  'farmhash', 'leveldown', 'grpc', '@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu', 'lmdb', 'msgpackr-extract',
  'cpu-features', 'bufferutil', 'utf-8-validate', 'fsevents', 'esbuild', 'lightningcss', '@parcel/watcher', '@swc/core',
  'rollup', 'node-expat', 'libxmljs', 'libxmljs2', 'iconv', 'microtime', 'weak-napi', 'ffi-napi', 'ref-napi', 'nodegit',
  'isolated-vm', 'node-libcurl', 'tree-sitter', '@napi-rs/canvas', '@node-rs/argon2', '@node-rs/bcrypt', 'unix-dgram',
  'epoll', 'i2c-bus', 'onoff', 'raw-socket',
];

/** Pure-JavaScript packages and packages whose native part is someone else's optional dependency. */
const NOT_NATIVE = [
  'lodash', 'ws', 'ssh2', 'msgpackr', 'mongodb', 'mysql', 'mysql2', 'pg', 'protobufjs', 'core-js', 'vite', 'webpack',
  'bcrypt-pbkdf', 'express', 'react',
];

describe('native table coverage', () => {
  it('lists the well-known native packages', () => {
    for (const name of REQUIRED) assert.ok(checker.requiresNativeCompilation(name), `missing: ${name}`);
  });

  it('has at least 40 entries', () => {
    assert.ok(entries.length >= 40, `${entries.length} entries`);
  });

  it('does not list pure-JavaScript packages', () => {
    for (const name of NOT_NATIVE) assert.equal(checker.requiresNativeCompilation(name), false, name);
  });

  it('keeps build helpers in their own table', () => {
    for (const name of Object.keys(NATIVE_BUILD_HELPERS)) assert.equal(lookupNativePackage(name), undefined, name);
  });
});

describe('native table entries', () => {
  it('uses valid npm names', () => {
    for (const [name] of entries) assert.match(name, /^(@[a-z0-9._-]+\/)?[a-z0-9._-]+$/, name);
  });

  it('gives every entry a one-sentence note', () => {
    for (const [name, info] of entries) {
      assert.ok((info.note ?? '').length > 10, `${name} has no note`);
      assert.match(info.note ?? '', /\.$/, name);
    }
  });

  it('cites only known facts', () => {
    for (const [name, info] of entries) {
      assert.ok((info.facts ?? []).length > 0, `${name} cites no fact`);
      for (const fact of info.facts ?? []) assert.ok(fact in COMPAT_FACTS, `${name} cites ${fact}`);
    }
  });

  it('gives every swap an alternative and version', () => {
    for (const [name, info] of entries) {
      if (info.remedy !== 'drop-in') continue;
      assert.ok(info.alternative, name);
      assert.match(info.alternativeVersion ?? '', /^\^\d+\.\d+\.\d+$/, name);
    }
    for (const [name, info] of entries) {
      if (info.remedy === 'code-change' && info.alternative) assert.match(info.alternativeVersion ?? '', /^\^\d+\.\d+\.\d+$/, name);
    }
  });

  it('never suggests a native alternative', () => {
    for (const [name, info] of entries) {
      if (!info.alternative) continue;
      assert.equal(lookupNativePackage(info.alternative), undefined, `${name} -> ${info.alternative}`);
      assert.ok(isNeverNative(info.alternative) || !(info.alternative in NATIVE_PACKAGES), info.alternative);
    }
  });

  it('lists no never-native name', () => {
    for (const [name] of entries) assert.equal(isNeverNative(name), false, name);
  });

  it('keeps the original alternatives', () => {
    assert.equal(checker.getAlternative('bcrypt'), 'bcryptjs');
    assert.equal(checker.getAlternative('node-sass'), 'sass');
    assert.equal(checker.getAlternative('sqlite3'), 'sql.js');
    assert.equal(checker.getAlternative('canvas'), null);
    assert.equal(checker.getAlternative('lodash'), null);
  });
});

describe('native severities', () => {
  it('errors when load will fail', () => {
    for (const name of ['better-sqlite3', 'bcrypt', 'node-sass', 'canvas', 'sharp', 'node-pty', 'argon2', '@node-rs/argon2']) {
      assert.equal(checker.getSeverity(name), 'error', name);
    }
  });

  it('informs when WebContainer copes', () => {
    for (const name of ['esbuild', 'lightningcss', '@parcel/watcher', 'rollup', 'fsevents', 'bufferutil', 'utf-8-validate', 'cpu-features', 'msgpackr-extract', '@swc/core']) {
      assert.equal(checker.getSeverity(name), 'information', name);
    }
  });

  it('never errors on the packages of a Vite app', () => {
    for (const name of ['esbuild', 'rollup', 'lightningcss', 'rolldown', '@swc/core', 'fsevents']) {
      assert.notEqual(checker.getSeverity(name), 'error', name);
    }
    assert.equal(checker.getSeverity('vite'), null);
  });

  it('warns on unconfirmed or breaking entries', () => {
    assert.equal(checker.getSeverity('sqlite3'), 'warning');
    assert.equal(checker.getSeverity('rolldown'), 'warning');
    assert.equal(checker.getSeverity('@tailwindcss/oxide'), 'warning');
  });

  it('lowers errors in optionalDependencies', () => {
    assert.equal(checker.getSeverity('re2', 'optionalDependencies'), 'warning');
    assert.equal(checker.getSeverity('re2', 'dependencies'), 'error');
    assert.equal(checker.getSeverity('esbuild', 'optionalDependencies'), 'information');
  });

  it('derives severity from the remedy', () => {
    assert.equal(nativeSeverity({ alternative: null, remedy: 'none' }), 'error');
    assert.equal(nativeSeverity({ alternative: null, remedy: 'wasm32-install' }), 'error');
    assert.equal(nativeSeverity({ alternative: 'x', remedy: 'drop-in' }), 'error');
    assert.equal(nativeSeverity({ alternative: null, remedy: 'swapped-by-webcontainer' }), 'information');
    assert.equal(nativeSeverity({ alternative: null, remedy: 'optional-native' }), 'information');
    assert.equal(nativeSeverity({ alternative: null, remedy: 'none', severity: 'warning' }), 'warning');
  });

  it('never errors on unconfirmed facts alone', () => {
    for (const [name, info] of entries) {
      const facts = info.facts ?? [];
      if (facts.length > 0 && facts.every((fact) => COMPAT_FACTS[fact].unconfirmed)) assert.notEqual(nativeSeverity(info), 'error', name);
    }
  });

  it('has no severity for unlisted packages', () => {
    assert.equal(checker.getSeverity('lodash'), null);
  });

  it('says native for swapped and optional entries', () => {
    assert.equal(checker.requiresNativeCompilation('esbuild'), true);
    assert.equal(checker.requiresNativeCompilation('fsevents'), true);
  });
});

describe('isNeverNative', () => {
  it('excludes @types packages', () => {
    assert.equal(isNeverNative('@types/better-sqlite3'), true);
    assert.equal(isNeverNative('@types/bcrypt'), true);
    assert.equal(checker.requiresNativeCompilation('@types/sharp'), false);
  });

  it('excludes pure-JavaScript look-alikes', () => {
    for (const name of ['bcryptjs', 'sass', 'sql.js', '@tensorflow/tfjs', 'iconv-lite', 'argon2-browser', 'hash-wasm', 'esbuild-wasm']) {
      assert.equal(isNeverNative(name), true, name);
      assert.equal(checker.requiresNativeCompilation(name), false, name);
    }
  });

  it('excludes React Native modules', () => {
    for (const name of ['react-native', 'react-native-screens', 'react-native-reanimated', '@react-native-community/netinfo', '@react-native/metro-config', 'expo', 'expo-camera']) {
      assert.equal(isNeverNative(name), true, name);
    }
  });

  it('excludes WebAssembly builds', () => {
    for (const name of ['@img/sharp-wasm32', '@rolldown/binding-wasm32-wasi', 'lightningcss-wasm', '@parcel/watcher-wasm']) {
      assert.equal(isNeverNative(name), true, name);
    }
  });

  it('keeps native look-alikes native', () => {
    for (const name of ['bcrypt', 'sharp', 'canvas', 'iconv', 'wasm-pack', 'react-dom', 'exponential-backoff', 'react-nativeish']) {
      assert.equal(isNeverNative(name), false, name);
    }
    assert.equal(checker.requiresNativeCompilation('wasm-pack'), true);
  });
});

describe('native table immutability', () => {
  it('is frozen', () => {
    assert.ok(Object.isFrozen(NATIVE_PACKAGES));
    assert.ok(Object.isFrozen(NATIVE_PACKAGES.sharp));
  });

  it('rejects writes', () => {
    assert.throws(() => {
      (NATIVE_PACKAGES as Record<string, unknown>).lodash = { alternative: null, remedy: 'none' };
    }, TypeError);
    assert.throws(() => {
      (NATIVE_PACKAGES.sharp as { alternative: string | null }).alternative = 'jimp';
    }, TypeError);
  });

  it('is unchanged by checker calls', () => {
    const before = JSON.stringify(NATIVE_PACKAGES);
    for (const name of ['sharp', 'lodash', '@types/bcrypt', 'esbuild', '__proto__', 'constructor']) {
      checker.requiresNativeCompilation(name);
      checker.getAlternative(name);
      checker.getSeverity(name, 'optionalDependencies');
    }
    assert.equal(JSON.stringify(NATIVE_PACKAGES), before);
  });

  it('ignores inherited property names', () => {
    assert.equal(checker.requiresNativeCompilation('__proto__'), false);
    assert.equal(checker.requiresNativeCompilation('constructor'), false);
    assert.equal(checker.getAlternative('toString'), null);
  });

  it('holds no instance state', () => {
    assert.deepEqual(Object.keys(checker), []);
  });
});
