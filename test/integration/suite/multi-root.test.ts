// A multi-root window (fixture "multi-root", two folders from a .code-workspace file): both folders are
// checked, each with its own folder settings, the Ignore quick fix writes to the .code-workspace file, a
// folder added later is checked too, and a folder on a file system that is not on disk (as in a virtual
// workspace) gets diagnostics for open documents only.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, codeActionsAt, compatDiagnostics, ruleOf, sleep, waitForDiagnostics, workspaceFile } from './support';

async function diagnosticOn(uri: vscode.Uri, word: string): Promise<vscode.Diagnostic | undefined> {
  const document = await vscode.workspace.openTextDocument(uri);
  return compatDiagnostics(uri).find((diagnostic) => document.getText(diagnostic.range) === word);
}

/** An in-memory file system for the scheme `wctest`, standing in for the remote file systems of virtual workspaces. */
class MemoryFileSystem implements vscode.FileSystemProvider {
  private readonly files = new Map<string, Uint8Array>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changeEmitter.event;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (file) return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: file.length };
    if ([...this.files.keys()].some((path) => path.startsWith(`${uri.path.replace(/\/$/, '')}/`)) || uri.path === '/') {
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    }
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const prefix = `${uri.path.replace(/\/$/, '')}/`;
    const names = new Map<string, vscode.FileType>();
    for (const path of this.files.keys()) {
      if (!path.startsWith(prefix)) continue;
      const [name, ...rest] = path.slice(prefix.length).split('/');
      names.set(name, rest.length > 0 ? vscode.FileType.Directory : vscode.FileType.File);
    }
    return [...names];
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    this.files.set(uri.path, content);
    this.changeEmitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  createDirectory(): void {}

  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
  }

  rename(oldUri: vscode.Uri, newUri: vscode.Uri): void {
    const file = this.readFile(oldUri);
    this.files.delete(oldUri.path);
    this.files.set(newUri.path, file);
  }
}

describe('multi-root', () => {
  const app = () => workspaceFile('package.json', 0);
  const tools = () => workspaceFile('package.json', 1);

  before(async () => {
    assert.strictEqual(vscode.workspace.workspaceFolders?.length, 2, 'the fixture opens two folders');
    await activateExtension();
  });

  it('checks every folder', async () => {
    await waitForDiagnostics(app(), (list) => list.length === 1, 'bcrypt in app');
    const diagnostics = await waitForDiagnostics(tools(), (list) => list.length === 2, 'bcrypt and cargo in tools');

    assert.deepStrictEqual(diagnostics.map(ruleOf).sort(), ['native-dependency', 'unsupported-runtime']);
  });

  it('applies each folder its settings', async () => {
    assert.strictEqual((await diagnosticOn(app(), 'bcrypt'))?.severity, vscode.DiagnosticSeverity.Warning, 'app/.vscode/settings.json lowers it');
    assert.strictEqual((await diagnosticOn(tools(), 'bcrypt'))?.severity, vscode.DiagnosticSeverity.Error, 'tools keeps the rule severity');
  });

  it('ignore writes the workspace file', async () => {
    const cargo = await diagnosticOn(tools(), 'cargo');
    assert.ok(cargo);
    const actions = await codeActionsAt(tools(), cargo.range, vscode.CodeActionKind.QuickFix.value);
    const ignore = actions.find((action) => action.title === 'Ignore cargo in this workspace');
    assert.ok(ignore?.command, JSON.stringify(actions.map((action) => action.title)));

    await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? []));

    await waitForDiagnostics(tools(), (list) => list.length === 1 && ruleOf(list[0]) === 'native-dependency', 'cargo ignored');
    const workspaceFileUri = vscode.workspace.workspaceFile;
    assert.ok(workspaceFileUri);
    const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFileUri)));
    assert.deepStrictEqual(saved.settings['webcontainerCompat.ignore.runtimes'], ['cargo']);
  });

  it('checks a folder added later', async () => {
    const workspaceFileUri = vscode.workspace.workspaceFile;
    assert.ok(workspaceFileUri);
    const extraFolder = vscode.Uri.file(path.join(path.dirname(workspaceFileUri.fsPath), 'extra'));

    const added = new Promise<void>((resolve) => {
      const subscription = vscode.workspace.onDidChangeWorkspaceFolders(() => {
        subscription.dispose();
        resolve();
      });
    });
    assert.strictEqual(vscode.workspace.updateWorkspaceFolders(2, 0, { uri: extraFolder }), true);
    await added;

    const diagnostics = await waitForDiagnostics(vscode.Uri.joinPath(extraFolder, 'package.json'), (list) => list.length === 1, 'go in extra');
    assert.strictEqual(ruleOf(diagnostics[0]), 'unsupported-runtime');
  });

  it('checks only open documents on a virtual file system', async () => {
    const memory = new MemoryFileSystem();
    const registration = vscode.workspace.registerFileSystemProvider('wctest', memory, { isCaseSensitive: true });
    const opened = vscode.Uri.parse('wctest:/virtual/package.json');
    const unopened = vscode.Uri.parse('wctest:/virtual/nested/package.json');
    memory.writeFile(vscode.Uri.parse('wctest:/virtual/README.md'), new TextEncoder().encode('A folder on a virtual file system.\n'));

    const added = new Promise<void>((resolve) => {
      const subscription = vscode.workspace.onDidChangeWorkspaceFolders(() => {
        subscription.dispose();
        resolve();
      });
    });
    const count = vscode.workspace.workspaceFolders?.length ?? 0;
    assert.strictEqual(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: vscode.Uri.parse('wctest:/virtual'), name: 'virtual' }), true);
    await added;
    await activateExtension();

    // Written after the rescan that the new folder started, so only the watcher could report the unopened file.
    // Neither file calls cargo, which an earlier test added to the ignored runtimes.
    memory.writeFile(opened, new TextEncoder().encode('{\n  "scripts": { "serve": "go run ." }\n}\n'));
    memory.writeFile(unopened, new TextEncoder().encode('{\n  "scripts": { "build": "make" }\n}\n'));
    await vscode.workspace.openTextDocument(opened);

    const diagnostics = await waitForDiagnostics(opened, (list) => list.length === 1, 'go in the open virtual document');
    assert.strictEqual(ruleOf(diagnostics[0]), 'unsupported-runtime');
    await sleep(500);
    assert.deepStrictEqual(compatDiagnostics(unopened), [], 'a virtual file that is not open must not be checked');
    registration.dispose();
  });
});
