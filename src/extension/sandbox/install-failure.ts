// Finds the package that made an install fail, from the output of npm, pnpm or yarn v1. No vscode import.
// The patterns follow the error lines these tools print for a missing package, a missing version and a
// failed install script. Output that matches none of them yields undefined, and the caller shows the exit code.

const ANSI_ESCAPE = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;

/** Registry URL paths name the package with its scope separator encoded (`@scope%2fname`). */
const REGISTRY_PACKAGE = String.raw`https?://registry\.(?:npmjs\.org|yarnpkg\.com)/(@?[^\s/:"']+(?:%2[fF][^\s/:"']+)?)`;

const PATTERNS: readonly RegExp[] = [
  // npm: "npm error 404 Not Found - GET https://registry.npmjs.org/left-padd - Not found"
  new RegExp(String.raw`\b404\b[^\n]*?GET ${REGISTRY_PACKAGE}`),
  // npm: "npm error 404  'left-padd@^1.0.0' is not in this registry."
  /\b404\s+'((?:@[^/\s']+\/)?[^@\s']+)@[^']*' is not in this registry/,
  // npm and pnpm: "No matching version found for react@99.0.0"
  /No matching version found for ((?:@[^/\s]+\/)?[^@\s]+)@/,
  // pnpm: "ERR_PNPM_FETCH_404  GET https://registry.npmjs.org/left-padd: Not Found - 404"
  new RegExp(String.raw`ERR_PNPM_FETCH_404\s+GET ${REGISTRY_PACKAGE}`),
  // yarn v1: error Couldn't find package "left-padd" on the "npm" registry.
  /Couldn't find package "((?:@[^/\s"]+\/)?[^@\s"]+)(?:@[^"]*)?"/,
  // yarn v1: error An unexpected error occurred: "https://registry.yarnpkg.com/left-padd: Not found".
  new RegExp(String.raw`unexpected error occurred: "${REGISTRY_PACKAGE}: Not found`),
  // npm: a failed install script, "npm error path /home/project/node_modules/sharp"
  /npm (?:error|ERR!) path \S*node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\s*$/m,
  // yarn v1: "error /home/project/node_modules/sharp: Command failed."
  /error \S*node_modules\/((?:@[^/\s]+\/)?[^/\s:]+): Command failed/,
];

/** Returns the name of the package the install failed on, or undefined when the output does not show it. */
export function findFailingPackage(output: string): string | undefined {
  const text = output.replace(ANSI_ESCAPE, '').replace(/\r\n?/g, '\n');
  for (const pattern of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return decodePackageName(match[1]);
  }
  return undefined;
}

function decodePackageName(name: string): string {
  return name.replace(/%2[fF]/g, '/').replace(/%40/g, '@');
}
