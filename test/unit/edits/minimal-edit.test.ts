import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits } from 'jsonc-parser';
import { minimalEdit } from '../../../src/core/edits/minimal-edit';

describe('minimalEdit', () => {
  it('returns undefined for equal texts', () => {
    assert.equal(minimalEdit('abc', 'abc'), undefined);
  });

  it('covers only the differing span', () => {
    assert.deepEqual(minimalEdit('"bcrypt": "5"', '"bcryptjs": "^3"'), { offset: 7, length: 5, content: 'js": "^3' });
  });

  it('handles pure insertion and deletion', () => {
    assert.deepEqual(minimalEdit('aXb', 'ab'), { offset: 1, length: 1, content: '' });
    assert.deepEqual(minimalEdit('ab', 'aXb'), { offset: 1, length: 0, content: 'X' });
    assert.deepEqual(minimalEdit('aa', 'aaa'), { offset: 2, length: 0, content: 'a' });
  });

  it('keeps surrogate pairs whole', () => {
    assert.deepEqual(minimalEdit('a\u{1F600}b', 'a\u{1F601}b'), { offset: 1, length: 2, content: '\u{1F601}' });
  });

  it('turns any text into any other', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (before, after) => {
        const edit = minimalEdit(before, after);
        assert.equal(edit === undefined ? before : applyEdits(before, [edit]), after);
      }),
      { numRuns: 500 },
    );
  });
});
