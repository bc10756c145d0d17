// analyzeDependencyTree: native code anywhere below a package.json's direct dependencies, and package CLIs its
// scripts call, read from the governing lockfile and, when present, node_modules.

import type { DependencySection, Finding, RelatedLocation, Severity } from '../findings';
import type { NativePackageInfo } from '../native-packages';
import { LineIndex } from '../text/line-index';
import { classifyPackage, makeNativePackageLookup, type PackageClassification } from './classify-package';
import type { DependencyGraph, GraphPackage, LockfileFormat } from './dependency-graph';
import { joinPath, parentDirectory, type FileReader } from './file-reader';
import { locateLockfile, type GoverningLockfile } from './governing-lockfile';
import { EdgeIndex } from './graph-edges';
import { readManifestEntries, type ManifestDependency } from './manifest-entries';
import { findNativeCliFindings } from './native-cli';
import { findNativePackagesBehind, type NativeReach } from './native-chains';
import { attachInstalledEvidence, graphFromInstalledTree, readNodeModules, type InstalledTree } from './node-modules-reader';
import { describeReach, reachTier, SEVERITY_RANK, severityOf, worseSeverity } from './transitive-finding';
import { readWorkspacePackages, withWorkspaceFallback } from './workspace-packages';

export interface DependencyTreeOptions {
  /** Packages never reported, as direct dependencies, as native packages below them, or as CLIs. */
  ignorePackages?: string[];
  /** Table entries that take precedence over the core's native-package table. */
  extraNativePackages?: Record<string, NativePackageInfo>;
  /** False skips node_modules even when it exists. Default true. */
  readNodeModules?: boolean;
}

/** Findings plus the inputs and totals of one analysis, for status displays. */
export interface DependencyTreeReport {
  findings: Finding[];
  /** The governing lockfile, its format, and the reason it could not be read when that happened. */
  lockfile?: GoverningLockfile & { format?: LockfileFormat; error?: string };
  /** True when node_modules was read, and whether a limit cut the scan short. */
  nodeModules?: { truncated: boolean };
  /** Packages in the graph, and how many of them are native (any verdict other than pure-js, installable on linux-x64). */
  packageCount: number;
  nativePackageCount: number;
  /** Set when the analysis failed on input it did not expect; findings are then empty. */
  error?: string;
}

/** Runs inspectDependencyTree and returns its findings. Never throws, because inspectDependencyTree catches every error. */
export function analyzeDependencyTree(manifestPath: string, manifestText: string, reader: FileReader, options: DependencyTreeOptions = {}): Finding[] {
  return inspectDependencyTree(manifestPath, manifestText, reader, options).findings;
}

/**
 * Reports, for each direct dependency of the package.json at `manifestPath` (whose current text is `manifestText`),
 * one `native-transitive-dependency` finding naming the native packages it brings in, and one `unsupported-runtime` finding (with `package` set)
 * per script command whose package CLI cannot run. Reads the governing lockfile, or node_modules when there is none.
 */
export function inspectDependencyTree(manifestPath: string, manifestText: string, reader: FileReader, options: DependencyTreeOptions = {}): DependencyTreeReport {
  try {
    return inspectOrThrow(manifestPath, manifestText, reader, options);
  } catch (error) {
    // Parsers already turn bad input into results; this keeps an unforeseen shape of data from reaching the editor as an exception.
    return { findings: [], packageCount: 0, nativePackageCount: 0, error: `The dependency tree could not be analysed: ${(error as Error).message}` };
  }
}

