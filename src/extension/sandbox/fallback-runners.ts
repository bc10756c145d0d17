// Fallbacks for a script the WebContainer cannot run: a Docker container in a VS Code task, or a local terminal.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** Returns the full path of `name` on PATH, or undefined. On Windows the PATHEXT suffixes are tried too. */
export function findExecutableOnPath(name: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | undefined {
  const directories = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter((entry) => entry !== '');
  const suffixes = platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';')] : [''];

  for (const directory of directories) {
    for (const suffix of suffixes) {
      const candidate = path.join(directory, `${name}${suffix}`);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // Not in this directory.
      }
    }
  }
  return undefined;
}

/** Builds the `docker run` arguments that run `npm run <script>` in `image` with the folder mounted at /app. */
export function dockerRunArguments(folder: string, image: string, scriptName: string): string[] {
  return ['run', '--rm', '-it', '-v', `${folder}:/app`, '-w', '/app', image, 'npm', 'run', scriptName];
}

/**
 * Runs the script in Docker as a VS Code task. Returns false, after telling the user, when no Docker client is
 * on the PATH. The task runs `docker` directly, without a shell, so the folder path and script name need no quoting.
 */
export async function runInDocker(folder: vscode.WorkspaceFolder, packageFolder: string, image: string, scriptName: string, notify: (message: string) => void): Promise<boolean> {
  const docker = findExecutableOnPath('docker');
  if (!docker) {
    notify(vscode.l10n.t('No Docker client was found on the PATH, so the script cannot run in Docker. Install Docker or run the script in a local terminal.'));
    return false;
  }

  const definition = { type: 'webcontainer-docker', script: scriptName };
  const task = new vscode.Task(
    definition,
    folder,
    vscode.l10n.t('{0} (Docker, {1})', scriptName, image),
    'WebContainer',
    new vscode.ProcessExecution(docker, dockerRunArguments(packageFolder, image, scriptName), { cwd: packageFolder }),
  );
  await vscode.tasks.executeTask(task);
  return true;
}

/** Opens a terminal in the package's folder and runs the script there with the project's package manager. */
export function runInLocalTerminal(packageFolder: string, packageManager: string, scriptName: string): vscode.Terminal {
  const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('{0} (local)', scriptName), cwd: packageFolder });
  terminal.show();
  terminal.sendText(`${packageManager} run ${quoteForShell(scriptName)}`);
  return terminal;
}

/**
 * Single-quotes a word for a POSIX shell unless it consists of characters that need no quoting.
 * NOTE: PowerShell and cmd.exe quote differently; a script name with quotes or spaces may need retyping there.
 */
export function quoteForShell(word: string): string {
  if (/^[A-Za-z0-9_./:@-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'"'"'`)}'`;
}
