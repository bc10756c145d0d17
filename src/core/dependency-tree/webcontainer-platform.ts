// The platform test for per-platform packages npm installs inside a WebContainer, where process.platform is 'linux' and
// process.arch is 'x64' (so npm picks linux-x64 builds, which then fail to load).

export const WEBCONTAINER_OS = 'linux';
export const WEBCONTAINER_CPU = 'x64';

/**
 * The `os` field of packages that are restricted to one system, for lockfiles that record no os/cpu (yarn v1).
 * fsevents declares `"os": ["darwin"]` in its package.json.
 */
export const KNOWN_PACKAGE_OS: ReadonlyMap<string, readonly string[]> = new Map([['fsevents', ['darwin']]]);

/** True when a package's `os` and `cpu` lists (npm semantics, `!name` excludes) admit linux-x64. libc is not checked. */
export function installsInWebContainer(os: readonly string[] | undefined, cpu: readonly string[] | undefined): boolean {
  return listAdmits(os, WEBCONTAINER_OS) && listAdmits(cpu, WEBCONTAINER_CPU);
}

function listAdmits(list: readonly string[] | undefined, value: string): boolean {
  if (!list || list.length === 0) return true;
  if (list.includes(`!${value}`)) return false;

  const allowed = list.filter((entry) => !entry.startsWith('!'));
  return allowed.length === 0 || allowed.includes(value) || allowed.includes('any');
}

/** True when the `cpu` list names only wasm32, as napi-rs `*-wasm32-wasi` members and @img/sharp-wasm32 do. */
export function isWasm32Only(cpu: readonly string[] | undefined): boolean {
  return cpu !== undefined && cpu.length > 0 && cpu.every((entry) => entry === 'wasm32');
}

const OS_NAME_TOKENS = new Set(['linux', 'darwin', 'macos', 'win32', 'windows', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix', 'android', 'openharmony']);
const X64_NAME_TOKENS = new Set(['x64', '64', 'amd64', 'x86_64']);

/**
 * Reads the platform from a per-platform package name, for lockfiles that do not record os/cpu (yarn v1):
 * `@esbuild/linux-x64`, `turbo-linux-64`, `@next/swc-linux-x64-gnu`, `@img/sharp-wasm32`, `@tailwindcss/oxide-wasm32-wasi`.
 * Returns undefined when the name names no platform.
 */
export function platformFromPackageName(name: string): { os?: string; wasm32: boolean; linuxX64: boolean } | undefined {
  const tokens = name.slice(name.lastIndexOf('/') + 1).split('-');
  if (tokens.some((token) => token.startsWith('wasm32'))) return { wasm32: true, linuxX64: false };

  const os = tokens.find((token) => OS_NAME_TOKENS.has(token));
  if (os === undefined) return undefined;
  return { os, wasm32: false, linuxX64: os === WEBCONTAINER_OS && tokens.some((token) => X64_NAME_TOKENS.has(token)) };
}
