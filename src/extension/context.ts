// The services every feature shares, and the one place where disposables and commands are registered, so
// that each feature module receives what it needs and nothing is global.

import * as vscode from 'vscode';
import type { ManifestDiagnostics } from './diagnostics';
import type { SettingsCache } from './settings';
import type { WorkspaceScanner } from './workspace-scan';

export interface CompatServices {
  log: vscode.LogOutputChannel;
  settings: SettingsCache;
  diagnostics: ManifestDiagnostics;
  scanner: WorkspaceScanner;
}

export class CompatContext implements CompatServices {
  readonly log: vscode.LogOutputChannel;
  readonly settings: SettingsCache;
  readonly diagnostics: ManifestDiagnostics;
  readonly scanner: WorkspaceScanner;

  constructor(
    readonly extension: vscode.ExtensionContext,
    services: CompatServices,
  ) {
    this.log = services.log;
    this.settings = services.settings;
    this.diagnostics = services.diagnostics;
    this.scanner = services.scanner;
  }

  /** Disposes `disposable` when the extension deactivates; returns it. */
  track<T extends vscode.Disposable>(disposable: T): T {
    this.extension.subscriptions.push(disposable);
    return disposable;
  }

  /** Registers a command whose handler `factory` builds from this context. */
  registerCommand(id: string, factory: (context: CompatContext) => (...args: any[]) => unknown): void {
    this.track(vscode.commands.registerCommand(id, factory(this)));
  }
}
