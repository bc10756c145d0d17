// TEST ONLY. Registered only in ExtensionMode.Test (an extension host started with extensionTestsPath), so
// neither a user nor a workspace setting can reach it. The integration tests use it to swap the WebContainer
// for the page's fake runtime, to open the page in the browser directly, to record notifications and external
// opens instead of showing them, and to read the state of the current session.

import type { CompatContext } from '../context';
import type { RuntimeKind } from '../../webview/sandbox-protocol';
import type { SandboxManager } from './register-sandbox';
import type { SandboxSnapshot } from './sandbox-session';
import { RecordingUi, type RecordedNotification } from './sandbox-ui';

export const SANDBOX_TEST_COMMAND = 'webcontainerCompat.sandbox.testHooks';

export interface SandboxTestOverrides {
  runtime: RuntimeKind;
  target: 'auto' | 'browser';
  ui: RecordingUi;
}

/** Arguments of the test command. */
export type SandboxTestRequest =
  | { action: 'configure'; runtime?: RuntimeKind; target?: 'auto' | 'browser'; chosenActions?: string[] }
  | { action: 'state' }
  | { action: 'reset' };

export interface SandboxTestState {
  session: SandboxSnapshot | undefined;
  notifications: RecordedNotification[];
  openedUris: string[];
}

export function registerSandboxTestHooks(context: CompatContext, manager: SandboxManager): void {
  context.registerCommand(SANDBOX_TEST_COMMAND, () => (request: SandboxTestRequest): SandboxTestState | undefined => {
    if (request.action === 'reset') {
      manager.dispose();
      manager.testOverrides = undefined;
      return undefined;
    }

    if (request.action === 'configure') {
      const ui = manager.testOverrides?.ui ?? new RecordingUi();
      ui.chosenActions = request.chosenActions ?? [];
      manager.testOverrides = { runtime: request.runtime ?? 'fake', target: request.target ?? 'auto', ui };
    }

    return {
      session: manager.current?.snapshot(),
      notifications: [...(manager.testOverrides?.ui.notifications ?? [])],
      openedUris: [...(manager.testOverrides?.ui.openedUris ?? [])],
    };
  });
  context.log.info('Sandbox test hooks registered (extension test mode).');
}
