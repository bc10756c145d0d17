// Converts UTF-16 offsets to 1-based lines and columns as VS Code counts them.

/**
 * Line starts of a text, computed once. Line breaks are `\n`, `\r\n` and a lone `\r`, as in VS Code.
 * A leading byte order mark is not part of line 1 in an editor, so `bomLength` columns are removed from it.
 */
export class LineIndex {
  private lineStartsCache: number[] | undefined;
  private readonly bomLength: number;

  constructor(private readonly text: string) {
    this.bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  /** Computed on first use, because a file without findings never needs it. */
  private get lineStarts(): number[] {
    this.lineStartsCache ??= this.computeLineStarts();
    return this.lineStartsCache;
  }

  private computeLineStarts(): number[] {
    const text = this.text;
    const lineStarts = [this.bomLength];

    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        lineStarts.push(i + 1);
      } else if (code === 0x0a) {
        lineStarts.push(i + 1);
      }
    }
    return lineStarts;
  }

  /** 1-based line and column of an offset; columns count UTF-16 code units. */
  positionAt(offset: number): { line: number; column: number } {
    const clamped = Math.max(this.bomLength, offset);
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - this.lineStarts[low] + 1 };
  }

  /** The 1-based range of `[start, end)`, with the end just past the last character. */
  rangeOf(start: number, end: number): { line: number; column: number; endLine: number; endColumn: number } {
    const from = this.positionAt(start);
    const to = this.positionAt(end);
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }
}
