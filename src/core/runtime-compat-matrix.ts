// The table of commands that a WebContainer can or cannot run. Each entry cites the facts in compat-facts.ts that it rests on, and
// docs/webcontainer-compatibility.md prints the table with those sources.
// Adding a command is an edit to this table alone: the checker, the script analysis and the docs read it.
// Keys are lower-case command names; runtime-name.ts maps paths, `.exe` and version suffixes onto them.

import type { CompatFactId } from './compat-facts';
import { deepFreeze } from './deep-freeze';

/** The outcome of calling one command inside a WebContainer. */
export interface RuntimeCompatEntry {
  /**
   * False when the command cannot do its job in a WebContainer. With `unsupportedSubcommands` or
   * `supportedSubcommands` it is false too, and those lists narrow it down to the invocations that fail.
   */
  supported: boolean;
  /** Reason the command cannot run, and what to do instead. Present whenever `supported` is false. */
  reason?: string;
  /** Driver that can run the command instead, or null when no other driver helps (sudo, a Windows shell). */
  fallbackDriver?: 'docker' | null;
  /**
   * Severity of a script finding: error when the command is missing or cannot start, warning when it exists but is
   * limited or may work. Defaults to error.
   */
  severity?: 'error' | 'warning';
  /**
   * Subcommands that fail although the command itself runs, for an entry with `supported: false`. The subcommand is
   * the first argument that does not start with `-`, compared exactly. An invocation is unsupported when its
   * subcommand is in this list, and every other invocation, the bare command included, is supported. An option with a
   * separate value before the subcommand (`napi --cwd dir build`) hides it, so that call is not reported.
   */
  unsupportedSubcommands?: readonly string[];
  /**
   * The opposite list, for a command that fails except for a few subcommands: with `supported: false`, an invocation
   * is supported only when its subcommand, found as above, is in this list. Ignored when `unsupportedSubcommands` is set.
   */
  supportedSubcommands?: readonly string[];
  /** For supported commands: a short remark shown in the docs. */
  note?: string;
  /** Facts in compat-facts.ts that the entry rests on. */
  facts?: readonly CompatFactId[];
}

/** Commands of jsh, WebContainer's shell, that run there as they do elsewhere; `node` and `python3` have own entries. */
const JSH_COMMANDS = [
  'cat', 'chmod', 'cp', 'echo', 'hostname', 'kill', 'ln', 'ls', 'mkdir', 'mv', 'ps', 'pwd', 'rm', 'rmdir', 'xxd',
  'alias', 'cd', 'clear', 'curl', 'env', 'false', 'getconf', 'head', 'sort', 'tail', 'touch', 'true', 'uptime',
  'which', 'code', 'jq', 'loadenv', 'wasm', 'xdg-open', 'command', 'exit', 'export', 'source',
] as const;

const JSH_COMMAND: RuntimeCompatEntry = { supported: true, note: 'A jsh command.', facts: ['jsh-commands'] };

/** Builds the entry of a command that is missing because it is a native program or needs one; Docker runs it. */
function missing(reason: string, facts: readonly CompatFactId[]): RuntimeCompatEntry {
  return { supported: false, reason, fallbackDriver: 'docker', severity: 'error', facts };
}

const NATIVE_FACTS: readonly CompatFactId[] = ['native-executables-fail', 'jsh-commands'];
const PYTHON_FACTS: readonly CompatFactId[] = ['python3-rustpython', 'jsh-commands'];
const C_FACTS: readonly CompatFactId[] = ['no-c-compiler', 'native-executables-fail', 'toolchains-absent'];
const TOOLCHAIN_FACTS: readonly CompatFactId[] = ['toolchains-absent', 'native-executables-fail'];
const SHELL_FACTS: readonly CompatFactId[] = ['jsh-shell', 'jsh-commands', 'shell-scripts-partial'];

const NO_PIP =
  'WebContainer has no pip and its python3 is RustPython compiled to WebAssembly with the standard library only';

/** Builds the entry of a command-line program written in Python. `what` completes "NAME is …, a Python program". */
function pythonTool(name: string, what: string): RuntimeCompatEntry {
  return missing(
    `${name} is ${what}, a Python program. WebContainer has no pip to install it, and its python3 is RustPython ` +
      `compiled to WebAssembly with the standard library only, so ${name} is not available. Run it with Docker, or ` +
      'outside the WebContainer.',
    PYTHON_FACTS,
  );
}

