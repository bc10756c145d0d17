// One-line descriptions and help text of each rule, for SARIF's rule metadata.
// docs/rules.md has the full explanation of each rule under a heading named after its id.

import type { RuleId } from '../core';

export interface RuleDescription {
  short: string;
  help: string;
}

/** Keyed by every RuleId, so adding a rule to the core fails the type check until it is described here. */
export const RULE_DESCRIPTIONS: Record<RuleId, RuleDescription> = {
  'unsupported-runtime': {
    short: 'An npm script runs a program that a WebContainer cannot run.',
    help:
      'A WebContainer runs Node.js and the built-in commands of its shell, so native executables such as go, cargo, make or docker ' +
      'cannot run, and its python3 is an experimental WebAssembly build with the standard library only and no pip. ' +
      'Rewrite the script with Node.js tools, or run it where the program is installed, for example in Docker.',
  },
  'shell-script': {
    short: 'An npm script runs a shell script file.',
    help:
      'The WebContainer shell, jsh, emulates zsh with a fixed set of built-in commands. It is not bash, and shell script files ' +
      'are not fully supported. Port the script to a Node.js script, or run it outside the WebContainer.',
  },
  'native-dependency': {
    short: 'A dependency needs native code that a WebContainer cannot load or build.',
    help:
      'A WebContainer disables native addons (loading one fails with ERR_DLOPEN_DISABLED) and has no compiler to build them. ' +
      'Use the suggested pure-JavaScript or WebAssembly alternative where there is one.',
  },
  'native-build-script': {
    short: 'The package builds native code when it is installed.',
    help:
      'An install script that runs node-gyp or another native build, including the implicit `node-gyp rebuild` of "gypfile": true, ' +
      'fails in a WebContainer. Ship prebuilt JavaScript or WebAssembly instead.',
  },
  'native-transitive-dependency': {
    short: 'A package installed indirectly needs native code.',
    help:
      'A dependency of a dependency is a native addon. Check whether the direct dependency has a build without it, ' +
      'or replace the direct dependency.',
  },
  'invalid-manifest': {
    short: 'package.json is not valid JSON, or a field has the wrong type.',
    help: 'Fix the syntax or the field type at the reported position; the rest of the file cannot be checked reliably until then.',
  },
};
