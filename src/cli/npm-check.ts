// Entry point of `npm run check` (dist/npm-check.js). With paths, it is `webcontainer-compat check` on
// them. Without paths, it checks the sample project kept in the repository, so that a first run
// shows what the findings look like.

import * as path from 'node:path';
import { EXIT_USAGE_OR_INPUT, EXIT_CLEAN } from './exit-codes';
import { exitQuietlyOnClosedStdout, processEnvironment } from './process-environment';
import { runCli } from './run-cli';
import { parseCliArguments } from './arguments';

/** The sample project, found from dist/npm-check.js. */
const SAMPLE_PROJECT = path.resolve(__dirname, '..', 'test', 'fixtures', 'sample-project');

function main(): number {
  // npm runs scripts in the package root and keeps the folder the user typed the command in as
  // INIT_CWD, so that is where paths on the command line are resolved.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const argv = ['check', ...process.argv.slice(2)];
  const request = parseCliArguments(argv);
  const checksSample = request.kind === 'check' && request.paths.length === 0;

  const samplePath = path.relative(cwd, SAMPLE_PROJECT) || '.';
  const status = runCli(argv, processEnvironment(cwd), { defaultPaths: [samplePath] });

  if (!checksSample || status === EXIT_USAGE_OR_INPUT) {
    return status;
  }

  // The sample's findings are there on purpose, so they do not fail `npm run check`.
  process.stderr.write(
    `\nThose findings are for the sample project in ${samplePath}, which has them on purpose.\n` +
      'To check your own project: npm run check -- path/to/project\n',
  );
  return EXIT_CLEAN;
}

exitQuietlyOnClosedStdout();
process.exitCode = main();
