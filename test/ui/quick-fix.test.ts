// UI test in code-server and Chromium. Like a user, it opens a package.json, waits for the extension's
// findings in the Problems panel and applies "Replace bcrypt with bcryptjs" from the light bulb menu.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { openUiSession, runCommand, UI_OUTPUT_DIR, type UiSession } from './ui-session';

/** Upper bound in milliseconds for the extension to scan, and for the workbench to show the result. */
const UI_WAIT_MS = 30_000;

describe('quick fix in the editor UI', function () {
  let session: UiSession;
  let manifestPath: string;
  let originalText: string;

  before(async function () {
    this.timeout(180_000);
    session = await openUiSession({ fixture: 'ui-quick-fix', vsixPath: process.env.UI_VSIX || undefined });
    manifestPath = path.join(session.workspacePath, 'package.json');
    originalText = fs.readFileSync(manifestPath, 'utf8');
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) {
      const name = this.currentTest.title.replace(/[^a-z0-9]+/gi, '-');
      await session.page.screenshot({ path: path.join(UI_OUTPUT_DIR, `failed-${name}.png`) });
    }
  });

  after(async () => {
    await session?.close();
  });

  function problemRows(): Locator {
    return session.page.locator('.markers-panel .monaco-list-row');
  }

  it('lists the findings in the Problems panel', async () => {
    const { page } = session;

    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('package.json');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'package.json' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines', { hasText: 'bcrypt' }).waitFor();

    await runCommand(page, 'Problems: Focus on Problems View');
    const bcryptRow = problemRows().filter({ hasText: 'bcrypt' }).filter({ hasText: 'webcontainer' });
    await bcryptRow.first().waitFor({ timeout: UI_WAIT_MS });

    await page.screenshot({ path: path.join(UI_OUTPUT_DIR, 'problems-panel.png') });
    assert.ok((await bcryptRow.count()) >= 1, 'no Problems row from source webcontainer mentions bcrypt');
  });

  it('applies the light bulb quick fix to the file', async () => {
    const { page } = session;

    // Enter on a problem selects its range in the editor and moves the focus there, where Ctrl+. opens the
    // light bulb menu. Ctrl+. in the Problems panel would open the panel's own context menu instead.
    await problemRows().filter({ hasText: 'bcrypt' }).filter({ hasText: 'webcontainer' }).first().click();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor.focused').waitFor();
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Replace bcrypt with bcryptjs' });
    await fix.first().waitFor({ timeout: UI_WAIT_MS });
    await page.screenshot({ path: path.join(UI_OUTPUT_DIR, 'quick-fix-menu.png') });

    // A pointer-block layer covers the menu during its animation, so the fix is chosen with the keyboard.
    await selectFocusedAction(page, 'Replace bcrypt with bcryptjs');
    await page.locator('.monaco-editor .view-lines', { hasText: 'bcryptjs' }).waitFor({ timeout: UI_WAIT_MS });
    await page.keyboard.press('Control+S');
    const savedText = await waitForFileChange(manifestPath, originalText);
    await page.screenshot({ path: path.join(UI_OUTPUT_DIR, 'after-quick-fix.png') });

    const manifest = JSON.parse(savedText);
    assert.deepStrictEqual(Object.keys(manifest.dependencies), ['bcryptjs', 'express']);
    assert.strictEqual(manifest.dependencies.express, '^4.21.2');
    assert.match(manifest.dependencies.bcryptjs, /^\^?\d+\.\d+\.\d+$/);
    assert.ok(savedText.includes('\n    "bcryptjs": '), 'the fix changed the indentation of the dependencies');
    assert.ok(savedText.endsWith('}\n'), 'the fix removed the final newline');
  });

  it('clears the finding after the fix', async () => {
    const rows = problemRows().filter({ hasText: 'bcrypt' }).filter({ hasText: 'webcontainer' });

    await rows.first().waitFor({ state: 'detached', timeout: UI_WAIT_MS });

    assert.strictEqual(await rows.count(), 0);
  });
});

/** Moves the focus in the open light bulb menu to the action with this title and applies it with Enter. */
async function selectFocusedAction(page: Page, title: string): Promise<void> {
  const rows = page.locator('.action-widget .monaco-list-row.action');
  const count = await rows.count();

  for (let step = 0; step < count; step++) {
    const focused = page.locator('.action-widget .monaco-list-row.action.focused');
    if ((await focused.getAttribute('aria-label')) === title) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the light bulb menu has no action '${title}'`);
}

/** Polls the file until its text differs from `before`, because the save reaches the disk asynchronously. */
async function waitForFileChange(file: string, before: string): Promise<string> {
  const deadline = Date.now() + UI_WAIT_MS;

  while (Date.now() < deadline) {
    const text = fs.readFileSync(file, 'utf8');
    if (text !== before) {
      return text;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${file} did not change on disk within ${UI_WAIT_MS} ms after the quick fix and Ctrl+S`);
}
