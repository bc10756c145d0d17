// Run Script in Sandbox, end to end in code-server. The command runs scripts in the webview page and in the
// browser page with the page's fake runtime, because a real WebContainer needs StackBlitz, which this machine
// cannot reach. The suite also covers the guard's refusal with its fallbacks, and the real @webcontainer/api
// failing to boot within the configured time.
// The extension's test hooks (registered only in extension test mode) record notifications and external opens.
import * as assert from 'assert';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import * as vscode from 'vscode';
import { readTestEnvironment } from '../environment';

const RUN_COMMAND = 'webcontainerCompat.runScriptInSandbox';
const STOP_COMMAND = 'webcontainerCompat.stopSandbox';
const TEST_COMMAND = 'webcontainerCompat.sandbox.testHooks';
const EXTENSION_ID = 'webcontainer-compat.webcontainer-compat';

interface Notification {
  level: string;
  message: string;
  actions: string[];
}

interface TestState {
  session?: {
    scriptName: string;
    phase: string;
    transport?: string;
    exitCode?: number;
    failure?: string;
    serverUrls: string[];
    transcript: string;
    pageUrl?: string;
  };
  notifications: Notification[];
  openedUris: string[];
}

type Configure = { runtime?: 'fake' | 'webcontainer'; target?: 'auto' | 'browser'; chosenActions?: string[] };

async function configure(options: Configure): Promise<void> {
  await vscode.commands.executeCommand(TEST_COMMAND, { action: 'reset' });
  await vscode.commands.executeCommand(TEST_COMMAND, { action: 'configure', ...options });
}

async function state(): Promise<TestState> {
  return (await vscode.commands.executeCommand<TestState>(TEST_COMMAND, { action: 'state' })) as TestState;
}

