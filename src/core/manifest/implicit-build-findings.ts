// Findings for builds that package.json implies without a script: `"gypfile": true`.

import type { Node } from 'jsonc-parser';
import type { Finding } from '../findings';
import type { AnalyzeOptions } from '../analyze-manifest';
import type { ManifestText } from './manifest-text';

/**
 * npm runs `node-gyp rebuild` at install when `gypfile` is true (or a binding.gyp exists) and the package defines
 * neither `install` nor `preinstall`. Only the manifest is read here; the binding.gyp case needs the file system.
 */
export function analyzeImplicitBuildFindings(manifest: ManifestText, properties: Map<string, Node>, options: AnalyzeOptions): Finding[] {
  const gypfile = properties.get('gypfile');
  const value = gypfile?.children?.[1];
  if (!gypfile || value?.type !== 'boolean' || value.value !== true) return [];
  if (options.ignoreRuntimes?.includes('node-gyp')) return [];

  const scripts = properties.get('scripts')?.children?.[1];
  const hasInstallScript = (scripts?.children ?? []).some((property) => {
    const name = property.children?.[0]?.value;
    return name === 'install' || name === 'preinstall';
  });
  if (hasInstallScript) return [];

  const key = gypfile.children?.[0];
  if (!key) return [];
  const range = manifest.stringContentRange(key);
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
