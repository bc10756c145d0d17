// Settings that the test runner passes to the tests running inside the extension host. The runners pass it through
// environment variables because the extension host process inherits the server's environment, and
// @vscode/test-electron sets them with `extensionTestsEnv`.

/** Names of the environment variables that test/vscode/run-in-code-server.ts and run-electron.ts set. */
export const TEST_ENVIRONMENT_VARIABLES = {
  testFiles: 'WEBCONTAINER_COMPAT_TEST_FILES',
  suite: 'WEBCONTAINER_COMPAT_TEST_SUITE',
  fixture: 'WEBCONTAINER_COMPAT_TEST_FIXTURE',
  workspacePath: 'WEBCONTAINER_COMPAT_TEST_WORKSPACE',
  workspaceTrust: 'WEBCONTAINER_COMPAT_TEST_TRUST',
  extensionSource: 'WEBCONTAINER_COMPAT_TEST_EXTENSION_SOURCE',
  extensionPath: 'WEBCONTAINER_COMPAT_TEST_EXTENSION_PATH',
  reportFile: 'WEBCONTAINER_COMPAT_TEST_REPORT',
  mochaTimeoutMs: 'WEBCONTAINER_COMPAT_TEST_TIMEOUT_MS',
  grep: 'WEBCONTAINER_COMPAT_TEST_GREP',
} as const;

/** How the runner configured workspace trust for this run. */
export type WorkspaceTrustMode = 'disabled' | 'untrusted';

/** Where the extension under test comes from: the repository (development path) or an installed VSIX. */
export type ExtensionSource = 'development' | 'vsix';

export interface TestEnvironment {
  /** Absolute paths of the compiled test files to run; empty means every file in the suite folder. */
  testFiles: string[];
  /** Name of the suite in test/integration/suites.ts, or undefined when a runner did not set it. */
  suite: string | undefined;
  /** Name of the fixture workspace (a folder under test/fixtures/workspaces). */
  fixture: string | undefined;
  /** Absolute path of the folder or .code-workspace file that the window opened, a fresh copy of the fixture. */
  workspacePath: string | undefined;
  workspaceTrust: WorkspaceTrustMode;
  extensionSource: ExtensionSource;
  /** Folder that the extension must be loaded from: the repository root, or the install folder of the VSIX. */
  extensionPath: string | undefined;
  /** File that a test may write a JSON report to, for a runner that compares two runs. */
  reportFile: string | undefined;
  mochaTimeoutMs: number;
  grep: string | undefined;
}

const DEFAULT_MOCHA_TIMEOUT_MS = 20_000;

/** Reads the runner's settings from `process.env`, with the defaults that a plain test-electron run gets. */
export function readTestEnvironment(env: NodeJS.ProcessEnv = process.env): TestEnvironment {
  const names = TEST_ENVIRONMENT_VARIABLES;
  const timeout = Number(env[names.mochaTimeoutMs]);

  return {
    testFiles: parseFileList(env[names.testFiles]),
    suite: env[names.suite] || undefined,
    fixture: env[names.fixture] || undefined,
    workspacePath: env[names.workspacePath] || undefined,
    workspaceTrust: parseTrustMode(env[names.workspaceTrust]),
    extensionSource: env[names.extensionSource] === 'vsix' ? 'vsix' : 'development',
    extensionPath: env[names.extensionPath] || undefined,
    reportFile: env[names.reportFile] || undefined,
    mochaTimeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_MOCHA_TIMEOUT_MS,
    grep: env[names.grep] || undefined,
  };
}

function parseFileList(value: string | undefined): string[] {
  if (!value) {
    return [];
  }

  const parsed: unknown = JSON.parse(value);
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
    throw new Error(`${TEST_ENVIRONMENT_VARIABLES.testFiles} must be a JSON array of file paths, got: ${value}`);
  }
  return parsed;
}

function parseTrustMode(value: string | undefined): WorkspaceTrustMode {
  return value === 'untrusted' ? 'untrusted' : 'disabled';
}
