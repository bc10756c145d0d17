import assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/findings';
import { RUNTIME_COMPAT_MATRIX } from '../../../src/core/runtime-compat-matrix';
import { describeFinding, findingsAtOffset } from '../../../src/extension/hover-content';

function finding(overrides: Partial<Finding>): Finding {
  return {
    rule: 'native-dependency',
    severity: 'error',
    message: 'bcrypt is a native addon.',
    range: { start: 10, end: 18 },
    line: 1,
    column: 11,
    endLine: 1,
    endColumn: 19,
    ...overrides,
  };
}

describe('findingsAtOffset', () => {
  it('includes both edges of a range', () => {
    const list = [finding({}), finding({ range: { start: 30, end: 35 } })];

    assert.equal(findingsAtOffset(list, 9).length, 0);
    assert.equal(findingsAtOffset(list, 10).length, 1);
    assert.equal(findingsAtOffset(list, 18).length, 1);
    assert.equal(findingsAtOffset(list, 19).length, 0);
    assert.equal(findingsAtOffset(list, 32)[0].range.start, 30);
  });
});

describe('describeFinding', () => {
  it('gives the drop-in remedy of a native package', () => {
    const sections = describeFinding(finding({ package: 'bcrypt' }), {});

    assert.deepEqual(sections.remedy, { kind: 'drop-in', subject: 'bcrypt', alternative: 'bcryptjs' });
    assert.match(sections.docsUrl, /rules\.md#native-dependency$/);
    assert.match(sections.sourcesUrl, /webcontainer-compatibility\.md$/);
  });

  it('says code must change for a code-change swap', () => {
    const sections = describeFinding(finding({ package: 'better-sqlite3' }), {});

    assert.deepEqual(sections.remedy, { kind: 'code-change', subject: 'better-sqlite3', alternative: 'sql.js' });
  });

  it('reads user table additions first', () => {
    const options = { extraNativePackages: { bcrypt: { alternative: null, remedy: 'none' as const, note: 'Our fork needs a C compiler.' } } };

    const sections = describeFinding(finding({ package: 'bcrypt' }), options);

    assert.equal(sections.reason, 'Our fork needs a C compiler.');
    assert.deepEqual(sections.remedy, { kind: 'none', subject: 'bcrypt', alternative: undefined });
  });

  it('gives the reason and Docker remedy of a runtime', () => {
    const sections = describeFinding(finding({ rule: 'unsupported-runtime', command: 'go', message: 'go cannot run.' }), {});

    assert.equal(sections.reason, RUNTIME_COMPAT_MATRIX.go.reason);
    assert.ok(sections.reason);
    assert.deepEqual(sections.remedy, { kind: 'run-elsewhere-docker', subject: 'go' });
  });

  it('resolves versioned command names', () => {
    const sections = describeFinding(finding({ rule: 'unsupported-runtime', command: '/usr/bin/python3.12', message: 'x' }), {});

    assert.equal(sections.reason, RUNTIME_COMPAT_MATRIX.python3.reason);
    assert.ok(sections.reason);
  });

  it('omits a reason the message already contains', () => {
    const reason = RUNTIME_COMPAT_MATRIX.go.reason;

    const sections = describeFinding(finding({ rule: 'unsupported-runtime', command: 'go', message: `go cannot run: ${reason}` }), {});

    assert.equal(sections.reason, undefined);
  });

  it('has no remedy for an invalid manifest', () => {
    const sections = describeFinding(finding({ rule: 'invalid-manifest', message: 'Unexpected end of JSON.' }), {});

    assert.equal(sections.remedy, undefined);
    assert.equal(sections.message, 'Unexpected end of JSON.');
  });
});
