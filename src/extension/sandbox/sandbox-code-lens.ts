// A "Run in Sandbox" code lens above each script of a package.json, which runs the sandbox command for it.

import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import * as vscode from 'vscode';
import type { CompatContext } from '../context';
import { MANIFEST_SELECTOR } from '../manifest-files';
import { readSandboxSettings } from './sandbox-settings';

class SandboxCodeLensProvider implements vscode.CodeLensProvider {
  constructor(private readonly log: vscode.LogOutputChannel) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.isTrusted) return [];
    if (!readSandboxSettings(document.uri, this.log).codeLens) return [];

    // parseTree tolerates broken JSON, which is normal while the user types.
    const scripts = findNodeAtLocation(parseTree(document.getText()) ?? { type: 'null', offset: 0, length: 0 }, ['scripts']);
    if (!scripts || scripts.type !== 'object') return [];

    const lenses: vscode.CodeLens[] = [];
    for (const property of scripts.children ?? []) {
      const [key, value] = property.children ?? [];
      if (!key || value?.type !== 'string' || typeof key.value !== 'string') continue;

      const range = new vscode.Range(document.positionAt(key.offset), document.positionAt(key.offset + key.length));
      lenses.push(
        new vscode.CodeLens(range, {
          title: vscode.l10n.t('Run in Sandbox'),
          tooltip: vscode.l10n.t('Run this script in a WebContainer sandbox'),
          command: 'webcontainerCompat.runScriptInSandbox',
          arguments: [{ manifest: document.uri, script: key.value }],
        }),
      );
    }
    return lenses;
  }
}

export function registerSandboxCodeLens(context: CompatContext): void {
  context.track(vscode.languages.registerCodeLensProvider(MANIFEST_SELECTOR, new SandboxCodeLensProvider(context.log)));
}
