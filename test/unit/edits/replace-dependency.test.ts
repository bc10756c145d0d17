import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyDependencySwap, applyDependencySwaps, planDependencySwap } from '../../../src/core/edits/replace-dependency';
import type { DependencySection, ReplaceDependencyFix } from '../../../src/core/findings';

function swap(pkg: string, replacement: string, section: DependencySection = 'dependencies', dropIn = true): ReplaceDependencyFix {
  return { kind: 'replace-dependency', section, package: pkg, replacement, replacementVersion: '^3.0.2', dropIn };
}

const bcrypt = swap('bcrypt', 'bcryptjs');

describe('planDependencySwap', () => {
  it('renames key and version in place', () => {
    const text = '{\n  "name": "app",\n  "dependencies": {\n    "express": "^4.0.0",\n    "bcrypt": "^5.1.0",\n    "zod": "^3.0.0"\n  }\n}\n';

    const result = applyDependencySwap(text, bcrypt);

    assert.equal(result, '{\n  "name": "app",\n  "dependencies": {\n    "express": "^4.0.0",\n    "bcryptjs": "^3.0.2",\n    "zod": "^3.0.0"\n  }\n}\n');
  });

  it('keeps tabs, CRLF and missing final newline', () => {
    const text = '{\r\n\t"dependencies": {\r\n\t\t"bcrypt": "5.1.0",\r\n\t\t"cors": "2"\r\n\t}\r\n}';

    const result = applyDependencySwap(text, bcrypt);

    assert.equal(result, '{\r\n\t"dependencies": {\r\n\t\t"bcryptjs": "^3.0.2",\r\n\t\t"cors": "2"\r\n\t}\r\n}');
  });

  it('keeps a one-line manifest on one line', () => {
    const text = '{"dependencies":{"bcrypt":"5","cors":"2"}}';

    assert.equal(applyDependencySwap(text, bcrypt), '{"dependencies":{"bcryptjs":"^3.0.2","cors":"2"}}');
  });

  it('removes the package when the replacement is in the same section', () => {
    const text = '{\n  "dependencies": {\n    "bcrypt": "^5.1.0",\n    "bcryptjs": "^2.4.3"\n  }\n}\n';

    const plan = planDependencySwap(text, bcrypt);

    assert.equal(plan?.action, 'remove');
    assert.equal(plan?.existingSection, 'dependencies');
    assert.equal(applyDependencySwap(text, bcrypt), '{\n  "dependencies": {\n    "bcryptjs": "^2.4.3"\n  }\n}\n');
  });

  it('removes the package when another section lists the replacement', () => {
    const text = '{\n  "dependencies": {\n    "cors": "2",\n    "bcrypt": "^5.1.0"\n  },\n  "devDependencies": {\n    "bcryptjs": "^2.4.3"\n  }\n}\n';

    const plan = planDependencySwap(text, bcrypt);

    assert.equal(plan?.action, 'remove');
    assert.equal(plan?.existingSection, 'devDependencies');
    assert.equal(
      applyDependencySwap(text, bcrypt),
      '{\n  "dependencies": {\n    "cors": "2"\n  },\n  "devDependencies": {\n    "bcryptjs": "^2.4.3"\n  }\n}\n',
    );
  });

  it('removes a sole property leaving an empty object', () => {
    const text = '{\r\n\t"dependencies": {\r\n\t\t"bcrypt": "5"\r\n\t},\r\n\t"devDependencies": {\r\n\t\t"bcryptjs": "2"\r\n\t}\r\n}\r\n';

    const result = applyDependencySwap(text, bcrypt);

    assert.equal(result, '{\r\n\t"dependencies": {},\r\n\t"devDependencies": {\r\n\t\t"bcryptjs": "2"\r\n\t}\r\n}\r\n');
  });

  it('removes the first property keeping the next line intact', () => {
    const text = '{\r\n\t"dependencies": {\r\n\t\t"bcrypt": "5",\r\n\t\t"bcryptjs": "2"\r\n\t}\r\n}';

    assert.equal(applyDependencySwap(text, bcrypt), '{\r\n\t"dependencies": {\r\n\t\t"bcryptjs": "2"\r\n\t}\r\n}');
  });

  it('swaps only in the fix section', () => {
    const text = '{"dependencies":{"bcrypt":"5"},"devDependencies":{"bcrypt":"5"}}';

    const result = applyDependencySwap(text, swap('bcrypt', 'bcryptjs', 'devDependencies'));

    assert.equal(result, '{"dependencies":{"bcrypt":"5"},"devDependencies":{"bcryptjs":"^3.0.2"}}');
  });

  it('picks the duplicate key nearest the finding', () => {
    const text = '{"dependencies":{"bcrypt":"1","bcrypt":"2"}}';
    const second = text.lastIndexOf('"bcrypt"');

    const result = applyDependencySwap(text, bcrypt, { start: second, end: second + 8 });

    assert.equal(result, '{"dependencies":{"bcrypt":"1","bcryptjs":"^3.0.2"}}');
  });

  it('keeps non-ASCII text and escapes around the edit', () => {
    const text = '{\n  "description": "Ünïcödé ✓ \\u00e9",\n  "dependencies": { "bcrypt": "5" }\n}\n';

    const result = applyDependencySwap(text, bcrypt);

    assert.equal(result, '{\n  "description": "Ünïcödé ✓ \\u00e9",\n  "dependencies": { "bcryptjs": "^3.0.2" }\n}\n');
  });

  it('returns undefined for broken JSON', () => {
    const text = '{\n  "dependencies": {\n    "bcrypt": "5",\n  \n}\n';

    assert.equal(planDependencySwap(text, bcrypt), undefined);
  });

  it('returns undefined when the package is gone', () => {
    assert.equal(planDependencySwap('{"dependencies":{"cors":"2"}}', bcrypt), undefined);
    assert.equal(planDependencySwap('{"devDependencies":{"bcrypt":"2"}}', bcrypt), undefined);
    assert.equal(planDependencySwap('[]', bcrypt), undefined);
    assert.equal(planDependencySwap('', bcrypt), undefined);
  });
});

