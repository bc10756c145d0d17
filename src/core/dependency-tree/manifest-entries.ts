// The parts of a package.json the dependency-tree analysis reports on, with their source ranges.
// Parsing tolerates broken JSON, because the text is often mid-edit in the editor.

import { parseTree, type Node } from 'jsonc-parser';
import { DEPENDENCY_SECTIONS, type DependencySection, type OffsetRange } from '../findings';

export interface ManifestDependency {
  section: DependencySection;
  name: string;
  /** The version range as written, or '' when the value is not a string. */
  spec: string;
  /** The property key, quotes included. */
  keyRange: OffsetRange;
}

export interface ManifestScript {
  name: string;
  value: string;
  /** The string literal, quotes included. */
  valueRange: OffsetRange;
}

export interface ManifestEntries {
  name: string | undefined;
  dependencies: ManifestDependency[];
  scripts: ManifestScript[];
}

/** Reads the dependency sections and scripts of a package.json text. Missing or mistyped parts are skipped. */
export function readManifestEntries(text: string): ManifestEntries {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const entries: ManifestEntries = { name: undefined, dependencies: [], scripts: [] };
  if (!root || root.type !== 'object') return entries;

  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;

    const key = keyNode.value as string;
    if (key === 'name' && valueNode.type === 'string') entries.name = valueNode.value as string;
    else if (key === 'scripts') entries.scripts.push(...readScripts(valueNode));
    else if ((DEPENDENCY_SECTIONS as readonly string[]).includes(key)) entries.dependencies.push(...readSection(key as DependencySection, valueNode));
  }
  return entries;
}

function readSection(section: DependencySection, node: Node): ManifestDependency[] {
  if (node.type !== 'object') return [];

  const dependencies: ManifestDependency[] = [];
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode) continue;
    dependencies.push({
      section,
      name: keyNode.value as string,
      spec: valueNode?.type === 'string' ? (valueNode.value as string) : '',
      keyRange: { start: keyNode.offset, end: keyNode.offset + keyNode.length },
    });
  }
  return dependencies;
}

function readScripts(node: Node): ManifestScript[] {
  if (node.type !== 'object') return [];

  const scripts: ManifestScript[] = [];
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || valueNode?.type !== 'string') continue;
    scripts.push({ name: keyNode.value as string, value: valueNode.value as string, valueRange: { start: valueNode.offset, end: valueNode.offset + valueNode.length } });
  }
  return scripts;
}
