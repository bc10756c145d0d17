// Findings for builds that package.json implies without a script: `"gypfile": true`.

import type { Finding } from '../findings';
import type { AnalyzeOptions } from '../analyze-manifest';
import type { ManifestText } from './manifest-text';
import type { ManifestOutline } from './read-manifest';

/**
 * npm runs `node-gyp rebuild` at install when `gypfile` is true (or a binding.gyp exists) and the package defines
 * neither `install` nor `preinstall`. Only the manifest is read here; the binding.gyp case needs the file system.
 */
export function analyzeImplicitBuildFindings(manifest: ManifestText, outline: ManifestOutline, options: AnalyzeOptions): Finding[] {
  if (outline.gypfile?.value !== true) return [];
  if (options.ignoreRuntimes?.includes('node-gyp')) return [];

  const hasInstallScript = (outline.scripts?.members ?? []).some((member) => member.name === 'install' || member.name === 'preinstall');
  if (hasInstallScript) return [];

  const range = manifest.stringContentRange(outline.gypfile.key);
  return [
    manifest.finding(
      {
        rule: 'native-build-script',
        severity: 'error',
        message:
          '"gypfile": true makes npm run "node-gyp rebuild" as the install script, which needs Python and a C++ compiler. ' +
          'WebContainers have neither, so npm install fails. Ship a WebAssembly build or a prebuilt JavaScript fallback instead.',
        script: 'install',
        command: 'node-gyp',
        via: [],
      },
      range.start,
      range.end,
    ),
  ];
}
