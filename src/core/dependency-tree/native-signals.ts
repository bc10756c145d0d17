// Names and patterns that show a package carries native code, and the known exceptions.
// Signals follow how npm and the addon tool chains work: node-gyp builds from binding.gyp, prebuild-install and
// node-pre-gyp download a prebuilt `.node` file, node-gyp-build and bindings load one at run time.

/** Packages that only an addon depends on: build helpers, header libraries and `.node` loaders. */
export const ADDON_HELPER_PACKAGES: ReadonlySet<string> = new Set([
  'nan',
  'node-addon-api',
  'bindings',
  'node-gyp-build',
  // A fork of node-gyp-build that loads prebuilt binaries from per-platform packages (lmdb, msgpackr-extract).
  'node-gyp-build-optional-packages',
  'prebuild-install',
  '@mapbox/node-pre-gyp',
  'node-pre-gyp',
  'cmake-js',
]);

/** Tools whose presence in a preinstall, install or postinstall script means a native build or a binary download. */
export const NATIVE_INSTALL_TOOL = /\b(node-gyp|node-gyp-build|prebuild-install|node-pre-gyp|cmake-js|napi-postinstall)\b/;

/** The lifecycle scripts npm runs when a package is installed. */
export const INSTALL_LIFECYCLE_SCRIPTS = ['preinstall', 'install', 'postinstall'] as const;

/**
 * Packages whose install script builds nothing, so `hasInstallScript` alone must not mark them native.
 * Each value describes what the script does.
 */
export const INSTALL_SCRIPT_FALSE_POSITIVES: ReadonlyMap<string, string> = new Map([
  ['core-js', 'postinstall prints a funding message'],
  ['core-js-pure', 'postinstall prints a funding message'],
  ['protobufjs', 'postinstall checks the version of its command-line tools'],
  ['@apollo/protobufjs', 'postinstall checks the version of its command-line tools'],
  ['vue-demi', 'postinstall switches its entry files between Vue 2 and Vue 3'],
  ['es5-ext', 'postinstall prints a message'],
  ['styled-components', 'postinstall of older 5.x releases prints a funding message'],
  ['nodemon', 'postinstall prints a funding message'],
  ['ejs', 'postinstall of older 3.x releases prints a message'],
  ['@fortawesome/fontawesome-free', 'postinstall prints an attribution message (5.x)'],
  ['gatsby', 'postinstall fetches the list of current Gatsby APIs and ignores failures'],
  ['gatsby-cli', 'postinstall prints a welcome message after a global install'],
  ['husky', 'install writes Git hooks (version 4)'],
  ['yorkie', 'install writes Git hooks'],
  ['pre-commit', 'install writes a Git hook'],
  ['pre-push', 'install writes a Git hook'],
  ['spawn-sync', 'postinstall does nothing on Node.js 0.12 and later, which have child_process.spawnSync'],
  ['simple-git-hooks', 'postinstall writes Git hooks'],
  ['msw', 'postinstall copies its service worker script into the public folder'],
  ['prisma', 'preinstall checks the Node.js and package manager versions; the engines come from @prisma/engines'],
]);

/**
 * Packages whose install script downloads a platform binary that a WebContainer cannot run or load.
 * Each value names what is downloaded.
 */
export const BINARY_DOWNLOADERS: ReadonlyMap<string, string> = new Map([
  ['@prisma/engines', "postinstall downloads Prisma's query and schema engines, native binaries for the host platform"],
  ['@sentry/cli', 'install downloads the sentry-cli executable for the host platform'],
  ['ffmpeg-static', 'install downloads an ffmpeg executable for the host platform'],
  ['electron', 'postinstall downloads the Electron executable for the host platform'],
  ['cypress', 'postinstall downloads the Cypress application for the host platform'],
  ['puppeteer', 'postinstall downloads a Chrome build for the host platform'],
]);

/**
 * Package CLIs that are thin JavaScript launchers for a native dependency: running the CLI runs or loads that
 * dependency. Keyed by the CLI package, valued by the dependency.
 */
export const CLI_NATIVE_DEPENDENCIES: ReadonlyMap<string, string> = new Map([
  // `wrangler dev` starts workerd, which ships as per-platform @cloudflare/workerd-* executables.
  ['wrangler', 'workerd'],
  // prisma migrate, db and studio run the engines @prisma/engines downloads.
  ['prisma', '@prisma/engines'],
]);

/**
 * Packages with per-platform native builds that load a WebAssembly build by themselves when the native one fails, so
 * their native part is optional. Used when the native-package table does not list them.
 */
export const SELF_FALLBACK_PACKAGES: ReadonlyMap<string, string> = new Map([
  ['next', 'Next.js falls back to @next/swc-wasm-nodejs when its @next/swc-* binary cannot load, as it does in a WebContainer'],
]);

/**
 * Packages with per-platform native builds where how WebContainer treats them is not confirmed by any public source,
 * so findings about them stay at information. Rollup 4 ships its parser as @rollup/rollup-* binaries, yet Vite
 * projects, which need it, run in WebContainers as StackBlitz's own starters show.
 */
export const UNCONFIRMED_IN_WEBCONTAINER: ReadonlyMap<string, string> = new Map([
  ['rollup', 'Vite projects, which use Rollup 4, run in WebContainers, but how WebContainer loads its native parser is unconfirmed; @rollup/wasm-node is a drop-in replacement'],
]);
