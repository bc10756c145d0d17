// Compiles the integration tests for the extension host with esbuild: one CommonJS file per test file and
// the test index, `vscode` provided by the host and mocha loaded from the repository's node_modules.
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { COMPILED_TESTS_DIR, REPO_ROOT } from './paths';

export const INTEGRATION_DIR = path.join(REPO_ROOT, 'test', 'integration');
export const SUITE_SOURCE_DIR = path.join(INTEGRATION_DIR, 'suite');

/** Lists `*.test.ts` files under a folder, relative to it, sorted. */
export function listTestSources(directory: string): string[] {
  if (!fs.existsSync(directory)) {
    return [];
  }

  return fs
    .readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => name.split(path.sep).join('/'))
    .sort();
}

/** Maps a source file in the repository to its compiled file under out/. */
export function compiledPath(sourcePath: string): string {
  const relative = path.relative(REPO_ROOT, path.resolve(sourcePath));
  return path.join(COMPILED_TESTS_DIR, relative.replace(/\.ts$/, '.js'));
}

/**
 * Builds test/integration/index.ts, every suite file and any extra test files.
 * Returns the compiled path of the index, which is the `extensionTestsPath`.
 */
export async function buildIntegrationTests(extraEntryPoints: string[] = []): Promise<string> {
  const index = path.join(INTEGRATION_DIR, 'index.ts');
  const suites = listTestSources(SUITE_SOURCE_DIR).map((name) => path.join(SUITE_SOURCE_DIR, name));

  await esbuild.build({
    entryPoints: [index, ...suites, ...extraEntryPoints],
    outbase: REPO_ROOT,
    outdir: COMPILED_TESTS_DIR,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'linked',
    // mocha must be one instance for the index and the suites, so it is loaded from node_modules.
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });

  return compiledPath(index);
}
