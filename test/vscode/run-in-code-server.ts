// Runs the extension's integration suites inside code-server's extension host, driven by Debian's Chromium.
//
// Usage: tsx test/vscode/run-in-code-server.ts [--suite NAME]... [--grep PATTERN] [--timeout MS]
// Needs `npm run build` (dist/extension.js) and `npm run provision:vscode` first. Exits with 0 when every
// selected suite passes. Logs and the copies of the fixture workspaces stay in test-output/integration/.
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import type { IntegrationSuite } from '../integration/suites';
import { launchChromium } from './lib/browser';
import { buildIntegrationTests } from './lib/build-tests';
import { runMain } from './lib/cleanup';
import { assertProvisioned } from './lib/code-server';
import { REPO_ROOT, TEST_OUTPUT_DIR } from './lib/paths';
import { runSuite, type SuiteResult, type SuiteRunOptions } from './lib/run-suite';
import { RunnerError } from './lib/runner-error';
import { checkSuiteCoverage, selectSuites } from './lib/suite-selection';

/**
 * Runs a suite and turns a runner failure (time limit, server or page crash) into a failed result, so that
 * the remaining suites still run.
 */
async function runSuiteReportingErrors(suite: IntegrationSuite, options: SuiteRunOptions): Promise<SuiteResult> {
  const started = Date.now();
  try {
    return await runSuite(suite, options);
  } catch (error) {
    if (!(error instanceof RunnerError)) {
      throw error;
    }
    console.error(`error: suite '${suite.name}': ${error.message}`);
    const outputDir = path.join(TEST_OUTPUT_DIR, 'integration', suite.name);
    return { name: suite.name, exitCode: 1, durationMs: Date.now() - started, outputDir };
  }
}

function printSummary(results: SuiteResult[]): void {
  console.log('\nIntegration suites in code-server:');
  for (const result of results) {
    const status = result.exitCode === 0 ? 'passed' : `FAILED (exit code ${result.exitCode})`;
    const seconds = (result.durationMs / 1000).toFixed(1);
    console.log(`  ${result.name}: ${status} in ${seconds} s; logs in ${path.relative(process.cwd(), result.outputDir)}`);
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      suite: { type: 'string', multiple: true, default: [] },
      grep: { type: 'string' },
      timeout: { type: 'string' },
    },
  });
  const timeoutMs = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeoutMs !== undefined && !(timeoutMs > 0)) {
    throw new RunnerError(`--timeout must be a positive number of milliseconds, got '${values.timeout}'`);
  }

  assertProvisioned();
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) {
    throw new RunnerError('dist/extension.js is missing; run `npm run build` first');
  }
  checkSuiteCoverage();
  const suites = selectSuites(values.suite ?? []);
  const testIndexPath = await buildIntegrationTests();
  const browser = await launchChromium();

  const results: SuiteResult[] = [];
  for (const suite of suites) {
    console.log(`\n=== suite '${suite.name}' (fixture ${suite.fixture}, trust ${suite.trust ?? 'disabled'}) ===`);
    results.push(await runSuiteReportingErrors(suite, { browser, testIndexPath, grep: values.grep, timeoutMs }));
  }

  printSummary(results);
  return results.every((result) => result.exitCode === 0) ? 0 : 1;
}

runMain(main);
