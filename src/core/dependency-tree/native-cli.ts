// Package CLIs that scripts call, resolved through the `bin` fields of the dependency tree, when the CLI is a
// platform binary, downloads one, or launches a native dependency.

import type { Finding, Severity } from '../findings';
import { commandBaseName } from '../scripts/command-name';
import { findScriptSteps } from '../scripts/find-invocations';
import { decodedToSourceOffsets } from '../text/json-string-offsets';
import type { LineIndex } from '../text/line-index';
import type { PackageClassification } from './classify-package';
import type { DependencyGraph, GraphPackage } from './dependency-graph';
import type { EdgeIndex } from './graph-edges';
import type { ManifestEntries } from './manifest-entries';
import { CLI_NATIVE_DEPENDENCIES } from './native-signals';

export interface NativeCliContext {
  graph: DependencyGraph;
  importerPath: string;
  edges: EdgeIndex;
  classify: (pkg: GraphPackage) => PackageClassification;
  /** The project's direct dependencies, resolved, by name. */
  directPackages: ReadonlyMap<string, GraphPackage>;
  ignored: ReadonlySet<string>;
}

/** Finds the command words in `scripts` whose package CLI cannot run in a WebContainer: one `unsupported-runtime` finding each, with `package` set. */
export function findNativeCliFindings(manifest: ManifestEntries, text: string, lines: LineIndex, context: NativeCliContext): Finding[] {
  const binaries = commandPackages(context);
  if (binaries.size === 0) return [];

  const scriptNames = new Set(manifest.scripts.map((script) => script.name));
  const findings: Finding[] = [];

  for (const script of manifest.scripts) {
    let sourceOffsets: number[] | undefined;
    for (const step of safeScriptSteps(script.value, scriptNames)) {
      if (step.kind !== 'command') continue;

      const command = commandBaseName(step.word.text);
      const pkg = binaries.get(command);
      if (!pkg || context.ignored.has(pkg.name)) continue;

      const problem = describeCliProblem(command, pkg, context);
      if (!problem) continue;

      sourceOffsets ??= decodedToSourceOffsets(text, script.valueRange.start, script.valueRange.end);
      const start = sourceOffsets[step.word.offsets[0]] ?? script.valueRange.start;
      const end = sourceOffsets[step.word.offsets[step.word.text.length]] ?? script.valueRange.end;
      findings.push({
        rule: 'unsupported-runtime',
        severity: problem.severity,
        message: problem.message,
        range: { start, end },
        ...lines.rangeOf(start, end),
        script: script.name,
        command: step.word.text,
        package: pkg.name,
      });
    }
  }
  return findings;
}

function safeScriptSteps(script: string, scriptNames: ReadonlySet<string>): ReturnType<typeof findScriptSteps> {
  try {
    return findScriptSteps(script, scriptNames);
  } catch {
    // The script parser rejects some shell syntax; such a script gets no CLI finding rather than an exception.
    return [];
  }
}

/**
 * Command names the project can run, mapped to the package that provides them: the direct dependencies first, then
 * hoisted packages at the top of node_modules. pnpm and yarn v1 lockfiles record no bin names, so for them a direct
 * dependency's name without its scope is used as its command (`@biomejs/biome` gives `biome`).
 */
function commandPackages(context: NativeCliContext): Map<string, GraphPackage> {
  const binaries = new Map<string, GraphPackage>();
  const format = context.graph.format;
  const add = (pkg: GraphPackage): void => {
    const guessName = (format === 'pnpm' && pkg.hasBin) || format === 'yarn-classic';
    const names = pkg.binNames ?? (guessName ? [pkg.name.slice(pkg.name.lastIndexOf('/') + 1)] : []);
    for (const name of names) if (!binaries.has(name)) binaries.set(name, pkg);
  };

  for (const pkg of context.directPackages.values()) add(pkg);

  const hoistedPrefixes = ['node_modules/', context.importerPath === '' ? undefined : `${context.importerPath}/node_modules/`];
  for (const pkg of context.graph.packages.values()) {
    if (!pkg.binNames) continue;
    const hoisted = hoistedPrefixes.some((prefix) => prefix !== undefined && pkg.key.startsWith(prefix) && !pkg.key.slice(prefix.length).includes('/node_modules/'));
    const topLevelBun = context.graph.format === 'bun' && pkg.key === pkg.name;
    if (hoisted || topLevelBun) add(pkg);
  }
  return binaries;
}

function describeCliProblem(command: string, pkg: GraphPackage, context: NativeCliContext): { severity: Severity; message: string } | undefined {
  const own = context.classify(pkg);
  const ownProblem = describeNativeCli(own);
  if (ownProblem && own.certainty === 'confirmed') {
    return { severity: ownProblem.severity, message: `\`${command}\` runs the CLI of ${pkg.name}, which ${ownProblem.phrase}. Evidence: ${own.evidence.join('; ')}.` };
  }

  const launchedName = CLI_NATIVE_DEPENDENCIES.get(pkg.name);
  const launchedEdge = launchedName === undefined ? undefined : context.edges.edgesOf(pkg).find((edge) => edge.name === launchedName);
  const launched = launchedEdge ? context.classify(launchedEdge.target) : undefined;
  const launchedProblem = launched ? describeNativeCli(launched) : undefined;

  // A confirmed problem of the launched dependency is more specific than an install-script flag of the CLI package itself.
  if (!launched || !launchedProblem || (ownProblem && launched.certainty !== 'confirmed')) {
    return ownProblem ? { severity: ownProblem.severity, message: `\`${command}\` runs the CLI of ${pkg.name}, which ${ownProblem.phrase}. Evidence: ${own.evidence.join('; ')}.` } : undefined;
  }
  return {
    severity: launchedProblem.severity,
    message: `\`${command}\` runs the CLI of ${pkg.name}, which uses ${launchedName}; ${launchedName} ${launchedProblem.phrase}. Evidence: ${launched.evidence.join('; ')}.`,
  };
}

/** Describes the problem a CLI package's verdict means, or returns undefined when its CLI runs in a WebContainer. */
function describeNativeCli(classification: PackageClassification): { severity: Severity; phrase: string } | undefined {
  if (!classification.installsInWebContainer || classification.unconfirmed) return undefined;

  switch (classification.verdict) {
    case 'platform-binary':
      return { severity: 'error', phrase: 'ships or downloads a platform binary that a WebContainer cannot run' };
    case 'native-build':
      return classification.certainty === 'confirmed'
        ? { severity: 'error', phrase: 'needs a native build, which fails in a WebContainer' }
        : { severity: 'warning', phrase: 'runs an install script that may build native code' };
    case 'wasm32':
      return { severity: 'information', phrase: 'ships a platform binary by default and works when installed with npm install --cpu=wasm32' };
    default:
      return undefined;
  }
}
