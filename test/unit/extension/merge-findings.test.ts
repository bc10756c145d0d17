import assert from 'node:assert/strict';
import type { Finding, RuleId } from '../../../src/core/findings';
import { mergeFindings } from '../../../src/extension/merge-findings';

function finding(rule: RuleId, start: number, end: number, message: string): Finding {
  return { rule, severity: 'warning', message, range: { start, end }, line: 1, column: start + 1, endLine: 1, endColumn: end + 1 };
}

describe('mergeFindings', () => {
  it('keeps the manifest finding of a repeated rule and range', () => {
    const manifest = [finding('unsupported-runtime', 10, 15, 'manifest')];
    const tree = [finding('unsupported-runtime', 10, 15, 'tree'), finding('native-transitive-dependency', 20, 29, 'wrapper')];

    const merged = mergeFindings(manifest, tree);

    assert.deepEqual(merged.map((item) => item.message), ['manifest', 'wrapper']);
  });

  it('keeps different rules on one range', () => {
    const merged = mergeFindings([finding('native-dependency', 20, 29, 'table')], [finding('native-transitive-dependency', 20, 29, 'tree')]);

    assert.equal(merged.length, 2);
  });

  it('drops repeats inside one list', () => {
    const tree = [finding('native-transitive-dependency', 1, 2, 'first'), finding('native-transitive-dependency', 1, 2, 'second')];

    assert.deepEqual(mergeFindings([], tree).map((item) => item.message), ['first']);
  });
});
