// Stands in for babylon, the JavaScript parser that bash-parser loads to read `$(( ))` arithmetic, in the bundles.
// parseCommands sends every script containing `$((` to the loose splitter, so bash-parser never reaches this
// module. Leaving babylon out saves about 125 KiB of every bundle.

export function parse(): never {
  throw new Error('Arithmetic expansion is not parsed in this build.');
}
