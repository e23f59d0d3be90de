/**
 * The engine's one binary search. Whatever is sorted (line starts, spans of markup, tags, turns, the places
 * of multibyte characters), a search asks how many of its first entries come before a place: the first
 * index at which `isBefore` is false, for an `isBefore` that holds for a run of indices from 0 and for none
 * after it. Callers say in `isBefore` what "before" means for them (`starts[i] <= offset`, `spans[i].end <=
 * offset`, …), so this loop is written once.
 */
export function countBefore(count: number, isBefore: (i: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBefore(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
