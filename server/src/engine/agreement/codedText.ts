/**
 * One coder's version of one transcript, reduced to what comparing coders needs: a fingerprint of its
 * words and its segments placed on those words.
 *
 * Coders change a transcript only by adding tags and passage marks, but adding a tag often adds a space
 * or a line break too. So versions are compared on their *words*: the text after the front matter,
 * without markup and without whitespace. Two versions whose words are the same are the same transcript;
 * a segment's place is given in word positions (code points of that text), which are the same in every
 * version whatever tags stand around it. The front matter is left out, so each coder may record
 * `coder: …` or a date there.
 *
 * Everything here works on the file's UTF-8 bytes, with one scan per version of a document.
 */
import type { Codebook } from '../codebook/codebook';
import type { Span } from '../diagnostics';
import { fallbackName } from '../project/projectIndex';
import { makeDigest, type TranscriptDigest } from '../transcript/digest';
import { resolveTranscript } from '../transcript/resolve';
import { countBefore } from '../sortedSearch';
import { scanTranscript } from '../transcript/scan';
import type { TranscriptStructure } from '../transcript/structure';
import { decodeUtf8, spaceLengthAt } from '../text/utf8';

export interface CodedText {
  /** Path relative to the project, with `/`. */
  id: string;
  /** Whether the coder coded this transcript at all: a version without any tag is not coded yet. */
  coded: boolean;
  participant: string;
  /** Number of code points of the words. */
  length: number;
  /** Fingerprint of the words; equal words give an equal fingerprint. */
  fingerprint: string;
  /** The code of each segment (a path of the version's codebook), in the order of the file. */
  codes: string[];
  /** Word positions of each segment: start inclusive, end exclusive. */
  starts: Int32Array;
  ends: Int32Array;
}

/** What a scan of a version gives, for quoting it: the structure and the word position of every byte. */
export interface WordLayout {
  structure: TranscriptStructure;
  /** positions[i]: the number of word characters before byte i, for i from 0 to the file's length. */
  positions: Int32Array;
  /** Length of the file in bytes. */
  size: number;
  /** Number of word characters. */
  length: number;
}

/** Reduces one version of a transcript (its bytes, without a byte-order mark) to a CodedText. */
/** Room for the index of a stop below its byte offset in a sort key (2^22 stops per transcript). */
const INDEX_SPACE = 2 ** 22;

export function codedText(id: string, bytes: Uint8Array, codebook: Codebook): CodedText {
  const structure = scanTranscript(bytes, codebook.settings);
  // The codebook decides which tags are segments of which code; the scan's offsets are bytes here, which
  // resolving does not look at.
  const resolved = resolveTranscript(asDigest(structure, bytes.length), codebook, fallbackName(id));
  const count = resolved.segmentCount;
  // The word position of every segment's start and end, found in one walk over the words. The stops are
  // sorted as numbers that carry their index in their low bits, so no comparator has to run.
  const stops = new Int32Array(2 * count);
  for (let i = 0; i < count; i++) {
    stops[2 * i] = resolved.segmentStart(i);
    stops[2 * i + 1] = Math.max(resolved.segmentStart(i), resolved.segmentEnd(i));
  }
  const keyed = new Float64Array(stops.length);
  for (let k = 0; k < stops.length; k++) keyed[k] = stops[k] * INDEX_SPACE + k;
  keyed.sort();
  const sorted = new Int32Array(stops.length);
  for (let j = 0; j < keyed.length; j++) sorted[j] = stops[keyed[j] % INDEX_SPACE];
  const at = new Int32Array(sorted.length);
  const { length, fingerprint } = countWords(bytes, structure, sorted, at);
  const words = new Int32Array(stops.length);
  for (let j = 0; j < keyed.length; j++) words[keyed[j] % INDEX_SPACE] = at[j];
  const codes = resolved.segmentCodes.slice();
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    starts[i] = words[2 * i];
    ends[i] = words[2 * i + 1];
  }
  return { id, coded: structure.tags.length > 0, participant: resolved.participant, length, fingerprint, codes, starts, ends };
}

/**
 * Scans a version again and maps its bytes to word positions, to quote it or find where two versions
 * differ. `reuse` is an array to write into when it is large enough (the layout's `positions` is then
 * that array), so that quoting many transcripts does not allocate for each.
 */
export function wordLayout(bytes: Uint8Array, codebook: Codebook, reuse?: Int32Array): WordLayout {
  const structure = scanTranscript(bytes, codebook.settings);
  const n = bytes.length;
  const positions = reuse && reuse.length >= n + 1 ? reuse : new Int32Array(n + 1);
  const length = walkWords(bytes, structure, positions);
  return { structure, positions, size: n, length };
}

/** The byte offset of word position `w` (the file's length for the end of the words). */
export function byteOfWord(layout: WordLayout, w: number): number {
  if (w >= layout.length) return layout.size;
  // The lead byte of character w is the last byte whose position is w: after it the position is w + 1.
  const p = layout.positions;
  return countBefore(layout.size, (i) => p[i] <= w) - 1;
}

