// Decides whether text output is coloured, and applies ANSI styles.

/**
 * Returns whether to colour output, with the precedence Node.js itself uses. FORCE_COLOR comes
 * first: `0` or `false` turns colour off, and any other value turns it on. Otherwise a non-empty
 * NO_COLOR (no-color.org) turns it off. Otherwise colour is used only on a terminal whose TERM is
 * not `dumb`.
 */
export function shouldUseColor(env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    return force !== '0' && force.toLowerCase() !== 'false';
  }

  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') {
    return false;
  }

  return isTerminal && env.TERM !== 'dumb';
}

export type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'cyan';

/** SGR start and end codes; each style resets only itself, so styles can nest. */
const SGR_CODES: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  cyan: [36, 39],
};

export type Stylize = (style: Style, text: string) => string;

export function createStylize(useColor: boolean): Stylize {
  if (!useColor) {
    return (_style, text) => text;
  }

  return (style, text) => `\u001b[${SGR_CODES[style][0]}m${text}\u001b[${SGR_CODES[style][1]}m`;
}
