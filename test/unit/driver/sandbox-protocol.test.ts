import * as assert from 'node:assert/strict';
import { isHostMessage, isPageMessage, isSafeRelativePath, isWebUrl } from '../../../src/webview/sandbox-protocol';

const validStart = {
  type: 'start',
  runtime: 'webcontainer',
  files: [{ path: 'package.json', text: '{}' }, { path: 'img/logo.png', base64: 'AAE=' }, { path: 'alias.js', symlink: 'lib/a.js' }],
  install: { command: 'npm', args: ['install'] },
  run: { command: 'npm', args: ['run', 'build'] },
  bootTimeoutMs: 30000,
};

describe('sandbox page messages', () => {
  it('accepts each valid page message', () => {
    const messages = [
      { type: 'hello', crossOriginIsolated: false, secureContext: true },
      { type: 'phase', phase: 'installing' },
      { type: 'output', step: 'run', data: 'hello\n' },
      { type: 'exit', step: 'install', code: 1 },
      { type: 'server-ready', port: 5173, url: 'https://abc.local-credentialless.webcontainer-api.io' },
      { type: 'failure', kind: 'boot-timeout', message: 'timed out' },
      { type: 'open-in-browser' },
    ];
    for (const message of messages) assert.equal(isPageMessage(message), true, JSON.stringify(message));
  });

  it('rejects malformed page messages', () => {
    const messages: unknown[] = [
      null,
      'hello',
      [],
      {},
      { type: 'unknown' },
      { type: 'hello', crossOriginIsolated: 'yes', secureContext: true },
      { type: 'hello', crossOriginIsolated: true, secureContext: true, extra: 1 },
      { type: 'phase', phase: 'deleting' },
      { type: 'output', step: 'run', data: 42 },
      { type: 'output', step: 'run', data: 'x'.repeat(1024 * 1024 + 1) },
      { type: 'exit', step: 'run', code: 1.5 },
      { type: 'exit', step: 'run', code: '0' },
      { type: 'server-ready', port: 0, url: 'https://a.example' },
      { type: 'server-ready', port: 70000, url: 'https://a.example' },
      { type: 'server-ready', port: 3000, url: 'javascript:alert(1)' },
      { type: 'server-ready', port: 3000, url: 'command:workbench.action.terminal.new' },
      { type: 'server-ready', port: 3000, url: 'file:///etc/passwd' },
      { type: 'failure', kind: 'oops', message: 'x' },
      { type: 'open-in-browser', url: 'https://evil.example' },
      Object.assign(Object.create({ type: 'open-in-browser' })),
    ];
    for (const message of messages) assert.equal(isPageMessage(message), false, JSON.stringify(message)?.slice(0, 120));
  });
});

describe('sandbox host messages', () => {
  it('accepts start and stop', () => {
    assert.equal(isHostMessage(validStart), true);
    assert.equal(isHostMessage({ ...validStart, install: null, runtime: 'fake' }), true);
    assert.equal(isHostMessage({ type: 'stop' }), true);
    assert.equal(isHostMessage({ type: 'input', data: 'y\r' }), true);
    assert.equal(isHostMessage({ type: 'input', data: 1 }), false);
    assert.equal(isHostMessage({ type: 'input', data: 'x'.repeat(64 * 1024 + 1) }), false);
  });

  it('rejects start messages with unsafe or malformed files', () => {
    const badFiles: unknown[] = [
      { path: '../outside.txt', text: 'x' },
      { path: '/etc/passwd', text: 'x' },
      { path: 'a/../../b', text: 'x' },
      { path: 'a\\b', text: 'x' },
      { path: '', text: 'x' },
      { path: 'a//b', text: 'x' },
      { path: 'a', text: 'x', base64: 'eA==' },
      { path: 'a' },
      { path: 'a', text: 1 },
      { path: 'a', text: 'x', mode: 0o777 },
    ];
    for (const file of badFiles) assert.equal(isHostMessage({ ...validStart, files: [file] }), false, JSON.stringify(file));
  });

  it('rejects start messages with bad commands or timeouts', () => {
    assert.equal(isHostMessage({ ...validStart, run: { command: '', args: [] } }), false);
    assert.equal(isHostMessage({ ...validStart, run: { command: 'npm', args: [1] } }), false);
    assert.equal(isHostMessage({ ...validStart, bootTimeoutMs: 0 }), false);
    assert.equal(isHostMessage({ ...validStart, runtime: 'docker' }), false);
    assert.equal(isHostMessage({ ...validStart, extra: true }), false);
  });
});

describe('sandbox path and URL checks', () => {
  it('accepts paths inside the folder', () => {
    for (const value of ['package.json', 'src/index.ts', '.github/workflows/ci.yml', 'a..b/c']) assert.equal(isSafeRelativePath(value), true, value);
  });

  it('accepts only http and https URLs', () => {
    assert.equal(isWebUrl('http://localhost:3000/'), true);
    assert.equal(isWebUrl('https://x.webcontainer-api.io/path'), true);
    assert.equal(isWebUrl('vscode://file/etc/passwd'), false);
    assert.equal(isWebUrl('not a url'), false);
  });
});
