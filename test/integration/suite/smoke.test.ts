// Checks that the runner opened the window it was asked for (folder or multi-root workspace, trust mode)
// and that the extension under test loads in it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { readTestEnvironment } from '../environment';

/** `publisher.name` from the repository's package.json. */
const EXTENSION_ID = 'webcontainer-compat.webcontainer-compat';

/** Every fixture of this suite names its packages with this prefix. */
const FIXTURE_PACKAGE_PREFIX = 'webcontainer-compat-fixture-smoke';

/** Reads the folders that the runner opened: one folder, or those a `.code-workspace` file lists. */
function expectedFolders(workspacePath: string): string[] {
  if (!workspacePath.endsWith('.code-workspace')) {
    return [workspacePath];
  }

  const workspace = JSON.parse(fs.readFileSync(workspacePath, 'utf8')) as { folders: { path: string }[] };
  return workspace.folders.map((folder) => path.resolve(path.dirname(workspacePath), folder.path));
}

describe('smoke', () => {
  const environment = readTestEnvironment();

  it('runs in VS Code 1.90 or later', () => {
    const [major, minor] = vscode.version.split('.').map(Number);

    assert.strictEqual(major, 1, `vscode.version is ${vscode.version}`);
    assert.ok(minor >= 90, `vscode.version is ${vscode.version}, the extension requires ^1.90.0`);
  });

  it('opens the fixture workspace', () => {
    const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri);
    assert.ok(folders.length > 0, 'no workspace folder is open');
    assert.ok(folders.every((folder) => folder.scheme === 'file'), `folders: ${folders.map(String)}`);

    if (environment.workspacePath) {
      const paths = folders.map((folder) => folder.fsPath);
      assert.deepStrictEqual(paths, expectedFolders(environment.workspacePath));
    }

    // A test-electron run without the runner's variables still has to be in a smoke fixture.
    for (const folder of folders) {
      const manifest = JSON.parse(fs.readFileSync(path.join(folder.fsPath, 'package.json'), 'utf8'));
      assert.ok(String(manifest.name).startsWith(FIXTURE_PACKAGE_PREFIX), `package name in ${folder.fsPath}: ${manifest.name}`);
    }
  });

  it('opens the .code-workspace file of a multi-root fixture', function () {
    if (!environment.workspacePath?.endsWith('.code-workspace')) {
      this.skip();
    }

    assert.strictEqual(vscode.workspace.workspaceFile?.fsPath, environment.workspacePath);
  });

  it('applies the trust mode of the suite', () => {
    const expected = environment.workspaceTrust !== 'untrusted';

    assert.strictEqual(vscode.workspace.isTrusted, expected, `trust mode '${environment.workspaceTrust}'`);
  });

  it('finds the extension', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);

    if (environment.extensionPath) {
      assert.strictEqual(path.resolve(extension.extensionPath), path.resolve(environment.extensionPath));
    }
  });

  it('activates the extension', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);

    await extension.activate();

    assert.strictEqual(extension.isActive, true);
  });
});
