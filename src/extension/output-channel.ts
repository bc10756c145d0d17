// The "WebContainer Compatibility" output channel. Log lines name the file, package or script involved and
// never contain file contents. They stay in English, like VS Code's own logs, so that they can be searched.

import * as vscode from 'vscode';
import { COMMANDS } from './commands';
import type { CompatContext } from './context';

/** Shown in the Output view's list and used by the language status item's link. */
export const OUTPUT_CHANNEL_NAME = 'WebContainer Compatibility';

export function createLogOutputChannel(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
}

/** Describes a caught error for the log: its message, or its string form for values that are not Errors. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Registers the command that reveals the channel; the language status item links to it. */
export function registerShowOutput(context: CompatContext): void {
  context.registerCommand(COMMANDS.showOutput, ({ log }) => () => log.show(true));
}
