// Runs the built CLI (dist/cli.js, dist/npm-check.js) as a child process, the way users run it.

import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CLI_PATH = path.join(REPO_ROOT, 'dist', 'cli.js');
export const NPM_CHECK_PATH = path.join(REPO_ROOT, 'dist', 'npm-check.js');
export const CLI_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'cli');

let built = false;

/** Builds dist/ once per test process, so the tests run the bundles that users get. */
export function buildOnce(): void {
  if (built) {
    return;
  }

  execFileSync(process.execPath, ['esbuild.js'], { cwd: REPO_ROOT, stdio: 'pipe' });
  built = true;
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Added to the environment; a value of undefined removes the variable. */
  env?: Record<string, string | undefined>;
}

/** Runs `node <script> ...args`. Colour variables are cleared first, so only a test's own settings apply. */
export function runScript(script: string, args: readonly string[], options: RunOptions = {}): RunResult {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  delete env.INIT_CWD;

  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) {
      delete env[name];
    } else {
      env[name] = value;
    }
  }

  const result = spawnSync(process.execPath, [script, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });

  if (result.error !== undefined) {
    throw result.error;
  }

  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function runCli(args: readonly string[], options: RunOptions = {}): RunResult {
  return runScript(CLI_PATH, args, options);
}

/** Creates an empty folder under the OS temporary folder. Remove it with removeTempDir. */
export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'wcc-cli-'));
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes `text` to `relativePath` under `root`, creating folders as needed. */
export function writeFile(root: string, relativePath: string, text: string): string {
  const file = path.join(root, relativePath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** Returns a fixture's package.json relative to the repository root, where the CLI runs unless a test sets cwd. */
export function fixturePath(name: string): string {
  return path.relative(REPO_ROOT, path.join(CLI_FIXTURES, name, 'package.json'));
}

export interface JsonOutput {
  version: number;
  files: Array<{ path: string; findings: Array<Record<string, unknown>> }>;
}

export function parseJsonOutput(result: RunResult): JsonOutput {
  try {
    return JSON.parse(result.stdout) as JsonOutput;
  } catch (error) {
    throw new Error(`stdout is not JSON (${String(error)}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}

/** Manifest text with a finding of severity error (cargo), for tests that write their own files. */
export const MANIFEST_WITH_ERROR = JSON.stringify({ name: 'x', scripts: { build: 'cargo build --release' } }, null, 2) + '\n';

/** Manifest text with no finding. */
export const MANIFEST_CLEAN = JSON.stringify({ name: 'y', scripts: { start: 'node index.js' } }, null, 2) + '\n';
