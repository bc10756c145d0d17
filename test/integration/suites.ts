// The integration suites and the window each one runs in. Every suite gets its own code-server process,
// a fresh user-data-dir and a fresh copy of its fixture workspace, so tests may edit, rename and delete
// files and change settings without affecting other suites. A test file may run in several suites, but every
// `*.test.ts` under suite/ must belong to at least one: the runner stops with an error for a file that
// belongs to none.
import type { WorkspaceTrustMode } from './environment';

export interface IntegrationSuite {
  /** Short name, used by `--suite NAME` and in the output. */
  name: string;
  /** Test files, relative to test/integration/suite. */
  files: string[];
  /** Folder under test/fixtures/workspaces that is copied and opened. */
  fixture: string;
  /**
   * A `.code-workspace` file inside the fixture folder to open instead of the folder itself (multi-root).
   * Its folder paths should be relative, because the runner opens a copy of the fixture.
   */
  workspaceFile?: string;
  /** User settings added to (and overriding) the defaults in test/vscode/lib/user-settings.ts. */
  settings?: Record<string, unknown>;
  /**
   * `disabled` (default) turns workspace trust off, so the workspace counts as trusted. `untrusted` turns
   * it on and opens the workspace in restricted mode without the trust prompt.
   */
  trust?: WorkspaceTrustMode;
  /** Whole-run time limit in milliseconds, from starting code-server to the suite's exit code. */
  timeoutMs?: number;
}

export const INTEGRATION_SUITES: IntegrationSuite[] = [
  {
    name: 'smoke',
    files: ['smoke.test.ts'],
    fixture: 'smoke',
  },
  {
    // The same checks in a multi-root window in restricted mode, which proves both runner options work.
    name: 'smoke-untrusted-multi-root',
    files: ['smoke.test.ts'],
    fixture: 'smoke-multi-root',
    workspaceFile: 'smoke.code-workspace',
    trust: 'untrusted',
  },
  {
    name: 'diagnostics',
    files: ['diagnostics.test.ts'],
    fixture: 'diagnostics',
  },
  {
    // Runs scripts with the sandbox page's fake runtime and checks the real runtime's bounded boot failure.
    name: 'sandbox',
    files: ['sandbox.test.ts'],
    fixture: 'sandbox',
    settings: { 'webcontainerCompat.sandbox.bootTimeoutSeconds': 5 },
    timeoutMs: 300_000,
  },
  {
    name: 'sandbox-untrusted',
    files: ['sandbox-untrusted.test.ts'],
    fixture: 'sandbox',
    trust: 'untrusted',
  },
  {
    name: 'quick-fixes',
    files: ['quick-fixes.test.ts'],
    fixture: 'quick-fixes',
  },
  {
    name: 'settings',
    files: ['settings.test.ts'],
    fixture: 'settings',
  },
  {
    name: 'dependency-tree',
    files: ['dependency-tree.test.ts'],
    fixture: 'dependency-tree',
  },
  {
    name: 'lifecycle',
    files: ['lifecycle.test.ts'],
    fixture: 'lifecycle',
  },
  {
    name: 'multi-root',
    files: ['multi-root.test.ts'],
    fixture: 'multi-root',
    workspaceFile: 'multi-root.code-workspace',
  },
  {
    name: 'untrusted',
    files: ['untrusted.test.ts'],
    fixture: 'untrusted',
    trust: 'untrusted',
  },
];
