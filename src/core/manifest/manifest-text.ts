// The text of one package.json with what findings need: line and column ranges, and offsets inside strings.

import type { JsonSpan } from './read-manifest';
import type { Finding, RelatedLocation } from '../findings';
import type { LineIndex } from '../text/line-index';
import { decodedToSourceOffsets } from '../text/json-string-offsets';

/** The fields of a finding other than its location. */
export type FindingBody = Omit<Finding, 'range' | 'line' | 'column' | 'endLine' | 'endColumn'>;

export class ManifestText {
  private readonly stringOffsets = new Map<number, number[]>();

  constructor(
    readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  /** Builds a finding located at `[start, end)` of the text. */
  finding(body: FindingBody, start: number, end: number): Finding {
    return { ...body, range: { start, end }, ...this.lines.rangeOf(start, end) };
  }

  related(message: string, start: number, end: number): RelatedLocation {
    return { message, range: { start, end }, ...this.lines.rangeOf(start, end) };
  }

  invalidManifest(message: string, start: number, end: number): Finding {
    return this.finding({ rule: 'invalid-manifest', severity: 'error', message }, start, Math.min(Math.max(end, start), this.text.length));
  }

  /** Returns the offsets of a string token's content, without its quotes. */
  stringContentRange(span: JsonSpan): { start: number; end: number } {
    const offsets = this.offsetsOf(span);
    return { start: offsets[0], end: offsets[offsets.length - 1] };
  }

  /** Maps `[start, end)` of a string token's decoded value to offsets in the source text. */
  sourceRangeInString(span: JsonSpan, start: number, end: number): { start: number; end: number } {
    const offsets = this.offsetsOf(span);
    const last = offsets.length - 1;
    return { start: offsets[Math.min(start, last)], end: offsets[Math.min(end, last)] };
  }

  private offsetsOf(span: JsonSpan): number[] {
    let offsets = this.stringOffsets.get(span.offset);
    if (!offsets) {
      offsets = decodedToSourceOffsets(this.text, span.offset, span.offset + span.length);
      this.stringOffsets.set(span.offset, offsets);
    }
    return offsets;
  }

  /** Builds an invalid-manifest finding on a whole value, for values of the wrong type. */
  invalidValue(message: string, span: JsonSpan): Finding {
    return this.invalidManifest(message, span.offset, span.offset + span.length);
  }
}
