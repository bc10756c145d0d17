// Opens VS Code's web workbench in a Chromium page and, for extension tests, waits for the exit code that
// the workbench reports through `window.codeAutomationExit` when the test module's `run()` settles.
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { RunnerError } from './runner-error';

export interface WorkbenchTarget {
  /** `http://127.0.0.1:PORT` of the code-server that serves the workbench. */
  origin: string;
  /** Absolute path of a folder, or of a `.code-workspace` file when `isWorkspaceFile` is set. */
  workspacePath: string;
  isWorkspaceFile: boolean;
  /** Absolute folder of an extension to load from source, like `--extensionDevelopmentPath`. */
  extensionDevelopmentPath?: string;
  /** Absolute path of the compiled module whose `run()` the extension host calls, like `--extensionTestsPath`. */
  extensionTestsPath?: string;
}

/**
 * Builds the workbench address. The web workbench reads the desktop app's development options from the
 * `payload` query parameter, with paths as `vscode-remote://` URIs of the server that serves it.
 */
export function workbenchUrl(target: WorkbenchTarget): string {
  const url = new URL(target.origin);
  const remote = (absolutePath: string) => `vscode-remote://${url.host}${absolutePath}`;

  url.searchParams.set(target.isWorkspaceFile ? 'workspace' : 'folder', target.workspacePath);

  const payload: [string, string][] = [];
  if (target.extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', remote(target.extensionDevelopmentPath)]);
  }
  if (target.extensionTestsPath) {
    payload.push(['extensionTestsPath', remote(target.extensionTestsPath)]);
  }
  if (payload.length > 0) {
    url.searchParams.set('payload', JSON.stringify(payload));
  }
  return url.toString();
}

export interface TestRunOptions {
  timeoutMs: number;
  /** Settles with a message when the run can no longer finish, for example because the server exited. */
  aborted?: Promise<string>;
  /** Receives each line that the workbench and the extension host log. */
  onLog(line: string): void;
}

/**
 * Opens the workbench with an `extensionTestsPath` and returns the exit code that the workbench reports,
 * or rejects when none arrives within the time limit.
 */
export async function runExtensionTests(browser: Browser, target: WorkbenchTarget, options: TestRunOptions): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();

  let reportExit: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((resolve) => (reportExit = resolve));

  await page.exposeFunction('codeAutomationExit', (code: unknown) => reportExit(Number(code)));
  await page.exposeFunction('codeAutomationLog', (type: unknown, args: unknown) => {
    options.onLog(`[workbench ${String(type)}] ${formatLogArguments(args)}`);
  });
  relayPageOutput(page, options.onLog);

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new RunnerError(
            `the extension tests did not finish within ${options.timeoutMs} ms; ` +
              "raise the limit with --timeout or the suite's timeoutMs if they need longer",
          ),
        ),
      options.timeoutMs,
    );
  });
  const crashed = new Promise<never>((_, reject) => {
    page.once('crash', () => reject(new RunnerError('the browser page with the workbench crashed')));
    options.aborted?.then((message) => reject(new RunnerError(message)));
  });
  // A crash after the run has settled must not become an unhandled rejection.
  crashed.catch(() => undefined);

  try {
    await Promise.race([page.goto(workbenchUrl(target)), crashed]);
    return await Promise.race([exitCode, timeout, crashed]);
  } finally {
    clearTimeout(timer);
    await context.close();
  }
}

/** Relays the page's console lines, uncaught errors and failed requests. */
function relayPageOutput(page: Page, onLog: (line: string) => void): void {
  page.on('console', (message: ConsoleMessage) => onLog(`[console ${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => onLog(`[page error] ${error.message}`));
  page.on('requestfailed', (request) => onLog(`[request failed] ${request.url()}: ${request.failure()?.errorText}`));
}

function formatLogArguments(args: unknown): string {
  if (Array.isArray(args)) {
    return args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ');
  }
  return String(args);
}
