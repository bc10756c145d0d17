// Parses the command line of `webcontainer-compat` into a request, or a usage error to print.

import { parseArgs } from 'node:util';

export type OutputFormat = 'text' | 'json' | 'sarif';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

export type CliRequest =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check'; format: OutputFormat; paths: string[] }
  | { kind: 'usage-error'; message: string };

const OPTIONS = {
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

type OptionName = keyof typeof OPTIONS;

/**
 * Parses `argv` (without the node and script paths). The only command is `check`; `--help` and
 * `--version` work with or without it. Options may come before or after the paths, and `--` ends them.
 */
export function parseCliArguments(argv: readonly string[]): CliRequest {
  // Non-strict mode hands back every token, so the messages for unknown options and missing
  // values below are ours, and stay the same across Node.js versions.
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: false, tokens: true });

  let format: OutputFormat = 'text';
  let help = false;
  let showVersion = false;
  const positionals: string[] = [];

  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }

    if (token.kind === 'option-terminator') {
      continue;
    }

    if (!isKnownOption(token.name)) {
      return { kind: 'usage-error', message: `unknown option '${token.rawName}'` };
    }

    if (token.name === 'format') {
      if (token.value === undefined) {
        return { kind: 'usage-error', message: `missing value for ${token.rawName}: expected ${OUTPUT_FORMATS.join(', ')}` };
      }

      if (!isOutputFormat(token.value)) {
        return {
          kind: 'usage-error',
          message: `invalid value '${token.value}' for ${token.rawName}: expected ${OUTPUT_FORMATS.join(', ')}`,
        };
      }

      format = token.value;
      continue;
    }

    if (token.value !== undefined) {
      return { kind: 'usage-error', message: `option ${token.rawName} does not take a value` };
    }

    if (token.name === 'help') {
      help = true;
    } else {
      showVersion = true;
    }
  }

  if (help) {
    return { kind: 'help' };
  }

  if (showVersion) {
    return { kind: 'version' };
  }

  const [command, ...paths] = positionals;

  if (command === undefined) {
    return { kind: 'usage-error', message: 'missing command: expected check' };
  }

  if (command !== 'check') {
    return { kind: 'usage-error', message: `unknown command '${command}': expected check` };
  }

  return { kind: 'check', format, paths };
}

function isKnownOption(name: string): name is OptionName {
  return Object.prototype.hasOwnProperty.call(OPTIONS, name);
}

function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}
