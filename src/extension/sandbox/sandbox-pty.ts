// The terminal that shows a sandbox run: a pseudoterminal fed with the page's output. It keeps a bounded
// transcript of what it wrote, which the integration tests read because VS Code has no API to read a terminal.

import * as vscode from 'vscode';

const TRANSCRIPT_LIMIT = 512 * 1024;

export interface SandboxPtyHandlers {
  /** The terminal opened; the session can start writing. */
  onOpen(): void;
  /** The user pressed Ctrl+C. */
  onInterrupt(): void;
  /** The user typed other keys. */
  onInput?(data: string): void;
  /** The user closed the terminal or ended the task. */
  onClose(): void;
}

export class SandboxPty implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number | void>();
  private handlers: SandboxPtyHandlers | undefined;
  private pending: string[] = [];
  private opened = false;
  private finished = false;
  private transcriptText = '';

  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;

  /**
   * @param closeOnExit true for a task, whose terminal then reports the exit code and stays open by itself.
   * False for the command's terminal, which must not close, so the user can read the output.
   */
  constructor(private readonly closeOnExit: boolean) {}

  setHandlers(handlers: SandboxPtyHandlers): void {
    this.handlers = handlers;
    if (this.opened) handlers.onOpen();
  }

  open(): void {
    this.opened = true;
    for (const text of this.pending.splice(0)) this.writeEmitter.fire(text);
    this.handlers?.onOpen();
  }

  close(): void {
    this.handlers?.onClose();
  }

  handleInput(data: string): void {
    if (data === '\u0003') this.handlers?.onInterrupt();
    else this.handlers?.onInput?.(data);
  }

  /** Writes output as it came from the process; lone line feeds become CR LF, as a terminal needs. */
  write(text: string): void {
    const normalized = text.replace(/\r?\n/g, '\r\n');
    this.appendTranscript(text);
    if (this.opened) this.writeEmitter.fire(normalized);
    else this.pending.push(normalized);
  }

  /** Writes one line of the extension's own, dimmed to set it apart from the process output. */
  writeNote(line: string): void {
    this.write(`\u001b[2m${line}\u001b[22m\n`);
  }

  /** Ends the run: a task terminal closes with the code, the command's terminal stays open. */
  finish(code: number): void {
    if (this.finished) return;
    this.finished = true;
    if (this.closeOnExit) this.closeEmitter.fire(code);
  }

  /** Text written so far, without colour codes, limited to the last 512 KiB. */
  get transcript(): string {
    return this.transcriptText;
  }

  dispose(): void {
    this.writeEmitter.dispose();
    this.closeEmitter.dispose();
  }

  private appendTranscript(text: string): void {
    // eslint-disable-next-line no-control-regex
    this.transcriptText += text.replace(/\u001b\[[0-9;]*m/g, '');
    if (this.transcriptText.length > TRANSCRIPT_LIMIT) this.transcriptText = this.transcriptText.slice(-TRANSCRIPT_LIMIT);
  }
}
