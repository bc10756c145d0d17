/// <reference lib="dom" />
// How the page talks to the extension: through the webview API inside VS Code, or through Server-Sent Events
// and POST requests to the local server that served it in a browser tab. Every incoming message is checked
// against the schema; anything else is dropped.

import { isHostMessage, type HostMessage, type PageMessage } from './sandbox-protocol';
import { WEBCONTAINER_FRAME_ORIGIN } from '../extension/sandbox/sandbox-html';

export interface PageTransport {
  readonly kind: 'webview' | 'browser';
  send(message: PageMessage): void;
  onMessage(listener: (message: HostMessage) => void): void;
  /** Called once when the extension side goes away (browser only: the session's server closed). */
  onClosed(listener: () => void): void;
}

interface VsCodeApi {
  postMessage(message: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export function createTransport(kind: string | undefined): PageTransport {
  return kind === 'webview' ? createWebviewTransport() : createBrowserTransport();
}

function createWebviewTransport(): PageTransport {
  const api = acquireVsCodeApi();
  return {
    kind: 'webview',
    send: (message) => api.postMessage(message),
    onMessage: (listener) => {
      window.addEventListener('message', (event: MessageEvent) => {
        // The WebContainer's own frame posts to this window too; its messages are not for the sandbox.
        if (event.origin === WEBCONTAINER_FRAME_ORIGIN) return;
        if (isHostMessage(event.data)) listener(event.data);
      });
    },
    onClosed: () => undefined,
  };
}

function createBrowserTransport(): PageTransport {
  // Relative URLs keep the secret path prefix, and work behind a port-forwarding proxy too.
  const events = new EventSource('events');
  const closedListeners: Array<() => void> = [];
  let queue = Promise.resolve();

  events.addEventListener('error', () => {
    // EventSource retries by itself. A closed server refuses the connection or returns 403, which ends the stream for good.
    if (events.readyState === EventSource.CLOSED) closedListeners.splice(0).forEach((listener) => listener());
  });

  return {
    kind: 'browser',
    send: (message) => {
      // Posts one at a time so output reaches the extension in order.
      queue = queue.then(() => postMessageToServer(message)).catch(() => undefined);
    },
    onMessage: (listener) => {
      events.addEventListener('message', (event: MessageEvent<string>) => {
        const message = parseJson(event.data);
        if (isHostMessage(message)) listener(message);
      });
    },
    onClosed: (listener) => closedListeners.push(listener),
  };
}

async function postMessageToServer(message: PageMessage): Promise<void> {
  await fetch('message', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(message) });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