function inspectOrThrow(manifestPath: string, manifestText: string, reader: FileReader, options: DependencyTreeOptions): DependencyTreeReport {
  const located = locateLockfile(manifestPath, reader);
  const projectDirectory = located?.directory ?? parentDirectory(manifestPath);
  const importerPath = located?.importerPath ?? '';
  const trees = options.readNodeModules === false ? [] : readInstalledTrees(reader, projectDirectory, importerPath);

  const report: DependencyTreeReport = { findings: [], packageCount: 0, nativePackageCount: 0 };
  if (trees.length > 0) report.nodeModules = { truncated: trees.some((tree) => tree.truncated) };
  if (located) {
    report.lockfile = { path: located.path, directory: located.directory, importerPath };
    if (located.read.ok) report.lockfile.format = located.read.graph.format;
    else report.lockfile.error = located.read.error;
  }

  const lockfileGraph = located?.read.ok ? located.read.graph : undefined;
  if (lockfileGraph) attachInstalledEvidence(lockfileGraph, trees);

  // yarn v1 lockfiles leave workspace packages out; the root package.json's `workspaces` globs find them on disk.
  const workspaces = lockfileGraph?.format === 'yarn-classic' ? readWorkspacePackages(reader, projectDirectory) : new Map<string, GraphPackage>();
  const graph = lockfileGraph ? withWorkspaceFallback(lockfileGraph, workspaces) : trees.length > 0 ? graphFromInstalledTree(trees[0]) : undefined;
  if (!graph) return report;

  return { ...report, ...analyzeGraph(graph, importerPath, manifestText, options) };
}

/** Reads the root node_modules, plus a workspace package's own node_modules where npm puts what it could not hoist. */
function readInstalledTrees(reader: FileReader, projectDirectory: string, importerPath: string): InstalledTree[] {
  const folders = importerPath === '' ? [projectDirectory] : [projectDirectory, joinPath(projectDirectory, importerPath)];
  return folders.map((folder) => readNodeModules(reader, folder)).filter((tree): tree is InstalledTree => tree !== undefined);
}

function analyzeGraph(graph: DependencyGraph, importerPath: string, text: string, options: DependencyTreeOptions): Pick<DependencyTreeReport, 'findings' | 'packageCount' | 'nativePackageCount'> {
  const lookup = makeNativePackageLookup(options.extraNativePackages);
  const edges = new EdgeIndex(graph);
  const classifications = new Map<GraphPackage, PackageClassification>();
  const classify = (pkg: GraphPackage): PackageClassification => {
    let classification = classifications.get(pkg);
    if (!classification) {
      classification = classifyPackage(pkg, graph, lookup);
      classifications.set(pkg, classification);
    }
    return classification;
  };

  const manifest = readManifestEntries(text);
  const lines = new LineIndex(text);
  const ignored = new Set(options.ignorePackages ?? []);
  const findings: Finding[] = [];
  const directPackages = new Map<string, GraphPackage>();

  const perDependency: { dependency: ManifestDependency; rated: RatedReach[] }[] = [];
  for (const dependency of effectiveDependencies(manifest.dependencies)) {
    const start = graph.resolveFromImporter(importerPath, dependency.name, dependency.spec);
    if (!start) continue;
    directPackages.set(dependency.name, start);
    if (ignored.has(dependency.name)) continue;

    // A direct dependency the table lists already gets analyzeManifest's `native-dependency` finding.
    const includeStart = lookup(start.name) === undefined && lookup(dependency.name) === undefined;
    const reaches = findNativePackagesBehind(start, dependency.name, edges, classify, includeStart).filter((reach) => !ignored.has(reach.pkg.name));
    perDependency.push({ dependency, rated: reaches.map((reach) => rateReach(dependency, reach)) });
  }

  const informationOwners = ownersOfInformation(perDependency, new Set(directPackages.values()));
  for (const { dependency, rated } of perDependency) {
    const reported = rated.filter((item) => item.severity !== 'information' || informationOwners.get(item.reach.pkg) === dependency);
    if (reported.length > 0) findings.push(transitiveFinding(dependency, reported, lines));
  }

  findings.push(...findNativeCliFindings(manifest, text, lines, { graph, importerPath, edges, classify, directPackages, ignored }));

  let packageCount = 0;
  let nativePackageCount = 0;
  for (const pkg of graph.packages.values()) {
    if (pkg.importerPath !== undefined) continue;
    packageCount++;
    const classification = classify(pkg);
    if (classification.verdict !== 'pure-js' && classification.installsInWebContainer) nativePackageCount++;
  }
  return { findings, packageCount, nativePackageCount };
}

