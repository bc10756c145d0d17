// Answers whether an npm package needs native code, from NATIVE_PACKAGES alone.

import { NATIVE_PACKAGES, type NativePackageInfo } from './native-packages';

/** Returns the table entry for a package name, or undefined when the table does not list it. */
export function lookupNativePackage(packageName: string): NativePackageInfo | undefined {
  return Object.prototype.hasOwnProperty.call(NATIVE_PACKAGES, packageName) ? NATIVE_PACKAGES[packageName] : undefined;
}

/** Stateless: one instance can be shared freely. */
export class NativeDependencyChecker {
  requiresNativeCompilation(packageName: string): boolean {
    return lookupNativePackage(packageName) !== undefined;
  }

  /** The package to use instead, or null when none is known. */
  getAlternative(packageName: string): string | null {
    return lookupNativePackage(packageName)?.alternative ?? null;
  }
}
