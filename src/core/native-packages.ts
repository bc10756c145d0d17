// npm packages that need native code, with what to use inside a WebContainer instead.
// Each entry cites the facts in compat-facts.ts that it rests on; docs/webcontainer-compatibility.md prints them.
// Adding a package is an edit to this table alone. The severity of a finding follows from `remedy`
// (nativeSeverity in native-dependency-checker.ts) unless an entry sets `severity`.

import type { CompatFactId } from './compat-facts';
import { deepFreeze } from './deep-freeze';
import type { Severity } from './findings';

/**
 * Remedy a user has for a native package:
 * - `drop-in`: swap for `alternative`, no code change;
 * - `code-change`: swap for `alternative`, with code changes (or, with a null `alternative`, use what `note` names);
 * - `swapped-by-webcontainer`: WebContainer installs a WebAssembly build by itself;
 * - `wasm32-install`: works when installed with `npm install --cpu=wasm32`;
 * - `optional-native`: the native part is optional and the package works without it;
 * - `none`: no known remedy inside a WebContainer.
 */
export type NativeRemedy = 'drop-in' | 'code-change' | 'swapped-by-webcontainer' | 'wasm32-install' | 'optional-native' | 'none';

/**
 * Kind of native code in a package:
 * - `addon`: it loads a compiled Node.js addon (`.node` file), built at install time or shipped prebuilt;
 * - `executable`: it runs a native executable that it ships or downloads.
 * Helpers for building addons (nan, node-addon-api, bindings, node-gyp-build, ...) are not native themselves and are
 * listed in native-build-helpers.ts instead.
 */
export type NativeKind = 'addon' | 'executable';

export interface NativePackageInfo {
  /** The package to use instead, or null when none exists. The quick fix offers it for `drop-in` and `code-change`. */
  alternative: string | null;
  remedy: NativeRemedy;
  /** Version range written into package.json when the quick fix swaps in `alternative`. */
  alternativeVersion?: string;
  /** One sentence on what fails and why, or why nothing fails. */
  note?: string;
  /** Defaults to `addon`. */
  kind?: NativeKind;
  /** Severity that replaces the one nativeSeverity derives from `remedy`; the note explains why. */
  severity?: Severity;
  /** Facts in compat-facts.ts that the entry rests on. */
  facts?: readonly CompatFactId[];
}

const ADDON: readonly CompatFactId[] = ['native-addons-disabled', 'linux-x64-platform'];
const NAPI_WASM: readonly CompatFactId[] = ['native-addons-disabled', 'linux-x64-platform', 'napi-rs-wasm32'];
const EXECUTABLE: readonly CompatFactId[] = ['native-executables-fail'];

/** Builds the entry of a native addon with no replacement that runs in a browser sandbox. */
function noRemedy(note: string): NativePackageInfo {
  return { alternative: null, remedy: 'none', note, facts: ADDON };
}

/** Builds the entry of a napi-rs package whose wasm32-wasi build works when installed with `--cpu=wasm32`. */
function napiWasm(note: string, severity?: Severity): NativePackageInfo {
  return { alternative: null, remedy: 'wasm32-install', note, facts: NAPI_WASM, ...(severity ? { severity } : {}) };
}