describe('applyDependencySwaps', () => {
  it('applies swaps one after another', () => {
    const text = '{\n  "dependencies": {\n    "bcrypt": "5",\n    "node-sass": "7"\n  }\n}\n';
    const sass: ReplaceDependencyFix = { ...swap('node-sass', 'sass'), replacementVersion: '^1.89.0' };

    const result = applyDependencySwaps(text, [bcrypt, sass]);

    assert.equal(result.text, '{\n  "dependencies": {\n    "bcryptjs": "^3.0.2",\n    "sass": "^1.89.0"\n  }\n}\n');
    assert.equal(result.applied.length, 2);
  });

  it('skips a swap that no longer applies', () => {
    const text = '{"dependencies":{"bcrypt":"5"}}';

    const result = applyDependencySwaps(text, [bcrypt, bcrypt]);

    assert.equal(result.text, '{"dependencies":{"bcryptjs":"^3.0.2"}}');
    assert.deepEqual(result.applied, [bcrypt]);
  });
});

describe('dependency swap properties', () => {
  const packageName = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/).filter((name) => name !== 'bcrypt' && name !== 'bcryptjs');
  const layout = fc.record({
    indent: fc.constantFrom('  ', '    ', '\t', ''),
    eol: fc.constantFrom('\n', '\r\n'),
    finalNewline: fc.boolean(),
  });
  const manifest = fc.record({
    before: fc.uniqueArray(packageName, { maxLength: 4 }),
    after: fc.uniqueArray(packageName, { maxLength: 4 }),
    replacementAlreadyListed: fc.boolean(),
  });

  /** Prints an object the way editors and npm do, with the given indentation and line ending. */
  function print(value: unknown, options: { indent: string; eol: string; finalNewline: boolean }): string {
    const json = JSON.stringify(value, null, options.indent === '' ? undefined : options.indent);
    return json.replace(/\n/g, options.eol) + (options.finalNewline ? options.eol : '');
  }

  it('parses after the swap and keeps the layout', () => {
    fc.assert(
      fc.property(manifest, layout, (shape, options) => {
        const before = shape.before.filter((name) => !shape.after.includes(name));
        const dependencies: Record<string, string> = {};
        for (const name of before) dependencies[name] = '1.0.0';
        dependencies.bcrypt = '5.0.0';
        for (const name of shape.after) dependencies[name] = '2.0.0';
        const manifestValue: Record<string, unknown> = { name: 'fixture', dependencies };
        if (shape.replacementAlreadyListed) manifestValue.devDependencies = { bcryptjs: '2.4.3' };
        const text = print(manifestValue, options);

        const result = applyDependencySwap(text, bcrypt);

        assert.ok(result !== undefined);
        const expectedDependencies: Record<string, string> = {};
        for (const name of before) expectedDependencies[name] = '1.0.0';
        if (!shape.replacementAlreadyListed) expectedDependencies.bcryptjs = '^3.0.2';
        for (const name of shape.after) expectedDependencies[name] = '2.0.0';
        const parsed = JSON.parse(result);
        assert.deepEqual(Object.keys(parsed.dependencies), Object.keys(expectedDependencies));
        assert.deepEqual(parsed.dependencies, expectedDependencies);
        assert.equal(result.endsWith(options.eol), options.finalNewline);
        if (options.eol === '\r\n') assert.doesNotMatch(result, /[^\r]\n/);
        if (options.indent === '\t') assert.doesNotMatch(result, /^ /m);
      }),
      { numRuns: 300 },
    );
  });
});
