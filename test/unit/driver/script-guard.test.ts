import * as assert from 'node:assert/strict';
import { UnsupportedRuntimeError } from '../../../src/core/unsupported-runtime-error';
import { MissingScriptError, ScriptRefusedError, checkScriptRun } from '../../../src/driver/script-guard';
import { WebContainerDriver } from '../../../src/driver/web-container-driver';
import { FakeContainer, recordingBoot } from './fake-container';

async function refusal(scripts: Record<string, string>, name: string): Promise<{ error: ScriptRefusedError; container: FakeContainer; bootCount: number }> {
  const container = new FakeContainer();
  const { boot, bootCount } = recordingBoot(container);
  const driver = new WebContainerDriver({ boot });

  const error = await driver.runScript(scripts, name).then(
    () => assert.fail(`runScript("${name}") resolved`),
    (rejection: unknown) => rejection,
  );

  assert.ok(error instanceof ScriptRefusedError, `expected ScriptRefusedError, got ${String(error)}`);
  return { error, container, bootCount: bootCount() };
}

describe('WebContainerDriver.runScript guard', () => {
  it('refuses a script that runs python3 itself', async () => {
    const { error, container, bootCount } = await refusal({ generate: 'python3 tools/gen.py' }, 'generate');

    assert.equal(error.requestedScript, 'generate');
    assert.equal(error.script, 'generate');
    assert.equal(error.command, 'python3');
    assert.equal(error.fallbackDriver, 'docker');
    assert.ok(error.reason.length > 0);
    assert.ok(error instanceof UnsupportedRuntimeError);
    assert.equal(error.runtime, 'python3');
    assert.equal(bootCount, 0);
    assert.deepEqual(container.calls, []);
  });

  it('refuses a script whose pre hook runs cargo', async () => {
    const { error, container } = await refusal({ prebuild: 'cargo build --release', build: 'tsc -p .' }, 'build');

    assert.equal(error.requestedScript, 'build');
    assert.equal(error.script, 'prebuild');
    assert.equal(error.command, 'cargo');
    assert.match(error.message, /"build"/);
    assert.match(error.message, /prebuild/);
    assert.match(error.message, /"cargo"/);
    assert.match(error.message, /Docker/);
    assert.deepEqual(container.calls, []);
  });

  it('refuses a script whose post hook runs go', async () => {
    const { error } = await refusal({ test: 'mocha', posttest: 'go vet ./...' }, 'test');

    assert.equal(error.script, 'posttest');
    assert.equal(error.command, 'go');
  });

  it('refuses a script that calls another script running python', async () => {
    const { error } = await refusal({ build: 'npm run codegen && tsc', codegen: 'python scripts/codegen.py' }, 'build');

    assert.equal(error.script, 'codegen');
    assert.equal(error.command, 'python');
    assert.match(error.message, /codegen/);
  });

  it('refuses a command inside a wrapper', async () => {
    const { error } = await refusal({ gen: 'cross-env MODE=prod python3 gen.py' }, 'gen');

    assert.equal(error.command, 'python3');
  });

  it('runs an allowed script with the given package manager', async () => {
    const container = new FakeContainer();
    const driver = new WebContainerDriver({ boot: recordingBoot(container).boot });

    const run = await driver.runScript({ build: 'tsc -p .', prebuild: 'node clean.js' }, 'build', 'pnpm');
    container.processes[0].finish(0);

    assert.equal(await run.exit, 0);
    assert.deepEqual(container.calls, ['spawn pnpm run build']);
  });

  it('rejects a missing script before booting', async () => {
    const container = new FakeContainer();
    const { boot, bootCount } = recordingBoot(container);
    const driver = new WebContainerDriver({ boot });

    await assert.rejects(driver.runScript({ build: 'tsc' }, 'start'), MissingScriptError);
    assert.equal(bootCount(), 0);
  });

  it('does not treat inherited object keys as scripts', () => {
    assert.throws(() => checkScriptRun({}, 'toString'), MissingScriptError);
  });
});
