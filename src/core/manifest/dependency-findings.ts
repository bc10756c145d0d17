// Findings for dependency sections: packages that need native code, with a swap where one exists.

import type { DependencySection, Finding, Fix, Severity } from '../findings';
import type { AnalyzeOptions } from '../analyze-manifest';
import type { NativePackageInfo } from '../native-packages';
import { lookupNativePackage, nativeSeverity } from '../native-dependency-checker';
import { NATIVE_BUILD_HELPERS } from '../native-build-helpers';
import type { ManifestText } from './manifest-text';
import type { ManifestMember, ManifestSection } from './read-manifest';

/** `"sqlite": "npm:better-sqlite3@^11"` installs better-sqlite3 under another name. */
const NPM_ALIAS = /^npm:((?:@[^/@\s]+\/)?[^@\s]+)(?:@|$)/;

export function analyzeDependencyFindings(manifest: ManifestText, sections: Map<DependencySection, ManifestSection>, options: AnalyzeOptions): Finding[] {
  const findings: Finding[] = [];

  for (const [section, content] of sections) {
    if (content.valueType !== 'object') {
      findings.push(manifest.invalidValue(`"${section}" must be an object that maps package names to version ranges.`, content.value));
      continue;
    }

    for (const member of content.members) {
      const finding = dependencyFinding(manifest, section, member, options);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

function dependencyFinding(manifest: ManifestText, section: DependencySection, member: ManifestMember, options: AnalyzeOptions): Finding | undefined {
  if (member.text === undefined) {
    return manifest.invalidValue(`The version of "${member.name}" in "${section}" must be a string.`, member.value);
  }

  const name = member.name;
  const installed = NPM_ALIAS.exec(member.text)?.[1] ?? name;
  if (options.ignorePackages?.includes(name) || options.ignorePackages?.includes(installed)) return undefined;

  const range = manifest.stringContentRange(member.key);

  // Packages at information severity (WebContainer swaps them, or their native part is optional) install and run:
  // reporting them would flag every Vite project (esbuild, rollup) although nothing fails.
  const info = findNativeInfo(installed, options);
  if (info && nativeSeverity(info, section) === 'information') return undefined;
  if (info) return nativePackageFinding(manifest, section, name, installed, info, range);

  const helper = Object.prototype.hasOwnProperty.call(NATIVE_BUILD_HELPERS, installed) ? NATIVE_BUILD_HELPERS[installed] : undefined;
  if (helper) {
    return manifest.finding(
      { rule: 'native-dependency', severity: 'warning', message: helper, package: name, section, alternative: null },
      range.start,
      range.end,
    );
  }
  return undefined;
}

function findNativeInfo(name: string, options: AnalyzeOptions): NativePackageInfo | undefined {
  if (options.extraNativePackages && Object.prototype.hasOwnProperty.call(options.extraNativePackages, name)) {
    return options.extraNativePackages[name];
  }
  return lookupNativePackage(name);
}

function nativePackageFinding(
  manifest: ManifestText,
  section: DependencySection,
  name: string,
  installed: string,
  info: NativePackageInfo,
  range: { start: number; end: number },
): Finding {
  const severity = nativeSeverity(info, section);
  const fix = swapFix(section, name, info);
  return manifest.finding(
    { rule: 'native-dependency', severity, message: nativeMessage(name, installed, info, section, severity), package: name, section, alternative: info.alternative, ...(fix ? { fix } : {}) },
    range.start,
    range.end,
  );
}

function nativeMessage(name: string, installed: string, info: NativePackageInfo, section: DependencySection, severity: Severity): string {
  const alias = installed === name ? '' : `"${name}" installs "${installed}". `;
  const verdict =
    severity === 'error'
      ? `"${installed}" needs native code, which a WebContainer cannot build or load.`
      : `"${installed}" may not work in a WebContainer.`;
  const optional = section === 'optionalDependencies' ? ' As an optional dependency, npm skips it when it fails, and whatever uses it will not work.' : '';

  // The note may already give the remedy, as sharp's gives the --cpu=wasm32 install command.
  const remedy = info.remedy === 'wasm32-install' && info.note?.includes('--cpu=wasm32') ? '' : ` ${remedyText(info)}`;
  return `${alias}${verdict} ${info.note ?? ''}${optional}${remedy}`.replace(/\s+/g, ' ').trim();
}

function remedyText(info: NativePackageInfo): string {
  switch (info.remedy) {
    case 'drop-in':
      return `Replace it with "${info.alternative}", which has the same API.`;
    case 'code-change':
      return info.alternative ? `Replace it with "${info.alternative}"; its API differs, so code changes are needed.` : 'No drop-in replacement exists.';
    case 'swapped-by-webcontainer':
      return 'WebContainer installs a WebAssembly build in its place, so no change is needed.';
    case 'wasm32-install':
      return 'Install with "npm install --cpu=wasm32" to get its WebAssembly build.';
    case 'optional-native':
      return 'Its native part is optional; the package works without it.';
    default:
      return info.alternative ? `Consider "${info.alternative}" instead.` : 'No replacement that runs in a WebContainer is known; run this project with Docker instead.';
  }
}

function swapFix(section: DependencySection, name: string, info: NativePackageInfo): Fix | undefined {
  if (!info.alternative || !info.alternativeVersion) return undefined;
  if (info.remedy !== 'drop-in' && info.remedy !== 'code-change') return undefined;
  return {
    kind: 'replace-dependency',
    section,
    package: name,
    replacement: info.alternative,
    replacementVersion: info.alternativeVersion,
    dropIn: info.remedy === 'drop-in',
  };
}
