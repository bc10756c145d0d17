// A fallback for scripts the shell parser rejects: splits at control operators and whitespace outside quotes.

import { unquoteWord } from './shell-word';
import type { SimpleCommand } from './parse-commands';

const CONTROL_CHARACTERS = new Set([';', '&', '|', '\n', '(', ')', '`']);

/** Reserved words that may precede a command (`then make`) and are dropped from its front. */
const LEADING_RESERVED_WORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}', 'fi', 'done', 'esac']);

/** Compound commands whose own words are not commands: `for x in a b`, `case $x in`, `function name`. */
const NON_COMMAND_HEADS = new Set(['for', 'case', 'select', 'function']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const REDIRECTION = /^\d*(>>?|<<?|>&|<&|&>)/;

/**
 * Splits `script` into simple commands without a grammar. It is used only when the real parser fails, so it
 * aims to find command words (for reporting) rather than to understand every construct.
 */
export function splitCommandsLoosely(script: string): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let current: SimpleCommand = { words: [] };
  let i = 0;

  const finishCommand = () => {
    const words = dropLeadingAssignmentsAndRedirections(current.words);
    if (words.length > 0) commands.push({ words });
    current = { words: [] };
  };

  while (i < script.length) {
    const char = script[i];
    if (char === ' ' || char === '\t' || char === '\r') {
      i++;
    } else if (char === '#') {
      // A word that starts with # begins a comment, which runs to the end of the line.
      const newline = script.indexOf('\n', i);
      i = newline < 0 ? script.length : newline;
    } else if (CONTROL_CHARACTERS.has(char) || isCommandSubstitution(script, i)) {
      finishCommand();
      i += char === '$' ? 2 : 1;
    } else {
      const end = scanWordEnd(script, i);
      current.words.push(unquoteWord(script, i, end));
      i = end;
    }
  }

  finishCommand();
  return commands;
}

/** Returns the end of the word starting at `start`: the first unquoted blank or control character. */
function scanWordEnd(script: string, start: number): number {
  let i = start;
  while (i < script.length) {
    const char = script[i];
    if (char === '\\') {
      i += 2;
    } else if (char === "'" || char === '"') {
      const close = script.indexOf(char, i + 1);
      i = close < 0 ? script.length : close + 1;
    } else if (script.startsWith('$((', i)) {
      i = arithmeticEnd(script, i);
    } else if (char === ' ' || char === '\t' || char === '\r' || CONTROL_CHARACTERS.has(char) || isCommandSubstitution(script, i)) {
      break;
    } else {
      i++;
    }
  }
  return Math.min(i, script.length);
}

/** `$(` opens a command substitution; `$((` opens arithmetic, which contains no commands. */
function isCommandSubstitution(script: string, index: number): boolean {
  return script[index] === '$' && script[index + 1] === '(' && script[index + 2] !== '(';
}

/** Returns the index just past the `))` that closes the arithmetic expansion starting at `start`. */
function arithmeticEnd(script: string, start: number): number {
  let depth = 0;
  for (let i = start + 1; i < script.length; i++) {
    if (script[i] === '(') depth++;
    else if (script[i] === ')' && --depth === 0) return i + 1;
  }
  return script.length;
}

function dropLeadingAssignmentsAndRedirections(words: SimpleCommand['words']): SimpleCommand['words'] {
  const kept = [...words];
  while (kept.length > 0 && !kept[0].quoted && LEADING_RESERVED_WORDS.has(kept[0].text)) kept.shift();
  if (kept.length > 0 && !kept[0].quoted && NON_COMMAND_HEADS.has(kept[0].text)) return [];

  while (kept.length > 0 && !kept[0].quoted && (ASSIGNMENT.test(kept[0].text) || REDIRECTION.test(kept[0].text))) {
    const redirection = REDIRECTION.test(kept[0].text) && REDIRECTION.exec(kept[0].text)?.[0] === kept[0].text;
    kept.shift();
    // A bare operator such as `>` takes the next word as its target.
    if (redirection && kept.length > 0) kept.shift();
  }
  return kept;
}
