// Maps positions in a decoded JSON string value back to offsets in the JSON source.

/**
 * Returns, for a JSON string literal starting at `literalStart` (the opening quote), the source offset of each
 * UTF-16 unit of the decoded value, plus one extra entry for the position just past the value.
 * Escapes such as `\"`, `\n` and `\u00e9` decode to one unit that spans several source characters.
 * Malformed escapes are treated as the characters they contain, so the result always has `value.length + 1` entries
 * when the literal decodes to `value`.
 */
export function decodedToSourceOffsets(source: string, literalStart: number, literalEnd: number): number[] {
  const offsets: number[] = [];
  let i = literalStart + 1;
  const contentEnd = source.charCodeAt(literalEnd - 1) === 0x22 && literalEnd - 1 > literalStart ? literalEnd - 1 : literalEnd;

  while (i < contentEnd) {
    offsets.push(i);
    if (source.charCodeAt(i) !== 0x5c) {
      i++;
      continue;
    }

    const escaped = source[i + 1];
    if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) i += 6;
    else if (escaped !== undefined && i + 1 < contentEnd) i += 2;
    else i++;
  }

  offsets.push(contentEnd);
  return offsets;
}
