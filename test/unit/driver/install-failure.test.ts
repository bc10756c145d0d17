import * as assert from 'node:assert/strict';
import { findFailingPackage } from '../../../src/extension/sandbox/install-failure';

describe('findFailingPackage', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['npm 404', 'npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/left-padd - Not found\n', 'left-padd'],
    ['npm 404 scoped', 'npm ERR! 404 Not Found - GET https://registry.npmjs.org/@acme%2fwidgets - Not found', '@acme/widgets'],
    ['npm not in registry', "npm error 404  'no-such-pkg@^1.0.0' is not in this registry.", 'no-such-pkg'],
    ['npm no version', 'npm error notarget No matching version found for react@99.0.0.', 'react'],
    ['npm scoped no version', 'npm error notarget No matching version found for @types/node@99.', '@types/node'],
    ['pnpm 404', ' ERR_PNPM_FETCH_404  GET https://registry.npmjs.org/left-padd: Not Found - 404', 'left-padd'],
    ['yarn missing', 'error Couldn\'t find package "left-padd@^1.0.0" required by "demo@1.0.0" on the "npm" registry.', 'left-padd'],
    ['yarn 404', 'error An unexpected error occurred: "https://registry.yarnpkg.com/left-padd: Not found".', 'left-padd'],
    ['npm install script', 'npm error code 1\nnpm error path /home/project/node_modules/sharp\nnpm error command failed\n', 'sharp'],
    ['yarn install script', 'error /home/project/node_modules/@scope/native: Command failed.', '@scope/native'],
    ['ansi colours', '\u001b[31mnpm error\u001b[39m 404 Not Found - GET https://registry.npmjs.org/colored-pkg - Not found', 'colored-pkg'],
    ['unrelated failure', 'npm error code ERESOLVE\nnpm error ERESOLVE unable to resolve dependency tree', undefined],
    ['empty', '', undefined],
  ];

  for (const [name, output, expected] of cases) {
    it(`reads ${name}`, () => {
      assert.equal(findFailingPackage(output), expected);
    });
  }
});
