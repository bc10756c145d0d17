// Tests the packaged extension. It builds the VSIX with `npm run package` and installs it into a fresh
// code-server extensions dir with `--install-extension`. Then it runs the smoke suite against it and checks
// that it reports the same diagnostics on the smoke fixture as the development build.
//
// Usage: tsx test/vscode/test-vsix.ts [--vsix FILE]
// Without --vsix it runs `npm run package`, which writes webcontainer-compat.vsix and a minified dist/, and
// rebuilds the development dist/ when it exits.
import { execFileSync } from 'child_process';
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { INTEGRATION_SUITES } from '../integration/suites';
import { launchChromium } from './lib/browser';
import { buildIntegrationTests, SUITE_SOURCE_DIR } from './lib/build-tests';
import { onCleanup, runMain } from './lib/cleanup';
import { assertProvisioned, installVsix } from './lib/code-server';
import { REPO_ROOT, TEST_OUTPUT_DIR } from './lib/paths';
import { runSuite, type SuiteResult } from './lib/run-suite';
import { RunnerError } from './lib/runner-error';

const VSIX_OUTPUT_DIR = path.join(TEST_OUTPUT_DIR, 'vsix');
const PACKAGED_VSIX = path.join(REPO_ROOT, 'webcontainer-compat.vsix');
const REPORT_TEST = path.join(__dirname, 'vsix', 'diagnostics-report.test.ts');

function packageVsix(): string {
  fs.rmSync(PACKAGED_VSIX, { force: true });
  runNpmScript('package');

  if (!fs.existsSync(PACKAGED_VSIX)) {
    throw new RunnerError(`npm run package finished but ${PACKAGED_VSIX} does not exist`);
  }
  return PACKAGED_VSIX;
}

function readReport(file: string, label: string): unknown[] {
  if (!fs.existsSync(file)) {
    throw new RunnerError(`the ${label} run wrote no diagnostics report to ${file}`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown[];
}

function runNpmScript(script: string): void {
  console.log(`Running \`npm run ${script}\`...`);
  execFileSync('npm', ['run', script], { cwd: REPO_ROOT, stdio: 'inherit' });
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { vsix: { type: 'string' } } });
  assertProvisioned();
  fs.rmSync(VSIX_OUTPUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(VSIX_OUTPUT_DIR, { recursive: true });

  const smoke = INTEGRATION_SUITES.find((suite) => suite.name === 'smoke');
  if (!smoke) {
    throw new RunnerError("test/integration/suites.ts has no suite named 'smoke'");
  }
  const testSources = [path.join(SUITE_SOURCE_DIR, 'smoke.test.ts'), REPORT_TEST];
  const testIndexPath = await buildIntegrationTests([REPORT_TEST]);
  const browser = await launchChromium();
  const developmentReport = path.join(VSIX_OUTPUT_DIR, 'diagnostics-development.json');
  const vsixReport = path.join(VSIX_OUTPUT_DIR, 'diagnostics-vsix.json');
  const results: SuiteResult[] = [];

  // The development build runs first, because `npm run package` replaces dist/ with the minified build.
  runNpmScript('build');
  console.log('\n=== smoke suite with the development build ===');
  results.push(
    await runSuite(smoke, { browser, testIndexPath, testSources, runName: 'vsix-development', reportFile: developmentReport }),
  );

  let vsixPath = values.vsix ? path.resolve(values.vsix) : undefined;
  if (!vsixPath) {
    vsixPath = packageVsix();
    // Puts the development build back into dist/ for whatever runs next.
    onCleanup(() => runNpmScript('build'));
  }
  console.log(`VSIX: ${vsixPath} (${(fs.statSync(vsixPath).size / 1024).toFixed(1)} KiB)`);

  const extensionsDir = path.join(VSIX_OUTPUT_DIR, 'extensions');
  const installedPath = await installVsix(vsixPath, {
    userDataDir: path.join(VSIX_OUTPUT_DIR, 'install-user-data'),
    extensionsDir,
    stateDir: path.join(VSIX_OUTPUT_DIR, 'install-state'),
    logFile: path.join(VSIX_OUTPUT_DIR, 'install-extension.log'),
  });
  console.log(`Installed into ${installedPath}`);

  console.log('\n=== smoke suite with the installed VSIX ===');
  results.push(
    await runSuite(smoke, {
      browser,
      testIndexPath,
      testSources,
      runName: 'vsix-installed',
      extensionSource: 'vsix',
      extensionsDir,
      installedExtensionPath: installedPath,
      reportFile: vsixReport,
    }),
  );

  for (const result of results) {
    console.log(`${result.name}: ${result.exitCode === 0 ? 'passed' : `FAILED (exit code ${result.exitCode})`}`);
  }
  if (results.some((result) => result.exitCode !== 0)) {
    return 1;
  }

  const vsixDiagnostics = readReport(vsixReport, 'VSIX');
  assert.deepStrictEqual(
    vsixDiagnostics,
    readReport(developmentReport, 'development'),
    'the installed VSIX reports different diagnostics than the development build',
  );
  console.log(`The VSIX reports the same ${vsixDiagnostics.length} diagnostics as the development build.`);
  return 0;
}

runMain(main);
