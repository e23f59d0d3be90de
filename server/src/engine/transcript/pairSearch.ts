/**
 * Searches for a doubled byte (`[[`, `]]`, `{{`, `}}`) that go forward, so that a scan reads each byte once
 * however many marks it looks for: a file of a million unclosed `[[` is read once, not a million times to
 * its end.
 */

/**
 * The next `cc` at or after a place, remembered: asked for places in ascending order (as the scanner asks),
 * it searches each byte once, however many times it is asked. Asked for an earlier place, it searches again.
 */
export class PairSearch {
  private from = Number.MAX_SAFE_INTEGER;
  private found = -1;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly c: number,
  ) {}

  next(from: number): number {
    // The first pair at or after an earlier place is also the first at or after this one, if it is not
    // before it; and when there was none after the earlier place, there is none after this one.
    if (from >= this.from && (this.found < 0 || this.found >= from)) return this.found;
    this.from = from;
    this.found = findPair(this.bytes, this.c, from);
    return this.found;
  }
}

/** The next `cc` (two equal bytes) at or after `from`, or -1. */
export function findPair(bytes: Uint8Array, c: number, from: number): number {
  let i = from;
  for (;;) {
    i = bytes.indexOf(c, i);
    if (i < 0 || i + 1 >= bytes.length) return -1;
    if (bytes[i + 1] === c) return i;
    i += 1;
  }
}
