// Activation, read as a table of contents: build the shared services, register each feature, then start
// the first workspace scan without waiting for it.

import * as vscode from 'vscode';
import { CompatContext } from './context';
import { DependencyFileWatch } from './dependency-file-watch';
import { ManifestDiagnostics } from './diagnostics';
import { registerFixAll } from './fix-all';
import { registerHovers } from './hovers';
import { registerIgnoreInWorkspace } from './ignore-in-workspace';
import { registerInstallPrompt } from './install-prompt';
import { registerLanguageStatus } from './language-status';
import { registerLearnMore } from './learn-more';
import { createLogOutputChannel, registerShowOutput } from './output-channel';
import { registerQuickFixes } from './quick-fixes';
import { registerSandbox } from './sandbox/register-sandbox';
import { SettingsCache } from './settings';
import { registerCheckWorkspace, WorkspaceScanner } from './workspace-scan';
import { WorkspaceWatch } from './workspace-watch';

/** The API that activate returns to other extensions and to the integration tests. */
export interface CompatApi {
  /** Resolves when the latest workspace scan has finished. */
  whenScanned(): Promise<void>;
}

export function activate(extension: vscode.ExtensionContext): CompatApi {
  const log = createLogOutputChannel();
  const settings = new SettingsCache(log);
  const diagnostics = new ManifestDiagnostics(settings, log);
  const scanner = new WorkspaceScanner(diagnostics, settings, log);
  const context = new CompatContext(extension, { log, settings, diagnostics, scanner });
  context.track(log);
  context.track(diagnostics);
  context.track(scanner);

  context.track(new WorkspaceWatch(diagnostics, scanner, settings, log));
  context.track(new DependencyFileWatch(diagnostics, scanner, log));
  registerCheckWorkspace(context);
  registerQuickFixes(context);
  registerFixAll(context);
  registerIgnoreInWorkspace(context);
  registerLearnMore(context);
  registerInstallPrompt(context);
  registerHovers(context);
  registerLanguageStatus(context);
  registerShowOutput(context);
  registerSandbox(context);

  void scanner.scanAll();
  return { whenScanned: () => scanner.whenIdle() };
}

export function deactivate(): void {
  // Everything is disposed through extension.subscriptions.
}
