// Finds every simple command in a shell script, with the source offsets of its words.

import parseBash from '@ericcornelissen/bash-parser';
import { unquoteWord, type ShellWord } from './shell-word';
import { splitCommandsLoosely } from './split-commands-loosely';

/** One simple command: the command word followed by its arguments, without assignments and redirections. */
export interface SimpleCommand {
  words: ShellWord[];
}

export interface ParsedScript {
  commands: SimpleCommand[];
  /** False when the shell parser rejected the script and the loose splitter was used instead. */
  parsedByShellParser: boolean;
}

/**
 * Longer scripts go to the loose splitter. bash-parser 0.5.3 spends about 50 µs per character (measured here on
 * generated `node a.js && …` chains: 188 ms for 3,900 characters, 2.7 s for 33,000), while real npm scripts are
 * rarely longer than a few hundred characters.
 */
const MAX_PARSER_INPUT = 2000;

/**
 * Characters of script text that one analysis may hand to bash-parser; the rest go to the loose splitter.
 * A package.json with thousands of scripts would otherwise take minutes on first analysis (2,500 scripts took 58 s
 * in the extension benchmark on a loaded 2-core VM).
 */
export interface ShellParserBudget {
  remainingCharacters: number;
}

interface BashNode {
  type?: string;
  [key: string]: unknown;
}

interface BashWord extends BashNode {
  text: string;
  loc?: { start: { char: number }; end: { char: number } };
  expansion?: Array<{ type: string; command?: string; loc?: { start: number; end: number } }>;
}

/**
 * Parses `script` and returns its simple commands, including those inside subshells, `$( )`, backticks,
 * `if`/`for`/`while`/`case` bodies and function bodies. Offsets are relative to `script`.
 * Never throws: syntax the parser rejects (`|&`, `[[ ]]` quirks, unbalanced quotes) falls back to a loose splitter.
 */
export function parseCommands(script: string, budget?: ShellParserBudget): ParsedScript {
  // Long scripts are slow to parse, and `$((` would make bash-parser load babylon, which the bundles leave out.
  const overBudget = budget !== undefined && budget.remainingCharacters < script.length;
  if (script.length > MAX_PARSER_INPUT || script.includes('$((') || overBudget) {
    return { commands: splitCommandsLoosely(script), parsedByShellParser: false };
  }
  if (budget) budget.remainingCharacters -= script.length;

  let ast: BashNode;
  try {
    ast = parseBash(script, { insertLOC: true }) as BashNode;
  } catch {
    return { commands: splitCommandsLoosely(script), parsedByShellParser: false };
  }

  const commands: SimpleCommand[] = [];
  visitNode(ast, { script, toUtf16: utf16OffsetsOfCodePoints(script) }, commands);
  return { commands, parsedByShellParser: true };
}

/** Maps the parser's code-point positions to UTF-16 offsets; returns undefined when the two agree. */
function utf16OffsetsOfCodePoints(script: string): number[] | undefined {
  if (!/[\uD800-\uDFFF]/.test(script)) return undefined;

  const offsets: number[] = [];
  let offset = 0;
  for (const codePoint of script) {
    offsets.push(offset);
    offset += codePoint.length;
  }
  offsets.push(offset);
  return offsets;
}

interface ScriptSource {
  script: string;
  toUtf16: number[] | undefined;
}

function utf16(source: ScriptSource, codePointIndex: number): number {
  if (!source.toUtf16) return codePointIndex;
  return source.toUtf16[Math.min(codePointIndex, source.toUtf16.length - 1)];
}

/** Walks the tree in source order with an explicit stack, because `a && b && …` nests one level per operator. */
function visitNode(root: unknown, source: ScriptSource, out: SimpleCommand[]): void {
  const pending: unknown[] = [root];

  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) pending.push(node[i]);
      continue;
    }

    const typed = node as BashNode;
    if (typed.type === 'Command') {
      visitSimpleCommand(typed, source, out);
      continue;
    }

    // Compound nodes (Script, Pipeline, LogicalExpression, Subshell, If, For, While, Case, Function...) hold
    // their children under varying keys; walking every object-valued key covers them all.
    const keys = Object.keys(typed).filter((key) => key !== 'loc');
    for (let i = keys.length - 1; i >= 0; i--) pending.push(typed[keys[i]]);
  }
}

function visitSimpleCommand(command: BashNode, source: ScriptSource, out: SimpleCommand[]): void {
  const words: ShellWord[] = [];
  const name = command.name as BashWord | undefined;
  const prefix = (command.prefix as BashWord[] | undefined) ?? [];
  const suffix = (command.suffix as BashWord[] | undefined) ?? [];

  for (const part of prefix) visitWordExpansions(part, source, out);

  if (name) {
    visitWordExpansions(name, source, out);
    const word = toShellWord(name, source);
    if (word) words.push(word);
  }

  for (const part of suffix) {
    if (part.type === 'Redirect') {
      visitWordExpansions(part.file as BashWord, source, out);
      continue;
    }
    visitWordExpansions(part, source, out);
    const word = toShellWord(part, source);
    if (word) words.push(word);
  }

  if (words.length > 0) out.push({ words });
}

function toShellWord(word: BashWord, source: ScriptSource): ShellWord | undefined {
  if (!word.loc) return undefined;
  return unquoteWord(source.script, utf16(source, word.loc.start.char), utf16(source, word.loc.end.char + 1));
}

/** Parses the commands inside `$( )` and backticks of a word, with offsets shifted into `script`. */
function visitWordExpansions(word: BashWord | undefined, source: ScriptSource, out: SimpleCommand[]): void {
  if (!word?.loc || !word.expansion) return;
  const script = source.script;
  const wordStart = utf16(source, word.loc.start.char);
  const wordEnd = utf16(source, word.loc.end.char + 1);

  for (const expansion of word.expansion) {
    if (expansion.type !== 'CommandExpansion' || typeof expansion.command !== 'string' || !expansion.loc) continue;

    const opener = utf16(source, word.loc.start.char + expansion.loc.start);
    const innerStart = locateExpansionBody(script, wordStart, wordEnd, opener, expansion.command);
    if (innerStart < 0) continue;

    const inner = parseCommands(expansion.command);
    for (const nested of inner.commands) out.push(shiftCommand(nested, innerStart));
  }
}

/** Returns the script offset where the text of a command expansion starts, or -1 when it cannot be found. */
function locateExpansionBody(script: string, wordStart: number, wordEnd: number, opener: number, body: string): number {
  const afterOpener = script[opener] === '$' ? opener + 2 : opener + 1;
  if (script.startsWith(body, afterOpener)) return afterOpener;

  // Escaped quotes inside the expansion make the parser's text differ from the source; search the word instead.
  const found = script.indexOf(body, wordStart);
  return found >= 0 && found < wordEnd ? found : -1;
}

function shiftCommand(command: SimpleCommand, by: number): SimpleCommand {
  return {
    words: command.words.map((word) => ({ ...word, offsets: word.offsets.map((offset) => offset + by) })),
  };
}
