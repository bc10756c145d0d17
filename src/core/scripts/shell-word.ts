// Quote removal for one shell word, keeping track of where each character came from.

/** A word after quote removal, with the script offset of each of its UTF-16 units plus one past the end. */
export interface ShellWord {
  text: string;
  /** `offsets[i]` is the script offset of `text[i]`; `offsets[text.length]` is just past the word. */
  offsets: number[];
  /** True when any part of the word was quoted or escaped, so `FOO=1` written as `"FOO=1"` is not an assignment. */
  quoted: boolean;
}

const BACKSLASH = '\\';

/**
 * Removes quotes and backslash escapes from `script.slice(start, end)` as POSIX shells do.
 * Expansions (`$x`, `$(...)`, backticks) are kept as written; the analysis treats them as unknown text.
 */
export function unquoteWord(script: string, start: number, end: number): ShellWord {
  let text = '';
  const offsets: number[] = [];
  let quoted = false;
  let i = start;

  const keep = (at: number) => {
    text += script[at];
    offsets.push(at);
  };

  while (i < end) {
    const char = script[i];

    if (char === BACKSLASH) {
      quoted = true;
      if (i + 1 < end && script[i + 1] !== '\n') keep(i + 1);
      i += 2;
    } else if (char === "'") {
      quoted = true;
      i++;
      while (i < end && script[i] !== "'") keep(i++);
      i++;
    } else if (char === '"') {
      quoted = true;
      i++;
      while (i < end && script[i] !== '"') {
        if (script[i] === BACKSLASH && i + 1 < end && '$`"\\\n'.includes(script[i + 1])) {
          if (script[i + 1] !== '\n') keep(i + 1);
          i += 2;
        } else {
          keep(i++);
        }
      }
      i++;
    } else {
      keep(i++);
    }
  }

  offsets.push(Math.min(i, end));
  return { text, offsets, quoted };
}
