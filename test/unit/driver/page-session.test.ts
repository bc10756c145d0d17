import * as assert from 'node:assert/strict';
import { CommandDriver } from '../../../src/driver/command-driver';
import type { Container } from '../../../src/driver/container';
import { FakeRuntime } from '../../../src/webview/fake-runtime';
import { PageSession } from '../../../src/webview/page-session';
import type { PageMessage, StartMessage } from '../../../src/webview/sandbox-protocol';

function startMessage(manifest: object, scriptName: string, install = true): StartMessage {
  return {
    type: 'start',
    runtime: 'fake',
    files: [{ path: 'package.json', text: JSON.stringify(manifest) }],
    install: install ? { command: 'npm', args: ['install'] } : null,
    run: { command: 'npm', args: ['run', scriptName] },
    bootTimeoutMs: 1000,
  };
}

async function runSession(start: StartMessage, boot: () => Promise<Container> = async () => new FakeRuntime()): Promise<PageMessage[]> {
  const messages: PageMessage[] = [];
  const session = new PageSession(new CommandDriver({ boot, bootTimeoutMs: start.bootTimeoutMs }), (message) => messages.push(message));
  await session.run(start);
  return messages;
}

function outputOf(messages: PageMessage[], step: 'install' | 'run'): string {
  return messages.map((message) => (message.type === 'output' && message.step === step ? message.data : '')).join('');
}

describe('PageSession with the fake runtime', () => {
  it('boots, mounts, installs and runs in order', async () => {
    const messages = await runSession(startMessage({ name: 'demo', version: '1.0.0', scripts: { hello: 'echo "hello from the sandbox" && echo second' }, dependencies: { 'left-pad': '^1.3.0' } }, 'hello'));

    const steps = messages.filter((message) => message.type !== 'output').map((message) => JSON.stringify(message));
    assert.deepEqual(steps, [
      '{"type":"phase","phase":"booting"}',
      '{"type":"phase","phase":"mounting"}',
      '{"type":"phase","phase":"installing"}',
      '{"type":"exit","step":"install","code":0}',
      '{"type":"phase","phase":"running"}',
      '{"type":"exit","step":"run","code":0}',
    ]);
    assert.match(outputOf(messages, 'install'), /add left-pad@\^1\.3\.0/);
    assert.match(outputOf(messages, 'run'), /> demo@1\.0\.0 hello\n/);
    assert.match(outputOf(messages, 'run'), /hello from the sandbox\nsecond\n/);
  });

  it('reports the exit code of a failing script', async () => {
    const messages = await runSession(startMessage({ scripts: { fail: 'echo before && exit 3 && echo after' } }, 'fail', false));

    assert.deepEqual(messages.at(-1), { type: 'exit', step: 'run', code: 3 });
    assert.doesNotMatch(outputOf(messages, 'run'), /^after$/m);
  });

  it('stops after a failed install', async () => {
    const messages = await runSession(startMessage({ scripts: { build: 'echo built' }, dependencies: { 'no-such-package-xyz': 'fake:fail' } }, 'build'));

    assert.deepEqual(messages.at(-1), { type: 'exit', step: 'install', code: 1 });
    assert.match(outputOf(messages, 'install'), /404 Not Found - GET https:\/\/registry\.npmjs\.org\/no-such-package-xyz/);
    assert.ok(!messages.some((message) => message.type === 'phase' && message.phase === 'running'));
  });

  it('reports server-ready and stops on request', async () => {
    const messages: PageMessage[] = [];
    const session = new PageSession(new CommandDriver({ boot: async () => new FakeRuntime() }), (message) => {
      messages.push(message);
      if (message.type === 'server-ready') session.stop();
    });

    await session.run(startMessage({ scripts: { dev: 'fake-server 5173' } }, 'dev', false));

    assert.ok(messages.some((message) => message.type === 'server-ready' && message.port === 5173 && message.url === 'http://localhost:5173/'));
    assert.deepEqual(messages.at(-1), { type: 'exit', step: 'run', code: 130 });
  });

  it('passes typed input to the running script', async () => {
    const messages: PageMessage[] = [];
    const session = new PageSession(new CommandDriver({ boot: async () => new FakeRuntime() }), (message) => {
      messages.push(message);
      if (message.type === 'phase' && message.phase === 'running') setTimeout(() => session.input('typed-answer\r'), 50);
    });

    await session.run(startMessage({ scripts: { ask: 'fake-read' } }, 'ask', false));

    assert.match(outputOf(messages, 'run'), /got: typed-answer\n/);
    assert.deepEqual(messages.at(-1), { type: 'exit', step: 'run', code: 0 });
  });

  it('reports a boot timeout', async () => {
    const messages = await runSession({ ...startMessage({}, 'x'), bootTimeoutMs: 20 }, () => new Promise<Container>(() => undefined));

    assert.equal(messages.length, 2);
    const failure = messages[1];
    assert.equal(failure.type, 'failure');
    assert.equal(failure.type === 'failure' && failure.kind, 'boot-timeout');
  });

  it('reports a refused command', async () => {
    const start = { ...startMessage({}, 'x', false), run: { command: 'python3', args: ['gen.py'] } };

    const messages = await runSession(start);

    const failure = messages.at(-1);
    assert.equal(failure?.type, 'failure');
    assert.equal(failure?.type === 'failure' && failure.kind, 'refused');
  });
});
