// A code-server window for UI tests, driven like a user would drive it: a normal window (no test module in
// the extension host) with the extension loaded from the repository or installed from a VSIX.
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../vscode/lib/browser';
import { runCleanup } from '../vscode/lib/cleanup';
import { installVsix, startCodeServer, type CodeServer } from '../vscode/lib/code-server';
import { FIXTURE_WORKSPACES_DIR, REPO_ROOT, TEST_OUTPUT_DIR } from '../vscode/lib/paths';
import { writeUserSettings } from '../vscode/lib/user-settings';
import { workbenchUrl } from '../vscode/lib/workbench';

export const UI_OUTPUT_DIR = path.join(TEST_OUTPUT_DIR, 'ui');

export interface UiSession {
  page: Page;
  /** Folder of the copied fixture workspace that the window opened. */
  workspacePath: string;
  close(): Promise<void>;
}

export interface UiSessionOptions {
  fixture: string;
  /** Install this VSIX instead of loading the extension from the repository (UI_VSIX in the environment). */
  vsixPath?: string;
  settings?: Record<string, unknown>;
}

/** Starts code-server and Chromium, opens a copy of the fixture and waits until the workbench is shown. */
export async function openUiSession(options: UiSessionOptions): Promise<UiSession> {
  // Screenshots of an earlier run would look like results of this one.
  fs.rmSync(UI_OUTPUT_DIR, { recursive: true, force: true });
  const runDir = path.join(UI_OUTPUT_DIR, 'run');

  const workspacePath = path.join(runDir, 'workspace', options.fixture);
  fs.cpSync(path.join(FIXTURE_WORKSPACES_DIR, options.fixture), workspacePath, { recursive: true });

  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  const stateDir = path.join(runDir, 'code-server-state');
  writeUserSettings(userDataDir, 'disabled', options.settings);

  if (options.vsixPath) {
    const logFile = path.join(runDir, 'install-extension.log');
    await installVsix(options.vsixPath, { userDataDir, extensionsDir, stateDir, logFile });
  } else if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing; run `npm run build` first');
  }

  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer({
      userDataDir,
      extensionsDir,
      stateDir,
      logFile: path.join(runDir, 'code-server.log'),
      disableWorkspaceTrust: true,
    });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const consoleLog = fs.createWriteStream(path.join(runDir, 'browser-console.log'));
    page.on('console', (message) => consoleLog.write(`[${message.type()}] ${message.text()}\n`));

    const url = workbenchUrl({
      origin: server.origin,
      workspacePath,
      isWorkspaceFile: false,
      extensionDevelopmentPath: options.vsixPath ? undefined : REPO_ROOT,
    });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

    return { page, workspacePath, close: () => runCleanup() };
  } catch (error) {
    await runCleanup();
    throw error;
  }
}

/** Runs a command from the command palette, which F1 opens in the web workbench. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}
