// Runs one invocation of `webcontainer-compat`: parse the arguments, find and check the files, print, and choose the exit status.

import { parseCliArguments, type OutputFormat } from './arguments';
import { checkManifests, type FileReport } from './check-manifests';
import { createStylize, shouldUseColor } from './colors';
import { discoverManifests } from './discover-manifests';
import { EXIT_CLEAN, EXIT_ERRORS_FOUND, EXIT_USAGE_OR_INPUT } from './exit-codes';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { helpText } from './help';
import { describeInputProblem, type InputProblem } from './input-problem';
import { countSeverities } from './severity-counts';
import { TOOL_NAME, TOOL_VERSION } from './tool-info';

/** Working folder, environment and output streams of one run, passed in so that `npm run check` can reuse it. */
export interface CliEnvironment {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTerminal: boolean;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
}

export interface CliOptions {
  /** Paths checked when the command line names none; the current folder unless set. */
  defaultPaths?: string[];
}

/** Runs the command line `argv` (without the node and script paths) and returns the exit status. */
export function runCli(argv: readonly string[], environment: CliEnvironment, options: CliOptions = {}): number {
  const request = parseCliArguments(argv);

  switch (request.kind) {
    case 'help':
      environment.writeStdout(helpText());
      return EXIT_CLEAN;

    case 'version':
      environment.writeStdout(`${TOOL_VERSION}\n`);
      return EXIT_CLEAN;

    case 'usage-error':
      environment.writeStderr(`${TOOL_NAME}: ${request.message}\nRun '${TOOL_NAME} --help' for usage.\n`);
      return EXIT_USAGE_OR_INPUT;

    case 'check': {
      const paths = request.paths.length > 0 ? request.paths : (options.defaultPaths ?? ['.']);
      return runCheck(paths, request.format, environment);
    }
  }
}

function runCheck(paths: readonly string[], format: OutputFormat, environment: CliEnvironment): number {
  const discovery = discoverManifests(paths, environment.cwd);
  const checked = checkManifests(discovery.manifests);
  const problems = [...discovery.problems, ...checked.problems];

  for (const problem of problems) {
    environment.writeStderr(`${TOOL_NAME}: ${describeInputProblem(problem)}\n`);
  }
  for (const notice of checked.notices) {
    environment.writeStderr(`${TOOL_NAME}: note: ${notice}\n`);
  }

  environment.writeStdout(render(checked.reports, problems, format, environment));

  if (problems.length > 0) {
    return EXIT_USAGE_OR_INPUT;
  }

  return countSeverities(checked.reports).error > 0 ? EXIT_ERRORS_FOUND : EXIT_CLEAN;
}

function render(reports: readonly FileReport[], problems: readonly InputProblem[], format: OutputFormat, environment: CliEnvironment): string {
  switch (format) {
    case 'json':
      return formatJson(reports);

    case 'sarif':
      return formatSarif(reports, problems);

    case 'text':
      return formatText(reports, createStylize(shouldUseColor(environment.env, environment.stdoutIsTerminal)));
  }
}
