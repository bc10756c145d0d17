// The local HTTP server behind "open the sandbox in the browser". A WebContainer needs a cross-origin isolated
// page, which a VS Code webview is not by default, so the extension serves the sandbox page itself with COOP and
// COEP headers and relays files and output over Server-Sent Events (extension to page) and POST (page to extension).
//
// Security: it listens on 127.0.0.1 only, on a port the OS picks; every request must carry the session secret
// (256 random bits) in its path; Host and Origin must name this server, which defeats DNS rebinding; only the
// page, its script and its style sheet are served; it closes when the session ends. No vscode import, so the
// unit tests run it under plain Node.

import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { isPageMessage, type HostMessage, type PageMessage } from '../../webview/sandbox-protocol';

/** Files of the page bundle that the server serves, by URL name, with their content types. */
export const SANDBOX_ASSETS: Readonly<Record<string, string>> = {
  'sandbox.js': 'text/javascript; charset=utf-8',
  'sandbox.css': 'text/css; charset=utf-8',
};

/** Largest POST body accepted; output is sent in chunks far below this. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
const KEEPALIVE_MS = 15_000;

/** Headers on every response. COOP and COEP make the page cross-origin isolated; no-referrer keeps the secret out of Referer. */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  // no-transform stops a forwarding proxy from compressing, and so buffering, the event stream: code-server's
  // /proxy/<port>/ compresses responses otherwise, and the page then receives no events at all.
  'Cache-Control': 'no-store, no-transform',
};

export interface SandboxServerOptions {
  /** Folder holding the files named in SANDBOX_ASSETS. */
  assetDir: string;
  /** Returns the page HTML and its Content-Security-Policy for a fresh per-load nonce. */
  renderPage(nonce: string): { html: string; contentSecurityPolicy: string };
  /** Called with each valid message from the page. */
  onMessage(message: PageMessage): void;
  /** Called with a short description of each rejected request, for the log. Never includes the secret. */
  onRejected?(description: string): void;
  /** Called when the page's event stream closes without a newer one replacing it: the tab was closed or reloaded. */
  onDisconnected?(): void;
}

export class SandboxServer {
  /** Hex of 32 random bytes. */
  readonly secret = crypto.randomBytes(32).toString('hex');

  private readonly server: http.Server;
  private readonly options: SandboxServerOptions;
  private readonly allowedAuthorities = new Set<string>();
  private readonly pending: HostMessage[] = [];
  private eventStream: http.ServerResponse | undefined;
  private keepalive: ReturnType<typeof setInterval> | undefined;
  private portNumber = 0;
  private closed = false;

  private constructor(options: SandboxServerOptions) {
    this.options = options;
    this.server = http.createServer((request, response) => this.handle(request, response));
  }

  /** Starts a server on 127.0.0.1 and a port the OS picks. */
  static async start(options: SandboxServerOptions): Promise<SandboxServer> {
    const sandbox = new SandboxServer(options);
    await new Promise<void>((resolve, reject) => {
      sandbox.server.once('error', reject);
      sandbox.server.listen(0, '127.0.0.1', () => resolve());
    });
    sandbox.portNumber = (sandbox.server.address() as AddressInfo).port;
    sandbox.allowedAuthorities.add(`127.0.0.1:${sandbox.portNumber}`);
    sandbox.allowedAuthorities.add(`localhost:${sandbox.portNumber}`);
    return sandbox;
  }

  get port(): number {
    return this.portNumber;
  }

  /** URL of the page, secret included. */
  get pageUrl(): string {
    return `http://127.0.0.1:${this.portNumber}/${this.pagePath}`;
  }

  /** Path of the page below the server's root, secret included, without a leading slash. */
  get pagePath(): string {
    return `s/${this.secret}/`;
  }

  /**
   * Also accepts requests whose Host or Origin is `authority` (host:port). For the address that
   * `vscode.env.asExternalUri` returns when VS Code forwards the port, such as code-server's /proxy/ path.
   */
  allowAuthority(authority: string): void {
    this.allowedAuthorities.add(authority.toLowerCase());
  }

  /** Sends a message to the page, or keeps it until the page connects. */
  send(message: HostMessage): void {
    if (this.eventStream) {
      this.eventStream.write(`data: ${JSON.stringify(message)}\n\n`);
    } else {
      this.pending.push(message);
    }
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Ends the event stream and every open connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.keepalive);
    this.eventStream?.end();
    this.eventStream = undefined;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const rejection = this.rejectionReason(request);
    if (rejection) {
      this.options.onRejected?.(rejection.log);
      respond(response, rejection.status, rejection.body);
      return;
    }

