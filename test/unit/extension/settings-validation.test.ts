import assert from 'node:assert/strict';
import { validateSettings } from '../../../src/extension/settings-validation';

/** Builds a reader over a flat map of keys below webcontainerCompat, as the configuration API returns them. */
function reader(values: Record<string, unknown>) {
  return (key: string) => values[key];
}

describe('validateSettings', () => {
  it('returns defaults for missing values', () => {
    const { settings, warnings } = validateSettings(reader({}));

    assert.equal(settings.enable, true);
    assert.deepEqual(settings.severity, {});
    assert.deepEqual(settings.exclude, []);
    assert.deepEqual(settings.analyzeOptions, { ignorePackages: [], ignoreRuntimes: [], extraRuntimes: {}, extraNativePackages: {} });
    assert.deepEqual(warnings, []);
  });

  it('passes valid values through', () => {
    const { settings, warnings } = validateSettings(
      reader({
        enable: false,
        severity: { 'shell-script': 'off', 'native-dependency': 'hint' },
        exclude: ['examples/**'],
        'ignore.packages': ['sharp'],
        'ignore.runtimes': ['python3'],
        runtimes: { deno: { supported: false, reason: 'No Deno binary.', fallbackDriver: 'docker' } },
        nativePackages: { 'my-addon': { alternative: 'my-addon-wasm', remedy: 'drop-in', alternativeVersion: '^1.0.0', note: 'Uses N-API.' } },
      }),
    );

    assert.deepEqual(warnings, []);
    assert.equal(settings.enable, false);
    assert.deepEqual(settings.severity, { 'shell-script': 'off', 'native-dependency': 'hint' });
    assert.deepEqual(settings.exclude, ['examples/**']);
    assert.deepEqual(settings.analyzeOptions.ignorePackages, ['sharp']);
    assert.deepEqual(settings.analyzeOptions.ignoreRuntimes, ['python3']);
    assert.deepEqual(settings.analyzeOptions.extraRuntimes, { deno: { supported: false, reason: 'No Deno binary.', fallbackDriver: 'docker' } });
    assert.deepEqual(settings.analyzeOptions.extraNativePackages, {
      'my-addon': { alternative: 'my-addon-wasm', remedy: 'drop-in', alternativeVersion: '^1.0.0', note: 'Uses N-API.' },
    });
  });

  it('skips wrong types with a warning', () => {
    const { settings, warnings } = validateSettings(
      reader({ enable: 'yes', severity: ['error'], exclude: 'dist', 'ignore.packages': 7, runtimes: 'deno', nativePackages: true }),
    );

    assert.equal(settings.enable, true);
    assert.deepEqual(settings.severity, {});
    assert.deepEqual(settings.exclude, []);
    assert.deepEqual(settings.analyzeOptions.ignorePackages, []);
    assert.deepEqual(settings.analyzeOptions.extraRuntimes, {});
    assert.deepEqual(settings.analyzeOptions.extraNativePackages, {});
    assert.equal(warnings.length, 6);
    assert.match(warnings[0], /webcontainerCompat\.enable must be true or false; found "yes"/);
  });

  it('skips single bad entries and keeps the rest', () => {
    const { settings, warnings } = validateSettings(
      reader({
        severity: { 'shell-script': 'fatal', 'no-such-rule': 'error', 'unsupported-runtime': 'information' },
        'ignore.runtimes': ['make', 3, '', null],
        runtimes: { deno: { supported: 'no' }, bun: { supported: true }, zig: { supported: false, fallbackDriver: 'vm' } },
        nativePackages: { a: { remedy: 'magic' }, b: { alternative: 5 }, c: 'x', d: {}, e: { alternative: 'e-js' } },
      }),
    );

    assert.deepEqual(settings.severity, { 'unsupported-runtime': 'information' });
    assert.deepEqual(settings.analyzeOptions.ignoreRuntimes, ['make']);
    assert.deepEqual(settings.analyzeOptions.extraRuntimes, { bun: { supported: true } });
    assert.deepEqual(settings.analyzeOptions.extraNativePackages, {
      d: { alternative: null, remedy: 'none' },
      e: { alternative: 'e-js', remedy: 'code-change' },
    });
    assert.equal(warnings.length, 10);
    assert.ok(warnings.some((warning) => warning.includes('"fatal"')));
    assert.ok(warnings.some((warning) => warning.includes('unknown rule "no-such-rule"')));
    assert.ok(warnings.some((warning) => warning.includes('runtimes["zig"]')));
    assert.ok(warnings.some((warning) => warning.includes('nativePackages["a"]')));
  });

  it('never throws on odd values', () => {
    const odd = [undefined, null, 0, NaN, '', [], {}, [[]], { toString: 1 }, Object.create(null)];
    const keys = ['enable', 'severity', 'exclude', 'ignore.packages', 'ignore.runtimes', 'runtimes', 'nativePackages'];

    odd.forEach((value, index) => {
      for (const key of keys) {
        assert.doesNotThrow(() => validateSettings(reader({ [key]: value })), `${key} = odd value #${index}`);
        assert.doesNotThrow(() => validateSettings(reader({ [key]: { x: value } })), `${key}.x = odd value #${index}`);
      }
    });
  });
});
