/**
 * The largest of a list of numbers, by a loop. `Math.max(...values)` passes every value as an
 * argument on the stack and overflows it when the list is long (a table of a few hundred codes squared), so
 * lists whose length the user decides go through this.
 */

/** The largest of `values`, or `atLeast` when that is larger (and for no values). */
export function maxOf(values: Iterable<number>, atLeast = -Infinity): number {
  let max = atLeast;
  for (const v of values) if (v > max) max = v;
  return max;
}
