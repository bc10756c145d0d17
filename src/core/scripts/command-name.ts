// Reduces a command word to the name that wrappers and tables are keyed by.

/** `./node_modules/.bin/cross-env` and `C:\\tools\\npx.cmd` give `cross-env` and `npx`. */
export function commandBaseName(word: string): string {
  const baseName = word.replace(/\\/g, '/').split('/').pop() ?? word;
  return baseName.replace(/\.(exe|cmd|bat|ps1)$/i, '');
}
