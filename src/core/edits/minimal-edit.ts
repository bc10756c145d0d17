// Reduces a whole-text change to one edit over the span that differs, so an editor keeps the cursor,
// folding and undo stops outside that span.

import type { Edit } from 'jsonc-parser';

/** Returns the single edit that turns `before` into `after`, or undefined when they are equal. */
export function minimalEdit(before: string, after: string): Edit | undefined {
  if (before === after) return undefined;

  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;

  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }

  // Never split a surrogate pair: an editor position between its halves is not a character boundary.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;

  return { offset: prefix, length: before.length - prefix - suffix, content: after.slice(prefix, after.length - suffix) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
