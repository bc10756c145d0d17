// The notifications and external opens of the sandbox, behind an interface so that the integration tests can
// record them and pick an action, which VS Code's API offers no way to do for a real notification.

import * as vscode from 'vscode';

export type NotificationLevel = 'information' | 'warning' | 'error';

export interface SandboxUi {
  notify(level: NotificationLevel, message: string, ...actions: string[]): Thenable<string | undefined>;
  openExternal(uri: vscode.Uri): Thenable<boolean>;
}

export const vscodeUi: SandboxUi = {
  notify(level, message, ...actions) {
    if (level === 'error') return vscode.window.showErrorMessage(message, ...actions);
    if (level === 'warning') return vscode.window.showWarningMessage(message, ...actions);
    return vscode.window.showInformationMessage(message, ...actions);
  },
  openExternal: (uri) => vscode.env.openExternal(uri),
};

/** One notification as the recording UI saw it. */
export interface RecordedNotification {
  level: NotificationLevel;
  message: string;
  actions: string[];
}

/**
 * TEST ONLY: records notifications and external opens instead of showing them. A notification resolves to
 * the first of its actions listed in `chosenActions`, or to undefined (dismissed) when none is listed.
 */
export class RecordingUi implements SandboxUi {
  readonly notifications: RecordedNotification[] = [];
  readonly openedUris: string[] = [];
  chosenActions: string[] = [];

  notify(level: NotificationLevel, message: string, ...actions: string[]): Thenable<string | undefined> {
    this.notifications.push({ level, message, actions });
    return Promise.resolve(actions.find((action) => this.chosenActions.includes(action)));
  }

  openExternal(uri: vscode.Uri): Thenable<boolean> {
    this.openedUris.push(uri.toString(true));
    return Promise.resolve(true);
  }
}
