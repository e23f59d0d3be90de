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
import type { TranscriptDigest } from '../transcript/digest';
import { resolveTranscript } from '../transcript/resolve';
import { scanTranscript, type TranscriptStructure } from '../transcript/scan';
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

// Reused between calls: word position at each byte offset.
let scratch = new Int32Array(1 << 16);

/** Reduces one version of a transcript (its bytes, without a byte-order mark) to a CodedText. */
export function codedText(id: string, bytes: Uint8Array, codebook: Codebook): CodedText {
  const structure = scanTranscript(bytes, codebook.settings);
  const n = bytes.length;
  if (scratch.length < n + 1) scratch = new Int32Array(Math.max(n + 1, scratch.length * 2));
  const position = scratch;
  const { length, fingerprint } = walkWords(bytes, structure, position);
  position[n] = length;

  // The codebook decides which tags are segments of which code; the scan's offsets are bytes here, which
  // resolving does not look at.
  const resolved = resolveTranscript(asDigest(structure, n), codebook, fallbackName(id));
  const count = resolved.segments.length;
  const codes = new Array<string>(count);
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  resolved.segments.forEach((s, i) => {
    codes[i] = s.code;
    starts[i] = position[s.span.start];
    ends[i] = Math.max(position[s.span.start], position[s.span.end]);
  });
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
  const { length } = walkWords(bytes, structure, positions);
  positions[n] = length;
  return { structure, positions, size: n, length };
}

/** The byte offset of word position `w` (the file's length for the end of the words). */
export function byteOfWord(layout: WordLayout, w: number): number {
  if (w >= layout.length) return layout.size;
  // The lead byte of character w is the last byte whose position is w: after it the position is w + 1.
  const p = layout.positions;
  let lo = 0;
  let hi = layout.size;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (p[mid] <= w) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
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
  let lo = 0;
  let hi = markup.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (markup[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < markup.length && markup[i].start < end; i++) {
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

/**
 * Walks the words of the body, writes the word position of every byte into `positions`, and returns the
 * number of word characters and their fingerprint. Two 32-bit FNV-1a hashes with different primes make a
 * 64-bit fingerprint.
 */
function walkWords(bytes: Uint8Array, structure: TranscriptStructure, positions: Int32Array): { length: number; fingerprint: string } {
  const n = bytes.length;
  const markup = structure.markup;
  let words = 0;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let i = Math.min(structure.bodyStart, n);
  positions.fill(0, 0, i);
  let m = 0;
  while (m < markup.length && markup[m].end <= i) m++;
  let nextMarkup = m < markup.length ? markup[m].start : n;
  while (i < n) {
    if (i >= nextMarkup) {
      // Markup: skip it whole.
      const end = Math.min(markup[m].end, n);
      positions.fill(words, i, end);
      i = Math.max(i, end);
      while (m < markup.length && markup[m].end <= i) m++;
      nextMarkup = m < markup.length ? Math.max(markup[m].start, i) : n;
      continue;
    }
    const b = bytes[i];
    if (b > 0x20 && b < 0x7f) {
      // Printable ASCII, most of any transcript: one character of a word.
      positions[i++] = words++;
      h1 = Math.imul(h1 ^ b, 0x01000193);
      h2 = Math.imul(h2 ^ b, 0x5bd1e995);
      continue;
    }
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0b || b === 0x0c) {
      positions[i++] = words;
      continue;
    }
    if (b >= 0xc2) {
      const k = spaceLengthAt(bytes, i, n);
      if (k > 0) {
        positions.fill(words, i, i + k);
        i += k;
        continue;
      }
    }
    // One character of a word: its lead byte and any continuation bytes.
    positions[i] = words;
    h1 = Math.imul(h1 ^ b, 0x01000193);
    h2 = Math.imul(h2 ^ b, 0x5bd1e995);
    words++;
    i++;
    while (i < n && (bytes[i] & 0xc0) === 0x80) {
      positions[i] = words;
      h1 = Math.imul(h1 ^ bytes[i], 0x01000193);
      h2 = Math.imul(h2 ^ bytes[i], 0x5bd1e995);
      i++;
    }
  }
  const hex = (h: number) => (h >>> 0).toString(16).padStart(8, '0');
  return { length: words, fingerprint: hex(h1) + hex(h2) };
}

/** The scan as the resolver reads it. Offsets stay bytes: resolving copies spans but never measures them. */
function asDigest(s: TranscriptStructure, length: number): TranscriptDigest {
  return {
    length,
    lineStarts: Int32Array.from(s.lineStarts),
    frontMatter: s.frontMatter,
    tags: s.tags,
    codings: s.codings,
    turnSpeakers: s.turns.map((t) => t.speaker),
    paragraphCount: s.paragraphs.length,
    problems: s.problems,
  };
}
