import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { SandboxServer } from '../../../src/extension/sandbox/sandbox-server';
import type { PageMessage } from '../../../src/webview/sandbox-protocol';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Sends a raw request, so that Host and Origin can be set to anything. */
function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

describe('SandboxServer', () => {
  let assetDir: string;
  let outsideFile: string;
  let server: SandboxServer;
  let received: PageMessage[];
  let rejected: string[];

  beforeEach(async () => {
    assetDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-assets-'));
    fs.writeFileSync(path.join(assetDir, 'sandbox.js'), 'console.log("page")');
    fs.writeFileSync(path.join(assetDir, 'sandbox.css'), 'body{}');
    fs.writeFileSync(path.join(assetDir, 'other.txt'), 'not an asset');
    outsideFile = path.join(path.dirname(assetDir), `outside-${path.basename(assetDir)}.txt`);
    fs.writeFileSync(outsideFile, 'outside');
    received = [];
    rejected = [];
    server = await SandboxServer.start({
      assetDir,
      renderPage: (nonce) => ({ html: `<script nonce="${nonce}"></script>`, contentSecurityPolicy: `default-src 'none'; script-src 'nonce-${nonce}'` }),
      onMessage: (message) => received.push(message),
      onRejected: (description) => rejected.push(description),
    });
  });

  afterEach(async () => {
    await server.close();
    fs.rmSync(assetDir, { recursive: true, force: true });
    fs.rmSync(outsideFile, { force: true });
  });

  const base = () => `/s/${server.secret}/`;

  it('uses a secret of at least 128 bits', () => {
    assert.match(server.secret, /^[0-9a-f]{64}$/);
    assert.ok(server.secret.length * 4 >= 128);
  });

  it('serves the page with COOP, COEP and CSP', async () => {
    const reply = await send(server.port, { path: base() });

    assert.equal(reply.status, 200);
    assert.equal(reply.headers['cross-origin-opener-policy'], 'same-origin');
    assert.equal(reply.headers['cross-origin-embedder-policy'], 'require-corp');
    assert.equal(reply.headers['referrer-policy'], 'no-referrer');
    assert.match(String(reply.headers['content-security-policy']), /^default-src 'none'; script-src 'nonce-/);
    assert.match(String(reply.headers['content-type']), /^text\/html/);
  });

  it('uses a fresh nonce for every load', async () => {
    const first = await send(server.port, { path: base() });
    const second = await send(server.port, { path: base() });

    assert.notEqual(first.headers['content-security-policy'], second.headers['content-security-policy']);
  });

  it('serves its script and style sheet with the isolation headers', async () => {
    const script = await send(server.port, { path: `${base()}sandbox.js` });
    const style = await send(server.port, { path: `${base()}sandbox.css` });

    assert.equal(script.status, 200);
    assert.equal(script.body, 'console.log("page")');
    assert.equal(script.headers['cross-origin-embedder-policy'], 'require-corp');
    assert.equal(script.headers['cross-origin-resource-policy'], 'same-origin');
    assert.equal(style.status, 200);
  });

  it('rejects a missing or wrong secret with 403', async () => {
    const wrongSecret = server.secret.replace(/^./, (digit) => (digit === '0' ? '1' : '0'));
    const paths = ['/', '/index.html', '/sandbox.js', '/s/', '/s//sandbox.js', `/s/${wrongSecret}/`, `/s/${wrongSecret}/sandbox.js`, `/s/${server.secret.slice(0, 32)}/`, `/s/${server.secret}`, `/?token=${server.secret}`];

    for (const requestPath of paths) {
      const reply = await send(server.port, { path: requestPath });
      assert.equal(reply.status, 403, requestPath);
    }
    assert.ok(!rejected.some((line) => line.includes(server.secret)), 'the log never contains the secret');
  });

  it('rejects a foreign Host header', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1', `127.0.0.1.evil.example:${server.port}`]) {
      const reply = await send(server.port, { path: base(), headers: { Host: host } });
      assert.equal(reply.status, 403, `Host: ${host}`);
    }
    const localhost = await send(server.port, { path: base(), headers: { Host: `localhost:${server.port}` } });
    assert.equal(localhost.status, 200);
  });

  it('rejects a request without Host', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(server.port, '127.0.0.1', () => socket.end(`GET ${base()} HTTP/1.0\r\n\r\n`));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });

    assert.match(reply, /^HTTP\/1\.[01] 403 /);
  });

  it('rejects a foreign Origin header', async () => {
    for (const origin of ['https://evil.example', `http://evil.example:${server.port}`, 'null', `http://127.0.0.1:${server.port + 1}`, `http://127.0.0.1:${server.port}/path`]) {
      const reply = await send(server.port, { path: base(), headers: { Origin: origin } });
      assert.equal(reply.status, 403, `Origin: ${origin}`);
    }
    const own = await send(server.port, { path: base(), headers: { Origin: `http://127.0.0.1:${server.port}` } });
    assert.equal(own.status, 200);
  });

  it('accepts an authority allowed for a forwarded port', async () => {
    server.allowAuthority('127.0.0.1:8080');

    const reply = await send(server.port, { path: base(), headers: { Host: '127.0.0.1:8080', Origin: 'http://127.0.0.1:8080' } });

    assert.equal(reply.status, 200);
  });

  it('serves nothing outside its assets', async () => {
    const outsideName = path.basename(outsideFile);
    const paths = [
      `${base()}other.txt`,
      `${base()}../${outsideName}`,
      `${base()}..%2f${outsideName}`,
      `${base()}%2e%2e/${outsideName}`,
      `${base()}sandbox.js/../../${outsideName}`,
      `${base()}/etc/passwd`,
      `${base()}..\\..\\${outsideName}`,
      `${base()}package.json`,
    ];

    for (const requestPath of paths) {
      const reply = await send(server.port, { path: requestPath });
      assert.ok(reply.status === 403 || reply.status === 404, `${requestPath} gave ${reply.status}`);
      assert.ok(!reply.body.includes('outside'), requestPath);
      assert.ok(!reply.body.includes('not an asset'), requestPath);
    }
  });

  it('accepts a valid message from its own origin', async () => {
    const reply = await send(server.port, {
      method: 'POST',
      path: `${base()}message`,
      headers: { Origin: `http://127.0.0.1:${server.port}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'output', step: 'run', data: 'hi' }),
    });

    assert.equal(reply.status, 204);
    assert.deepEqual(received, [{ type: 'output', step: 'run', data: 'hi' }]);
  });

  it('rejects messages without Origin, with the wrong type or schema', async () => {
    const url = `${base()}message`;
    const origin = `http://127.0.0.1:${server.port}`;
    const good = JSON.stringify({ type: 'phase', phase: 'running' });

    const noOrigin = await send(server.port, { method: 'POST', path: url, headers: { 'Content-Type': 'application/json' }, body: good });
    const formPost = await send(server.port, { method: 'POST', path: url, headers: { Origin: origin, 'Content-Type': 'text/plain' }, body: good });
    const badSchema = await send(server.port, { method: 'POST', path: url, headers: { Origin: origin, 'Content-Type': 'application/json' }, body: '{"type":"phase","phase":"rm -rf"}' });
    const notJson = await send(server.port, { method: 'POST', path: url, headers: { Origin: origin, 'Content-Type': 'application/json' }, body: '{' });
    const getMessage = await send(server.port, { path: url });

    assert.equal(noOrigin.status, 403);
    assert.equal(formPost.status, 415);
    assert.equal(badSchema.status, 400);
    assert.equal(notJson.status, 400);
    assert.equal(getMessage.status, 405);
    assert.deepEqual(received, []);
  });

  it('delivers queued messages over the event stream', async () => {
    server.send({ type: 'stop' });

    const text = await new Promise<string>((resolve, reject) => {
      const request = http.get({ host: '127.0.0.1', port: server.port, path: `${base()}events` }, (response) => {
        assert.equal(response.headers['content-type'], 'text/event-stream; charset=utf-8');
        let buffer = '';
        response.on('data', (chunk: Buffer) => {
          buffer += chunk.toString('utf8');
          if (buffer.includes('"stop"')) {
            request.destroy();
            resolve(buffer);
          }
        });
      });
      request.on('error', reject);
    });

    assert.match(text, /data: \{"type":"stop"\}\n\n/);
  });

  it('reports a page that disconnects', async () => {
    let disconnects = 0;
    const watched = await SandboxServer.start({
      assetDir,
      renderPage: () => ({ html: '', contentSecurityPolicy: "default-src 'none'" }),
      onMessage: () => undefined,
      onDisconnected: () => (disconnects += 1),
    });

    try {
      await new Promise<void>((resolve, reject) => {
        const request = http.get({ host: '127.0.0.1', port: watched.port, path: `/s/${watched.secret}/events` }, (response) => {
          response.once('data', () => request.destroy());
          response.on('close', () => resolve());
        });
        request.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve() : reject(error)));
      });
      await new Promise((resolve) => setTimeout(resolve, 50));

      assert.equal(disconnects, 1);
    } finally {
      await watched.close();
    }
  });

  it('closes and refuses connections afterwards', async () => {
    const port = server.port;

    await server.close();

    await assert.rejects(send(port, { path: base() }), /ECONNREFUSED/);
    assert.equal(server.isClosed, true);
  });

  it('listens on 127.0.0.1 only', async () => {
    const interfaces = Object.values(os.networkInterfaces()).flat();
    const external = interfaces.find((entry) => entry && entry.family === 'IPv4' && !entry.internal);
    if (!external) return;

    await assert.rejects(
      new Promise((resolve, reject) => {
        const request = http.get({ host: external.address, port: server.port, path: base() }, resolve);
        request.on('error', reject);
      }),
      /ECONNREFUSED/,
    );
  });
});
