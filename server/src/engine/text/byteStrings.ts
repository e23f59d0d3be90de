/**
 * Strings for short runs of bytes that recur across a corpus (tag paths, speaker labels), made once per
 * distinct run: a transcript repeats a few dozen paths in hundreds of tags, and decoding each occurrence
 * cost more than finding it. A run is looked up by a hash of its bytes and compared byte by byte; with
 * its string the table keeps one fact about it (say, whether it is a well-formed path), worked out once.
 */
import { decodeUtf8 } from './utf8';

export interface ByteString<T> {
  readonly text: string;
  readonly fact: T;
}

interface Entry<T> extends ByteString<T> {
  hash: number;
  bytes: Uint8Array;
}

/** Runs longer than this are decoded each time (paths and labels are short). */
const MAX_BYTES = 128;

export class ByteStrings<T> {
  /** Open addressing, at most half full; it starts small and doubles, so a table used once costs little. */
  private slots: (Entry<T> | undefined)[] = new Array<Entry<T> | undefined>(16).fill(undefined);
  private mask = 15;
  private count = 0;

  /**
   * @param factOf the fact to keep about each string
   * @param capacity how many distinct runs to keep; later ones are decoded each time
   */
  constructor(
    private readonly factOf: (text: string) => T,
    private readonly capacity = 8192,
  ) {}

  /** The text of `bytes[start, end)`, decoded as UTF-8, and its fact. */
  get(bytes: Uint8Array, start: number, end: number): ByteString<T> {
    const length = end - start;
    if (length > MAX_BYTES || length <= 0) return this.make(bytes, start, end);
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot];
      if (entry === undefined) break;
      if (entry.hash === hash && sameBytes(entry.bytes, bytes, start, length)) return entry;
      slot = (slot + 1) & this.mask;
    }
    const made = this.make(bytes, start, end);
    if (this.count >= this.capacity) return made;
    // A copy: Buffer#slice would share memory with a buffer the caller reuses.
    const entry: Entry<T> = { hash, bytes: new Uint8Array(bytes.subarray(start, end)), text: made.text, fact: made.fact };
    if ((this.count + 1) * 2 > this.slots.length) {
      this.grow();
      slot = hash & this.mask;
      while (this.slots[slot] !== undefined) slot = (slot + 1) & this.mask;
    }
    this.slots[slot] = entry;
    this.count++;
    return entry;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Array<Entry<T> | undefined>(old.length * 2).fill(undefined);
    this.mask = this.slots.length - 1;
    for (const entry of old) {
      if (entry === undefined) continue;
      let slot = entry.hash & this.mask;
      while (this.slots[slot] !== undefined) slot = (slot + 1) & this.mask;
      this.slots[slot] = entry;
    }
  }

  private make(bytes: Uint8Array, start: number, end: number): ByteString<T> {
    const text = decodeUtf8(bytes, start, end);
    return { text, fact: this.factOf(text) };
  }
}

function sameBytes(known: Uint8Array, bytes: Uint8Array, start: number, length: number): boolean {
  if (known.length !== length) return false;
  for (let i = 0; i < length; i++) if (known[i] !== bytes[start + i]) return false;
  return true;
}
