// TEST ONLY: a stand-in for a WebContainer, built into the page so that the sandbox can be tested end to end on
// machines that cannot reach StackBlitz. The extension requests it only in its test mode (an extension host
// started with extensionTestsPath), never from a setting, so a workspace cannot switch a user's sandbox to it.
//
// It implements just enough to exercise the sandbox. `<pm> install` lists the dependencies of the mounted
// package.json, and fails as npm does for a missing package when a dependency's version is `fake:fail`.
// `<pm> run <script>` prints npm's header and runs the script's `&&`-separated commands. The commands it runs are
// `echo`, `exit N`, `sleep MS`, `ls` (every mounted path, one per line, folders with a trailing slash),
// `fake-read` (prints `got: <line>` for the next line typed into its input) and `fake-server PORT` (emits
// server-ready). Anything else is printed, not run.

import type { Container, ContainerProcess, MountTree, SpawnOptions, Unsubscribe } from '../driver/container';

interface Manifest {
  name?: string;
  version?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

type Emit = (text: string) => Promise<void>;

/** Operations of a fake command: write output, check for kill, and read a line of typed input. */
interface FakeIo {
  emit: Emit;
  isKilled: () => boolean;
  /** Resolves with the next line typed (without its line ending), or undefined when the process is killed. */
  readLine: () => Promise<string | undefined>;
}

export class FakeRuntime implements Container {
  private tree: MountTree = {};
  private readonly serverReadyListeners = new Set<(port: number, url: string) => void>();

  async mount(tree: MountTree): Promise<void> {
    this.tree = tree;
  }

  async spawn(command: string, args: string[], _options?: SpawnOptions): Promise<ContainerProcess> {
    return startFakeProcess(async (io) => {
      if (args[0] === 'install') return this.install(io.emit);
      if (args[0] === 'run' && args[1] !== undefined) return this.runScript(args[1], io);
      await io.emit(`fake runtime: ${[command, ...args].join(' ')}\n`);
      return 0;
    });
  }

  on(_event: 'server-ready', listener: (port: number, url: string) => void): Unsubscribe {
    this.serverReadyListeners.add(listener);
    return () => this.serverReadyListeners.delete(listener);
  }

  teardown(): void {
    this.tree = {};
  }

  private manifest(): Manifest {
    const node = this.tree['package.json'];
    if (!node || !('file' in node) || !('contents' in node.file)) return {};
    const contents = node.file.contents;
    const text = typeof contents === 'string' ? contents : new TextDecoder().decode(contents);
    try {
      return JSON.parse(text) as Manifest;
    } catch {
      return {};
    }
  }

  private async install(emit: Emit): Promise<number> {
    const manifest = this.manifest();
    const dependencies = { ...manifest.dependencies, ...manifest.devDependencies };

    for (const [name, version] of Object.entries(dependencies)) {
      if (version === 'fake:fail') {
        await emit(`npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/${name} - Not found\nnpm error 404  '${name}@${version}' is not in this registry.\n`);
        return 1;
      }
      await emit(`fake runtime: add ${name}@${version}\n`);
    }
    await emit(`\nadded ${Object.keys(dependencies).length} packages in 0s (fake runtime)\n`);
    return 0;
  }

  private async runScript(scriptName: string, io: FakeIo): Promise<number> {
    const { emit, isKilled } = io;
    const manifest = this.manifest();
    const script = manifest.scripts?.[scriptName];
    if (script === undefined) {
      await emit(`npm error Missing script: "${scriptName}"\n`);
      return 1;
    }

    await emit(`\n> ${manifest.name ?? 'project'}@${manifest.version ?? '0.0.0'} ${scriptName}\n> ${script}\n\n`);
    for (const part of script.split('&&').map((text) => text.trim())) {
      if (isKilled()) return 130;
      const code = await this.runCommand(part, io);
      if (code !== 0) return code;
    }
    return 0;
  }

  private async runCommand(commandText: string, io: FakeIo): Promise<number> {
    const { emit, isKilled } = io;
    const [word, ...rest] = commandText.split(/\s+/);
    const argument = rest.join(' ').replace(/^(['"])(.*)\1$/, '$2');

    switch (word) {
      case 'echo':
        await emit(`${argument}\n`);
        return 0;
      case 'exit':
        return Number.parseInt(argument, 10) || 0;
      case 'sleep':
        return waitUnlessKilled(Number.parseInt(argument, 10) || 0, isKilled);
      case 'fake-read': {
        const line = await io.readLine();
        if (line === undefined) return 130;
        await emit(`got: ${line}\n`);
        return 0;
      }
      case 'ls':
        await emit(listPaths(this.tree, '').join('\n') + '\n');
        return 0;
      case 'fake-server': {
        const port = Number.parseInt(argument, 10) || 3000;
        for (const listener of this.serverReadyListeners) listener(port, `http://localhost:${port}/`);
        await emit(`fake runtime: server listening on port ${port}\n`);
        return waitUnlessKilled(Number.POSITIVE_INFINITY, isKilled);
      }
      default:
        await emit(`fake runtime: not running "${commandText}"\n`);
        return 0;
    }
  }
}

function listPaths(tree: MountTree, prefix: string): string[] {
  const paths: string[] = [];
  for (const name of Object.keys(tree).sort()) {
    const node = tree[name];
    if ('directory' in node) paths.push(`${prefix}${name}/`, ...listPaths(node.directory, `${prefix}${name}/`));
    else paths.push(`${prefix}${name}`);
  }
  return paths;
}

/** Starts `body` on the next turn, streaming what it emits; kill() makes it stop at its next check with code 130. */
function startFakeProcess(body: (io: FakeIo) => Promise<number>): ContainerProcess {
  let controller!: ReadableStreamDefaultController<string>;
  let killed = false;
  const output = new ReadableStream<string>({ start: (streamController) => void (controller = streamController) });

  let typed = '';
  const input = new WritableStream<string>({ write: (chunk) => void (typed += chunk) });
  const readLine = async (): Promise<string | undefined> => {
    for (;;) {
      const end = typed.search(/\r\n|\r|\n/);
      if (end >= 0) {
        const line = typed.slice(0, end);
        typed = typed.slice(end).replace(/^(\r\n|\r|\n)/, '');
        return line;
      }
      if (killed) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const emit: Emit = async (text) => {
    controller.enqueue(text);
    // Yields so that each chunk reaches the reader before the next one is written, as a real process would.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };

  const exit = Promise.resolve()
    .then(() => body({ emit, isKilled: () => killed, readLine }))
    .then((code) => (killed ? 130 : code))
    .finally(() => controller.close());

  return { output, exit, input, kill: () => void (killed = true) };
}

async function waitUnlessKilled(milliseconds: number, isKilled: () => boolean): Promise<number> {
  const started = Date.now();
  while (!isKilled() && Date.now() - started < milliseconds) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return isKilled() ? 130 : 0;
}
