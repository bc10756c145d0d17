// BENCHMARK ONLY: a minimal stand-in for the `vscode` module, so that dist/extension.js can be required and
// activated in plain Node to time its own start-up work. Every API call returns an inert object at once: no
// workbench, no extension host messaging and no file search take place, so the numbers measure the
// extension's code and nothing of VS Code. Never use it in tests, which run in a real VS Code instead.

import Module from 'module';

/** Stands in for any object or function the extension reaches for; every property is another stand-in. */
function inert(): any {
  const target = function () {};
  return new Proxy(target, {
    get: (_target, property) => {
      if (property === 'then') return undefined;
      if (property === Symbol.toPrimitive) return () => '';
      return inert();
    },
    apply: () => inert(),
    construct: () => inert(),
  });
}

class EventEmitter<T> {
  private listeners: ((value: T) => void)[] = [];
  readonly event = (listener: (value: T) => void) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((other) => other !== listener)) };
  };
  fire(value: T): void {
    for (const listener of this.listeners) listener(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

class CodeActionKind {
  static readonly Empty = new CodeActionKind('');
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly Source = new CodeActionKind('source');
  static readonly SourceFixAll = new CodeActionKind('source.fixAll');
  constructor(readonly value: string) {}
  append(part: string): CodeActionKind {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  intersects(other: CodeActionKind): boolean {
    return this.value.startsWith(other.value) || other.value.startsWith(this.value);
  }
}

const noEvent = () => ({ dispose() {} });

const logChannel = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, show() {}, dispose() {} };

/** Builds a namespace with the given members; any other member is an inert stand-in. */
function namespace(members: Record<string, unknown>): Record<string, unknown> {
  return new Proxy(members, { get: (target, property) => (property in target ? target[property as string] : inert()) });
}

class CancellationTokenSource {
  readonly token = { isCancellationRequested: false, onCancellationRequested: noEvent };
  cancel(): void {
    this.token.isCancellationRequested = true;
  }
  dispose(): void {}
}

/** Classes the extension may construct during activation; each instance is inert. */
const inertClass = class {
  constructor() {
    return inert();
  }
};

// esbuild's CommonJS interop copies the module's own property names, so every top-level name the bundle
// reads must exist here. Nested namespaces fall back to inert members.
const standIn = {
  EventEmitter,
  CodeActionKind,
  CancellationTokenSource,
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  LanguageStatusSeverity: { Information: 0, Warning: 1, Error: 2 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  ViewColumn: { Active: -1, Beside: -2, One: 1 },
  FileType: { File: 1, Directory: 2 },
  Uri: { parse: (value: string) => ({ toString: () => value, path: value, scheme: 'file' }), file: (path: string) => ({ path, scheme: 'file' }) },
  RelativePattern: inertClass,
  Range: inertClass,
  Position: inertClass,
  Location: inertClass,
  Diagnostic: inertClass,
  DiagnosticRelatedInformation: inertClass,
  CodeAction: inertClass,
  CodeLens: inertClass,
  Hover: inertClass,
  MarkdownString: inertClass,
  WorkspaceEdit: inertClass,
  Task: inertClass,
  CustomExecution: inertClass,
  ProcessExecution: inertClass,
  FileSystemError: class extends Error {},
  Disposable: class {
    constructor(private readonly onDispose: () => void) {}
    dispose(): void {
      this.onDispose();
    }
  },
  l10n: { t: (message: string) => message },
  env: namespace({}),
  tasks: namespace({ registerTaskProvider: () => ({ dispose() {} }) }),
  window: namespace({
    createOutputChannel: () => logChannel,
    onDidChangeActiveTextEditor: noEvent,
    onDidOpenTerminal: noEvent,
    activeTextEditor: undefined,
  }),
  languages: namespace({
    createDiagnosticCollection: () => ({ set() {}, delete() {}, clear() {}, dispose() {} }),
    createLanguageStatusItem: () => ({ dispose() {} }),
    registerCodeActionsProvider: () => ({ dispose() {} }),
    registerCodeLensProvider: () => ({ dispose() {} }),
    registerHoverProvider: () => ({ dispose() {} }),
  }),
  commands: namespace({ registerCommand: () => ({ dispose() {} }), executeCommand: async () => undefined }),
  workspace: namespace({
    workspaceFolders: undefined,
    textDocuments: [],
    isTrusted: true,
    getConfiguration: () => ({ get: () => undefined, inspect: () => undefined, update: async () => undefined }),
    getWorkspaceFolder: () => undefined,
    asRelativePath: (value: unknown) => String(value),
    createFileSystemWatcher: () => ({ onDidCreate: noEvent, onDidChange: noEvent, onDidDelete: noEvent, dispose() {} }),
    onDidOpenTextDocument: noEvent,
    onDidChangeTextDocument: noEvent,
    onDidSaveTextDocument: noEvent,
    onDidCloseTextDocument: noEvent,
    onDidDeleteFiles: noEvent,
    onDidRenameFiles: noEvent,
    onDidChangeConfiguration: noEvent,
    onDidChangeWorkspaceFolders: noEvent,
    onDidGrantWorkspaceTrust: noEvent,
    findFiles: async () => [],
  }),
};

/** Makes `require('vscode')` return the stand-in; anything it does not define is an inert proxy. */
export function installVscodeStandIn(): void {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    if (request === 'vscode') return standIn;
    return originalLoad.call(this, request, ...rest);
  };
}

/** Builds an ExtensionContext with what activate() reads; other members are inert. */
export function standInExtensionContext(): Record<string, unknown> {
  return namespace({ subscriptions: [], extensionMode: 1, extensionUri: standIn.Uri.file('/extension'), extensionPath: '/extension' });
}
