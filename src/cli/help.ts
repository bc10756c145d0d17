// Text printed by `webcontainer-compat --help`.

import { TOOL_NAME } from './tool-info';

export function helpText(): string {
  return `Usage: ${TOOL_NAME} check [options] [paths...]

Reports npm scripts that call programs a StackBlitz WebContainer cannot run,
and dependencies that need native code.

Each path is a package.json file, or a folder searched recursively for
package.json files (node_modules and .git folders are skipped, and symbolic
links to folders are not followed). Without paths, the current folder is
searched.

Options:
  --format <format>  Output format: text (default), json or sarif.
  -h, --help         Print this help and exit.
  --version          Print the version and exit.

Exit status:
  0  no finding of severity error
  1  at least one finding of severity error
  2  invalid usage, or a path that could not be read
`;
}
