// Starts and stops code-server (VS Code 1.100.3 served to a browser) on a free loopback port.
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { onCleanup } from './cleanup';
import { CODE_SERVER_DIR, CODE_SERVER_ENTRY } from './paths';
import { RunnerError } from './runner-error';

export interface CodeServerOptions {
  userDataDir: string;
  extensionsDir: string;
  /** Folder for code-server's own config file and logs (its XDG_CONFIG_HOME and XDG_DATA_HOME). */
  stateDir: string;
  /** File that receives code-server's stdout and stderr. */
  logFile: string;
  /** Passes --disable-workspace-trust; without it the user's `security.workspace.trust.*` settings apply. */
  disableWorkspaceTrust: boolean;
  /** Extra environment for the server, which its extension host processes inherit. */
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

export interface CodeServer {
  port: number;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Settles with a message when the server process exits before `stop()` is called, and never otherwise. */
  unexpectedExit: Promise<string>;
  /** Stops the server and its extension hosts. Safe to call more than once. */
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 3_000;

/** Fails with the command that fixes it when test/vscode/provision.sh has not run. */
export function assertProvisioned(): void {
  if (!fs.existsSync(CODE_SERVER_ENTRY) || !fs.existsSync(path.join(CODE_SERVER_DIR, '.provisioned'))) {
    throw new RunnerError(`code-server is not provisioned in ${CODE_SERVER_DIR}. Run: npm run provision:vscode`);
  }
}

/** Asks the kernel for a free loopback port. Another process could take it before code-server binds it. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

/**
 * Environment for code-server: its config and logs go to `stateDir`, never to the user's home folder, and
 * an empty EXTENSIONS_GALLERY turns off the extension marketplace (open-vsx.org by default), which the
 * tests never use.
 */
function serverEnvironment(options: CodeServerOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(options.stateDir, 'config'),
    XDG_DATA_HOME: path.join(options.stateDir, 'data'),
    EXTENSIONS_GALLERY: '{}',
    ...options.env,
  };
}

/** Starts code-server in its own process group and waits until /healthz returns 200. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  assertProvisioned();
  for (const dir of [options.userDataDir, options.extensionsDir, options.stateDir, path.dirname(options.logFile)]) {
    fs.mkdirSync(dir, { recursive: true });
  }

  const port = await findFreePort();
  const args = [
    CODE_SERVER_ENTRY,
    '--auth=none',
    `--bind-addr=127.0.0.1:${port}`,
    `--user-data-dir=${options.userDataDir}`,
    `--extensions-dir=${options.extensionsDir}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.disableWorkspaceTrust ? ['--disable-workspace-trust'] : []),
  ];

  const log = fs.openSync(options.logFile, 'a');
  const child = spawn(process.execPath, args, {
    env: serverEnvironment(options),
    stdio: ['ignore', log, log],
    detached: true,
  });
  fs.closeSync(log);

  let stopping = false;
  const stop = onCleanup(() => {
    stopping = true;
    return stopProcessGroup(child);
  });
  const unexpectedExit = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      if (!stopping) {
        resolve(`code-server exited unexpectedly (code ${code}, signal ${signal}); see ${options.logFile}`);
      }
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(origin, child, options.startTimeoutMs ?? 60_000, options.logFile);
  } catch (error) {
    await stop();
    throw error;
  }

  return { port, origin, unexpectedExit, stop };
}

/**
 * Sends SIGTERM to the whole process group (server, extension hosts, file watchers, pty hosts), then
 * SIGKILL to whatever is left after a grace period.
 */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) {
    return;
  }

  const exited = child.exitCode !== null || child.signalCode !== null;
  const exit = exited ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child.pid, 'SIGTERM');

  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), STOP_GRACE_MS));
  await Promise.race([exit, timer]);

  // Extension hosts may outlive the server by a moment, so the group always gets SIGKILL at the end.
  signalGroup(child.pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    // ESRCH: the group has already exited.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') {
      throw error;
    }
  }
}

async function waitForHealth(origin: string, child: ChildProcess, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;

  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new RunnerError(
        `code-server exited during start-up (code ${child.exitCode}, signal ${child.signalCode}); see ${logFile}`,
      );
    }
    if (await isHealthy(origin)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  throw new RunnerError(`code-server did not answer ${origin}/healthz within ${timeoutMs} ms; see ${logFile}`);
}

function isHealthy(origin: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(`${origin}/healthz`, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(2_000, () => request.destroy());
  });
}

export interface InstallOptions {
  userDataDir: string;
  extensionsDir: string;
  stateDir: string;
  logFile: string;
}

/**
 * Installs a VSIX with `code-server --install-extension`, the way a user would, and returns the folder
 * that it was unpacked into. Copying an unpacked folder into the extensions dir does not work, because
 * code-server only loads extensions that its extensions.json lists.
 */
export async function installVsix(vsixPath: string, options: InstallOptions): Promise<string> {
  assertProvisioned();
  fs.mkdirSync(options.extensionsDir, { recursive: true });
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });

  const args = [
    CODE_SERVER_ENTRY,
    `--user-data-dir=${options.userDataDir}`,
    `--extensions-dir=${options.extensionsDir}`,
    '--install-extension',
    vsixPath,
  ];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: serverEnvironment({ ...options, disableWorkspaceTrust: true }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.stderr.on('data', (chunk) => (text += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      fs.writeFileSync(options.logFile, text);
      if (code === 0) {
        resolve(text);
      } else {
        reject(new RunnerError(`code-server --install-extension ${vsixPath} failed with exit code ${code}:\n${text}`));
      }
    });
  });

  return findInstalledExtension(options.extensionsDir, output);
}

function findInstalledExtension(extensionsDir: string, installOutput: string): string {
  const listPath = path.join(extensionsDir, 'extensions.json');
  if (!fs.existsSync(listPath)) {
    throw new RunnerError(`${listPath} is missing after the install. code-server printed:\n${installOutput}`);
  }

  const entries = JSON.parse(fs.readFileSync(listPath, 'utf8')) as { location?: { path?: string } }[];
  const locations = entries.map((entry) => entry.location?.path).filter((location) => location !== undefined);
  if (locations.length !== 1) {
    throw new RunnerError(`expected one extension in ${listPath}, found ${locations.length}: ${locations.join(', ')}`);
  }
  return locations[0];
}