    const name = this.assetName(request);
    if (name === undefined) {
      this.options.onRejected?.('request without the session secret');
      respond(response, 403, 'Forbidden');
      return;
    }

    this.route(name, request, response);
  }

  private route(name: string, request: http.IncomingMessage, response: http.ServerResponse): void {
    if (name === 'message') {
      if (request.method !== 'POST') return respond(response, 405, 'Method Not Allowed');
      return this.receiveMessage(request, response);
    }
    if (request.method !== 'GET') return respond(response, 405, 'Method Not Allowed');

    if (name === '' || name === 'index.html') return this.servePage(response);
    if (name === 'events') return this.openEventStream(request, response);
    if (Object.prototype.hasOwnProperty.call(SANDBOX_ASSETS, name)) return this.serveAsset(name, response);
    respond(response, 404, 'Not Found');
  }

  /** Host must name this server; Origin, when sent, too. A POST must send Origin. */
  private rejectionReason(request: http.IncomingMessage): { status: number; body: string; log: string } | undefined {
    const host = (request.headers.host ?? '').toLowerCase();
    if (!this.allowedAuthorities.has(host)) {
      return { status: 403, body: 'Forbidden host', log: `request with a foreign Host header (${JSON.stringify(host).slice(0, 80)})` };
    }

    const origin = request.headers.origin;
    if (origin === undefined) {
      return request.method === 'POST' ? { status: 403, body: 'Forbidden origin', log: 'POST without an Origin header' } : undefined;
    }
    if (!this.isAllowedOrigin(origin)) {
      return { status: 403, body: 'Forbidden origin', log: `request from a foreign origin (${JSON.stringify(origin).slice(0, 80)})` };
    }
    return undefined;
  }

  private isAllowedOrigin(origin: string): boolean {
    try {
      const url = new URL(origin);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin && this.allowedAuthorities.has(url.host);
    } catch {
      return false;
    }
  }

  /** Returns the part of the path after `/s/<secret>/`, or undefined when the secret is missing or wrong. */
  private assetName(request: http.IncomingMessage): string | undefined {
    let pathname: string;
    try {
      pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    } catch {
      return undefined;
    }

    // The trailing slash is required because the page loads its script, events and messages by relative URL.
    const match = /^\/s\/([^/]+)\/(.*)$/.exec(pathname);
    if (!match || !secretsEqual(match[1], this.secret)) return undefined;
    return match[2];
  }

  private servePage(response: http.ServerResponse): void {
    const nonce = crypto.randomBytes(16).toString('base64');
    const { html, contentSecurityPolicy } = this.options.renderPage(nonce);
    response.writeHead(200, {
      ...ISOLATION_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy,
    });
    response.end(html);
  }

  private serveAsset(name: string, response: http.ServerResponse): void {
    // The name was matched against SANDBOX_ASSETS, so the path cannot leave assetDir.
    fs.readFile(path.join(this.options.assetDir, name), (error, contents) => {
      if (error) return respond(response, 404, 'Not Found');
      response.writeHead(200, { ...ISOLATION_HEADERS, 'Content-Type': SANDBOX_ASSETS[name] });
      response.end(contents);
    });
  }

  /** Opens the event stream. One page at a time: a reloaded page replaces the earlier stream. */
  private openEventStream(request: http.IncomingMessage, response: http.ServerResponse): void {
    this.eventStream?.end();
    clearInterval(this.keepalive);

    response.writeHead(200, { ...ISOLATION_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    this.eventStream = response;
    this.keepalive = setInterval(() => response.write(': keepalive\n\n'), KEEPALIVE_MS);

    request.on('close', () => {
      if (this.eventStream !== response) return;
      this.eventStream = undefined;
      clearInterval(this.keepalive);
      if (!this.closed) this.options.onDisconnected?.();
    });

    for (const message of this.pending.splice(0)) this.send(message);
  }

  private receiveMessage(request: http.IncomingMessage, response: http.ServerResponse): void {
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      respond(response, 415, 'Unsupported Media Type');
      return;
    }

    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        respond(response, 413, 'Payload Too Large');
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (response.headersSent) return;
      const message = parseJson(Buffer.concat(chunks).toString('utf8'));
      if (!isPageMessage(message)) {
        this.options.onRejected?.('message that does not match the page message schema');
        respond(response, 400, 'Bad Request');
        return;
      }
      respond(response, 204, '');
      this.options.onMessage(message);
    });
  }
}

function respond(response: http.ServerResponse, status: number, body: string): void {
  if (response.headersSent) return;
  response.writeHead(status, { ...ISOLATION_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(body);
}

function secretsEqual(candidate: string, secret: string): boolean {
  const given = Buffer.from(candidate);
  const expected = Buffer.from(secret);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
