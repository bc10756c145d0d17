// The runtime table: coverage of what real scripts call, name normalisation, subcommands and table integrity.

import * as assert from 'node:assert/strict';
import { RUNTIME_COMPAT_MATRIX, RuntimeCompatibilityChecker, lookupRuntime, runtimeKeyCandidates } from '../../src/core';
import { COMPAT_FACTS } from '../../src/core/compat-facts';
import { checkInvocation } from '../../src/core/runtime-compat-checker';

const checker = new RuntimeCompatibilityChecker();

/** Commands that real npm scripts call and that cannot run in a WebContainer. */
const UNSUPPORTED = [
  'python', 'python3', 'pip', 'pip3', 'poetry', 'uv', 'pdm', 'pipenv', 'pytest', 'jupyter', 'jlpm', 'pylint', 'black',
  'flake8', 'mypy', 'ruff', 'isort', 'django-admin', 'gunicorn', 'uvicorn', 'flask', 'go', 'gofmt', 'rustc', 'cargo',
  'rustup', 'wasm-pack', 'gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'clang-format', 'make', 'cmake', 'ninja',
  'meson', 'tree-sitter', 'java', 'javac', 'mvn', 'gradle', 'gradlew', 'keytool', 'adb', 'ruby', 'gem', 'bundle',
  'rake', 'rails', 'php', 'composer', 'wp-env', 'dotnet', 'deno', 'bun', 'docker', 'docker-compose', 'podman', 'git',
  'sudo', 'apt', 'apt-get', 'brew', 'yum', 'tauri', 'bash', 'sh', 'zsh',
];

/** The commands of jsh, WebContainer's shell, other than python3. */
const JSH = [
  'cat', 'chmod', 'cp', 'echo', 'hostname', 'kill', 'ln', 'ls', 'mkdir', 'mv', 'ps', 'pwd', 'rm', 'rmdir', 'xxd', 'alias',
  'cd', 'clear', 'curl', 'env', 'false', 'getconf', 'head', 'sort', 'tail', 'touch', 'true', 'uptime', 'which', 'code',
  'jq', 'loadenv', 'node', 'wasm', 'xdg-open', 'command', 'exit', 'export', 'source',
];

describe('runtime table coverage', () => {
  it('lists every unsupported command', () => {
    for (const command of UNSUPPORTED) {
      assert.ok(Object.prototype.hasOwnProperty.call(RUNTIME_COMPAT_MATRIX, command), `missing: ${command}`);
      assert.equal(checker.isRuntimeSupported(command), false, command);
    }
  });

  it('supports package managers', () => {
    for (const command of ['node', 'npm', 'npx', 'pnpm', 'yarn', 'corepack']) {
      assert.equal(RUNTIME_COMPAT_MATRIX[command]?.supported, true, command);
    }
  });

  it('supports every jsh command', () => {
    for (const command of JSH) {
      assert.equal(RUNTIME_COMPAT_MATRIX[command]?.supported, true, command);
    }
  });

  it('leaves electron out', () => {
    assert.equal(lookupRuntime('electron'), undefined);
  });

  it('reports unknown commands as supported', () => {
    for (const command of ['my-tool', 'tsc', 'vite', 'eslint', 'prettier', '2to3', 'webpack', 'mix']) {
      assert.equal(checker.isRuntimeSupported(command), true, command);
      assert.equal(checker.getUnsupportedReason(command), null, command);
      assert.equal(checker.getFallbackDriver(command), null, command);
    }
  });
});

