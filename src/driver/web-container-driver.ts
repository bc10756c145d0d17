// The guarded driver: runs commands and npm scripts in a WebContainer, and rejects what cannot run there before
// any WebContainer call, booting included. A script is checked whole: its pre and post hooks, the scripts it
// calls and the commands inside wrappers.

import type { SpawnOptions } from './container';
import { CommandDriver, type RunHandle } from './command-driver';
import { DriverDisposedError } from './driver-errors';
import { checkScriptRun } from './script-guard';

export { KILLED_EXIT_CODE, type RunHandle, type WebContainerDriverOptions } from './command-driver';

/** The package managers a WebContainer has built in. */
export type PackageManager = 'npm' | 'pnpm' | 'yarn';

export class WebContainerDriver extends CommandDriver {
  /**
   * Runs `<pm> run <scriptName>` after checking the whole run. Rejects with MissingScriptError, or with
   * ScriptRefusedError naming the script, the command, the reason and the fallback, before any container call.
   */
  async runScript(scripts: Record<string, string>, scriptName: string, pm: PackageManager = 'npm', options?: SpawnOptions): Promise<RunHandle> {
    if (this.disposed) throw new DriverDisposedError();
    checkScriptRun(scripts, scriptName, this.options.analyzeOptions);
    return this.exec(pm, ['run', scriptName], options);
  }
}
