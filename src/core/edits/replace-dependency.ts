// Computes the text edits that swap a native dependency for its alternative in package.json.
//
// The edits touch only the key and the value of the swapped property, or cut exactly one property, so
// indentation, tabs, line endings, key order, the final newline and every other byte stay as written.
// jsonc-parser locates the nodes. Its `modify` is not used for the removal: with formatting options it
// re-indents the whole enclosing object, and on a one-line manifest it spreads that object over several
// lines (checked with jsonc-parser 3.3.1); without them it joins the next key onto the opening brace's line.

import { applyEdits, parseTree, type Edit, type Node, type ParseError } from 'jsonc-parser';
import { DEPENDENCY_SECTIONS, type OffsetRange, type ReplaceDependencyFix } from '../findings';

export type { Edit } from 'jsonc-parser';

/** What a swap does: `rename` turns the package's key into the replacement, `remove` deletes it because the replacement is already listed. */
export interface DependencySwapPlan {
  action: 'rename' | 'remove';
  edits: Edit[];
  /** The dependency section that already lists the replacement, for `remove`. */
  existingSection?: string;
}

/**
 * Plans the edits for one swap on `text`. `near` picks the property when the section lists the package twice.
 * Returns undefined when the text does not parse or the section no longer lists the package, because an edit
 * computed from a broken tree could corrupt the file.
 */
export function planDependencySwap(text: string, fix: ReplaceDependencyFix, near?: OffsetRange): DependencySwapPlan | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (!root || errors.length > 0 || root.type !== 'object') return undefined;

  const section = propertyValue(root, fix.section);
  if (!section || section.type !== 'object') return undefined;

  const property = findDependencyProperty(section, fix.package, near);
  if (!property) return undefined;

  const existingSection = sectionListing(root, fix.replacement);
  if (existingSection !== undefined) {
    return { action: 'remove', edits: [removalEdit(section, property)], existingSection };
  }

  return { action: 'rename', edits: renameEdits(property, fix) };
}

/** Applies one swap to `text`; returns undefined when `planDependencySwap` does. */
export function applyDependencySwap(text: string, fix: ReplaceDependencyFix, near?: OffsetRange): string | undefined {
  const plan = planDependencySwap(text, fix, near);
  return plan ? applyEdits(text, plan.edits) : undefined;
}

/**
 * Applies several swaps one after another, each on the text the previous one produced, so edits never overlap.
 * Swaps that no longer apply (the package is gone, or an earlier swap already removed it) are skipped.
 */
export function applyDependencySwaps(text: string, fixes: readonly ReplaceDependencyFix[]): { text: string; applied: ReplaceDependencyFix[] } {
  let current = text;
  const applied: ReplaceDependencyFix[] = [];

  for (const fix of fixes) {
    const next = applyDependencySwap(current, fix);
    if (next === undefined) continue;
    current = next;
    applied.push(fix);
  }

  return { text: current, applied };
}

function propertyValue(object: Node, key: string): Node | undefined {
  const property = object.children?.find((child) => child.children?.[0]?.value === key);
  return property?.children?.[1];
}

function findDependencyProperty(section: Node, packageName: string, near: OffsetRange | undefined): Node | undefined {
  const matches = (section.children ?? []).filter((child) => child.children?.[0]?.value === packageName);
  if (matches.length <= 1 || near === undefined) return matches[0];

  const containing = matches.find((property) => property.offset <= near.start && near.start < property.offset + property.length);
  return containing ?? matches[0];
}

function sectionListing(root: Node, packageName: string): string | undefined {
  for (const name of DEPENDENCY_SECTIONS) {
    const section = propertyValue(root, name);
    if (section?.type !== 'object') continue;
    if (section.children?.some((child) => child.children?.[0]?.value === packageName)) return name;
  }
  return undefined;
}

function renameEdits(property: Node, fix: ReplaceDependencyFix): Edit[] {
  const [key, value] = property.children ?? [];
  const edits: Edit[] = [{ offset: key.offset, length: key.length, content: JSON.stringify(fix.replacement) }];

  if (value) {
    edits.push({ offset: value.offset, length: value.length, content: JSON.stringify(fix.replacementVersion) });
  }
  return edits;
}

/**
 * Cuts one property with the comma that separates it from a neighbour. The whitespace in front of the
 * property stays, so the next property inherits its line and indentation. A sole property leaves `{}`.
 */
function removalEdit(section: Node, property: Node): Edit {
  const siblings = section.children ?? [];
  const index = siblings.indexOf(property);
  const next = siblings[index + 1];
  const previous = siblings[index - 1];

  if (next) {
    return { offset: property.offset, length: next.offset - property.offset, content: '' };
  }

  if (previous) {
    const start = previous.offset + previous.length;
    return { offset: start, length: property.offset + property.length - start, content: '' };
  }

  const start = section.offset + 1;
  const end = section.offset + section.length - 1;
  return { offset: start, length: end - start, content: '' };
}
