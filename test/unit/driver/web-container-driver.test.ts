import * as assert from 'node:assert/strict';
import { UnsupportedRuntimeError } from '../../../src/core/unsupported-runtime-error';
import { BootFailedError, BootTimeoutError, DriverDisposedError, RunInProgressError } from '../../../src/driver/driver-errors';
import { KILLED_EXIT_CODE, WebContainerDriver } from '../../../src/driver/web-container-driver';
import type { Container } from '../../../src/driver/container';
import { FakeContainer, readAll, recordingBoot } from './fake-container';

describe('WebContainerDriver.exec', () => {
  it('rejects python3 with UnsupportedRuntimeError', async () => {
    const container = new FakeContainer();
    const { boot, bootCount } = recordingBoot(container);
    const driver = new WebContainerDriver({ boot });

    const error = await driver.exec('python3', ['--version']).then(
      () => assert.fail('exec resolved'),
      (rejection: unknown) => rejection,
    );

    assert.ok(error instanceof UnsupportedRuntimeError);
    assert.equal(error.runtime, 'python3');
    assert.equal(typeof error.reason, 'string');
    assert.ok(error.reason.trim().length > 0);
    assert.equal(bootCount(), 0, 'boot must not be called for a rejected runtime');
    assert.deepEqual(container.calls, []);
  });

  it('rejects unsupported runtimes written as paths and versions', async () => {
    const container = new FakeContainer();
    const { boot, bootCount } = recordingBoot(container);
    const driver = new WebContainerDriver({ boot });

    for (const command of ['/usr/bin/python3.12', 'go', 'cargo', 'rustc']) {
      await assert.rejects(driver.exec(command, []), (error: unknown) => {
        assert.ok(error instanceof UnsupportedRuntimeError, command);
        assert.equal(error.runtime, command);
        return true;
      });
    }
    assert.equal(bootCount(), 0);
    assert.deepEqual(container.calls, []);
  });

  it('rejects build subcommands by their arguments', async () => {
    const container = new FakeContainer();
    const { boot, bootCount } = recordingBoot(container);
    const driver = new WebContainerDriver({ boot });

    for (const [command, args] of [['napi', ['build', '--release']], ['node-gyp', ['rebuild']], ['cmake-js', ['compile']]] as const) {
      await assert.rejects(driver.exec(command, [...args]), (error: unknown) => {
        assert.ok(error instanceof UnsupportedRuntimeError, command);
        assert.ok(error.reason.length > 0);
        return true;
      });
    }
    assert.equal(bootCount(), 0);
    assert.deepEqual(container.calls, []);
  });

  it('boots once and spawns a supported command', async () => {
    const container = new FakeContainer();
    const { boot, bootCount } = recordingBoot(container);
    const driver = new WebContainerDriver({ boot });

    const first = await driver.exec('node', ['-v']);
    container.processes[0].finish(0);
    await first.exit;
    const second = await driver.exec('npm', ['--version']);
    container.processes[1].finish(0);
    await second.exit;

    assert.equal(bootCount(), 1);
    assert.deepEqual(container.calls, ['spawn node -v', 'spawn npm --version']);
  });

  it('streams output chunks as they are written', async () => {
    const container = new FakeContainer();
    const driver = new WebContainerDriver({ boot: recordingBoot(container).boot });
    const run = await driver.exec('node', ['server.js']);
    const process = container.processes[0];
    const reader = run.output.getReader();

    process.write('first\n');
    assert.deepEqual(await reader.read(), { done: false, value: 'first\n' }, 'first chunk arrives before the second is written');
    process.write('second\n');
    process.write('third\n');
    assert.deepEqual(await reader.read(), { done: false, value: 'second\n' });
    assert.deepEqual(await reader.read(), { done: false, value: 'third\n' });
    process.finish(0);
    assert.deepEqual(await reader.read(), { done: true, value: undefined });
  });

  it('reports the exit code of the process', async () => {
    const container = new FakeContainer();
    const driver = new WebContainerDriver({ boot: recordingBoot(container).boot });

    for (const code of [0, 1, 3]) {
      const run = await driver.exec('node', ['-e', `process.exit(${code})`]);
      container.processes.at(-1)!.finish(code);
      assert.equal(await run.exit, code);
    }
  });

  it('kills the process on stop and reports its code', async () => {
    const container = new FakeContainer();
    container.exitCodeOnKill = 130;
    const driver = new WebContainerDriver({ boot: recordingBoot(container).boot });
    const run = await driver.exec('node', ['server.js']);

    driver.stop();

    assert.equal(container.processes[0].killCount, 1);
    assert.equal(await run.exit, 130);
    assert.equal(driver.isRunning, false);
  });

  it('reports KILLED_EXIT_CODE when a killed process stays silent', async () => {
    const container = new FakeContainer();
    container.exitCodeOnKill = undefined;
    const driver = new WebContainerDriver({ boot: recordingBoot(container).boot, killGraceMs: 10 });
    const run = await driver.exec('node', ['server.js']);

    run.kill();
    run.kill();

    assert.equal(await run.exit, KILLED_EXIT_CODE);
    assert.equal(container.processes[0].killCount, 1, 'a second kill is not sent');
  });

  it('writes typed input to the process until it exits', async () => {
    const container = new FakeContainer();
    const driver = new WebContainerDriver({ boot: recordingBoot(container).boot });
    const run = await driver.exec('node', ['prompt.js']);

    assert.equal(await run.write('yes\r'), true);
    assert.equal(await run.write('again\r'), true);
    container.processes[0].finish(0);
    await run.exit;

    assert.deepEqual(container.processes[0].typed, ['yes\r', 'again\r']);
    assert.equal(await run.write('late'), false);
  });

  it('runs one process at a time', async () => {
    const container = new FakeContainer();
    const driver = new WebContainerDriver({ boot: recordingBoot(container).boot });
    const run = await driver.exec('node', ['a.js']);

    await assert.rejects(driver.exec('node', ['b.js']), RunInProgressError);
    container.processes[0].finish(0);
    await run.exit;
    const next = await driver.exec('node', ['c.js']);
    container.processes[1].finish(0);
    await next.exit;

    assert.deepEqual(container.calls, ['spawn node a.js', 'spawn node c.js']);
  });

  it('rejects a second exec started in the same tick', async () => {
    const container = new FakeContainer();
    const driver = new WebContainerDriver({ boot: recordingBoot(container).boot });

    const results = await Promise.allSettled([driver.exec('node', ['a.js']), driver.exec('node', ['b.js'])]);

    assert.equal(results[0].status, 'fulfilled');
    assert.equal(results[1].status, 'rejected');
    assert.ok((results[1] as PromiseRejectedResult).reason instanceof RunInProgressError);
    assert.deepEqual(container.calls, ['spawn node a.js']);
  });

  it('frees the slot when spawn fails', async () => {
    const container = new FakeContainer();
    let failNext = true;
    const original = container.spawn.bind(container);
    container.spawn = async (command, args, options) => {
      if (failNext) {
        failNext = false;
        throw new Error('spawn failed');
      }
      return original(command, args, options);
    };
    const driver = new WebContainerDriver({ boot: recordingBoot(container).boot });

    await assert.rejects(driver.exec('node', ['a.js']), /spawn failed/);
    await driver.exec('node', ['b.js']);

    assert.deepEqual(container.calls, ['spawn node b.js']);
  });
});