const NATIVE_ENTRIES: Record<string, NativePackageInfo> = {
  // Swaps a user can make.
  bcrypt: {
    alternative: 'bcryptjs',
    remedy: 'drop-in',
    alternativeVersion: '^3.0.3',
    note: 'C++ addon; bcryptjs is bcrypt in plain JavaScript with the same API and compatible hashes, only slower.',
    facts: ADDON,
  },
  'node-sass': {
    alternative: 'sass',
    remedy: 'drop-in',
    alternativeVersion: '^1.108.2',
    note: 'Builds LibSass with node-gyp and is deprecated; sass, Dart Sass compiled to JavaScript, has the same JavaScript API.',
    facts: ADDON,
  },
  'better-sqlite3': {
    alternative: 'sql.js',
    remedy: 'code-change',
    alternativeVersion: '^1.17.0',
    note: 'C++ addon with SQLite built in; sql.js is SQLite compiled to WebAssembly, kept in memory, with a different API.',
    facts: ADDON,
  },
  sqlite3: {
    alternative: 'sql.js',
    remedy: 'code-change',
    alternativeVersion: '^1.17.0',
    severity: 'warning',
    note:
      "C++ addon; StackBlitz's earlier installer swapped it for a WebAssembly build of SQLite 3.34, but whether the " +
      'built-in npm still does is unconfirmed, so it may fail to load. sql.js is SQLite in WebAssembly with a different API.',
    facts: [...ADDON, 'sqlite3-swapped'],
  },
  argon2: {
    alternative: 'hash-wasm',
    remedy: 'code-change',
    alternativeVersion: '^4.13.0',
    note: 'C++ addon; hash-wasm computes Argon2 in WebAssembly with a different API.',
    facts: ADDON,
  },
  '@tensorflow/tfjs-node': {
    alternative: '@tensorflow/tfjs',
    remedy: 'code-change',
    alternativeVersion: '^4.22.0',
    note: 'Binds the native TensorFlow C library; @tensorflow/tfjs has the same core API in plain JavaScript, slower and without the tf.node file and image helpers.',
    facts: ADDON,
  },
  '@tensorflow/tfjs-node-gpu': {
    alternative: '@tensorflow/tfjs',
    remedy: 'code-change',
    alternativeVersion: '^4.22.0',
    note: 'Binds the native TensorFlow C library with CUDA; @tensorflow/tfjs has the same core API in plain JavaScript, slower and without the tf.node helpers.',
    facts: ADDON,
  },
  farmhash: {
    alternative: 'farmhash-modern',
    remedy: 'code-change',
    alternativeVersion: '^1.1.0',
    note: 'C++ addon; farmhash-modern provides FarmHash in WebAssembly with a slightly different API.',
    facts: ADDON,
  },
  leveldown: {
    alternative: 'memory-level',
    remedy: 'code-change',
    alternativeVersion: '^3.1.0',
    note: 'C++ binding to LevelDB; memory-level implements the abstract-level interface in memory, without persistence.',
    facts: ADDON,
  },
  'classic-level': {
    alternative: 'memory-level',
    remedy: 'code-change',
    alternativeVersion: '^3.1.0',
    note: 'C++ binding to LevelDB; memory-level implements the same abstract-level interface in memory, without persistence.',
    facts: ADDON,
  },
  grpc: {
    alternative: '@grpc/grpc-js',
    remedy: 'code-change',
    alternativeVersion: '^1.14.7',
    note: 'Deprecated C++ gRPC addon; @grpc/grpc-js is the maintained pure-JavaScript client with a nearly identical API.',
    facts: ADDON,
  },
  iconv: {
    alternative: 'iconv-lite',
    remedy: 'code-change',
    alternativeVersion: '^0.7.3',
    note: 'C++ binding to the system iconv; iconv-lite converts encodings in pure JavaScript through encode() and decode().',
    facts: ADDON,
  },
  nodegit: {
    alternative: 'isomorphic-git',
    remedy: 'code-change',
    alternativeVersion: '^1.44.11',
    note: 'C++ binding to libgit2; isomorphic-git is git in pure JavaScript with a different API.',
    facts: ADDON,
  },
  'tree-sitter': {
    alternative: 'web-tree-sitter',
    remedy: 'code-change',
    alternativeVersion: '^0.27.1',
    note: 'C++ addon; web-tree-sitter runs Tree-sitter and WebAssembly builds of grammars, with an asynchronous init step.',
    facts: ADDON,
  },
  'sodium-native': {
    alternative: 'libsodium-wrappers',
    remedy: 'code-change',
    alternativeVersion: '^0.8.4',
    note: 'C binding to libsodium; libsodium-wrappers is libsodium compiled to WebAssembly and JavaScript with a different API.',
    facts: ADDON,
  },
  'node-rdkafka': {
    alternative: 'kafkajs',
    remedy: 'code-change',
    alternativeVersion: '^2.2.4',
    note: 'C++ binding to librdkafka; kafkajs is a pure-JavaScript Kafka client, though a Kafka broker needs TCP, which WebContainer lacks.',
    facts: [...ADDON, 'no-raw-tcp'],
  },
  'onnxruntime-node': {
    alternative: 'onnxruntime-web',
    remedy: 'code-change',
    alternativeVersion: '^1.30.0',
    note: 'Native ONNX Runtime addon; onnxruntime-web runs models with WebAssembly and a similar API.',
    facts: ADDON,
  },
  'pg-native': {
    alternative: 'pg',
    remedy: 'code-change',
    alternativeVersion: '^8.23.1',
    note: 'Binds libpq; pg is the pure-JavaScript client, though a PostgreSQL server needs TCP, which WebContainer lacks.',
    facts: [...ADDON, 'no-raw-tcp'],
  },
  libpq: {
    alternative: 'pg',
    remedy: 'code-change',
    alternativeVersion: '^8.23.1',
    note: 'Binds libpq; pg is the pure-JavaScript client, though a PostgreSQL server needs TCP, which WebContainer lacks.',
    facts: [...ADDON, 'no-raw-tcp'],
  },
  snappy: {
    alternative: 'snappyjs',
    remedy: 'code-change',
    alternativeVersion: '^0.7.0',
    note: 'Native Snappy addon; snappyjs compresses and uncompresses Snappy in pure JavaScript.',
    facts: ADDON,
  },
  '@discordjs/opus': {
    alternative: 'opusscript',
    remedy: 'code-change',
    alternativeVersion: '^0.1.1',
    note: 'Native Opus addon; opusscript is libopus compiled with Emscripten, which @discordjs/voice also accepts.',
    facts: ADDON,
  },
  'xxhash-addon': {
    alternative: 'xxhash-wasm',
    remedy: 'code-change',
    alternativeVersion: '^1.1.0',
    note: 'C addon; xxhash-wasm computes xxHash in WebAssembly with a different API.',
    facts: ADDON,
  },
  duckdb: {
    alternative: '@duckdb/duckdb-wasm',
    remedy: 'code-change',
    alternativeVersion: '^1.32.0',
    note: 'Native DuckDB addon; @duckdb/duckdb-wasm runs DuckDB in WebAssembly with an asynchronous API.',
    facts: ADDON,
  },
  '@duckdb/node-api': {
    alternative: '@duckdb/duckdb-wasm',
    remedy: 'code-change',
    alternativeVersion: '^1.32.0',
    note: 'Native DuckDB addon; @duckdb/duckdb-wasm runs DuckDB in WebAssembly with a different API.',
    facts: ADDON,
  },
  '@resvg/resvg-js': {
    alternative: '@resvg/resvg-wasm',
    remedy: 'code-change',
    alternativeVersion: '^2.6.2',
    note: 'napi-rs addon; @resvg/resvg-wasm renders SVG in WebAssembly after an explicit initWasm() call.',
    facts: ADDON,
  },

  // Handled by WebContainer itself.
  esbuild: {
    alternative: 'esbuild-wasm',
    remedy: 'swapped-by-webcontainer',
    note: 'Runs a native Go executable, but WebContainer installs esbuild-wasm in its place.',
    kind: 'executable',
    facts: ['esbuild-swapped'],
  },
  lightningcss: {
    alternative: 'lightningcss-wasm',
    remedy: 'swapped-by-webcontainer',
    note: 'Rust addon, but WebContainer installs a WebAssembly build as a polyfill.',
    facts: ['lightningcss-polyfill'],
  },
  '@parcel/watcher': {
    alternative: '@parcel/watcher-wasm',
    remedy: 'swapped-by-webcontainer',
    note: 'C++ file-watching addon, but WebContainer installs its WebAssembly build at install time.',
    facts: ['parcel-watcher-swapped'],
  },
  rollup: {
    alternative: '@rollup/wasm-node',
    remedy: 'swapped-by-webcontainer',
    alternativeVersion: '^4.68.4',
    note:
      'Rollup 4 loads a per-platform native binding, yet Vite 5 to 7 projects built on it run in WebContainer, by a ' +
      'mechanism that is not documented; if a build fails, override rollup with @rollup/wasm-node.',
    facts: ['vite-runs', 'rollup-binding-handling', 'linux-x64-platform'],
  },

  // Native part optional: the package works without it.
  bufferutil: {
    alternative: null,
    remedy: 'optional-native',
    note: 'Optional speed-up for ws, which works without it; the package itself falls back to JavaScript when the addon cannot load.',
    facts: ADDON,
  },
  'utf-8-validate': {
    alternative: null,
    remedy: 'optional-native',
    note: 'Optional speed-up for ws, which works without it; the package itself falls back to JavaScript when the addon cannot load.',
    facts: ADDON,
  },
  fsevents: {
    alternative: null,
    remedy: 'optional-native',
    note: 'macOS-only file-watching addon; npm skips it on Linux, which WebContainer reports, and watchers such as chokidar work without it.',
    facts: ['other-platform-packages', 'linux-x64-platform'],
  },
  'cpu-features': {
    alternative: null,
    remedy: 'optional-native',
    note: 'Optional dependency of ssh2, which works without it.',
    facts: ADDON,
  },
  'msgpackr-extract': {
    alternative: null,
    remedy: 'optional-native',
    note: 'Optional speed-up for msgpackr, which falls back to JavaScript without it.',
    facts: ADDON,
  },
  'cbor-extract': {
    alternative: null,
    remedy: 'optional-native',
    note: 'Optional speed-up for cbor-x, which falls back to JavaScript without it.',
    facts: ADDON,
  },
  'dtrace-provider': {
    alternative: null,
    remedy: 'optional-native',
    note: 'Optional dependency of bunyan; without the addon it provides no-op probes.',
    facts: ADDON,
  },
  secp256k1: {
    alternative: null,
    remedy: 'optional-native',
    note: 'Falls back to its bundled JavaScript implementation when the addon cannot load.',
    facts: ADDON,
  },
  keccak: {
    alternative: null,
    remedy: 'optional-native',
    note: 'Falls back to its bundled JavaScript implementation when the addon cannot load.',
    facts: ADDON,
  },
  'bigint-buffer': {
    alternative: null,
    remedy: 'optional-native',
    note: 'Falls back to pure JavaScript, with a console warning, when the addon cannot load.',
    facts: ADDON,
  },
  oracledb: {
    alternative: null,
    remedy: 'optional-native',
    note: 'Thin mode, the default since node-oracledb 6, is pure JavaScript and needs no native client, but it connects over TCP, which WebContainer lacks.',
    facts: [...ADDON, 'no-raw-tcp'],
  },
  '@swc/core': {
    alternative: '@swc/wasm',
    remedy: 'optional-native',
    note: 'Loads a per-platform native binding and falls back to @swc/wasm when that fails; importing it in a WebContainer was reported to work.',
    facts: ['swc-core-fallback'],
  },
  rolldown: {
    alternative: null,
    remedy: 'optional-native',
    severity: 'warning',
    note:
      'The bundler of Vite 8 loads a native binding and, in WebContainer, downloads its WebAssembly binding at run time, ' +
      'but several releases failed to load it there; if Vite 8 fails, Vite 7 (Rollup) is the known-good fallback.',
    facts: ['rolldown-wasm-download', 'napi-rs-wasm32'],
  },

  // Installable as WebAssembly with `npm install --cpu=wasm32`.
  sharp: {
    alternative: null,
    remedy: 'wasm32-install',
    note:
      "Loads libvips through a native addon and WebContainer's sharp polyfill does nothing; sharp's experimental " +
      'WebAssembly build is installed with `npm install --cpu=wasm32 sharp`.',
    facts: [...ADDON, 'sharp-wasm32'],
  },
  '@node-rs/argon2': napiWasm('napi-rs addon; its wasm32-wasi build is installed with `npm install --cpu=wasm32`.'),
  '@node-rs/bcrypt': napiWasm('napi-rs addon; its wasm32-wasi build is installed with `npm install --cpu=wasm32`.'),
  '@node-rs/xxhash': napiWasm('napi-rs addon; its wasm32-wasi build is installed with `npm install --cpu=wasm32`.'),
  '@node-rs/crc32': napiWasm('napi-rs addon; its wasm32-wasi build is installed with `npm install --cpu=wasm32`.'),
  '@tailwindcss/oxide': napiWasm(
    'Rust addon behind Tailwind CSS 4; it may fail to load unless its wasm32-wasi build is installed with `npm install --cpu=wasm32`.',
    'warning',
  ),
  'unrs-resolver': napiWasm(
    'Rust module resolver; it may fail to load unless its wasm32-wasi build is installed with `npm install --cpu=wasm32`.',
    'warning',
  ),
  '@rspack/binding': napiWasm(
    'Rust core of Rspack; it may fail to load unless its wasm32-wasi build is installed with `npm install --cpu=wasm32`.',
    'warning',
  ),
  'oxc-parser': napiWasm(
    'Rust parser; it may fail to load unless its wasm32-wasi build is installed with `npm install --cpu=wasm32`.',
    'warning',
  ),

  // No remedy inside a WebContainer.
  canvas: noRemedy('Binds Cairo and Pango through a C++ addon; no maintained drop-in exists, and canvaskit-wasm has another API.'),
  '@napi-rs/canvas': noRemedy('Binds Skia through a napi-rs addon; no WebAssembly build is published.'),
  'skia-canvas': noRemedy('Binds Skia through a native addon.'),
  gl: noRemedy('Headless WebGL through a native addon.'),
  'node-pty': noRemedy('Opens pseudo-terminals through a C++ addon; a browser sandbox has no terminals to open.'),
  serialport: noRemedy('Talks to serial ports through @serialport/bindings-cpp, a C++ addon; a browser sandbox has no serial ports.'),
  '@serialport/bindings-cpp': noRemedy('C++ addon for serial ports; a browser sandbox has no serial ports.'),
  usb: noRemedy('Binds libusb through a C++ addon; a browser sandbox has no USB access.'),
  'node-hid': noRemedy('Binds hidapi through a C++ addon; a browser sandbox has no HID access.'),
  '@abandonware/noble': noRemedy('Bluetooth LE through native bindings; a browser sandbox has no Bluetooth access.'),
  zeromq: noRemedy('Binds libzmq through a C++ addon, and ZeroMQ sockets need TCP or IPC, which WebContainer lacks.'),
  kerberos: noRemedy('Binds the system Kerberos libraries through a C++ addon.'),
  libsql: noRemedy('The embedded libSQL engine ships as per-platform native addons (napi-rs); for a remote database, @libsql/client can use HTTP instead.'),
  'hnswlib-node': noRemedy('Binds the hnswlib C++ library through a native addon; no WebAssembly build is published under this name.'),
  'faiss-node': noRemedy('Binds the Faiss C++ library through a native addon.'),
  '@lancedb/lancedb': noRemedy('The LanceDB engine ships as per-platform native addons (napi-rs).'),
  'bson-ext': noRemedy('C++ addon that speeds up BSON for old MongoDB drivers; the plain bson package does the same in JavaScript.'),
  '@sentry/profiling-node': noRemedy('Samples the V8 profiler through a prebuilt native addon, which cannot load; leave profiling out of the WebContainer build.'),
  hiredis: noRemedy('Binds the hiredis C parser through a native addon; current Redis clients (redis, ioredis) parse in JavaScript.'),
  'mongodb-client-encryption': noRemedy('Binds libmongocrypt through a C++ addon; MongoDB client-side encryption cannot run.'),
  couchbase: noRemedy('Binds the Couchbase C SDK through a native addon.'),
  ibm_db: noRemedy('Binds the IBM Db2 CLI driver through a native addon.'),
  odbc: noRemedy('Binds the system ODBC driver manager through a native addon.'),
  keytar: noRemedy('Reads the operating system keychain through a C++ addon, and the package is archived.'),
  deasync: noRemedy('Blocks on the event loop through a C++ addon; rewrite the caller with async and await.'),
  robotjs: noRemedy('Controls the mouse, keyboard and screen through a C++ addon.'),
  '@hurdlegroup/robotjs': noRemedy('Controls the mouse, keyboard and screen through a C++ addon.'),
  re2: noRemedy("Binds Google's RE2 through a C++ addon; callers must fall back to JavaScript RegExp."),
  lmdb: noRemedy('Binds LMDB through a C++ addon.'),
  'node-expat': noRemedy('Binds the expat XML parser through a C++ addon; a JavaScript parser such as sax or saxes needs code changes.'),
  libxmljs: noRemedy('Binds libxml2 through a C++ addon; a JavaScript parser such as @xmldom/xmldom needs code changes.'),
  libxmljs2: noRemedy('Binds libxml2 through a C++ addon; a JavaScript parser such as @xmldom/xmldom needs code changes.'),
  'weak-napi': noRemedy('C++ addon for weak references; use the built-in WeakRef and FinalizationRegistry instead.'),
  'ffi-napi': noRemedy('Calls native libraries through a C++ addon; a browser sandbox has no native libraries to call.'),
  'ref-napi': noRemedy('Reads native memory through a C++ addon, for ffi-napi.'),
  koffi: noRemedy('Calls native libraries through a C++ addon; a browser sandbox has no native libraries to call.'),
  'isolated-vm': noRemedy('Creates V8 isolates through a C++ addon.'),
  'node-libcurl': noRemedy('Binds libcurl through a C++ addon; use the built-in fetch instead.'),
  'unix-dgram': noRemedy('Unix datagram sockets through a C++ addon.'),
  epoll: noRemedy('Linux epoll through a C++ addon, for GPIO interrupts.'),
  onoff: noRemedy('GPIO access that depends on the epoll addon; a browser sandbox has no GPIO.'),
  'i2c-bus': noRemedy('I2C bus access through a C++ addon; a browser sandbox has no I2C.'),
  'raw-socket': noRemedy('Raw IP sockets through a C++ addon.'),
  wrtc: noRemedy('WebRTC for Node.js through a native addon.'),
  '@roamhq/wrtc': noRemedy('WebRTC for Node.js through a native addon.'),
  'node-llama-cpp': noRemedy('Runs llama.cpp through a native addon.'),
  heapdump: noRemedy('Writes heap snapshots through a C++ addon; use the built-in v8.writeHeapSnapshot() instead.'),
  fibers: noRemedy('Coroutines through a C++ addon; it does not work on Node.js 16 or later, so rewrite the caller with async and await.'),
  microtime: noRemedy('Microsecond clock through a C++ addon; use the built-in performance.now() or process.hrtime.bigint() instead.'),
  iltorb: noRemedy('Brotli through a C++ addon; use the built-in zlib Brotli functions instead.'),
  'lzma-native': noRemedy('Binds liblzma through a C++ addon.'),
  diskusage: noRemedy('Reads file-system usage through a C++ addon.'),
  '@swc/html': {
    alternative: null,
    remedy: 'none',
    note: 'napi-rs addon with no WebAssembly fallback; importing it in a WebContainer fails with `Failed to load native binding`.',
    facts: ['swc-core-fallback', 'native-addons-disabled'],
  },
  '@tauri-apps/cli': {
    alternative: null,
    remedy: 'none',
    note: 'The Tauri CLI is a napi-rs addon that cannot load, and Tauri builds need cargo, which WebContainer does not have.',
    facts: [...ADDON, 'toolchains-absent'],
  },
  'tree-sitter-cli': {
    alternative: null,
    remedy: 'none',
    kind: 'executable',
    note: 'Downloads the native tree-sitter executable at install time, and native executables cannot start in WebContainer.',
    facts: EXECUTABLE,
  },
  'wasm-pack': {
    alternative: null,
    remedy: 'none',
    kind: 'executable',
    note: 'Downloads the native wasm-pack executable at install time, which cannot start in WebContainer and needs cargo anyway.',
    facts: [...EXECUTABLE, 'toolchains-absent'],
  },
};

export const NATIVE_PACKAGES: Record<string, NativePackageInfo> = deepFreeze(NATIVE_ENTRIES);
