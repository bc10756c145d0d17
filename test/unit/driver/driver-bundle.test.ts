// Loads the built bundle the way a Node user would. `npm test` builds dist/ before the unit tests run.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FakeContainer } from './fake-container';

const BUNDLE = path.resolve(__dirname, '../../../dist/driver.js');

describe('dist/driver.js', () => {
  before(function () {
    if (!fs.existsSync(BUNDLE)) {
      assert.fail(`${BUNDLE} is missing: run "npm run build" before the unit tests.`);
    }
  });

  it('exports WebContainerDriver and UnsupportedRuntimeError', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const driverModule = require(BUNDLE) as Record<string, unknown>;

    assert.equal(typeof driverModule.WebContainerDriver, 'function');
    assert.equal(typeof driverModule.UnsupportedRuntimeError, 'function');
  });

  it('runs with a fake boot under Node and rejects python3', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { WebContainerDriver, UnsupportedRuntimeError } = require(BUNDLE) as typeof import('../../../src/driver/index');
    const fake = new FakeContainer();
    const driver = new WebContainerDriver({ boot: async () => fake });

    const run = await driver.exec('node', ['--version']);
    fake.processes[0].write('v20.0.0\n');
    fake.processes[0].finish(0);

    assert.equal(await run.exit, 0);
    await assert.rejects(driver.exec('python3', ['--version']), (error: unknown) => {
      assert.ok(error instanceof UnsupportedRuntimeError);
      assert.equal(error.runtime, 'python3');
      assert.ok(error.reason.length > 0);
      return true;
    });
    assert.deepEqual(fake.calls, ['spawn node --version']);
  });
});