describe('WebContainerDriver boot', () => {
  it('rejects with BootTimeoutError when boot hangs', async () => {
    const driver = new WebContainerDriver({ boot: () => new Promise<Container>(() => undefined), bootTimeoutMs: 20 });

    await assert.rejects(driver.exec('node', ['-v']), (error: unknown) => {
      assert.ok(error instanceof BootTimeoutError);
      assert.match(error.message, /did not boot within/);
      assert.match(error.message, /stackblitz\.com/);
      return true;
    });
    assert.equal(driver.isRunning, false);
  });

  it('tears down a container that boots after the timeout', async () => {
    const container = new FakeContainer();
    let finishBoot: (value: Container) => void = () => undefined;
    const driver = new WebContainerDriver({ boot: () => new Promise<Container>((resolve) => (finishBoot = resolve)), bootTimeoutMs: 10 });

    await assert.rejects(driver.boot(), BootTimeoutError);
    finishBoot(container);
    await new Promise((resolve) => setImmediate(resolve));

    assert.deepEqual(container.calls, ['teardown']);
  });

  it('wraps a boot failure in BootFailedError', async () => {
    const driver = new WebContainerDriver({
      boot: async () => {
        throw new Error('SharedArrayBuffer transfer requires self.crossOriginIsolated');
      },
    });

    await assert.rejects(driver.boot(), (error: unknown) => {
      assert.ok(error instanceof BootFailedError);
      assert.match(error.message, /crossOriginIsolated/);
      return true;
    });
  });

  it('retries boot after a failure', async () => {
    const container = new FakeContainer();
    let attempts = 0;
    const driver = new WebContainerDriver({
      boot: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('network down');
        return container;
      },
    });

    await assert.rejects(driver.boot(), BootFailedError);
    assert.equal(await driver.boot(), container);
  });

  it('rejects the default boot under Node with a clear message', async () => {
    const driver = new WebContainerDriver({ bootTimeoutMs: 1000 });

    await assert.rejects(driver.boot(), (error: unknown) => {
      assert.ok(error instanceof BootFailedError);
      assert.match(error.message, /browser page/);
      return true;
    });
  });
});

