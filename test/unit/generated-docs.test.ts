// The committed docs match the tables: regenerate in memory and compare.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_IDS } from '../../src/core';
import { COMPAT_FACTS } from '../../src/core/compat-facts';
import { COMPATIBILITY_DOC_PATH, renderCompatibilityDoc } from '../../src/tools/generate-docs';

const RULES_DOC_PATH = join(__dirname, '..', '..', 'docs', 'rules.md');

describe('docs/webcontainer-compatibility.md', () => {
  const committed = readFileSync(COMPATIBILITY_DOC_PATH, 'utf8');
  const rendered = renderCompatibilityDoc();

  it('is up to date', () => {
    assert.ok(committed === rendered, 'docs/webcontainer-compatibility.md is stale: run `npm run docs` and commit the result');
  });

  it('renders the same text twice', () => {
    assert.equal(renderCompatibilityDoc(), rendered);
  });

  it('has the required sections', () => {
    for (const heading of ['## Supported Runtimes', '## Native npm Packages', '## Sources']) {
      assert.ok(rendered.includes(`\n${heading}\n`), heading);
    }
  });

  it('has the required columns', () => {
    assert.match(rendered, /\n\| Runtime \| Supported \| Reason \| Fallback Driver \|/);
    assert.match(rendered, /\n\| Package \| Native \| Recommended Alternative \|/);
  });

  it('shows python3 and better-sqlite3', () => {
    assert.match(rendered, /\n\| `python3` \| may fail \| [^\n]*RustPython[^\n]*\| docker \|/);
    assert.match(rendered, /\n\| `better-sqlite3` \| yes \(addon\) \| `sql\.js` \(\^\d+\.\d+\.\d+\) \|/);
    assert.match(rendered, /\n\| `sharp` \| yes \(addon\) \| — \|/);
  });

  it('lists every fact with a heading', () => {
    for (const id of Object.keys(COMPAT_FACTS)) assert.ok(rendered.includes(`\n### ${id}\n`), id);
  });

  it('marks unconfirmed facts', () => {
    for (const [id, fact] of Object.entries(COMPAT_FACTS)) {
      if (!fact.unconfirmed) continue;
      const section = rendered.slice(rendered.indexOf(`\n### ${id}\n`));
      assert.match(section, /^\n### [^\n]+\n\n\*Unconfirmed\.\*/, id);
    }
  });

  it('links GitHub sources', () => {
    assert.ok(rendered.includes('[stackblitz/webcontainer-core#1366](https://github.com/stackblitz/webcontainer-core/issues/1366)'));
  });

  it('keeps table rows on one line', () => {
    const rows = rendered.split('\n').filter((line) => line.startsWith('| `'));
    assert.ok(rows.length > 100);
    for (const row of rows) assert.ok(row.endsWith(' |'), row.slice(0, 60));
  });
});

describe('docs/rules.md', () => {
  const text = readFileSync(RULES_DOC_PATH, 'utf8');

  it('has a section per rule id', () => {
    for (const rule of RULE_IDS) assert.ok(text.includes(`\n## ${rule}\n`), rule);
  });

  it('says severity and fix for each rule', () => {
    for (const rule of RULE_IDS) {
      const start = text.indexOf(`\n## ${rule}\n`);
      const next = text.indexOf('\n## ', start + 1);
      const section = text.slice(start, next === -1 ? undefined : next);
      assert.match(section, /\*\*Severity\*\*/, rule);
      assert.match(section, /\*\*How to fix\*\*/, rule);
    }
  });
});
