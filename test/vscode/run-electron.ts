// Runs the same integration suites with @vscode/test-electron in desktop VS Code.
//
// Usage: tsx test/vscode/run-electron.ts [--suite NAME]... [--grep PATTERN]
// Environment: VSCODE_EXECUTABLE_PATH  an installed VS Code to use instead of downloading one;
//              VSCODE_VERSION          the version to download (default: the newest that engines.vscode allows).
// Without VSCODE_EXECUTABLE_PATH, test-electron downloads VS Code from update.code.visualstudio.com into
// .vscode-test/. Where that host is unreachable the download fails within about a minute (three attempts,
// each ended by a 15 s idle timeout at most), and the runner stops with a message saying so.
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { downloadAndUnzipVSCode, runTests, TestRunFailedError } from '@vscode/test-electron';
import type { IntegrationSuite } from '../integration/suites';
import { buildIntegrationTests } from './lib/build-tests';
import { runMain } from './lib/cleanup';
import { REPO_ROOT } from './lib/paths';
import { RunnerError } from './lib/runner-error';
import { prepareSuiteRun } from './lib/suite-run-setup';
import { checkSuiteCoverage, selectSuites } from './lib/suite-selection';

/** Idle time in milliseconds after which test-electron abandons a request to Microsoft's servers. */
const DOWNLOAD_IDLE_TIMEOUT_MS = 15_000;

async function resolveVSCodeExecutable(): Promise<string> {
  const installed = process.env.VSCODE_EXECUTABLE_PATH;
  if (installed) {
    if (!fs.existsSync(installed)) {
      throw new RunnerError(`VSCODE_EXECUTABLE_PATH is ${installed}, which does not exist`);
    }
    return installed;
  }

  console.log('Downloading VS Code with @vscode/test-electron (set VSCODE_EXECUTABLE_PATH to skip this)...');
  try {
    return await downloadAndUnzipVSCode({
      version: process.env.VSCODE_VERSION || undefined,
      cachePath: path.join(REPO_ROOT, '.vscode-test'),
      extensionDevelopmentPath: REPO_ROOT,
      timeout: DOWNLOAD_IDLE_TIMEOUT_MS,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RunnerError(
      `@vscode/test-electron could not download VS Code: ${reason}. It needs update.code.visualstudio.com, ` +
        'which this machine may not reach. Run the same suites in code-server with `npm run test:integration`, ' +
        'or set VSCODE_EXECUTABLE_PATH to an installed VS Code.',
    );
  }
}

async function runSuiteInElectron(
  suite: IntegrationSuite,
  executable: string,
  testIndexPath: string,
  grep: string | undefined,
): Promise<number> {
  const run = prepareSuiteRun(suite, 'electron', { grep });
  const launchArgs = [
    run.workspacePath,
    `--user-data-dir=${run.userDataDir}`,
    `--extensions-dir=${run.extensionsDir}`,
    '--disable-telemetry',
    '--disable-updates',
    '--skip-welcome',
    '--skip-release-notes',
    // NOTE: desktop VS Code has never run here, so whether an 'untrusted' suite opens in restricted mode
    // under test-electron (as it does in code-server) is unverified.
    ...(run.trust === 'disabled' ? ['--disable-workspace-trust'] : []),
  ];

  try {
    return await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: run.developmentPath,
      extensionTestsPath: testIndexPath,
      extensionTestsEnv: run.env,
      launchArgs,
    });
  } catch (error) {
    if (error instanceof TestRunFailedError) {
      return error.code ?? 1;
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new RunnerError(`VS Code at ${executable} could not run suite '${suite.name}': ${reason}`);
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      suite: { type: 'string', multiple: true, default: [] },
      grep: { type: 'string' },
    },
  });
  checkSuiteCoverage();
  const suites = selectSuites(values.suite ?? []);

  const testIndexPath = await buildIntegrationTests();
  const executable = await resolveVSCodeExecutable();

  const failed: string[] = [];
  for (const suite of suites) {
    console.log(`\n=== suite '${suite.name}' in desktop VS Code (fixture ${suite.fixture}) ===`);
    const exitCode = await runSuiteInElectron(suite, executable, testIndexPath, values.grep);
    if (exitCode !== 0) {
      failed.push(`${suite.name} (exit code ${exitCode})`);
    }
  }

  console.log(failed.length === 0 ? '\nAll suites passed.' : `\nFailed suites: ${failed.join(', ')}`);
  return failed.length === 0 ? 0 : 1;
}

runMain(main);
