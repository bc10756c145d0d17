// Decides whether an npm package needs native code, from NATIVE_PACKAGES alone.

import type { DependencySection, Severity } from './findings';
import { NATIVE_PACKAGES, type NativePackageInfo } from './native-packages';

/** Pure-JavaScript or WebAssembly packages whose names look like native ones. */
const NEVER_NATIVE_NAMES: ReadonlySet<string> = new Set([
  'bcryptjs',
  'sass',
  'sql.js',
  '@tensorflow/tfjs',
  'iconv-lite',
  'argon2-browser',
  'hash-wasm',
  'esbuild-wasm',
  'canvaskit-wasm',
  'react-native',
  'expo',
]);

/** Scopes and prefixes of React Native modules: their native code is built for mobile apps, never loaded by Node.js. */
const REACT_NATIVE_PREFIXES = ['react-native-', '@react-native/', '@react-native-', 'expo-'];

/** Suffixes of WebAssembly builds, such as `@img/sharp-wasm32` and `@rolldown/binding-wasm32-wasi`. */
const WASM_BUILD_SUFFIXES = ['-wasm', '-wasm32', '-wasm32-wasi'];

/**
 * Returns true for package names that are never reported as native, whatever the table lists: `@types/*` packages,
 * pure-JavaScript look-alikes of native packages (bcryptjs, sass, sql.js, @tensorflow/tfjs, iconv-lite, ...),
 * WebAssembly builds, and React Native modules (`react-native-*`, `@react-native-*`, `@react-native/*`, `expo-*`).
 */
export function isNeverNative(packageName: string): boolean {
  const name = packageName.toLowerCase();

  if (name.startsWith('@types/')) return true;
  if (NEVER_NATIVE_NAMES.has(name)) return true;
  if (REACT_NATIVE_PREFIXES.some((prefix) => name.startsWith(prefix))) return true;
  return WASM_BUILD_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

/**
 * Returns the table entry for a package name, or undefined when the table does not list it or isNeverNative()
 * excludes it. Names are compared exactly, as npm stores them in lower case.
 */
export function lookupNativePackage(packageName: string): NativePackageInfo | undefined {
  if (isNeverNative(packageName)) return undefined;
  return Object.prototype.hasOwnProperty.call(NATIVE_PACKAGES, packageName) ? NATIVE_PACKAGES[packageName] : undefined;
}

/**
 * Derives the severity of a finding for a listed package from the consequence:
 * - error when installing or loading it will fail (`drop-in`, `code-change`, `wasm32-install`, `none`), because
 *   npm installs the linux-x64 build, which cannot load;
 * - information when WebContainer handles it by itself (`swapped-by-webcontainer`) or the native part is optional.
 * An entry's own `severity` replaces the rule, for facts that are unconfirmed or releases known to break. In
 * `optionalDependencies` an error becomes a warning, because npm skips an optional package that fails to install.
 */
export function nativeSeverity(info: NativePackageInfo, section?: DependencySection): Severity {
  let severity: Severity = 'error';
  if (info.severity) severity = info.severity;
  else if (info.remedy === 'swapped-by-webcontainer' || info.remedy === 'optional-native') severity = 'information';

  if (severity === 'error' && section === 'optionalDependencies') return 'warning';
  return severity;
}

/** Stateless, so one instance can be shared freely. */
export class NativeDependencyChecker {
  /**
   * Returns true when the table lists the package, that is, when it ships, builds or downloads native code. Swapped
   * and optional entries (esbuild, fsevents) count too, because they do contain native code. Whether that breaks
   * anything is what getSeverity() returns.
   */
  requiresNativeCompilation(packageName: string): boolean {
    return lookupNativePackage(packageName) !== undefined;
  }

  /** Returns the package to use instead, or null when none is known or the package is not listed. */
  getAlternative(packageName: string): string | null {
    return lookupNativePackage(packageName)?.alternative ?? null;
  }

  /** Returns the severity of a finding for the package in `section` (see nativeSeverity), or null when it is not listed. */
  getSeverity(packageName: string, section?: DependencySection): Severity | null {
    const info = lookupNativePackage(packageName);
    return info ? nativeSeverity(info, section) : null;
  }
}
