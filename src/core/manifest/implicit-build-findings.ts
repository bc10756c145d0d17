// Findings for builds that package.json implies without a script: `"gypfile": true`.

import type { Finding } from '../findings';
import type { AnalyzeOptions } from '../analyze-manifest';
import type { ManifestText } from './manifest-text';
import type { ManifestOutline } from './read-manifest';

/**
 * npm runs `node-gyp rebuild` at install when the package folder has a binding.gyp, `gypfile` is not false, and the
 * package defines neither `install` nor `preinstall` (npm 11, @npmcli/run-script). `options.hasBindingGyp` says
 * whether the file exists; when it is unknown, as for a document alone, `"gypfile": true` is taken to declare one.
 */
export function analyzeImplicitBuildFindings(manifest: ManifestText, outline: ManifestOutline, options: AnalyzeOptions): Finding[] {
  if (options.ignoreRuntimes?.includes('node-gyp')) return [];

  const gypfile = outline.gypfile?.value;
  if (gypfile === false) return [];
  const hasBindingGyp = options.hasBindingGyp ?? gypfile === true;
  if (!hasBindingGyp) return [];

  const hasInstallScript = (outline.scripts?.members ?? []).some((member) => member.name === 'install' || member.name === 'preinstall');
  if (hasInstallScript) return [];

  const cause =
    options.hasBindingGyp === undefined
      ? '"gypfile": true declares a binding.gyp, so npm runs "node-gyp rebuild" as the install script.'
      : 'This package has a binding.gyp and no install script, so npm runs "node-gyp rebuild" as the install script.';
  const message =
    `${cause} node-gyp needs Python and a C++ compiler, which WebContainers do not have, so npm install fails. ` +
    'Ship a WebAssembly build or a prebuilt JavaScript fallback instead.';

  // Without a gypfile key the finding sits on the opening brace of the manifest.
  const range = outline.gypfile ? manifest.stringContentRange(outline.gypfile.key) : { start: outline.root?.offset ?? 0, end: (outline.root?.offset ?? 0) + 1 };
  return [manifest.finding({ rule: 'native-build-script', severity: 'error', message, script: 'install', command: 'node-gyp', via: [] }, range.start, range.end)];
}
