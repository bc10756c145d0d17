// Facts about WebContainers that the runtime and native-package tables rest on, each with its public sources.
// The tables cite these ids; docs/webcontainer-compatibility.md prints every fact with its sources.

export type CompatFactId =
  | 'native-addons-disabled'
  | 'linux-x64-platform'
  | 'native-executables-fail'
  | 'no-raw-tcp'
  | 'package-managers'
  | 'jsh-shell'
  | 'jsh-commands'
  | 'no-git'
  | 'no-c-compiler'
  | 'toolchains-absent'
  | 'python3-rustpython'
  | 'shebang-scripts'
  | 'shell-scripts-partial'
  | 'esbuild-swapped'
  | 'lightningcss-polyfill'
  | 'parcel-watcher-swapped'
  | 'sqlite3-swapped'
  | 'sharp-wasm32'
  | 'napi-rs-wasm32'
  | 'vite-runs'
  | 'rollup-binding-handling'
  | 'rolldown-wasm-download'
  | 'swc-core-fallback'
  | 'other-platform-packages';

export interface CompatFact {
  /** The fact as one or two sentences. */
  statement: string;
  /** Material the fact was read from: GitHub issues and pull requests as `owner/repo#number`, or a named document. */
  sources: readonly string[];
  /** True when no source states the fact directly, so the docs mark it and tables do not raise errors on it alone. */
  unconfirmed?: boolean;
}

