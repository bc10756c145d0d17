// Runs one integration suite in a fresh code-server window: its own user-data-dir, extensions dir, settings
// and copy of the fixture workspace, all under test-output/integration/<run name>/.
import type { Browser } from 'playwright-core';
import * as fs from 'fs';
import * as path from 'path';
import type { IntegrationSuite } from '../../integration/suites';
import { startCodeServer } from './code-server';
import { prepareSuiteRun, type PreparationOptions } from './suite-run-setup';
import { runExtensionTests } from './workbench';

const DEFAULT_SUITE_TIMEOUT_MS = 5 * 60_000;
const WORKBENCH_INFO_PREFIX = '[workbench info] ';

/** Workbench start-up and shutdown lines that every run prints; they stay in workbench.log only. */
const ROUTINE_WORKBENCH_LINES = [
  /connection token/,
  /Creating a socket/,
  /\[Service Worker\] registered/,
  /ChatSessionStore: Migrating 0/,
  /additional builtin extensions/,
  /Long running operations during shutdown are unsupported in the web/,
];

export interface SuiteRunOptions extends PreparationOptions {
  browser: Browser;
  /** Compiled test index, the `extensionTestsPath`. */
  testIndexPath: string;
  timeoutMs?: number;
}

export interface SuiteResult {
  name: string;
  exitCode: number;
  durationMs: number;
  outputDir: string;
}

/** Starts code-server, runs the suite in a new browser page, stops code-server and returns the exit code. */
export async function runSuite(suite: IntegrationSuite, options: SuiteRunOptions): Promise<SuiteResult> {
  const started = Date.now();
  const run = prepareSuiteRun(suite, 'integration', options);

  const logFile = path.join(run.runDir, 'code-server.log');
  const server = await startCodeServer({
    userDataDir: run.userDataDir,
    extensionsDir: run.extensionsDir,
    stateDir: path.join(run.runDir, 'code-server-state'),
    logFile,
    disableWorkspaceTrust: run.trust === 'disabled',
    env: run.env,
  });

  const workbenchLog = fs.createWriteStream(path.join(run.runDir, 'workbench.log'));
  try {
    const exitCode = await runExtensionTests(
      options.browser,
      {
        origin: server.origin,
        workspacePath: run.workspacePath,
        isWorkspaceFile: run.isWorkspaceFile,
        extensionDevelopmentPath: run.developmentPath,
        extensionTestsPath: options.testIndexPath,
      },
      {
        timeoutMs: options.timeoutMs ?? suite.timeoutMs ?? DEFAULT_SUITE_TIMEOUT_MS,
        aborted: server.unexpectedExit,
        onLog: (line) => relayLogLine(line, workbenchLog),
      },
    );
    return { name: options.runName ?? suite.name, exitCode, durationMs: Date.now() - started, outputDir: run.runDir };
  } finally {
    workbenchLog.end();
    await server.stop();
  }
}

/**
 * Writes every line to the run's workbench.log, and the workbench's log without routine lines to stdout.
 * The workbench's log contains what the extension host prints, so the test report appears there. The
 * page's console repeats those lines with CSS arguments, so it goes to the file only.
 */
function relayLogLine(line: string, log: fs.WriteStream): void {
  log.write(`${line}\n`);
  if (ROUTINE_WORKBENCH_LINES.some((pattern) => pattern.test(line))) {
    return;
  }
  if (line.startsWith(WORKBENCH_INFO_PREFIX)) {
    process.stdout.write(`${line.slice(WORKBENCH_INFO_PREFIX.length)}\n`);
  } else if (line.startsWith('[workbench ')) {
    process.stdout.write(`${line}\n`);
  }
}
