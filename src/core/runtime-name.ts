// Normalises a command word as people write it to the keys used in the runtime table.

const WINDOWS_EXECUTABLE_SUFFIX = /\.(exe|cmd|bat|ps1)$/i;

/**
 * Returns the candidate table keys for a command word, most specific first.
 * `/usr/bin/python3.12` gives `python3.12`, `python3`, `python`; `pip3.exe` gives `pip3`, `pip`.
 * Only digits that follow a letter are stripped, so names such as `2to3` stay whole.
 */
export function runtimeKeyCandidates(command: string): string[] {
  const baseName = command.replace(/\\/g, '/').split('/').pop() ?? command;
  const withoutSuffix = baseName.replace(WINDOWS_EXECUTABLE_SUFFIX, '').toLowerCase();
  const candidates = [withoutSuffix];

  let current = withoutSuffix;
  for (;;) {
    const shorter = stripOneVersionPart(current);
    if (shorter === current) break;
    candidates.push(shorter);
    current = shorter;
  }
  return candidates;
}

/** Removes the last version component: `python3.12` to `python3`, `python3` to `python`, `gcc-12` to `gcc`. */
function stripOneVersionPart(name: string): string {
  const dotted = name.match(/^(.*[a-z]\d*)\.\d+$/i);
  if (dotted) return dotted[1];

  const dashed = name.match(/^(.*[a-z])-\d+(\.\d+)*$/i);
  if (dashed) return dashed[1];

  const trailing = name.match(/^(.*[a-z])\d+$/i);
  if (trailing) return trailing[1];

  return name;
}
