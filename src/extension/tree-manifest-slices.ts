// The parts of a package.json that the dependency-tree analysis reads (`name`, `scripts` and the dependency
// sections), as exact text slices. Two texts with equal slices get the same tree findings, only moved, so a
// cached report can follow edits elsewhere in the file without reading the lockfile again. No vscode import.

import { parseTree } from 'jsonc-parser';
import { DEPENDENCY_SECTIONS, type Finding, type OffsetRange, type RelatedLocation } from '../core/findings';
import { LineIndex } from '../core/text/line-index';

/** One top-level property, key and value, as written. */
export interface ManifestSlice {
  key: string;
  /** UTF-16 offset of the property's first character. */
  offset: number;
  text: string;
}

const TREE_KEYS: ReadonlySet<string> = new Set(['name', 'scripts', ...DEPENDENCY_SECTIONS]);

/** Returns the slices in file order; a text that is not a JSON object has none. */
export function treeManifestSlices(text: string): ManifestSlice[] {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!root || root.type !== 'object') return [];

  const slices: ManifestSlice[] = [];
  for (const property of root.children ?? []) {
    const key = property.children?.[0]?.value;
    if (typeof key !== 'string' || !TREE_KEYS.has(key)) continue;
    slices.push({ key, offset: property.offset, text: text.slice(property.offset, property.offset + property.length) });
  }
  return slices;
}

/** Serializes the keys and texts of `slices`, so that two lists are equal exactly when their signatures are. */
export function sliceSignature(slices: readonly ManifestSlice[]): string {
  return JSON.stringify(slices.map((slice) => [slice.key, slice.text]));
}

/**
 * Moves findings computed for a text with `from` slices onto a text with `to` slices and the same signature.
 * Returns undefined when a range lies outside every slice, because such a finding cannot be placed safely.
 */
export function moveFindings(findings: readonly Finding[], from: readonly ManifestSlice[], to: readonly ManifestSlice[], text: string): Finding[] | undefined {
  if (sliceSignature(from) !== sliceSignature(to)) return undefined;

  const lines = new LineIndex(text);
  const moved: Finding[] = [];
  for (const finding of findings) {
    const range = moveRange(finding.range, from, to);
    if (!range) return undefined;

    const related: RelatedLocation[] = [];
    for (const location of finding.related ?? []) {
      const relatedRange = moveRange(location.range, from, to);
      if (!relatedRange) return undefined;
      related.push({ ...location, range: relatedRange, ...lines.rangeOf(relatedRange.start, relatedRange.end) });
    }

    const movedFinding: Finding = { ...finding, range, ...lines.rangeOf(range.start, range.end) };
    if (finding.related) movedFinding.related = related;
    moved.push(movedFinding);
  }
  return moved;
}

function moveRange(range: OffsetRange, from: readonly ManifestSlice[], to: readonly ManifestSlice[]): OffsetRange | undefined {
  const index = from.findIndex((slice) => range.start >= slice.offset && range.end <= slice.offset + slice.text.length);
  if (index < 0) return undefined;

  const shift = to[index].offset - from[index].offset;
  return { start: range.start + shift, end: range.end + shift };
}
