/**
 * Working on UTF-8 bytes: transcripts are scanned as bytes (no string has to be made of a whole file to
 * index it), so the scanner needs whitespace tests, small decodes, and the exact conversion of byte
 * offsets to UTF-16 offsets and code points.
 */
import { countBefore } from '../sortedSearch';
import { withRoom } from '../int32Slab';

/** Keeps a U+FEFF at the start of what it decodes: it is a character there (positions.ts, byte-order marks). */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

type WithLatin1 = Uint8Array & { latin1Slice?: (start: number, end: number) => string };

/**
 * Decodes a short run of bytes. ASCII takes a fast path: Node's buffers decode it natively without a
 * view being made, plain Uint8Arrays through String.fromCharCode.
 */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 256) {
    let ascii = true;
    for (let i = start; i < end; i++) {
      if (bytes[i] >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      const latin1 = (bytes as WithLatin1).latin1Slice;
      if (latin1) return latin1.call(bytes, start, end);
      return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
    }
  }
  return decoder.decode(bytes.subarray(start, end));
}

/** Number of UTF-8 bytes of `text.slice(start, end)`. */
export function utf8Length(text: string, start = 0, end = text.length): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * The length in bytes of the whitespace character at `i`, or 0. Whitespace is what the parser treats as
 * blank: space, tab, no-break space, the Unicode spaces U+2000–U+200B, U+3000 and U+FEFF.
 */
export function spaceLengthAt(b: Uint8Array, i: number, end: number): number {
  const c = b[i];
  if (c === 0x20 || c === 0x09) return 1;
  if (c === 0xc2) return i + 1 < end && b[i + 1] === 0xa0 ? 2 : 0;
  if (c === 0xe2) return i + 2 < end && b[i + 1] === 0x80 && b[i + 2] >= 0x80 && b[i + 2] <= 0x8b ? 3 : 0;
  if (c === 0xe3) return i + 2 < end && b[i + 1] === 0x80 && b[i + 2] === 0x80 ? 3 : 0;
  if (c === 0xef) return i + 2 < end && b[i + 1] === 0xbb && b[i + 2] === 0xbf ? 3 : 0;
  return 0;
}

/** The length in bytes of the whitespace character that ends just before `i`, or 0. */
export function spaceLengthBefore(b: Uint8Array, i: number, floor: number): number {
  if (i <= floor) return 0;
  const c = b[i - 1];
  if (c === 0x20 || c === 0x09) return 1;
  if (c === 0xa0) return i - 2 >= floor && b[i - 2] === 0xc2 ? 2 : 0;
  if (i - 3 < floor) return 0;
  const a = b[i - 3];
  const m = b[i - 2];
  if (a === 0xe2 && m === 0x80 && c >= 0x80 && c <= 0x8b) return 3;
  if (a === 0xe3 && m === 0x80 && c === 0x80) return 3;
  if (a === 0xef && m === 0xbb && c === 0xbf) return 3;
  return 0;
}

/**
 * Converts byte offsets of a UTF-8 text to UTF-16 offsets. On first use it records, in one pass, where
 * each character of more than one byte starts and how many bytes more than UTF-16 units the text has
 * used up to there; a conversion is then a search in that list, which callers that convert in
 * ascending order (most do) walk instead of searching. A text of ASCII only converts as it is.
 *
 * Converters are made for one text, used and dropped (a corpus makes one per file), so the lists live in
 * a Utf8Tally that the converters of one project share: the converter that last recorded its text owns
 * them, and one whose lists were taken by another records its text again.
 */
export class Utf8Offsets {
  private count = -1;
  private hint = 0;

  /** @param tally the lists this converter shares with others of the same project; its own by default */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly tally: Utf8Tally = new Utf8Tally(),
  ) {}

  private build(): void {
    const b = this.bytes;
    const n = b.length;
    const tally = this.tally;
    if (tally.starts.length > KEEP_LIMIT) {
      // A huge text before this one: let its lists go.
      tally.starts = new Int32Array(1024);
      tally.excess = new Int32Array(1024);
    }
    let starts = tally.starts;
    let excess = tally.excess;
    let count = 0;
    let total = 0;
    /** Records the bytes from `from` to `to` that start a character of more than one byte. */
    const record = (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const c = b[i];
        if (c < 0xc0) continue;
        if (count === starts.length) {
          starts = withRoom(starts, count + 1);
          excess = withRoom(excess, count + 1);
        }
        starts[count] = i;
        // 2 bytes → 1 unit, 3 bytes → 1 unit, 4 bytes → 2 units.
        total += c >= 0xe0 ? 2 : 1;
        excess[count++] = total;
      }
    };
    let i = 0;
    // Eight bytes at a time where the view is aligned: a word without a high bit is all ASCII.
    const aligned = Math.min(n, (4 - (b.byteOffset & 3)) & 3);
    record(0, aligned);
    i = aligned;
    const words = (n - i) >> 2;
    if (words > 0) {
      const view = new Uint32Array(b.buffer, b.byteOffset + i, words);
      let w = 0;
      for (; w + 1 < words; w += 2) {
        if (((view[w] | view[w + 1]) & 0x80808080) === 0) continue;
        const base = i + (w << 2);
        record(base, base + 8);
      }
      if (w < words && (view[w] & 0x80808080) !== 0) record(i + (w << 2), i + (w << 2) + 4);
      i += words << 2;
    }
    record(i, n);
    tally.starts = starts;
    tally.excess = excess;
    tally.owner = this;
    this.count = count;
    this.hint = 0;
  }

  /** UTF-16 offset of byte offset `offset` (an offset inside a character counts as its start). */
  toUtf16(offset: number): number {
    const tally = this.tally;
    if (tally.owner !== this) this.build();
    const count = this.count;
    if (count === 0) return offset;
    const starts = tally.starts;
    const excess = tally.excess;
    const o = Math.min(Math.max(offset, 0), this.bytes.length);
    // k: number of multibyte characters that start before o.
    let k = this.hint;
    if (k > count || (k > 0 && starts[k - 1] >= o)) k = countBefore(count, (i) => starts[i] < o);
    else while (k < count && starts[k] < o) k++;
    this.hint = k;
    if (k === 0) return o;
    const last = starts[k - 1];
    if (o < last + sequenceLength(this.bytes[last])) {
      // Inside a character: convert its start.
      return last - (k >= 2 ? excess[k - 2] : 0);
    }
    return o - excess[k - 1];
  }
}

/** Lists longer than this are not kept for the next converter. */
const KEEP_LIMIT = 1 << 20;

/** The lists of the converter that owns them, shared by the converters of one project; see Utf8Offsets. */
export class Utf8Tally {
  owner: Utf8Offsets | undefined = undefined;
  /** Where each character of more than one byte starts. */
  starts: Int32Array = new Int32Array(1024);
  /** excess[i]: bytes minus UTF-16 units of the text up to the end of the i-th multibyte character. */
  excess: Int32Array = new Int32Array(1024);
}


function sequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}