/** Builds the entry of a toolchain program or native tool that WebContainer lacks. `what` completes "NAME is …". */
function toolchainCommand(name: string, what: string): RuntimeCompatEntry {
  return missing(
    `${name} is ${what}. WebContainer does not have it: it runs only JavaScript and WebAssembly, and a native ` +
      `executable cannot start there. Run ${name} with Docker.`,
    TOOLCHAIN_FACTS,
  );
}

/** Builds the entry of a C or C++ build tool. */
function cTool(name: string, what: string): RuntimeCompatEntry {
  return missing(
    `${name} is ${what}. WebContainer has no C or C++ compiler and cannot start native executables, and native code ` +
      `built elsewhere cannot load there either. Build with Docker, or use a WebAssembly or JavaScript package instead.`,
    C_FACTS,
  );
}

/** Builds the entry of a system package manager, which has no system to install into. */
function systemPackageManager(name: string, fallbackDriver: 'docker' | null): RuntimeCompatEntry {
  const instead =
    fallbackDriver === 'docker'
      ? 'Install the system package in a Docker image instead'
      : 'Use an npm package that provides the tool in JavaScript or WebAssembly instead';
  return {
    supported: false,
    reason:
      `${name} installs system packages, and WebContainer has neither ${name} nor a system to install into. ` +
      `${instead}, or look for an npm package that provides the same tool.`,
    fallbackDriver,
    severity: 'error',
    facts: NATIVE_FACTS,
  };
}

/** Builds the entry of a shell other than jsh. */
function otherShell(name: string): RuntimeCompatEntry {
  return {
    supported: false,
    reason:
      `jsh, WebContainer's shell, emulates zsh and does not list ${name} among its commands, and scripts written for ` +
      `${name} may use syntax that jsh lacks. Put the commands into the npm script itself, port the script to a ` +
      'Node.js file, or run it with Docker.',
    fallbackDriver: 'docker',
    severity: 'warning',
    facts: SHELL_FACTS,
  };
}

