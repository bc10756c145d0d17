// A cheap test that lets blank scripts skip the shell parser.

/** False when the script cannot contain a command, so parsing it would find nothing. */
export function mayNeedShellParsing(text: string): boolean {
  return /\S/.test(text);
}