describe('WebContainerDriver teardown', () => {
  it('kills the running process and tears the container down', async () => {
    const container = new FakeContainer();
    const driver = new WebContainerDriver({ boot: recordingBoot(container).boot });
    const run = await driver.exec('node', ['server.js']);

    await driver.teardown();

    assert.equal(container.processes[0].killCount, 1);
    assert.equal(await run.exit, 130);
    assert.deepEqual(container.calls, ['spawn node server.js', 'teardown']);
  });

  it('boots again after teardown', async () => {
    const container = new FakeContainer();
    const { boot, bootCount } = recordingBoot(container);
    const driver = new WebContainerDriver({ boot });
    await driver.boot();

    await driver.teardown();
    await driver.boot();

    assert.equal(bootCount(), 2);
  });

  it('refuses every call after dispose', async () => {
    const container = new FakeContainer();
    const driver = new WebContainerDriver({ boot: recordingBoot(container).boot });
    await driver.boot();

    await driver.dispose();

    await assert.rejects(driver.exec('node', ['-v']), DriverDisposedError);
    await assert.rejects(driver.boot(), DriverDisposedError);
    assert.deepEqual(container.calls, ['teardown']);
  });

  it('is safe to tear down before boot', async () => {
    const driver = new WebContainerDriver({ boot: recordingBoot(new FakeContainer()).boot });

    await driver.teardown();

    assert.equal(driver.isRunning, false);
  });
});

describe('WebContainerDriver server-ready', () => {
  it('passes server-ready events to listeners', async () => {
    const container = new FakeContainer();
    const driver = new WebContainerDriver({ boot: recordingBoot(container).boot });
    const seen: string[] = [];
    const unsubscribe = driver.onServerReady((port, url) => seen.push(`${port} ${url}`));
    await driver.boot();

    container.emitServerReady(5173, 'https://example.local-credentialless.webcontainer-api.io');
    unsubscribe();
    container.emitServerReady(3000, 'https://other.example');

    assert.deepEqual(seen, ['5173 https://example.local-credentialless.webcontainer-api.io']);
  });

  it('mounts through the booted container', async () => {
    const container = new FakeContainer();
    const driver = new WebContainerDriver({ boot: recordingBoot(container).boot });

    await driver.mount({ 'package.json': { file: { contents: '{}' } }, src: { directory: {} } });

    assert.deepEqual(container.calls, ['mount package.json,src']);
  });

  it('collects the whole output of a finished process', async () => {
    const container = new FakeContainer();
    const driver = new WebContainerDriver({ boot: recordingBoot(container).boot });
    const run = await driver.exec('node', ['-v']);

    container.processes[0].write('v20.0.0');
    container.processes[0].write('\n');
    container.processes[0].finish(0);

    assert.deepEqual(await readAll(run.output), ['v20.0.0', '\n']);
  });
});
