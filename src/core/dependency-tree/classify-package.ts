// Gives each package one verdict on its native code, with the evidence behind it.
// Order of precedence: the core's native-package table, known binary downloaders, per-platform binary families,
// a per-platform member itself, native build signals, shipped `.node` files, and last a bare install-script flag.

import { lookupNativePackage } from '../native-dependency-checker';
import { NATIVE_PACKAGES, type NativePackageInfo } from '../native-packages';
import type { DependencyGraph, GraphPackage } from './dependency-graph';
import {
  ADDON_HELPER_PACKAGES,
  BINARY_DOWNLOADERS,
  INSTALL_SCRIPT_FALSE_POSITIVES,
  NATIVE_INSTALL_TOOL,
  SELF_FALLBACK_PACKAGES,
  UNCONFIRMED_IN_WEBCONTAINER,
} from './native-signals';
import { installsInWebContainer, isWasm32Only, KNOWN_PACKAGE_OS, platformFromPackageName } from './webcontainer-platform';

/**
 * - `native-build`: builds or loads a native addon that it compiles or downloads at install time;
 * - `platform-binary`: ships a prebuilt binary for the host platform (per-platform packages, `.node` files);
 * - `wasm32`: has a WebAssembly build that `npm install --cpu=wasm32` selects;
 * - `swapped`: WebContainer installs a WebAssembly build in its place;
 * - `optional-native`: its native part is optional and it works without it;
 * - `pure-js`: no native signal found.
 */
export type NativeVerdict = 'native-build' | 'platform-binary' | 'wasm32' | 'swapped' | 'optional-native' | 'pure-js';

export interface PackageClassification {
  verdict: NativeVerdict;
  /** Why: one short phrase per signal. Empty for `pure-js` without a notable signal. */
  evidence: readonly string[];
  /** `possible` when the only signal is an install script whose command the lockfile does not record. */
  certainty: 'confirmed' | 'possible';
  /** False when the package's os/cpu exclude linux-x64, so npm never installs it in a WebContainer. */
  installsInWebContainer: boolean;
  /** The per-platform optionalDependencies this package's verdict stands for; they are not reported on their own. */
  platformMembers?: ReadonlySet<string>;
  /** Why findings about this package stay at information: WebContainer's handling of it is unconfirmed. */
  unconfirmed?: string;
  /** The native-package table entry, when the table lists the package. */
  tableEntry?: NativePackageInfo;
}

/** Extra table entries from settings; they take precedence over the core's table, as in analyzeManifest. */
export type NativePackageLookup = (name: string) => NativePackageInfo | undefined;

export function makeNativePackageLookup(extra: Record<string, NativePackageInfo> | undefined): NativePackageLookup {
  // A set of the table's names, built per call so later table edits count, skips lookupNativePackage's name rules
  // for the many packages the table does not list.
  const listed = new Set(Object.keys(NATIVE_PACKAGES));
  const core: NativePackageLookup = (name) => (listed.has(name) ? lookupNativePackage(name) : undefined);
  if (!extra) return core;
  return (name) => (hasOwn(extra, name) ? extra[name] : core(name));
}

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

const PURE_JS: Readonly<PackageClassification> = Object.freeze({ verdict: 'pure-js', evidence: Object.freeze([]), certainty: 'confirmed', installsInWebContainer: true });

const TABLE_VERDICTS: Partial<Record<NativePackageInfo['remedy'], NativeVerdict>> = {
  'swapped-by-webcontainer': 'swapped',
  'wasm32-install': 'wasm32',
  'optional-native': 'optional-native',
};

