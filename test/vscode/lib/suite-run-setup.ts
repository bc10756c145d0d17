// Prepares one run of an integration suite: a fresh folder under test-output/<runner>/<run name>/ with the
// user settings, a copy of the fixture workspace, and the environment variables that describe the run to
// the tests. The code-server and test-electron runners share it.
import * as fs from 'fs';
import * as path from 'path';
import { TEST_ENVIRONMENT_VARIABLES, type ExtensionSource, type WorkspaceTrustMode } from '../../integration/environment';
import type { IntegrationSuite } from '../../integration/suites';
import { compiledPath, SUITE_SOURCE_DIR } from './build-tests';
import { FIXTURE_WORKSPACES_DIR, REPO_ROOT, TEST_OUTPUT_DIR } from './paths';
import { RunnerError } from './runner-error';
import { writeUserSettings } from './user-settings';

/** How a run differs from the suite's defaults. */
export interface PreparationOptions {
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

function selectTestFiles(suite: IntegrationSuite, options: PreparationOptions): string[] {
  const sources = options.testSources ?? suite.files.map((file) => path.join(SUITE_SOURCE_DIR, file));

  return sources.map((source) => {
    if (!fs.existsSync(source)) {
      throw new RunnerError(`suite '${suite.name}': test file ${source} does not exist`);
    }
    return compiledPath(source);
  });
}

export interface PreparedSuiteRun {
  runDir: string;
  userDataDir: string;
  extensionsDir: string;
  workspacePath: string;
  isWorkspaceFile: boolean;
  trust: WorkspaceTrustMode;
  /** Folder passed as the extension development path. */
  developmentPath: string;
  /** Variables that tell the tests in the extension host how the run was set up. */
  env: Record<string, string>;
}

/** Creates the run folder, writes the settings, copies the fixture and builds the tests' environment. */
export function prepareSuiteRun(suite: IntegrationSuite, runner: string, options: PreparationOptions): PreparedSuiteRun {
  const runDir = path.join(TEST_OUTPUT_DIR, runner, options.runName ?? suite.name);
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

  return { runDir, userDataDir, extensionsDir, workspacePath, isWorkspaceFile, trust, developmentPath, env };
}
