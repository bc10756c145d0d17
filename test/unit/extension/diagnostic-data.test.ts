import assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/findings';
import { toDiagnosticData, toDiagnosticDataList, toZeroBased } from '../../../src/extension/diagnostic-data';

const pythonFinding: Finding = {
  rule: 'unsupported-runtime',
  severity: 'error',
  message: 'python cannot run in a WebContainer.',
  range: { start: 40, end: 46 },
  line: 3,
  column: 16,
  endLine: 3,
  endColumn: 22,
  script: 'build',
  command: 'python',
  via: ['prebuild'],
  related: [{ message: 'prebuild runs build', range: { start: 20, end: 30 }, line: 2, column: 5, endLine: 2, endColumn: 15 }],
};

describe('toDiagnosticData', () => {
  it('converts ranges to 0-based', () => {
    const data = toDiagnosticData(pythonFinding, {});

    assert.deepEqual(data?.range, { startLine: 2, startCharacter: 15, endLine: 2, endCharacter: 21 });
    assert.deepEqual(data?.related, [{ message: 'prebuild runs build', range: { startLine: 1, startCharacter: 4, endLine: 1, endCharacter: 14 } }]);
  });

  it('keeps the core severity without override', () => {
    assert.equal(toDiagnosticData(pythonFinding, {})?.severity, 'error');
    assert.equal(toDiagnosticData(pythonFinding, { 'shell-script': 'hint' })?.severity, 'error');
  });

  it('applies the severity override', () => {
    assert.equal(toDiagnosticData(pythonFinding, { 'unsupported-runtime': 'hint' })?.severity, 'hint');
    assert.equal(toDiagnosticData(pythonFinding, { 'unsupported-runtime': 'off' }), undefined);
  });

  it('links the rule documentation', () => {
    const data = toDiagnosticData(pythonFinding, {});

    assert.equal(data?.rule, 'unsupported-runtime');
    assert.match(data?.docsUrl ?? '', /\/docs\/rules\.md#unsupported-runtime$/);
    assert.equal(data?.finding, pythonFinding);
  });

  it('drops findings of rules that are off', () => {
    const shell: Finding = { ...pythonFinding, rule: 'shell-script' };

    const list = toDiagnosticDataList([pythonFinding, shell], { 'shell-script': 'off' });

    assert.deepEqual(list.map((data) => data.rule), ['unsupported-runtime']);
  });

  it('clamps positions below the first line', () => {
    assert.deepEqual(toZeroBased({ line: 0, column: 0, endLine: 1, endColumn: 1 }), { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 });
  });
});
