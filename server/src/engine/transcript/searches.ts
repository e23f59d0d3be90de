/**
 * Finding the markup span or the turn at an offset, in a scan's records (the scanner's own searches) and
 * in a parse's objects (the editor's). Markup spans are sorted and do not overlap; turns are sorted by start.
 */
import type { Span } from '../diagnostics';
import { countBefore } from '../sortedSearch';
import { MARKUP, TURN } from './records';
import type { Turn } from './structure';

/** The index of the markup record containing `offset`, or -1. */
export function markupIndexAt(markup: Int32Array, count: number, offset: number): number {
  const k = countBefore(count, (i) => markup[i * MARKUP.fields + MARKUP.end] <= offset);
  return k < count && markup[k * MARKUP.fields + MARKUP.start] <= offset ? k : -1;
}

/** The turn record that holds `offset` (the last to start at or before it), or -1. */
export function turnIndexAt(turns: Int32Array, count: number, offset: number): number {
  return countBefore(count, (i) => turns[i * TURN.fields + TURN.start] <= offset) - 1;
}

/** The markup span containing `offset`, if any. */
export function markupAt(markup: readonly Span[], offset: number): Span | undefined {
  const k = countBefore(markup.length, (i) => markup[i].end <= offset);
  return k < markup.length && markup[k].start <= offset ? markup[k] : undefined;
}

/** The turn that holds `offset` (the last to start at or before it), or -1. */
export function turnAt(turns: readonly Turn[], offset: number): number {
  return countBefore(turns.length, (i) => turns[i].span.start <= offset) - 1;
}
