// Runs one integration suite in a fresh code-server window: its own user-data-dir, extensions dir, settings
// and copy of the fixture workspace, all under test-output/integration/<run name>/.
import type { Browser } from 'playwright-core';
import * as fs from 'fs';
import * as path from 'path';
import { TEST_ENVIRONMENT_VARIABLES, type ExtensionSource } from '../../integration/environment';
import type { IntegrationSuite } from '../../integration/suites';
import { compiledPath, SUITE_SOURCE_DIR } from './build-tests';
import { startCodeServer } from './code-server';
import { FIXTURE_WORKSPACES_DIR, REPO_ROOT, TEST_OUTPUT_DIR } from './paths';
import { RunnerError } from './runner-error';
import { writeUserSettings } from './user-settings';
import { runExtensionTests } from './workbench';

const DEFAULT_SUITE_TIMEOUT_MS = 5 * 60_000;
const WORKBENCH_INFO_PREFIX = '[workbench info] ';

export interface SuiteRunOptions {
  browser: Browser;
  /** Compiled test index, the `extensionTestsPath`. */
  testIndexPath: string;
  /** Name of the output folder; defaults to the suite name. */
  runName?: string;
  /** Test files to run instead of the suite's own, as absolute source paths. */
  testSources?: string[];
  /**
   * Where the extension comes from. `development` loads the repository as the development extension.
   * `vsix` expects it installed in `extensionsDir` at `installedExtensionPath` and loads an empty
   * development folder, because the extension host runs tests only in a development window.
   */
  extensionSource?: ExtensionSource;
  extensionsDir?: string;
  installedExtensionPath?: string;
  /** File that the tests may write a JSON report to (TEST_ENVIRONMENT_VARIABLES.reportFile). */
  reportFile?: string;
  grep?: string;
  timeoutMs?: number;
}

export interface SuiteResult {
  name: string;
  exitCode: number;
  durationMs: number;
  outputDir: string;
}

/** Copies the fixture into the run folder, so tests may change files without touching the repository. */
function copyFixture(suite: IntegrationSuite, runDir: string): { workspacePath: string; isWorkspaceFile: boolean } {
  const source = path.join(FIXTURE_WORKSPACES_DIR, suite.fixture);
  if (!fs.statSync(source, { throwIfNoEntry: false })?.isDirectory()) {
    throw new RunnerError(`suite '${suite.name}': fixture folder ${source} does not exist`);
  }

  const copy = path.join(runDir, 'workspace', suite.fixture);
  fs.cpSync(source, copy, { recursive: true });

  if (!suite.workspaceFile) {
    return { workspacePath: copy, isWorkspaceFile: false };
  }
  const workspaceFile = path.join(copy, suite.workspaceFile);
  if (!fs.existsSync(workspaceFile)) {
    throw new RunnerError(`suite '${suite.name}': workspace file ${path.join(source, suite.workspaceFile)} does not exist`);
  }
  return { workspacePath: workspaceFile, isWorkspaceFile: true };
}

function selectTestFiles(suite: IntegrationSuite, options: SuiteRunOptions): string[] {
  const sources = options.testSources ?? suite.files.map((file) => path.join(SUITE_SOURCE_DIR, file));

  return sources.map((source) => {
    if (!fs.existsSync(source)) {
      throw new RunnerError(`suite '${suite.name}': test file ${source} does not exist`);
    }
    return compiledPath(source);
  });
}

/** Starts code-server, runs the suite in a new browser page, stops code-server and returns the exit code. */
export async function runSuite(suite: IntegrationSuite, options: SuiteRunOptions): Promise<SuiteResult> {
  const started = Date.now();
  const runName = options.runName ?? suite.name;
  const runDir = path.join(TEST_OUTPUT_DIR, 'integration', runName);
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.mkdirSync(runDir, { recursive: true });

  const trust = suite.trust ?? 'disabled';
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(runDir, 'extensions');
  const extensionSource = options.extensionSource ?? 'development';
  writeUserSettings(userDataDir, trust, suite.settings);
  const { workspacePath, isWorkspaceFile } = copyFixture(suite, runDir);

  // A development window without the extension: the VSIX-installed copy is the one under test.
  const developmentPath = extensionSource === 'vsix' ? path.join(runDir, 'no-development-extension') : REPO_ROOT;
  fs.mkdirSync(developmentPath, { recursive: true });

  const env: Record<string, string> = {
    [TEST_ENVIRONMENT_VARIABLES.testFiles]: JSON.stringify(selectTestFiles(suite, options)),
    [TEST_ENVIRONMENT_VARIABLES.suite]: suite.name,
    [TEST_ENVIRONMENT_VARIABLES.fixture]: suite.fixture,
    [TEST_ENVIRONMENT_VARIABLES.workspacePath]: workspacePath,
    [TEST_ENVIRONMENT_VARIABLES.workspaceTrust]: trust,
    [TEST_ENVIRONMENT_VARIABLES.extensionSource]: extensionSource,
    [TEST_ENVIRONMENT_VARIABLES.extensionPath]: options.installedExtensionPath ?? REPO_ROOT,
    ...(options.reportFile ? { [TEST_ENVIRONMENT_VARIABLES.reportFile]: options.reportFile } : {}),
    ...(options.grep ? { [TEST_ENVIRONMENT_VARIABLES.grep]: options.grep } : {}),
  };

  const logFile = path.join(runDir, 'code-server.log');
  const server = await startCodeServer({
    userDataDir,
    extensionsDir,
    stateDir: path.join(runDir, 'code-server-state'),
    logFile,
    disableWorkspaceTrust: trust === 'disabled',
    env,
  });

  const workbenchLog = fs.createWriteStream(path.join(runDir, 'workbench.log'));
  try {
    const exitCode = await runExtensionTests(
      options.browser,
      {
        origin: server.origin,
        workspacePath,
        isWorkspaceFile,
        extensionDevelopmentPath: developmentPath,
        extensionTestsPath: options.testIndexPath,
      },
      {
        timeoutMs: options.timeoutMs ?? suite.timeoutMs ?? DEFAULT_SUITE_TIMEOUT_MS,
        onLog: (line) => relayLogLine(line, workbenchLog),
      },
    );
    return { name: runName, exitCode, durationMs: Date.now() - started, outputDir: runDir };
  } finally {
    workbenchLog.end();
    await server.stop();
  }
}

/**
 * Writes every line to the run's workbench.log, and the workbench's log to stdout as well. The workbench's
 * log contains what the extension host prints, so the test report appears there. The page's console
 * repeats those lines with CSS arguments, so it goes to the file only.
 */
function relayLogLine(line: string, log: fs.WriteStream): void {
  log.write(`${line}\n`);
  if (line.startsWith(WORKBENCH_INFO_PREFIX)) {
    process.stdout.write(`${line.slice(WORKBENCH_INFO_PREFIX.length)}\n`);
  } else if (line.startsWith('[workbench ')) {
    process.stdout.write(`${line}\n`);
  }
}