/** Classifies one package of `graph`. Pure and cheap for packages without native signals. */
export function classifyPackage(pkg: GraphPackage, graph: DependencyGraph, lookup: NativePackageLookup = makeNativePackageLookup(undefined)): PackageClassification {
  if (hasNoSignal(pkg, lookup)) return PURE_JS;

  const installs = installsInWebContainer(pkg.os ?? KNOWN_PACKAGE_OS.get(pkg.name), pkg.cpu);
  const tableEntry = lookup(pkg.name);
  const family = pkg.optionalDependencies ? readPlatformFamily(pkg, graph) : undefined;
  const unconfirmed = UNCONFIRMED_IN_WEBCONTAINER.get(pkg.name);

  if (tableEntry) return classifyFromTable(pkg, tableEntry, family, installs);

  const downloads = BINARY_DOWNLOADERS.get(pkg.name);
  if (downloads) return { verdict: 'platform-binary', evidence: [downloads], certainty: 'confirmed', installsInWebContainer: installs };

  const fallback = SELF_FALLBACK_PACKAGES.get(pkg.name);
  if (fallback && family?.linuxX64Members.length) {
    return { verdict: 'optional-native', evidence: [fallback, ...family.evidence], certainty: 'confirmed', installsInWebContainer: installs, platformMembers: family.members };
  }

  if (family?.linuxX64Members.length) {
    const verdict = family.wasm32Members.length > 0 ? 'wasm32' : 'platform-binary';
    return { verdict, evidence: family.evidence, certainty: 'confirmed', installsInWebContainer: installs, platformMembers: family.members, unconfirmed };
  }

  if (pkg.cpu && !isWasm32Only(pkg.cpu)) {
    return { verdict: 'platform-binary', evidence: [`a per-platform build (${describePlatform(pkg)})`], certainty: 'confirmed', installsInWebContainer: installs };
  }
  if (isWasm32Only(pkg.cpu)) {
    return { verdict: 'wasm32', evidence: ['a WebAssembly build (cpu: wasm32)'], certainty: 'confirmed', installsInWebContainer: false };
  }

  return classifyFromSignals(pkg, installs);
}

/** True for the common package with nothing to look at: no table entry, platform fields, install script or addon helper. */
function hasNoSignal(pkg: GraphPackage, lookup: NativePackageLookup): boolean {
  if (pkg.optionalDependencies || pkg.os || pkg.cpu || pkg.installed || pkg.hasInstallScript) return false;
  if (lookup(pkg.name) || BINARY_DOWNLOADERS.has(pkg.name) || KNOWN_PACKAGE_OS.has(pkg.name)) return false;

  const dependencies = pkg.dependencies;
  if (dependencies) for (const name in dependencies) if (ADDON_HELPER_PACKAGES.has(name)) return false;
  return true;
}

function classifyFromTable(pkg: GraphPackage, tableEntry: NativePackageInfo, family: PlatformFamily | undefined, installs: boolean): PackageClassification {
  const evidence = [`native-package table (remedy: ${tableEntry.remedy})${tableEntry.note ? `: ${tableEntry.note.replace(/\.$/, '')}` : ''}`];
  const signals = collectBuildSignals(pkg);
  const shipsBinary = Boolean(family?.linuxX64Members.length) || (signals.binaryFiles.length > 0 && signals.build.length === 0);
  const verdict = TABLE_VERDICTS[tableEntry.remedy] ?? (shipsBinary ? 'platform-binary' : 'native-build');

  evidence.push(...(family?.linuxX64Members.length ? family.evidence : []), ...signals.build, ...signals.optionalBuild, ...signals.binaryFiles);
  const failing = verdict === 'native-build' || verdict === 'platform-binary';
  return {
    verdict,
    evidence,
    certainty: 'confirmed',
    installsInWebContainer: installs,
    platformMembers: family?.members,
    unconfirmed: failing ? UNCONFIRMED_IN_WEBCONTAINER.get(pkg.name) : undefined,
    tableEntry,
  };
}

function classifyFromSignals(pkg: GraphPackage, installs: boolean): PackageClassification {
  const signals = collectBuildSignals(pkg);
  if (signals.build.length > 0) return { verdict: 'native-build', evidence: [...signals.build, ...signals.binaryFiles], certainty: 'confirmed', installsInWebContainer: installs };
  if (signals.binaryFiles.length > 0) return { verdict: 'platform-binary', evidence: signals.binaryFiles, certainty: 'confirmed', installsInWebContainer: installs };
  // ssh2 lists nan among its optionalDependencies: its install script tries an optional addon and goes on without it.
  if (signals.optionalBuild.length > 0) return { verdict: 'optional-native', evidence: signals.optionalBuild, certainty: 'confirmed', installsInWebContainer: installs };

  const falsePositive = INSTALL_SCRIPT_FALSE_POSITIVES.get(pkg.name);
  const hasInstallScript = pkg.hasInstallScript === true || Object.keys(pkg.installed?.installScripts ?? {}).length > 0;
  if (!hasInstallScript) return installs ? PURE_JS : { ...PURE_JS, installsInWebContainer: false };

  if (falsePositive) return { verdict: 'pure-js', evidence: [`its install script builds nothing: ${falsePositive}`], certainty: 'confirmed', installsInWebContainer: installs };

  // With the package installed its scripts are known and none runs a native tool; without it only the flag is known.
  if (pkg.installed) {
    const scripts = Object.entries(pkg.installed.installScripts).map(([name, script]) => `${name}: ${script}`);
    const evidence = scripts.length > 0 ? [`install scripts run no native build tool (${scripts.join('; ')})`] : [];
    return { verdict: 'pure-js', evidence, certainty: 'confirmed', installsInWebContainer: installs };
  }
  return { verdict: 'native-build', evidence: ['runs an install script that the lockfile does not show (hasInstallScript or requiresBuild)'], certainty: 'possible', installsInWebContainer: installs };
}

