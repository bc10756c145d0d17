// Entry point of the `webcontainer-compat` command (dist/cli.js).

import { exitQuietlyOnClosedStdout, processEnvironment } from './process-environment';
import { runCli } from './run-cli';

exitQuietlyOnClosedStdout();

// process.exitCode rather than process.exit(), so output piped to a slow reader is written in full.
process.exitCode = runCli(process.argv.slice(2), processEnvironment());
