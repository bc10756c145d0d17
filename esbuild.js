// Builds the bundles in dist/. Flags: --production minifies, --watch rebuilds on change.
// Type checking is separate (`npm run typecheck`), because esbuild strips types without checking them.
'use strict';

const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Each bundle: entry point, output file, platform and any extra options. */
const bundles = [
  { entryPoints: ['src/core/index.ts'], outfile: 'dist/core.js', platform: 'node' },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/cli/npm-check.ts'], outfile: 'dist/npm-check.js', platform: 'node' },
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', external: ['vscode'] },
  { entryPoints: ['src/extension/analysis-worker.ts'], outfile: 'dist/analysis-worker.js', platform: 'node' },
  { entryPoints: ['src/extension/analysis-module.ts'], outfile: 'dist/analysis.js', platform: 'node' },
  { entryPoints: ['src/driver/index.ts'], outfile: 'dist/driver.js', platform: 'node' },
  { entryPoints: ['src/webview/sandbox-page.ts'], outfile: 'dist/webview/sandbox.js', platform: 'browser', format: 'iife', target: 'es2022' },
];

/** Prints errors in the `file:line:column: error: text` shape that VS Code's esbuild problem matcher reads. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

function optionsFor(bundle) {
  return {
    bundle: true,
    format: 'cjs',
    target: 'node20',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    // jsonc-parser's `main` is a UMD build whose require('./impl/format') calls esbuild cannot follow,
    // so the bundle would throw MODULE_NOT_FOUND at load; its `module` entry is plain ES modules.
    mainFields: ['module', 'main'],
    // bash-parser loads babylon only for `$(( ))`, which parseCommands never passes to it (see no-arithmetic-parser.ts).
    alias: { babylon: './src/core/scripts/no-arithmetic-parser.ts' },
    logLevel: 'warning',
    ...bundle,
    plugins: watch ? [problemMatcherPlugin] : [],
  };
}

async function main() {
  // Entry points that a later feature adds are skipped until their file exists.
  const present = bundles.filter((bundle) => fs.existsSync(path.join(__dirname, bundle.entryPoints[0])));

  if (watch) {
    const contexts = await Promise.all(present.map((bundle) => esbuild.context(optionsFor(bundle))));
    await Promise.all(contexts.map((context) => context.watch()));
    return;
  }

  await Promise.all(present.map((bundle) => esbuild.build(optionsFor(bundle))));
  fs.chmodSync(path.join(__dirname, 'dist/cli.js'), 0o755);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
