/**
 * The largest and smallest of a list of numbers, by a loop. `Math.max(...values)` passes every value as an
 * argument on the stack and overflows it when the list is long (a table of a few hundred codes squared), so
 * lists whose length the user decides go through these.
 */

/** The largest of `values`, or `atLeast` when that is larger (and for no values). */
export function maxOf(values: Iterable<number>, atLeast = -Infinity): number {
  let max = atLeast;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The smallest of `values`, or `atMost` when that is smaller (and for no values). */
export function minOf(values: Iterable<number>, atMost = Infinity): number {
  let min = atMost;
  for (const v of values) if (v < min) min = v;
  return min;
}