describe('runtime table entries', () => {
  const entries = Object.entries(RUNTIME_COMPAT_MATRIX);

  it('uses lower-case keys', () => {
    for (const [key] of entries) assert.equal(key, key.toLowerCase(), key);
  });

  it('gives every unsupported entry a reason', () => {
    for (const [key, entry] of entries) {
      if (entry.supported) continue;
      assert.ok((entry.reason ?? '').length > 20, `${key} has no reason`);
      assert.match(entry.reason ?? '', /\.$/, `${key}: the reason must be a sentence`);
    }
  });

  it('gives no supported entry a reason', () => {
    for (const [key, entry] of entries) {
      if (entry.supported) assert.equal(entry.reason, undefined, key);
    }
  });

  it('cites only known facts', () => {
    for (const [key, entry] of entries) {
      for (const fact of entry.facts ?? []) assert.ok(fact in COMPAT_FACTS, `${key} cites ${fact}`);
    }
  });

  it('cites a fact for every unsupported entry', () => {
    for (const [key, entry] of entries) {
      if (!entry.supported) assert.ok((entry.facts ?? []).length > 0, key);
    }
  });

  it('never errors on unconfirmed facts alone', () => {
    for (const [key, entry] of entries) {
      const facts = entry.facts ?? [];
      if (!entry.supported && facts.length > 0 && facts.every((fact) => COMPAT_FACTS[fact].unconfirmed)) {
        assert.equal(entry.severity, 'warning', key);
      }
    }
  });

  it('uses subcommand lists only on unsupported entries', () => {
    for (const [key, entry] of entries) {
      if (entry.unsupportedSubcommands || entry.supportedSubcommands) assert.equal(entry.supported, false, key);
    }
  });
});

describe('runtime reasons and severities', () => {
  it('explains the python3 limits', () => {
    const reason = checker.getUnsupportedReason('python3') ?? '';
    assert.match(reason, /RustPython/);
    assert.match(reason, /WebAssembly/);
    assert.match(reason, /standard library/);
    assert.match(reason, /no pip/);
  });

  it('warns on python3', () => {
    assert.equal(lookupRuntime('python3')?.entry.severity, 'warning');
  });

  it('errors on python', () => {
    assert.equal(lookupRuntime('python')?.entry.severity, 'error');
    assert.match(checker.getUnsupportedReason('python') ?? '', /not a WebContainer command/);
  });

  it('errors on missing toolchains', () => {
    for (const command of ['go', 'cargo', 'rustc', 'make', 'gcc', 'docker', 'java', 'git']) {
      assert.equal(checkInvocation(command)?.severity, 'error', command);
    }
  });

  it('warns on bash and sh', () => {
    for (const command of ['bash', 'sh', 'zsh']) assert.equal(checkInvocation(command)?.severity, 'warning', command);
  });

  it('falls back to docker for toolchains', () => {
    for (const command of ['python3', 'go', 'rustc', 'cargo', 'make', 'apt-get', 'composer', 'wp-env']) {
      assert.equal(checker.getFallbackDriver(command), 'docker', command);
    }
  });

  it('has no fallback for sudo', () => {
    assert.equal(checker.isRuntimeSupported('sudo'), false);
    assert.equal(checker.getFallbackDriver('sudo'), null);
    assert.match(checker.getUnsupportedReason('sudo') ?? '', /Remove `sudo`/);
  });

  it('suggests yarn for jlpm', () => {
    assert.match(checker.getUnsupportedReason('jlpm') ?? '', /yarn/);
  });
});

describe('runtime subcommands', () => {
  it('flags napi build only', () => {
    assert.equal(checker.isRuntimeSupported('napi', ['build', '--platform', '--release']), false);
    for (const sub of ['prepublish', 'version', 'artifacts', 'create-npm-dirs', 'universal']) {
      assert.equal(checker.isRuntimeSupported('napi', [sub]), true, sub);
    }
  });

  it('treats bare napi as supported', () => {
    assert.equal(checker.isRuntimeSupported('napi'), true);
    assert.equal(checker.getUnsupportedReason('napi'), null);
  });

  it('skips options before the subcommand', () => {
    assert.equal(checkInvocation('napi', ['--release', 'build'])?.subcommand, 'build');
  });

  it('flags node-gyp builds only', () => {
    assert.equal(checker.isRuntimeSupported('node-gyp', ['rebuild']), false);
    assert.equal(checker.isRuntimeSupported('node-gyp', ['build']), false);
    assert.equal(checker.isRuntimeSupported('node-gyp', ['clean']), true);
  });

  it('flags cmake-js compile', () => {
    assert.equal(checker.isRuntimeSupported('cmake-js', ['compile']), false);
  });

  it('flags react-native run-android only', () => {
    assert.equal(checker.isRuntimeSupported('react-native', ['run-android']), false);
    assert.equal(checker.isRuntimeSupported('react-native', ['run-ios']), false);
    assert.equal(checker.isRuntimeSupported('react-native', ['start']), true);
    assert.equal(checker.isRuntimeSupported('react-native', ['bundle', '--platform', 'ios']), true);
  });

  it('flags every tree-sitter subcommand', () => {
    for (const sub of ['generate', 'test', 'build', 'parse']) {
      assert.equal(checker.isRuntimeSupported('tree-sitter', [sub]), false, sub);
    }
  });

  it('applies no subcommand rule to plain entries', () => {
    assert.equal(checker.isRuntimeSupported('cargo', ['fmt']), false);
    assert.equal(checker.isRuntimeSupported('node', ['build']), true);
  });
});

