import assert from 'node:assert/strict';
import { createPathExclusion, enabledFilesExcludeGlobs } from '../../../src/extension/path-exclusion';

describe('createPathExclusion', () => {
  it('always excludes node_modules', () => {
    const excluded = createPathExclusion([]);

    assert.equal(excluded('node_modules/left-pad/package.json'), true);
    assert.equal(excluded('packages/app/node_modules/x/package.json'), true);
    assert.equal(excluded('package.json'), false);
    assert.equal(excluded('packages/app/package.json'), false);
  });

  it('excludes files below a matching folder', () => {
    const excluded = createPathExclusion(['**/.git', 'examples', 'fixtures/old/**']);

    assert.equal(excluded('.git/package.json'), true);
    assert.equal(excluded('examples/demo/package.json'), true);
    assert.equal(excluded('fixtures/old/a/package.json'), true);
    assert.equal(excluded('fixtures/new/package.json'), false);
    assert.equal(excluded('src/examples-list/package.json'), false);
  });

  it('matches file globs', () => {
    const excluded = createPathExclusion(['**/templates/*/package.json', 'a/{b,c}/package.json']);

    assert.equal(excluded('templates/react/package.json'), true);
    assert.equal(excluded('x/templates/react/package.json'), true);
    assert.equal(excluded('a/b/package.json'), true);
    assert.equal(excluded('a/c/package.json'), true);
    assert.equal(excluded('a/d/package.json'), false);
  });

  it('ignores empty globs', () => {
    assert.equal(createPathExclusion(['', '  '])('package.json'), false);
  });
});

describe('enabledFilesExcludeGlobs', () => {
  it('keeps only entries set to true', () => {
    assert.deepEqual(enabledFilesExcludeGlobs({ '**/.git': true, '**/dist': false, '**/*.js': { when: '$(basename).ts' } }), ['**/.git']);
  });

  it('accepts odd values', () => {
    assert.deepEqual(enabledFilesExcludeGlobs(undefined), []);
    assert.deepEqual(enabledFilesExcludeGlobs('**/.git'), []);
    assert.deepEqual(enabledFilesExcludeGlobs(null), []);
  });
});
