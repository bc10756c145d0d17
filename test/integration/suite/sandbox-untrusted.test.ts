// In Restricted Mode the sandbox runs nothing: the command explains that the workspace must be trusted.
import * as assert from 'assert';
import * as vscode from 'vscode';

const TEST_COMMAND = 'webcontainerCompat.sandbox.testHooks';

describe('Run Script in Sandbox, untrusted workspace', () => {
  it('requires a trusted workspace', async () => {
    const extension = vscode.extensions.getExtension('webcontainer-compat.webcontainer-compat');
    assert.ok(extension);
    await extension.activate();
    assert.strictEqual(vscode.workspace.isTrusted, false);
    await vscode.commands.executeCommand(TEST_COMMAND, { action: 'configure', runtime: 'fake', target: 'auto' });

    const manifest = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'package.json');
    await vscode.commands.executeCommand('webcontainerCompat.runScriptInSandbox', { manifest, script: 'hello' });
    const state = (await vscode.commands.executeCommand(TEST_COMMAND, { action: 'state' })) as {
      session?: unknown;
      notifications: { level: string; message: string }[];
    };

    assert.strictEqual(state.session, undefined);
    assert.deepStrictEqual(
      state.notifications.map((entry) => `${entry.level}: ${entry.message}`),
      ['error: Running a script in the sandbox requires a trusted workspace.'],
    );
  });
});