const RUNTIME_ENTRIES: Record<string, RuntimeCompatEntry> = {
  // JavaScript: what WebContainer is for.
  node: {
    supported: true,
    note: 'Node.js compiled to run in the browser; native addons cannot load.',
    facts: ['jsh-commands', 'native-addons-disabled'],
  },
  npm: { supported: true, note: 'Built in.', facts: ['package-managers'] },
  npx: { supported: true, note: 'Built in with npm.', facts: ['package-managers'] },
  pnpm: {
    supported: true,
    note: 'pnpm 8.15.6 is built in; a pnpm release shipped as a native executable fails.',
    facts: ['package-managers'],
  },
  yarn: { supported: true, note: 'Yarn v1 is built in.', facts: ['package-managers'] },
  // NOTE: no source states whether WebContainer's Node.js build includes corepack. It is listed so the docs show it.
  corepack: { supported: true, note: 'Ships with Node.js; its presence in WebContainer is unconfirmed.' },
  ...Object.fromEntries(JSH_COMMANDS.map((name) => [name, JSH_COMMAND])),

  // Shells. The script analysis unwraps `sh -c '…'` and `bash -c '…'` and reports `bash x.sh` under the
  // shell-script rule. These entries describe the interpreters themselves, for the exec() gate and the docs.
  bash: otherShell('bash'),
  sh: otherShell('sh'),
  zsh: {
    ...otherShell('zsh'),
    reason:
      "jsh, WebContainer's shell, emulates zsh but does not list a zsh command, and it supports only part of shell-script " +
      'syntax. Put the commands into the npm script itself, port the script to a Node.js file, or run it with Docker.',
  },
  dash: otherShell('dash'),
  ksh: otherShell('ksh'),
  fish: missing('fish is a native shell that WebContainer does not have. Port the script to a Node.js file, or run it with Docker.', NATIVE_FACTS),
  pwsh: { ...missing('PowerShell is a native program that WebContainer does not have. Port the script to a Node.js file.', NATIVE_FACTS), fallbackDriver: null },
  powershell: { ...missing('PowerShell is a Windows program that WebContainer does not have. Port the script to a Node.js file.', NATIVE_FACTS), fallbackDriver: null },
  cmd: { ...missing('cmd is the Windows command interpreter, which WebContainer does not have. Port the script to a Node.js file.', NATIVE_FACTS), fallbackDriver: null },

  // Python.
  python3: {
    supported: false,
    // NOTE: a versioned name such as `python3.12` maps to this entry, but jsh has no such command, so that call fails
    // outright while this entry reports a warning.
    reason:
      "WebContainer's python3 is an experimental build of RustPython compiled to WebAssembly: it has the standard library " +
      'only and no pip, so scripts that import packages or C extensions do not run. Run Python with Docker, or port the ' +
      'script to Node.js.',
    fallbackDriver: 'docker',
    severity: 'warning',
    facts: PYTHON_FACTS,
  },
  python: missing(
    '`python` is not a WebContainer command; only an experimental python3 exists (RustPython compiled to WebAssembly, ' +
      'standard library only, no pip). Run Python with Docker, or port the script to Node.js.',
    PYTHON_FACTS,
  ),
  python2: missing('Python 2 is not available in WebContainer. Run it with Docker.', PYTHON_FACTS),
  pip: missing(
    `pip is not available: ${NO_PIP}, and StackBlitz has said pip is not on its roadmap. Install Python packages with Docker, ` +
      'or use an npm package instead.',
    PYTHON_FACTS,
  ),
  pip3: missing(
    `pip3 is not available: ${NO_PIP}, and StackBlitz has said pip is not on its roadmap. Install Python packages with Docker, ` +
      'or use an npm package instead.',
    PYTHON_FACTS,
  ),
  pipx: pythonTool('pipx', 'an installer for Python applications'),
  pipenv: pythonTool('pipenv', 'an environment and dependency manager'),
  poetry: pythonTool('poetry', 'a dependency manager'),
  pdm: pythonTool('pdm', 'a dependency manager'),
  hatch: pythonTool('hatch', 'a project manager'),
  uv: missing(`uv is a Python package manager written in Rust, a native executable. ${NO_PIP}. Run it with Docker.`, PYTHON_FACTS.concat(['native-executables-fail'])),
  uvx: missing(`uvx runs Python tools through uv, a native executable. ${NO_PIP}. Run it with Docker.`, PYTHON_FACTS.concat(['native-executables-fail'])),
  conda: pythonTool('conda', 'a package and environment manager'),
  tox: pythonTool('tox', 'a test automation tool'),
  nox: pythonTool('nox', 'a test automation tool'),
  pytest: pythonTool('pytest', 'a test runner'),
  jupyter: pythonTool('jupyter', "Jupyter's command-line tool"),
  ipython: pythonTool('ipython', 'an interactive shell'),
  jlpm: missing(
    "jlpm is JupyterLab's bundled copy of Yarn, installed with the jupyterlab Python package, so it is missing without a " +
      'Python environment. `yarn` runs package scripts in WebContainer; run JupyterLab builds with Docker.',
    PYTHON_FACTS,
  ),
  pylint: pythonTool('pylint', 'a linter'),
  flake8: pythonTool('flake8', 'a linter'),
  black: pythonTool('black', 'a code formatter'),
  isort: pythonTool('isort', 'an import sorter'),
  autopep8: pythonTool('autopep8', 'a code formatter'),
  yapf: pythonTool('yapf', 'a code formatter'),
  mypy: pythonTool('mypy', 'a type checker'),
  ruff: missing(`ruff is a Python linter written in Rust, a native executable usually installed with pip. ${NO_PIP}. Run it with Docker.`, PYTHON_FACTS.concat(['native-executables-fail'])),
  'django-admin': pythonTool('django-admin', "Django's command-line tool"),
  flask: pythonTool('flask', "Flask's command-line tool"),
  gunicorn: pythonTool('gunicorn', 'a web server'),
  uvicorn: pythonTool('uvicorn', 'a web server'),
  celery: pythonTool('celery', 'a task queue'),
  alembic: pythonTool('alembic', 'a database migration tool'),
  'sphinx-build': pythonTool('sphinx-build', 'the Sphinx documentation builder'),
  mkdocs: pythonTool('mkdocs', 'a documentation builder'),
  'pre-commit': pythonTool('pre-commit', 'a Git hook manager'),
  streamlit: pythonTool('streamlit', 'an app server'),
  aws: pythonTool('aws', 'the AWS command-line interface'),
  gcloud: pythonTool('gcloud', 'the Google Cloud command-line interface'),
  az: pythonTool('az', 'the Azure command-line interface'),

  // Go.
  go: toolchainCommand('go', 'the Go toolchain'),
  gofmt: toolchainCommand('gofmt', 'part of the Go toolchain'),

  // Rust.
  rustc: toolchainCommand('rustc', 'the Rust compiler'),
  cargo: toolchainCommand('cargo', 'the Rust build tool and package manager'),
  rustup: toolchainCommand('rustup', 'the Rust toolchain installer'),
  'wasm-pack': missing(
    'wasm-pack is a native executable that drives cargo and rustc to build WebAssembly, and neither runs in WebContainer. ' +
      'Build the .wasm files with Docker or in CI, and commit or publish the output.',
    TOOLCHAIN_FACTS,
  ),
  tauri: missing(
    'The Tauri CLI is a native Rust program (the npm package @tauri-apps/cli loads it as a native addon) and Tauri apps ' +
      'build with cargo; neither runs in WebContainer. Run Tauri with Docker or on the host; the web front end can still ' +
      'run in WebContainer through its own dev script.',
    ['native-addons-disabled', ...TOOLCHAIN_FACTS],
  ),
  napi: {
    supported: false,
    unsupportedSubcommands: ['build'],
    reason:
      '`napi build` compiles the Rust crate with cargo, which WebContainer cannot run, and the resulting native addon ' +
      'could not load there. Build with Docker or in CI. The other napi subcommands (prepublish, version, artifacts, ' +
      'create-npm-dirs, universal) are JavaScript and run.',
    fallbackDriver: 'docker',
    severity: 'error',
    facts: [...TOOLCHAIN_FACTS, 'native-addons-disabled'],
  },
  'tree-sitter': missing(
    'The tree-sitter CLI (npm package tree-sitter-cli) is a native Rust executable, so every subcommand fails, ' +
      '`tree-sitter generate` included; `build` and `test` also need a C compiler. Generate and test parsers with ' +
      'Docker or in CI; web-tree-sitter loads generated parsers as WebAssembly.',
    [...C_FACTS],
  ),

  // C and C++.
  gcc: cTool('gcc', 'the GNU C compiler'),
  'g++': cTool('g++', 'the GNU C++ compiler'),
  cc: cTool('cc', 'the system C compiler'),
  'c++': cTool('c++', 'the system C++ compiler'),
  clang: cTool('clang', 'the Clang C compiler'),
  'clang++': cTool('clang++', 'the Clang C++ compiler'),
  'clang-format': cTool('clang-format', 'a native C and C++ formatter (the npm package clang-format wraps a native binary)'),
  'clang-tidy': cTool('clang-tidy', 'a native C and C++ linter'),
  make: cTool('make', 'a native build tool that runs compilers and shell commands'),
  gmake: cTool('gmake', 'GNU make, a native build tool'),
  cmake: cTool('cmake', 'a native build-system generator'),
  ninja: cTool('ninja', 'a native build tool'),
  meson: cTool('meson', 'a build-system generator written in Python that drives native compilers'),
  emcc: cTool('emcc', 'the Emscripten compiler, which needs Python and native LLVM tools'),
  'node-gyp': {
    supported: false,
    unsupportedSubcommands: ['rebuild', 'build', 'configure'],
    reason:
      'node-gyp builds a native addon: it runs Python, make and a C++ compiler, none of which WebContainer has, and the ' +
      'built addon could not load there. Use a JavaScript or WebAssembly alternative of the addon, or build with Docker.',
    fallbackDriver: 'docker',
    severity: 'error',
    facts: [...C_FACTS, 'native-addons-disabled'],
  },
  'cmake-js': {
    supported: false,
    unsupportedSubcommands: ['build', 'rebuild', 'compile', 'configure', 'reconfigure', 'recompile'],
    reason:
      'cmake-js builds a native addon with CMake and a C++ compiler, which WebContainer does not have, and the built ' +
      'addon could not load there. Use a JavaScript or WebAssembly alternative of the addon, or build with Docker.',
    fallbackDriver: 'docker',
    severity: 'error',
    facts: [...C_FACTS, 'native-addons-disabled'],
  },

  // JVM, Android and Apple platforms.
  java: toolchainCommand('java', 'the Java runtime'),
  javac: toolchainCommand('javac', 'the Java compiler'),
  jar: toolchainCommand('jar', 'part of the Java Development Kit'),
  jarsigner: toolchainCommand('jarsigner', 'part of the Java Development Kit'),
  keytool: toolchainCommand('keytool', 'part of the Java Development Kit'),
  mvn: toolchainCommand('mvn', 'Apache Maven, a Java build tool'),
  mvnw: toolchainCommand('mvnw', 'the Maven wrapper, a shell script that starts Maven on a Java runtime'),
  gradle: toolchainCommand('gradle', 'Gradle, a Java build tool'),
  gradlew: toolchainCommand('gradlew', 'the Gradle wrapper, a shell script that starts Gradle on a Java runtime'),
  ant: toolchainCommand('ant', 'Apache Ant, a Java build tool'),
  sbt: toolchainCommand('sbt', 'the Scala build tool, which runs on a Java runtime'),
  kotlin: toolchainCommand('kotlin', 'part of the Kotlin toolchain'),
  kotlinc: toolchainCommand('kotlinc', 'the Kotlin compiler'),
  adb: toolchainCommand('adb', 'the Android Debug Bridge from the Android SDK'),
  sdkmanager: toolchainCommand('sdkmanager', 'part of the Android SDK'),
  avdmanager: toolchainCommand('avdmanager', 'part of the Android SDK'),
  emulator: toolchainCommand('emulator', 'the Android emulator from the Android SDK'),
  xcodebuild: { ...toolchainCommand('xcodebuild', 'part of Xcode, which runs only on macOS'), fallbackDriver: null },
  xcrun: { ...toolchainCommand('xcrun', 'part of Xcode, which runs only on macOS'), fallbackDriver: null },
  swift: toolchainCommand('swift', 'the Swift toolchain'),
  swiftc: toolchainCommand('swiftc', 'the Swift compiler'),
  pod: toolchainCommand('pod', 'CocoaPods, a Ruby program for Apple platforms'),
  fastlane: toolchainCommand('fastlane', 'fastlane, a Ruby program'),
  watchman: toolchainCommand('watchman', "Meta's native file-watching service"),
  'react-native': {
    supported: false,
    unsupportedSubcommands: ['run-android', 'run-ios', 'build-android', 'build-ios', 'log-android', 'log-ios'],
    reason:
      'These React Native subcommands build and start the app with Gradle and the Android SDK or with Xcode, none of which ' +
      'WebContainer has. Run them on a machine with the mobile toolchains; `react-native start` and `bundle` are JavaScript.',
    fallbackDriver: null,
    severity: 'error',
    facts: TOOLCHAIN_FACTS,
  },
  expo: {
    supported: false,
    unsupportedSubcommands: ['run:android', 'run:ios'],
    reason:
      '`expo run:android` and `expo run:ios` compile the native app with Gradle or Xcode, which WebContainer does not ' +
      'have. Run them on a machine with the mobile toolchains.',
    fallbackDriver: null,
    severity: 'error',
    facts: TOOLCHAIN_FACTS,
  },

  // Ruby and PHP.
  ruby: toolchainCommand('ruby', 'the Ruby interpreter'),
  irb: toolchainCommand('irb', 'the interactive Ruby shell'),
  gem: toolchainCommand('gem', "Ruby's package manager"),
  bundle: toolchainCommand('bundle', 'Bundler, a Ruby program'),
  bundler: toolchainCommand('bundler', 'Bundler, a Ruby program'),
  rake: toolchainCommand('rake', 'a Ruby build tool'),
  rails: toolchainCommand('rails', 'the Ruby on Rails command-line tool'),
  rspec: toolchainCommand('rspec', 'a Ruby test runner'),
  rubocop: toolchainCommand('rubocop', 'a Ruby linter'),
  jekyll: toolchainCommand('jekyll', 'Jekyll, a Ruby program'),
  php: toolchainCommand('php', 'the PHP interpreter'),
  composer: toolchainCommand('composer', 'Composer, a PHP program'),
  phpunit: toolchainCommand('phpunit', 'PHPUnit, a PHP program'),
  phpcs: toolchainCommand('phpcs', 'PHP_CodeSniffer, a PHP program'),
  phpcbf: toolchainCommand('phpcbf', 'part of PHP_CodeSniffer, a PHP program'),
  phpstan: toolchainCommand('phpstan', 'PHPStan, a PHP program'),
  wp: toolchainCommand('wp', 'WP-CLI, a PHP program'),
  'wp-env': missing(
    'wp-env (npm package @wordpress/env) runs WordPress in Docker containers, and WebContainer cannot run Docker. Run ' +
      'wp-env on a machine with Docker.',
    TOOLCHAIN_FACTS,
  ),

  // .NET and other runtimes.
  dotnet: toolchainCommand('dotnet', 'the .NET SDK'),
  msbuild: toolchainCommand('msbuild', 'the .NET build tool'),
  mono: toolchainCommand('mono', 'the Mono runtime'),
  nuget: toolchainCommand('nuget', 'the .NET package manager'),
  deno: toolchainCommand('deno', 'Deno, a separate JavaScript runtime built as a native program'),
  bun: toolchainCommand('bun', 'Bun, a separate JavaScript runtime built as a native program'),
  bunx: toolchainCommand('bunx', 'part of Bun, a separate JavaScript runtime built as a native program'),
  perl: toolchainCommand('perl', 'the Perl interpreter'),
  lua: toolchainCommand('lua', 'the Lua interpreter'),
  rscript: toolchainCommand('Rscript', 'the R script runner'),
  julia: toolchainCommand('julia', 'the Julia runtime'),
  dart: toolchainCommand('dart', 'the Dart SDK'),
  flutter: toolchainCommand('flutter', 'the Flutter SDK'),
  zig: toolchainCommand('zig', 'the Zig toolchain'),
  elixir: toolchainCommand('elixir', 'the Elixir runtime'),
  erl: toolchainCommand('erl', 'the Erlang runtime'),
  ghc: toolchainCommand('ghc', 'the Haskell compiler'),
  cabal: toolchainCommand('cabal', 'the Haskell build tool'),
  ffmpeg: toolchainCommand('ffmpeg', 'FFmpeg, a native media tool'),
  magick: toolchainCommand('magick', 'ImageMagick, a native image tool'),

  // Containers, clusters and cloud tools.
  docker: missing(
    'Docker needs a container engine, and WebContainer runs in a browser tab without one; the docker client is a native ' +
      'executable as well. Run this script with the Docker driver or on the host.',
    TOOLCHAIN_FACTS,
  ),
  'docker-compose': missing(
    'Docker Compose needs a Docker engine, which WebContainer does not have. Run this script with the Docker driver or on the host.',
    TOOLCHAIN_FACTS,
  ),
  podman: missing('Podman needs a container engine, which WebContainer does not have. Run this script on the host.', TOOLCHAIN_FACTS),
  kubectl: toolchainCommand('kubectl', 'the Kubernetes command-line tool'),
  helm: toolchainCommand('helm', 'the Kubernetes package manager'),
  terraform: toolchainCommand('terraform', 'Terraform, a native program'),

  // Version control.
  git: missing(
    'git is not available in WebContainer (`jsh: command not found: git`), and the WebContainer API does not expose it. ' +
      'Run git outside the WebContainer, or use isomorphic-git from JavaScript.',
    ['no-git'],
  ),
  gh: toolchainCommand('gh', 'the GitHub CLI, a native program'),

  // Privileges and system packages.
  sudo: {
    supported: false,
    reason:
      'sudo is not a WebContainer command, and there are no users or privileges to raise. Remove `sudo` and run the ' +
      'command itself, if that command is available.',
    fallbackDriver: null,
    severity: 'error',
    facts: NATIVE_FACTS,
  },
  su: {
    supported: false,
    reason: 'su is not a WebContainer command, and there are no other users to switch to. Remove it from the script.',
    fallbackDriver: null,
    severity: 'error',
    facts: NATIVE_FACTS,
  },
  apt: systemPackageManager('apt', 'docker'),
  'apt-get': systemPackageManager('apt-get', 'docker'),
  dpkg: systemPackageManager('dpkg', 'docker'),
  yum: systemPackageManager('yum', 'docker'),
  dnf: systemPackageManager('dnf', 'docker'),
  apk: systemPackageManager('apk', 'docker'),
  pacman: systemPackageManager('pacman', 'docker'),
  brew: systemPackageManager('brew', 'docker'),
  choco: systemPackageManager('choco', null),
  winget: systemPackageManager('winget', null),
};

export const RUNTIME_COMPAT_MATRIX: Record<string, RuntimeCompatEntry> = deepFreeze(RUNTIME_ENTRIES);