describe('runtimeKeyCandidates', () => {
  const cases: Array<[string, string[]]> = [
    ['python3.12', ['python3.12', 'python3', 'python']],
    ['/usr/bin/python3', ['python3', 'python']],
    ['python3.exe', ['python3', 'python']],
    ['pip3', ['pip3', 'pip']],
    ['C:\\Python\\python.exe', ['python']],
    ['gcc-12', ['gcc-12', 'gcc']],
    ['g++-12', ['g++-12', 'g++']],
    ['clang-format-14', ['clang-format-14', 'clang-format']],
    ['python3.12.1', ['python3.12.1', 'python3', 'python']],
    ['gradlew.bat', ['gradlew']],
    ['./gradlew', ['gradlew']],
    ['Rscript.exe', ['rscript']],
    ['2to3', ['2to3']],
    ['sha256sum', ['sha256sum']],
    ['x86_64-linux-gnu-gcc', ['x86_64-linux-gnu-gcc']],
    ['b2', ['b2']],
    ['', []],
  ];

  for (const [input, expected] of cases) {
    it(`normalises ${JSON.stringify(input)}`, () => {
      assert.deepEqual(runtimeKeyCandidates(input), expected);
    });
  }

  it('maps normalised names to entries', () => {
    assert.equal(lookupRuntime('python3.12')?.key, 'python3');
    assert.equal(lookupRuntime('/usr/bin/python3')?.key, 'python3');
    assert.equal(lookupRuntime('python3.exe')?.key, 'python3');
    assert.equal(lookupRuntime('pip3')?.key, 'pip3');
    assert.equal(lookupRuntime('C:\\Python\\python.exe')?.key, 'python');
    assert.equal(lookupRuntime('gcc-12')?.key, 'gcc');
    assert.equal(lookupRuntime('/usr/local/bin/go1.22')?.key, 'go');
  });

  it('does not mangle 2to3', () => {
    assert.equal(lookupRuntime('2to3'), undefined);
    assert.equal(checker.isRuntimeSupported('2to3'), true);
  });

  it('does not match names that only start alike', () => {
    for (const command of ['gofmt-check', 'pythonic', 'make-dir', 'cargo-cult', 'gitbook', 'javascript-obfuscator']) {
      assert.equal(lookupRuntime(command), undefined, command);
    }
  });
});

describe('runtime table immutability', () => {
  it('is frozen', () => {
    assert.ok(Object.isFrozen(RUNTIME_COMPAT_MATRIX));
    assert.ok(Object.isFrozen(RUNTIME_COMPAT_MATRIX.python3));
    assert.ok(Object.isFrozen(RUNTIME_COMPAT_MATRIX.napi.unsupportedSubcommands));
  });

  it('rejects writes', () => {
    assert.throws(() => {
      (RUNTIME_COMPAT_MATRIX as Record<string, unknown>).python3 = { supported: true };
    }, TypeError);
    assert.throws(() => {
      (RUNTIME_COMPAT_MATRIX.go as { supported: boolean }).supported = true;
    }, TypeError);
  });

  it('is unchanged by checker calls', () => {
    const before = JSON.stringify(RUNTIME_COMPAT_MATRIX);
    for (const command of ['python3', 'node', 'napi', '/usr/bin/gcc-12', 'unknown']) {
      checker.isRuntimeSupported(command, ['build']);
      checker.getUnsupportedReason(command);
      checker.getFallbackDriver(command);
      checkInvocation(command, ['x']);
    }
    assert.equal(JSON.stringify(RUNTIME_COMPAT_MATRIX), before);
  });

  it('holds no instance state', () => {
    assert.deepEqual(Object.keys(checker), []);
  });
});