/** The words between two word positions, as one string without whitespace (for showing a difference). */
export function wordsBetween(bytes: Uint8Array, layout: WordLayout, start: number, end: number): string {
  let out = '';
  const s = Math.max(0, Math.min(start, layout.length));
  const e = Math.max(s, Math.min(end, layout.length));
  for (let w = s; w < e; w++) {
    const at = byteOfWord(layout, w);
    out += decodeUtf8(bytes, at, nextCharEnd(bytes, at));
  }
  return out;
}

/**
 * The text of a byte range as written, without markup: the words of a segment with their spacing.
 */
export function cleanBytes(bytes: Uint8Array, markup: readonly Span[], start: number, end: number): string {
  let out = '';
  let pos = start;
  const first = countBefore(markup.length, (i) => markup[i].end <= start);
  for (let i = first; i < markup.length && markup[i].start < end; i++) {
    const m = markup[i];
    if (m.start > pos) out += decodeUtf8(bytes, pos, m.start);
    pos = Math.max(pos, m.end);
  }
  if (pos < end) out += decodeUtf8(bytes, pos, end);
  return out;
}

/** The end of the UTF-8 character that starts at `i`. */
export function nextCharEnd(bytes: Uint8Array, i: number): number {
  let j = i + 1;
  while (j < bytes.length && (bytes[j] & 0xc0) === 0x80) j++;
  return j;
}

const FNV_PRIME = 0x01000193;
const SECOND_PRIME = 0x5bd1e995;

/** Spaces, tabs and line breaks; other whitespace (no-break space, …) is found by spaceLengthAt. */
function isAsciiSpace(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d);
}

/**
 * Counts the word characters of the body and fingerprints them (two 32-bit FNV-1a hashes with different
 * primes make 64 bits). `stops` are byte offsets in ascending order; `at[k]` receives the number of word
 * characters before `stops[k]`. The walk goes in runs between markup and stops, so its inner loop only
 * classifies bytes.
 */
function countWords(bytes: Uint8Array, structure: TranscriptStructure, stops: Int32Array, at: Int32Array): { length: number; fingerprint: string } {
  const n = bytes.length;
  const markup = structure.markup;
  let words = 0;
  let h1 = 0x811c9dc5;
  let h2 = FNV_PRIME;
  let i = Math.min(structure.bodyStart, n);
  let m = 0;
  let stop = 0;
  for (;;) {
    while (stop < stops.length && stops[stop] <= i) at[stop++] = words;
    while (m < markup.length && markup[m].end <= i) m++;
    if (i >= n) break;
    if (m < markup.length && markup[m].start <= i) {
      i = Math.min(markup[m].end, n);
      continue;
    }
    let limit = m < markup.length ? markup[m].start : n;
    if (stop < stops.length && stops[stop] < limit) limit = stops[stop];
    while (i < limit) {
      const b = bytes[i];
      if (b > 0x20 && b < 0x80) {
        words++;
        h1 = Math.imul(h1 ^ b, FNV_PRIME);
        h2 = Math.imul(h2 ^ b, SECOND_PRIME);
        i++;
      } else if (isAsciiSpace(b)) {
        i++;
      } else {
        const k = b >= 0xc2 ? spaceLengthAt(bytes, i, n) : 0;
        if (k > 0) {
          i += k;
          continue;
        }
        // One character of a word: its lead byte and any continuation bytes.
        words++;
        do {
          h1 = Math.imul(h1 ^ bytes[i], FNV_PRIME);
          h2 = Math.imul(h2 ^ bytes[i], SECOND_PRIME);
          i++;
        } while (i < n && (bytes[i] & 0xc0) === 0x80);
      }
    }
  }
  while (stop < stops.length) at[stop++] = words;
  const hex = (h: number) => (h >>> 0).toString(16).padStart(8, '0');
  return { length: words, fingerprint: hex(h1) + hex(h2) };
}

/** Writes the word position of every byte of the file into `positions` (as countWords counts) and returns the number of word characters. */
function walkWords(bytes: Uint8Array, structure: TranscriptStructure, positions: Int32Array): number {
  const n = bytes.length;
  const markup = structure.markup;
  let words = 0;
  let i = Math.min(structure.bodyStart, n);
  positions.fill(0, 0, i);
  let m = 0;
  while (i < n) {
    while (m < markup.length && markup[m].end <= i) m++;
    if (m < markup.length && markup[m].start <= i) {
      const end = Math.min(markup[m].end, n);
      positions.fill(words, i, end);
      i = end;
      continue;
    }
    const limit = m < markup.length ? markup[m].start : n;
    while (i < limit) {
      const b = bytes[i];
      if (b > 0x20 && b < 0x80) {
        positions[i++] = words++;
      } else if (isAsciiSpace(b)) {
        positions[i++] = words;
      } else {
        const k = b >= 0xc2 ? spaceLengthAt(bytes, i, n) : 0;
        if (k > 0) {
          positions.fill(words, i, i + k);
          i += k;
          continue;
        }
        positions[i++] = words++;
        while (i < n && (bytes[i] & 0xc0) === 0x80) positions[i++] = words;
      }
    }
  }
  positions[n] = words;
  return words;
}

/** The scan as the resolver reads it. Offsets stay bytes: resolving copies spans but never measures them. */
function asDigest(s: TranscriptStructure, length: number): TranscriptDigest {
  return makeDigest(s, length);
}
