/**
 * What stands at a place in a transcript: the tag under the cursor, the segments that cover it, and the
 * code path being typed after `[[`. Editors ask these questions for hover, completion and navigation.
 */
import type { Span } from '../diagnostics';
import type { Segment } from './resolve';
import type { Tag } from './scan';

/** The index of the tag whose `[[…]]` contains `offset` (its ends included), or -1. */
export function tagIndexAt(tags: readonly Tag[], offset: number): number {
  let lo = 0;
  let hi = tags.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = tags[mid].span;
    if (offset < s.start) hi = mid - 1;
    else if (offset > s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Segments whose coded text contains `offset`, innermost (shortest) first. */
export function segmentsAt(segments: readonly Segment[], offset: number): Segment[] {
  return segments
    .filter((s) => s.span.start <= offset && offset <= s.span.end)
    .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start));
}

export interface PathContext {
  /** Where the path starts (after `[[` and any spaces). */
  pathStart: number;
  /** What has been typed of the path, up to the cursor. */
  prefix: string;
  /** Where the typed path ends: the cursor, or further when the cursor stands inside an existing path. */
  pathEnd: number;
  /** true when the tag is already closed with `]]` on this line. */
  closed: boolean;
}

/**
 * When the cursor at `column` of `line` stands where a code path is written (after `[[`, before `|` or
 * `]]`), the path typed so far; otherwise undefined. `lineStart` is the line's offset in the document.
 */
export function pathContextAt(line: string, column: number, lineStart = 0): PathContext | undefined {
  const before = line.slice(0, column);
  const open = before.lastIndexOf('[[');
  if (open < 0) return undefined;
  const between = before.slice(open + 2);
  if (between.includes(']]') || between.includes('|')) return undefined;
  const lead = between.length - between.trimStart().length;
  const prefix = between.slice(lead);
  if (/\s/.test(prefix)) return undefined;
  const rest = line.slice(column);
  const pathRest = /^[^\s|\]]*/.exec(rest)?.[0] ?? '';
  const afterPath = rest.slice(pathRest.length);
  const closed = /^\s*(\|[^\]]*)?\]\]/.test(afterPath);
  return {
    pathStart: lineStart + open + 2 + lead,
    prefix,
    pathEnd: lineStart + column + pathRest.length,
    closed,
  };
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
