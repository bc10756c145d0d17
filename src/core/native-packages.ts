// npm packages that need native code, with what to use inside a WebContainer instead.
// Sources for each fact are listed in docs/webcontainer-compatibility.md.
// Adding a package is an edit to this table alone.

/**
 * What a user can do about a native package:
 * - `drop-in`: swap for `alternative`, no code change;
 * - `code-change`: swap for `alternative`, with code changes;
 * - `swapped-by-webcontainer`: WebContainer installs a WebAssembly build by itself;
 * - `wasm32-install`: works when installed with `npm install --cpu=wasm32`;
 * - `optional-native`: the native part is optional and the package works without it;
 * - `none`: no known remedy inside a WebContainer.
 */
export type NativeRemedy = 'drop-in' | 'code-change' | 'swapped-by-webcontainer' | 'wasm32-install' | 'optional-native' | 'none';

export interface NativePackageInfo {
  alternative: string | null;
  remedy: NativeRemedy;
  /** Version range written into package.json when the quick fix swaps in `alternative`. */
  alternativeVersion?: string;
  /** One sentence on what fails and why. */
  note?: string;
}

export const NATIVE_PACKAGES: Record<string, NativePackageInfo> = {
  'better-sqlite3': { alternative: 'sql.js', remedy: 'code-change', alternativeVersion: '^1.13.0' },
  sharp: { alternative: null, remedy: 'wasm32-install' },
  bcrypt: { alternative: 'bcryptjs', remedy: 'drop-in', alternativeVersion: '^3.0.2' },
  canvas: { alternative: null, remedy: 'none' },
  'node-sass': { alternative: 'sass', remedy: 'drop-in', alternativeVersion: '^1.89.0' },
  sqlite3: { alternative: 'sql.js', remedy: 'code-change', alternativeVersion: '^1.13.0' },
};