interface BuildSignals {
  /** Signals of a build or of a binary download at install time. */
  build: string[];
  /** Addon helpers listed only among optionalDependencies, so the native part is optional. */
  optionalBuild: string[];
  /** Prebuilt binaries found on disk. */
  binaryFiles: string[];
}

function collectBuildSignals(pkg: GraphPackage): BuildSignals {
  const build: string[] = [];
  const optionalBuild: string[] = [];
  const binaryFiles: string[] = [];
  const installed = pkg.installed;

  if (installed) {
    if (installed.gypfile) build.push('"gypfile": true in package.json');
    for (const [name, script] of Object.entries(installed.installScripts)) {
      const tool = NATIVE_INSTALL_TOOL.exec(script)?.[1];
      if (tool) build.push(`${name} script runs ${tool}: "${script}"`);
    }
    if (installed.hasBindingGyp) {
      const implicit = Object.keys(installed.installScripts).length === 0 ? ' (npm runs node-gyp rebuild for it)' : '';
      build.push(`binding.gyp at the package root${implicit}`);
    }
    if (installed.hasBinaryField) build.push('"binary" field in package.json (node-pre-gyp)');
    binaryFiles.push(...installed.nodeFiles.map((file) => `native addon file ${file}`));
    if (installed.hasPrebuildsDirectory) binaryFiles.push('prebuilds/ directory of prebuilt addons');
  }

  for (const name of addonHelpersIn(pkg.dependencies)) build.push(`depends on ${name}`);
  for (const name of addonHelpersIn(pkg.optionalDependencies)) optionalBuild.push(`optionalDependencies include ${name}, so the native part is optional`);
  return { build, optionalBuild, binaryFiles };
}

function addonHelpersIn(map: Record<string, string> | undefined): string[] {
  const found: string[] = [];
  if (map) for (const name in map) if (ADDON_HELPER_PACKAGES.has(name)) found.push(name);
  return found;
}

interface PlatformFamily {
  members: ReadonlySet<string>;
  linuxX64Members: string[];
  wasm32Members: string[];
  evidence: string[];
}

/**
 * Reads the per-platform members among a package's optionalDependencies, from their os/cpu in the graph, or from
 * their names when the lockfile records no os/cpu. A family counts only when a member installs on linux-x64, so
 * chokidar's macOS-only `fsevents` does not make chokidar native.
 */
function readPlatformFamily(pkg: GraphPackage, graph: DependencyGraph): PlatformFamily | undefined {
  const members = new Set<string>();
  const linuxX64Members: string[] = [];
  const wasm32Members: string[] = [];

  for (const [name, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    const member = graph.resolveFromPackage(pkg, name, spec);
    const fromName = platformFromPackageName(name);

    if (member && (member.os || member.cpu)) {
      members.add(name);
      if (isWasm32Only(member.cpu)) wasm32Members.push(name);
      else if (installsInWebContainer(member.os, member.cpu)) linuxX64Members.push(name);
    } else if (fromName) {
      members.add(name);
      if (fromName.wasm32) wasm32Members.push(name);
      else if (fromName.linuxX64) linuxX64Members.push(name);
    }
  }

  if (members.size === 0) return undefined;

  const evidence = [`optionalDependencies hold ${members.size} per-platform builds; linux-x64 installs ${linuxX64Members.join(', ') || 'none'}`];
  if (wasm32Members.length > 0) evidence.push(`${wasm32Members.join(', ')} is a WebAssembly build: install with npm install --cpu=wasm32`);
  return { members, linuxX64Members, wasm32Members, evidence };
}

function describePlatform(pkg: GraphPackage): string {
  const parts: string[] = [];
  if (pkg.os) parts.push(`os: ${pkg.os.join(', ')}`);
  if (pkg.cpu) parts.push(`cpu: ${pkg.cpu.join(', ')}`);
  if (pkg.libc) parts.push(`libc: ${pkg.libc.join(', ')}`);
  return parts.join('; ');
}
