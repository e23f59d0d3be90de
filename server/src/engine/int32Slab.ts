/**
 * Where the index's typed arrays come from. Every `new Int32Array` has its own backing store, which V8
 * allocates outside its heap and accounts for one by one; indexing a corpus makes a few of those per
 * transcript, and that accounting (and the collections it sets off) cost as much as parsing the tags.
 * A slab hands out views of one large buffer instead.
 *
 * A view keeps its whole slab alive, so a slab is for arrays that live about as long as each other: the
 * digests and segments of a corpus read in one go. Arrays remade on every keystroke come from `heapInt32`.
 */

export interface Int32Source {
  /** An array of `length` zeros. */
  alloc(length: number): Int32Array;
  /** The first `length` elements of an array from `alloc`, which is not used again. */
  shrink(array: Int32Array, length: number): Int32Array;
}

/** Each array with its own buffer. */
export const heapInt32: Int32Source = {
  alloc: (length) => new Int32Array(length),
  shrink: (array, length) => (length >= array.length ? array : array.slice(0, length)),
};

/** Size of one slab, in 32-bit words (1 MB). Arrays larger than a quarter of it get their own buffer. */
const SLAB_WORDS = 1 << 18;

export class Int32Slab implements Int32Source {
  private buffer = new ArrayBuffer(0);
  private used = 0;
  private words = 0;
  /** The latest allocation, which `shrink` can give back the end of. */
  private last: Int32Array | undefined;

  alloc(length: number): Int32Array {
    if (length > SLAB_WORDS >> 2) return new Int32Array(length);
    if (this.used + length > this.words) {
      this.buffer = new ArrayBuffer(SLAB_WORDS * 4);
      this.words = SLAB_WORDS;
      this.used = 0;
    }
    const view = new Int32Array(this.buffer, this.used * 4, length);
    this.used += length;
    this.last = view;
    return view;
  }

  /** When `array` is the latest allocation, the words after `length` go back to the slab. */
  shrink(array: Int32Array, length: number): Int32Array {
    if (length >= array.length) return array;
    if (array === this.last) {
      // Zeros again, as the next allocation expects, in case the caller wrote past `length`.
      array.fill(0, length);
      this.used -= array.length - length;
      this.last = undefined;
    }
    return array.subarray(0, length);
  }
}

/** `array` with room for at least `needed` elements: itself, or a copy at least twice as large. */
export function withRoom(array: Int32Array, needed: number): Int32Array {
  if (needed <= array.length) return array;
  const bigger = new Int32Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}