export const COMPAT_FACTS: Readonly<Record<CompatFactId, CompatFact>> = Object.freeze({
  'native-addons-disabled': {
    statement:
      'WebContainer runs Node.js compiled for the browser with native addons disabled: loading a `.node` file fails with ' +
      '`Cannot load native addon because loading addons is disabled` (code `ERR_DLOPEN_DISABLED`).',
    sources: ['StackBlitz troubleshooting documentation', 'stackblitz/core#1855'],
  },
  'linux-x64-platform': {
    statement:
      '`process.platform` is `linux` and `process.arch` is `x64`, so npm installs `linux-x64` prebuilt binaries, which then fail ' +
      'to load. A `wasm32` architecture existed behind a flag and was rolled back.',
    sources: ['stackblitz/webcontainer-core#1236'],
  },
  'native-executables-fail': {
    statement: 'Running a native (ELF) executable fails with `a command can only contain words and redirects`.',
    sources: ['stackblitz/webcontainer-core#1079', 'stackblitz/webcontainer-core#2151'],
  },
  'no-raw-tcp': {
    statement: 'Raw TCP sockets are not available, so clients that open TCP connections to a database server fail.',
    sources: ['stackblitz/webcontainer-core#749'],
  },
  'package-managers': {
    statement:
      'npm, pnpm (8.15.6) and Yarn v1 are built in since April 2024. A pnpm release shipped as a native executable fails.',
    sources: ['stackblitz/webcontainer-core#2149', 'stackblitz/webcontainer-core#2151'],
  },
  'jsh-shell': {
    statement: 'The shell is jsh, which emulates zsh. Drivers start commands as `jsh -c "<command>"`.',
    sources: ['stackblitz/webcontainer-core#2151', 'stackblitz/bolt.new, app/utils/shell.ts'],
  },
  'jsh-commands': {
    statement:
      'The documented jsh commands are: cat, chmod, cp, echo, hostname, kill, ln, ls, mkdir, mv, ps, pwd, rm, rmdir, xxd, ' +
      'alias, cd, clear, curl, env, false, getconf, head, sort, tail, touch, true, uptime, which, code, jq, loadenv, node, ' +
      'python3, wasm, xdg-open, command, exit, export, source.',
    sources: ['stackblitz/bolt.new system prompt, app/lib/.server/llm/prompts.ts (December 2024)'],
  },
  'no-git': {
    statement: 'git is not available (`jsh: command not found: git`), and the WebContainer API does not expose it.',
    sources: ['stackblitz/webcontainer-core#144', 'stackblitz/webcontainer-core#1084'],
  },
  'no-c-compiler': {
    statement: 'No C or C++ compiler is available.',
    sources: ['stackblitz/bolt.new system prompt, app/lib/.server/llm/prompts.ts (December 2024)'],
  },
  'toolchains-absent': {
    statement:
      'go, cargo, rustc, java, make and docker are absent from every published list of WebContainer commands; no source ' +
      'says so in a direct statement.',
    sources: ['stackblitz/bolt.new system prompt, app/lib/.server/llm/prompts.ts (December 2024)'],
    unconfirmed: true,
  },
  'python3-rustpython': {
    statement:
      '`python3` is an experimental build of RustPython compiled to WebAssembly, limited to the standard library, with no ' +
      'pip; StackBlitz said pip support is not on its roadmap.',
    sources: ['stackblitz/webcontainer-core#1346', 'stackblitz/webcontainer-core#1366'],
  },
  'shebang-scripts': {
    statement:
      'Running a script by its path (`./file.js`) failed with `jsh: spawn ./file.js ENOENT` in 2023, and `node file.js` ' +
      'worked; this may have changed since.',
    sources: ['stackblitz/webcontainer-core#1184'],
    unconfirmed: true,
  },
  'shell-scripts-partial': {
    statement: 'Shell scripts (`./x.sh`, `bash x.sh`) are not fully supported.',
    sources: ['stackblitz/bolt.new system prompt, app/lib/.server/llm/prompts.ts (December 2024)'],
  },
  'esbuild-swapped': {
    statement: 'WebContainer installs `esbuild-wasm` in place of esbuild.',
    sources: ['stackblitz/webcontainer-core#8', 'stackblitz/webcontainer-core#1163'],
  },
  'lightningcss-polyfill': {
    statement: 'WebContainer installs a WebAssembly build of lightningcss as a polyfill.',
    sources: ['tailwindlabs/tailwindcss#13133', 'stackblitz/webcontainer-core#1163'],
  },
  'parcel-watcher-swapped': {
    statement: 'WebContainer swaps @parcel/watcher for its WebAssembly build at install time.',
    sources: ['nrwl/nx-console#1914'],
  },
  'sqlite3-swapped': {
    statement:
      "StackBlitz's earlier package installer (Turbo) swapped sqlite3 for a WebAssembly build pinned at SQLite 3.34; " +
      'whether the built-in npm does the same is not stated.',
    sources: ['stackblitz/webcontainer-core#945'],
    unconfirmed: true,
  },
  'sharp-wasm32': {
    statement:
      "WebContainer's sharp polyfill does nothing; sharp publishes an experimental WebAssembly build, `@img/sharp-wasm32`, " +
      'installed with `npm install --cpu=wasm32 sharp`.',
    sources: ['lovell/sharp#3336', 'lovell/sharp#3840'],
  },
  'napi-rs-wasm32': {
    statement:
      'Packages built with napi-rs often publish a `*-wasm32-wasi` sibling (rolldown, @rspack/binding, oxc, ' +
      '@tailwindcss/oxide, unrs-resolver, @node-rs/*) that works when installed with `--cpu=wasm32`.',
    sources: [],
    unconfirmed: true,
  },
  'vite-runs': {
    statement: "Vite projects run in WebContainer: StackBlitz's own starters are Vite apps.",
    sources: [],
  },
  'rollup-binding-handling': {
    statement:
      'How WebContainer handles the per-platform native binding of Rollup 4, which Vite 5 to 7 use, is not documented; ' +
      'reporting a plain Vite app as failing would be wrong all the same.',
    sources: [],
    unconfirmed: true,
  },
  'rolldown-wasm-download': {
    statement:
      'Rolldown, the bundler of Vite 8, detects WebContainer and downloads `@rolldown/binding-wasm32-wasi` at run time; ' +
      'several Rolldown releases have failed to load that binding there, and such a report was still open in September 2026. ' +
      'Going back to Vite 7, which uses Rollup, was reported to fix it.',
    sources: ['rolldown/rolldown#3922', 'rolldown/rolldown#4762', 'stackblitz/webcontainer-core#2167', 'stackblitz/starters#118'],
  },
  'swc-core-fallback': {
    statement:
      '@swc/core falls back to `@swc/wasm` when its native binding cannot load, and importing it in a StackBlitz ' +
      'WebContainer was reported to work in April 2026, while importing `@swc/html` failed there.',
    sources: ['swc-project/swc#5233', 'swc-project/swc#11833'],
  },
  'other-platform-packages': {
    statement:
      'Per-platform optional packages for other systems (fsevents, `@esbuild/darwin-arm64`, ' +
      '`@rollup/rollup-win32-x64-msvc`) are never installed on Linux and do not matter there: npm skips an optional ' +
      'package whose `os` or `cpu` does not match, and treats the skip as no error.',
    sources: ['npm/cli#6755'],
  },
} satisfies Record<CompatFactId, CompatFact>);

/** Returns the public address of a source written as `owner/repo#number`, or undefined for a named document. */
export function sourceUrl(source: string): string | undefined {
  const match = /^([\w.-]+\/[\w.-]+)#(\d+)$/.exec(source);
  return match ? `https://github.com/${match[1]}/issues/${match[2]}` : undefined;
}
