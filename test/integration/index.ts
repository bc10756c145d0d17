// Entry point that a VS Code extension host loads as `extensionTestsPath`. Both runners call `run()`:
// test/vscode/run-in-code-server.ts (code-server in Chromium) and @vscode/test-electron (desktop VS Code).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { format } from 'util';
import { readTestEnvironment } from './environment';

/** Folder of the compiled suite files, next to this compiled module (out/test/integration/suite). */
const SUITE_DIR = path.join(__dirname, 'suite');

/**
 * Runs the compiled test files that the runner selected, or every `*.test.js` under the suite folder when it
 * selected none. Resolves when all tests pass and rejects with the failure count otherwise.
 */
export async function run(): Promise<void> {
  const environment = readTestEnvironment();
  const files = environment.testFiles.length > 0 ? environment.testFiles : findTestFiles(SUITE_DIR);
  if (files.length === 0) {
    throw new Error(`No test files found: the runner selected none and ${SUITE_DIR} contains no *.test.js files.`);
  }

  // The reporters print with printf-style arguments. code-server's workbench forwards the extension host's
  // console lines without applying them, so each line is formatted here first.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));

  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: environment.mochaTimeoutMs,
    grep: environment.grep,
  });
  for (const file of files) {
    mocha.addFile(file);
  }

  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) {
    throw new Error(`${failures} of the extension's integration tests failed.`);
  }
}

function findTestFiles(directory: string): string[] {
  if (!fs.existsSync(directory)) {
    return [];
  }

  return fs
    .readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => path.join(directory, name));
}
