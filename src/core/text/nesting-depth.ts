// Finds where JSON nesting exceeds a limit, so that a recursive parser is never handed such a text.

/**
 * Returns the offset of the bracket that opens level `limit + 1`, or -1 when the text nests no deeper than `limit`.
 * Brackets inside strings are skipped; an unterminated string ends the scan.
 */
export function findExcessiveNesting(text: string, limit: number): number {
  let depth = 0;
  let inString = false;

  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
      continue;
    }

    if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b || code === 0x5b) {
      depth++;
      if (depth > limit) return i;
    } else if (code === 0x7d || code === 0x5d) {
      depth--;
    }
  }
  return -1;
}
