// Packages whose presence as a dependency means the package itself builds or loads a native addon.

/** Package name to the message shown on it. Each is a build or loading helper for native addons. */
export const NATIVE_BUILD_HELPERS: Record<string, string> = {
  nan: '"nan" provides C++ headers for writing native addons, so this package builds one, which WebContainers cannot compile or load.',
  'node-addon-api': '"node-addon-api" provides C++ headers for Node-API addons, so this package builds one, which WebContainers cannot compile or load.',
  bindings: '"bindings" loads compiled .node files, so this package loads a native addon, which WebContainers cannot load.',
  'node-gyp-build': '"node-gyp-build" loads or builds a native addon, which WebContainers cannot compile or load.',
  'prebuild-install': '"prebuild-install" downloads a prebuilt native addon at install time, which WebContainers cannot load.',
  '@mapbox/node-pre-gyp': '"@mapbox/node-pre-gyp" downloads or builds a native addon at install time, which WebContainers cannot compile or load.',
  'node-pre-gyp': '"node-pre-gyp" downloads or builds a native addon at install time, which WebContainers cannot compile or load.',
  'cmake-js': '"cmake-js" builds native addons with CMake and a C++ compiler, neither of which WebContainers have.',
  '@wasm-tool/wasm-pack-plugin': '"@wasm-tool/wasm-pack-plugin" runs wasm-pack and the Rust toolchain during the webpack build, and WebContainers have no Rust toolchain.',
};