/**
 * Direct dependencies as npm installs them: a name in `dependencies` wins over the same name elsewhere, and a peer
 * also listed in devDependencies is the dev one. Each name is reported once.
 */
function effectiveDependencies(dependencies: readonly ManifestDependency[]): ManifestDependency[] {
  const order: DependencySection[] = ['dependencies', 'optionalDependencies', 'devDependencies', 'peerDependencies'];
  const chosen = new Map<string, ManifestDependency>();
  for (const section of order) {
    for (const dependency of dependencies) {
      if (dependency.section === section && !chosen.has(dependency.name)) chosen.set(dependency.name, dependency);
    }
  }
  return [...chosen.values()];
}

/** Messages list this many native packages in full; related information carries every one after the first. */
const MAX_NAMED_IN_MESSAGE = 5;

interface RatedReach {
  reach: NativeReach;
  severity: Severity;
  description: string;
}

function rateReach(dependency: ManifestDependency, reach: NativeReach): RatedReach {
  const tier = reachTier(dependency.section, reach.required);
  return { reach, severity: severityOf(reach, tier), description: describeReach(reach, tier) };
}

/**
 * Picks, for each native package reported at information, the one direct dependency whose finding mentions it: none
 * when the package is itself a direct dependency, else the one with the shortest chain (the first in package.json on
 * a tie). A Vite project then hears once that esbuild is swapped, on `vite`, not again on every Vite plugin.
 * Errors and warnings stay on every direct dependency that brings the package in, because removing one does not fix it.
 */
function ownersOfInformation(perDependency: { dependency: ManifestDependency; rated: RatedReach[] }[], directPackages: ReadonlySet<GraphPackage>): Map<GraphPackage, ManifestDependency> {
  const owners = new Map<GraphPackage, { dependency: ManifestDependency; length: number }>();
  for (const { dependency, rated } of perDependency) {
    for (const { reach, severity } of rated) {
      if (severity !== 'information') continue;
      if (directPackages.has(reach.pkg) && reach.chain.length > 1) continue;

      const current = owners.get(reach.pkg);
      if (!current || reach.chain.length < current.length) owners.set(reach.pkg, { dependency, length: reach.chain.length });
    }
  }

  const result = new Map<GraphPackage, ManifestDependency>();
  for (const [pkg, owner] of owners) if (!directPackages.has(pkg) || owner.length === 1) result.set(pkg, owner.dependency);
  return result;
}

function transitiveFinding(dependency: ManifestDependency, items: RatedReach[], lines: LineIndex): Finding {
  const rated = [...items].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.reach.chain.length - b.reach.chain.length);

  const severity = rated.map((item) => item.severity).reduce(worseSeverity);
  const range = dependency.keyRange;
  const position = lines.rangeOf(range.start, range.end);
  const first = rated[0];

  const named = rated.slice(0, MAX_NAMED_IN_MESSAGE).map((item) => item.description);
  const more = rated.length > MAX_NAMED_IN_MESSAGE ? `; and ${rated.length - MAX_NAMED_IN_MESSAGE} more in the related information` : '';
  const includesItself = rated.some((item) => item.reach.chain.length === 1);
  let message: string;
  if (rated.length === 1 && includesItself) message = `${first.description}.`;
  else if (includesItself) message = `${dependency.name} and its dependencies contain native code in ${rated.length} packages: ${named.join('; ')}${more}.`;
  else message = `${dependency.name} brings in native code in ${rated.length} ${rated.length === 1 ? 'package' : 'packages'}: ${named.join('; ')}${more}.`;
  if (first.reach.classification.evidence.length > 0) message += ` Evidence for ${first.reach.pkg.name}: ${first.reach.classification.evidence.join('; ')}.`;

  const related: RelatedLocation[] = rated.slice(1).map((item) => ({
    message: `${item.description}. Evidence: ${item.reach.classification.evidence.join('; ') || 'none recorded'}.`,
    range: { ...range },
    ...position,
  }));

  return {
    rule: 'native-transitive-dependency',
    severity,
    message,
    range: { ...range },
    ...position,
    package: dependency.name,
    section: dependency.section,
    related: related.length > 0 ? related : undefined,
  };
}
