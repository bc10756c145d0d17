// Locations that the runners share. Environment variables override the defaults for machines that keep
// code-server or Chromium somewhere else.
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Install folder that test/vscode/provision.sh fills; git ignores .vscode-test/. */
export const CODE_SERVER_DIR = path.resolve(process.env.CODE_SERVER_DIR ?? path.join(REPO_ROOT, '.vscode-test', 'code-server'));

export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Debian's Chromium. playwright-core drives it; its own browser download cannot work without network. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const TEST_OUTPUT_DIR = path.join(REPO_ROOT, 'test-output');

export const FIXTURE_WORKSPACES_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'workspaces');

/** Where test/vscode/lib/build-tests.ts writes the compiled integration tests; git ignores out/. */
export const COMPILED_TESTS_DIR = path.join(REPO_ROOT, 'out');
