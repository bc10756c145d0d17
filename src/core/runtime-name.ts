// Normalises a command word as people write it to the keys used in the runtime table.

const WINDOWS_EXECUTABLE_SUFFIX = /\.(exe|cmd|bat|ps1)$/i;

/** `python3.12` and `python3.12.1` to `python3`: a dotted version after a name that already ends in a version digit. */
const DOTTED_VERSION = /^([a-z][a-z+_-]*\d+)(\.\d+)+$/;

/** `gcc-12`, `clang++-15`, `clang-format-14.0`: a dash and a version after a name. */
const DASHED_VERSION = /^([a-z][a-z0-9+_-]*[a-z+])-\d+(\.\d+)*$/;

/** `python3`, `pip3`, `node20`: version digits after a name made of letters only. */
const TRAILING_VERSION = /^([a-z][a-z+]*[a-z+])\d+$/;

/**
 * Returns the candidate table keys for a command word, most specific first, all in lower case.
 * `/usr/bin/python3.12` gives `python3.12`, `python3`, `python`; `C:\Python\pip3.exe` gives `pip3`, `pip`;
 * `gcc-12` gives `gcc-12`, `gcc`. A name that does not start with a letter (`2to3`) is never shortened, and digits
 * are stripped only after a name of letters, so `x86_64-linux-gnu-gcc` and `sha256sum` stay whole.
 */
export function runtimeKeyCandidates(command: string): string[] {
  const baseName = command.replace(/\\/g, '/').split('/').pop() ?? command;
  const withoutSuffix = baseName.replace(WINDOWS_EXECUTABLE_SUFFIX, '').toLowerCase();
  if (withoutSuffix === '') return [];

  const candidates = [withoutSuffix];
  let current = withoutSuffix;
  for (;;) {
    const shorter = stripOneVersionPart(current);
    if (shorter === undefined) break;
    candidates.push(shorter);
    current = shorter;
  }
  return candidates;
}

/** Removes the last version component, or returns undefined when the name has none. */
function stripOneVersionPart(name: string): string | undefined {
  return DOTTED_VERSION.exec(name)?.[1] ?? DASHED_VERSION.exec(name)?.[1] ?? TRAILING_VERSION.exec(name)?.[1];
}