/** Polls the test state until `done` holds; fails with the last state when it does not within `timeoutMs`. */
async function waitForState(done: (current: TestState) => boolean, timeoutMs: number, what: string): Promise<TestState> {
  const deadline = Date.now() + timeoutMs;
  let current = await state();
  while (!done(current)) {
    if (Date.now() > deadline) {
      assert.fail(`Timed out after ${timeoutMs} ms waiting for ${what}. Last state: ${JSON.stringify(current, null, 2).slice(0, 4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    current = await state();
  }
  return current;
}

function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri;
}

function manifest(relative = 'package.json'): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), relative);
}

/** playwright-core from the repository, loaded at run time so the test bundle does not include it. */
function loadPlaywright(): typeof import('playwright-core') {
  const root = readTestEnvironment().extensionPath ?? path.resolve(__dirname, '../../../..');
  return createRequire(path.join(root, 'package.json'))('playwright-core') as typeof import('playwright-core');
}

/** Debian's Chromium, which the code-server runner provisions; CHROMIUM_PATH names another build. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function withChromium<T>(context: Mocha.Context, body: (browser: import('playwright-core').Browser) => Promise<T>): Promise<T> {
  // Under @vscode/test-electron on another machine there may be no Chromium: the browser checks are skipped there.
  if (!fs.existsSync(CHROMIUM)) context.skip();

  const browser = await loadPlaywright().chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    return await body(browser);
  } finally {
    await browser.close();
  }
}

describe('Run Script in Sandbox', function () {
  this.timeout(90_000);

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    await extension.activate();

    // Files the fixture cannot carry in git: node_modules, a file that its .gitignore lists, and a symlink out of the folder.
    const root = workspaceRoot().fsPath;
    fs.mkdirSync(path.join(root, 'node_modules', 'left-pad'), { recursive: true });
    fs.writeFileSync(path.join(root, 'node_modules', 'left-pad', 'index.js'), 'module.exports = 1;\n');
    fs.writeFileSync(path.join(root, 'local-notes.txt'), 'ignored by .gitignore\n');
    const outside = fs.mkdtempSync(path.join(path.dirname(root), 'outside-'));
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'outside the folder\n');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'outside-link.txt'));
  });

  afterEach(async () => {
    await vscode.commands.executeCommand(TEST_COMMAND, { action: 'reset' });
  });

  it('runs a script in the webview with the fake runtime', async () => {
    await configure({ runtime: 'fake', target: 'auto' });

    await vscode.commands.executeCommand(RUN_COMMAND, { manifest: manifest(), script: 'hello' });
    const final = await waitForState((current) => current.session?.phase === 'ended', 60_000, 'the webview run to end');

    const session = final.session!;
    assert.strictEqual(session.transport, 'webview');
    assert.strictEqual(session.exitCode, 0, session.transcript);
    assert.strictEqual(session.failure, undefined);
    assert.match(session.transcript, /> webcontainer-compat-fixture-sandbox@1\.0\.0 hello/);
    assert.match(session.transcript, /sandbox-hello-output\nsecond-line\n/);
    assert.match(session.transcript, /finished with exit code 0/);
  });

  it('opens the browser page isolated and runs there', async function () {
    await configure({ runtime: 'fake', target: 'browser' });

    await vscode.commands.executeCommand(RUN_COMMAND, { manifest: manifest(), script: 'list' });
    const opened = await waitForState((current) => current.openedUris.length > 0, 20_000, 'the page to be opened');
    const url = opened.openedUris[0];

    const isolated = await withChromium(this, async (browser) => {
      const page = await browser.newPage();
      const response = await page.goto(url);
      assert.ok(response, `no response for ${url}`);
      assert.strictEqual(response.status(), 200, url);
      assert.strictEqual(response.headers()['cross-origin-opener-policy'], 'same-origin');
      assert.strictEqual(response.headers()['cross-origin-embedder-policy'], 'require-corp');
      const crossOriginIsolated = await page.evaluate(() => (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated);
      await waitForState((current) => current.session?.phase === 'ended', 30_000, 'the browser run to end');
      return crossOriginIsolated;
    });

    assert.strictEqual(isolated, true, 'the sandbox page is cross-origin isolated in Chromium');
    const session = (await state()).session!;
    assert.strictEqual(session.transport, 'browser');
    assert.strictEqual(session.exitCode, 0, session.transcript);
    const listed = session.transcript.split('\n');
    assert.ok(listed.includes('package.json'), session.transcript);
    assert.ok(listed.includes('.env.example'), session.transcript);
    assert.ok(listed.includes('tools/gen.py'), session.transcript);
    for (const leftOut of ['.env', 'local-notes.txt', 'outside-link.txt', 'node_modules/', 'node_modules/left-pad/index.js']) {
      assert.ok(!listed.includes(leftOut), `${leftOut} must not be mounted:\n${session.transcript}`);
    }
    assert.match(session.transcript, /Left out 1 symbolic links that point outside the folder/);
    assert.match(session.transcript, /Left out 1 \.env files/);
  });

  it('rejects requests to the page without the secret', async () => {
    await configure({ runtime: 'fake', target: 'browser' });

    await vscode.commands.executeCommand(RUN_COMMAND, { manifest: manifest(), script: 'dev' });
    const opened = await waitForState((current) => current.session?.pageUrl !== undefined, 20_000, 'the local server');
    const pageUrl = new URL(opened.session!.pageUrl!);

    const withoutSecret = await fetch(`${pageUrl.origin}/`);
    const wrongSecret = await fetch(`${pageUrl.origin}/s/${'0'.repeat(64)}/`);
    const withSecret = await fetch(pageUrl);

    assert.strictEqual(withoutSecret.status, 403);
    assert.strictEqual(wrongSecret.status, 403);
    assert.strictEqual(withSecret.status, 200);
    assert.strictEqual(withSecret.headers.get('cross-origin-embedder-policy'), 'require-corp');
    await vscode.commands.executeCommand(STOP_COMMAND);
  });

  it('reports server-ready and stops on request', async () => {
    await configure({ runtime: 'fake', target: 'auto' });

    await vscode.commands.executeCommand(RUN_COMMAND, { manifest: manifest(), script: 'dev' });
    const ready = await waitForState((current) => (current.session?.serverUrls.length ?? 0) > 0, 60_000, 'server-ready');
    await vscode.commands.executeCommand(STOP_COMMAND);
    const final = await waitForState((current) => current.session?.phase === 'ended', 20_000, 'the stop');

    assert.deepStrictEqual(ready.session!.serverUrls, ['http://localhost:5173/']);
    const notification = ready.notifications.find((entry) => entry.message.includes('http://localhost:5173/'));
    assert.ok(notification, JSON.stringify(ready.notifications));
    assert.deepStrictEqual(notification.actions, ['Open']);
    assert.strictEqual(final.session!.exitCode, 130);
    assert.match(final.session!.transcript, /was stopped/);
  });

  it('passes keys typed in the terminal to the script', async () => {
    await configure({ runtime: 'fake', target: 'auto' });

    await vscode.commands.executeCommand(RUN_COMMAND, { manifest: manifest(), script: 'ask' });
    await waitForState((current) => current.session?.phase === 'running', 60_000, 'the script to start');
    const terminal = vscode.window.terminals.find((candidate) => candidate.name === 'Sandbox: ask');
    assert.ok(terminal, vscode.window.terminals.map((candidate) => candidate.name).join(', '));
    terminal.sendText('typed-answer');
    const final = await waitForState((current) => current.session?.phase === 'ended', 20_000, 'the script to read the line');

    assert.match(final.session!.transcript, /got: typed-answer\n/);
    assert.strictEqual(final.session!.exitCode, 0);
  });

  it('reports the exit code of a failing script', async () => {
    await configure({ runtime: 'fake', target: 'auto' });

    await vscode.commands.executeCommand(RUN_COMMAND, { manifest: manifest(), script: 'fails' });
    const final = await waitForState((current) => current.session?.phase === 'ended', 60_000, 'the failing run');

    assert.strictEqual(final.session!.exitCode, 3);
    assert.match(final.session!.failure ?? '', /Script "fails" failed with exit code 3/);
    assert.ok(final.notifications.some((entry) => entry.level === 'error' && /exit code 3/.test(entry.message)));
  });

  it('names the package that failed to install', async () => {
    await configure({ runtime: 'fake', target: 'auto' });

    await vscode.commands.executeCommand(RUN_COMMAND, { manifest: manifest('packages/broken/package.json'), script: 'start' });
    const final = await waitForState((current) => current.session?.phase === 'ended', 60_000, 'the failing install');

    assert.match(final.session!.failure ?? '', /"npm install" failed with exit code 1: the package "no-such-package-xyz" could not be installed/);
    assert.doesNotMatch(final.session!.transcript, /never-printed/);
  });

  it('rejects a script that calls python3, with the fallbacks', async () => {
    await configure({ runtime: 'fake', target: 'auto' });

    await vscode.commands.executeCommand(RUN_COMMAND, { manifest: manifest(), script: 'build' });
    const current = await waitForState((snapshot) => snapshot.notifications.length > 0, 10_000, 'the rejection');

    assert.strictEqual(current.session, undefined, 'no sandbox was started');
    const [warning] = current.notifications;
    assert.strictEqual(warning.level, 'warning');
    assert.match(warning.message, /script "build"/);
    assert.match(warning.message, /gen/);
    assert.match(warning.message, /"python3"/);
    assert.match(warning.message, /Docker/);
    assert.deepStrictEqual(warning.actions, ['Run in Docker', 'Run in Local Terminal']);
  });

  it('runs a rejected script in a local terminal when chosen', async () => {
    await configure({ runtime: 'fake', target: 'auto', chosenActions: ['Run in Local Terminal'] });
    const opened = new Promise<vscode.Terminal>((resolve) => {
      const subscription = vscode.window.onDidOpenTerminal((terminal) => {
        if (terminal.name.includes('gen')) {
          subscription.dispose();
          resolve(terminal);
        }
      });
    });

    await vscode.commands.executeCommand(RUN_COMMAND, { manifest: manifest(), script: 'gen' });
    const terminal = await opened;

    assert.strictEqual(terminal.name, 'gen (local)');
    terminal.dispose();
  });

  it('runs a rejected script in Docker when chosen, or says Docker is missing', async () => {
    await configure({ runtime: 'fake', target: 'auto', chosenActions: ['Run in Docker'] });
    const dockerOnPath = (process.env.PATH ?? '').split(path.delimiter).some((folder) => fs.existsSync(path.join(folder, 'docker')));
    const started = new Promise<vscode.Task>((resolve) => {
      const subscription = vscode.tasks.onDidStartTask((event) => {
        subscription.dispose();
        resolve(event.execution.task);
      });
    });

    await vscode.commands.executeCommand(RUN_COMMAND, { manifest: manifest(), script: 'gen' });

    if (dockerOnPath) {
      const task = await started;
      const execution = task.execution as vscode.ProcessExecution;
      assert.strictEqual(task.name, 'gen (Docker, node:20)');
      assert.ok(execution.process.endsWith('docker'), execution.process);
      assert.deepStrictEqual(execution.args, ['run', '--rm', '-it', '-v', `${workspaceRoot().fsPath}:/app`, '-w', '/app', 'node:20', 'npm', 'run', 'gen']);
      await vscode.commands.executeCommand('workbench.action.tasks.terminate', task.name);
    } else {
      const current = await waitForState((snapshot) => snapshot.notifications.some((entry) => entry.level === 'error'), 10_000, 'the missing-Docker message');
      assert.ok(current.notifications.some((entry) => /No Docker client was found on the PATH/.test(entry.message)), JSON.stringify(current.notifications));
    }
  });

  it('offers a code lens on each script', async () => {
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', manifest())) ?? [];

    const sandboxLenses = lenses.filter((lens) => lens.command?.command === RUN_COMMAND);
    const scripts = sandboxLenses.map((lens) => (lens.command?.arguments?.[0] as { script: string }).script);
    assert.deepStrictEqual(scripts, ['hello', 'list', 'fails', 'dev', 'ask', 'gen', 'build']);
    assert.strictEqual(sandboxLenses[0].command?.title, 'Run in Sandbox');
  });

  it('explains that the webview is not cross-origin isolated', async () => {
    await configure({ runtime: 'webcontainer', target: 'auto' });

    await vscode.commands.executeCommand(RUN_COMMAND, { manifest: manifest(), script: 'hello' });
    const current = await waitForState(
      (snapshot) => snapshot.notifications.some((entry) => entry.actions.includes('Open in Browser')),
      60_000,
      'the not-isolated explanation',
    );

    const warning = current.notifications.find((entry) => entry.actions.includes('Open in Browser'))!;
    assert.match(warning.message, /not cross-origin isolated/);
    assert.match(current.session!.transcript, /SharedArrayBuffer is unavailable/);
    assert.strictEqual(current.session!.transport, 'webview');
  });

  it('runs one sandbox at a time', async () => {
    await configure({ runtime: 'fake', target: 'auto', chosenActions: ['Stop and Run'] });
    await vscode.commands.executeCommand(RUN_COMMAND, { manifest: manifest(), script: 'dev' });
    await waitForState((current) => (current.session?.serverUrls.length ?? 0) > 0, 60_000, 'the first run to serve');

    await vscode.commands.executeCommand(RUN_COMMAND, { manifest: manifest(), script: 'hello' });
    const final = await waitForState((current) => current.session?.scriptName === 'hello' && current.session.phase === 'ended', 60_000, 'the second run');

    const question = final.notifications.find((entry) => entry.actions.includes('Stop and Run'));
    assert.ok(question, JSON.stringify(final.notifications));
    assert.match(question.message, /already running script "dev"/);
    assert.strictEqual(final.session!.exitCode, 0);
  });

  it('fails to boot the real WebContainer within the time limit', async function () {
    // The user path: the webview is not isolated, the user chooses Open in Browser, the browser page boots.
    await configure({ runtime: 'webcontainer', target: 'auto', chosenActions: ['Open in Browser'] });
    const timeoutSeconds = vscode.workspace.getConfiguration('webcontainerCompat').get<number>('sandbox.bootTimeoutSeconds');
    assert.strictEqual(timeoutSeconds, 5, 'the suite sets a 5 s boot limit');

    await vscode.commands.executeCommand(RUN_COMMAND, { manifest: manifest(), script: 'hello' });
    const opened = await waitForState((current) => current.openedUris.length > 0, 20_000, 'the page to be opened');

    const started = Date.now();
    const final = await withChromium(this, async (browser) => {
      const page = await browser.newPage();
      const response = await page.goto(opened.openedUris[0]);
      assert.strictEqual(response?.status(), 200, opened.openedUris[0]);
      return waitForState((current) => current.session?.phase === 'ended', 40_000, 'the boot to fail');
    });

    const elapsed = Date.now() - started;
    assert.strictEqual(final.session!.transport, 'browser');
    assert.match(final.session!.failure ?? '', /did not boot within 5 s/);
    assert.match(final.session!.failure ?? '', /stackblitz\.com/);
    assert.ok(elapsed < 40_000, `the failure arrived after ${elapsed} ms`);
  });
});
