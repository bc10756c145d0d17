/// <reference lib="dom" />
// Entry point of the sandbox page (bundled to dist/webview/sandbox.js). It shows the run in an xterm.js terminal,
// boots the WebContainer (or the test-only fake runtime) when the extension sends the files, and relays
// output, exit codes and server-ready URLs back.

import '@xterm/xterm/css/xterm.css';
import './sandbox-page.css';
import { Terminal } from '@xterm/xterm';
import { CommandDriver } from '../driver/command-driver';
import { FakeRuntime } from './fake-runtime';
import { PageSession } from './page-session';
import { createTransport } from './page-transport';
import type { PageMessage, StartMessage } from './sandbox-protocol';

const isolated = self.crossOriginIsolated === true;
const transport = createTransport(document.body.dataset.transport);
const terminal = new Terminal({ convertEol: true, disableStdin: true, scrollback: 10_000, fontSize: 13 });
terminal.open(document.getElementById('terminal') as HTMLElement);

let session: PageSession | undefined;
let driver: CommandDriver | undefined;

function setStatus(text: string): void {
  (document.getElementById('status') as HTMLElement).textContent = text;
}

/** Sends a message to the extension and mirrors it in the page's own terminal. */
function report(message: PageMessage): void {
  transport.send(message);

  switch (message.type) {
    case 'phase':
      setStatus(`${message.phase[0].toUpperCase()}${message.phase.slice(1)}…`);
      break;
    case 'output':
      terminal.write(message.data);
      break;
    case 'exit':
      setStatus(`${message.step === 'install' ? 'Install' : 'Script'} exited with code ${message.code}.`);
      break;
    case 'server-ready':
      terminal.write(`\r\nServer ready on port ${message.port}: ${message.url}\r\n`);
      break;
    case 'failure':
      setStatus(message.message);
      terminal.write(`\r\n${message.message}\r\n`);
      break;
  }
}

async function start(message: StartMessage): Promise<void> {
  if (session) return;

  if (message.runtime === 'webcontainer' && !isolated) {
    report({ type: 'failure', kind: 'not-isolated', message: 'This page is not cross-origin isolated, so a WebContainer cannot boot here.' });
    return;
  }

  driver = new CommandDriver({
    boot: message.runtime === 'fake' ? async () => new FakeRuntime() : undefined,
    bootOptions: { coep: 'require-corp', workdirName: 'project' },
    bootTimeoutMs: message.bootTimeoutMs,
  });
  session = new PageSession(driver, report);
  await session.run(message);
  setStatus(`${document.getElementById('status')?.textContent ?? ''} The session has ended.`);
}

function showNotIsolated(): void {
  const section = document.getElementById('not-isolated') as HTMLElement;
  section.hidden = false;
  (document.getElementById('open-in-browser') as HTMLButtonElement).addEventListener('click', () => transport.send({ type: 'open-in-browser' }));
}

transport.onMessage((message) => {
  if (message.type === 'start') void start(message);
  if (message.type === 'stop') session?.stop();
  if (message.type === 'input') session?.input(message.data);
});

transport.onClosed(() => {
  session?.stop();
  setStatus('The session has ended. You can close this tab.');
});

window.addEventListener('pagehide', () => void driver?.teardown());

if (!isolated && transport.kind === 'webview') showNotIsolated();
setStatus(isolated ? 'Waiting for the files…' : 'Waiting for the extension…');
transport.send({ type: 'hello', crossOriginIsolated: isolated, secureContext: self.isSecureContext });
