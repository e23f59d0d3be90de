/**
 * The places where coders disagree, with what each coder did there, so that they can discuss and
 * resolve them: the file, each coder's lines, codes and words. And where two versions' words differ,
 * for the error that stops a transcript from being compared.
 */
import { lineOfOffset } from '../text/positions';
import type { AgreementReport, CoderVersion, TextDifference } from './agreement';
import { byteOfWord, cleanBytes, nextCharEnd, wordLayout, type WordLayout } from './codedText';

/** One coder at a place of disagreement. */
export interface CoderAtPlace {
  coder: string;
  /** Whether this coder gave the disputed code here. */
  has_code: boolean;
  /** Every code this coder gave to words at this place, in the order of the file. */
  codes: string[];
  /** Lines in this coder's version, 1-based and inclusive. */
  start_line: number;
  end_line: number;
  /** This coder's segment without markup, or (without a segment) the words of the place in their version. */
  text: string;
}

export interface Disagreement {
  file: string;
  /** The code the coders disagree on. */
  code: string;
  /** The coders who coded the transcript, in the order they were given. */
  coders: CoderAtPlace[];
}

/**
 * The disagreements of a report with their lines and words, in file order. Each version's transcript is
 * read and scanned once. A transcript that can no longer be read is skipped.
 */
export function disagreements(report: AgreementReport, versions: readonly CoderVersion[]): Disagreement[] {
  const out: Disagreement[] = [];
  let file: string | undefined;
  let views: (VersionView | undefined)[] = [];
  // One array of word positions per coder, reused from file to file.
  const reuse: Int32Array[] = versions.map(() => new Int32Array(0));
  for (const place of report.disagreements) {
    if (place.file !== file) {
      file = place.file;
      views = versions.map((v, k) => {
        const w = view(v, place.file, reuse[k]);
        if (w) reuse[k] = w.layout.positions;
        return w;
      });
    }
    const coders: CoderAtPlace[] = [];
    let readable = true;
    place.members.forEach((member, k) => {
      if (member === null) return;
      const v = views[k];
      const text = versions[k].texts.get(place.file);
      if (!v || !text) {
        readable = false;
        return;
      }
      const [start, end] = member >= 0 ? [text.starts[member], text.ends[member]] : [place.start, place.end];
      const codes: string[] = [];
      for (let i = 0; i < text.codes.length; i++) {
        if (overlaps(text.starts[i], text.ends[i], place.start, place.end) && !codes.includes(text.codes[i])) codes.push(text.codes[i]);
      }
      const bytes = byteRange(v.layout, v.bytes, start, end);
      const lines = v.layout.structure.lineStarts;
      coders.push({
        coder: versions[k].name,
        has_code: member >= 0,
        codes,
        start_line: lineOfOffset(lines, bytes.start) + 1,
        end_line: lineOfOffset(lines, Math.max(bytes.start, bytes.end - 1)) + 1,
        text: cleanBytes(v.bytes, v.layout.structure.markup, bytes.start, bytes.end),
      });
    });
    if (readable) out.push({ file: place.file, code: place.code, coders });
  }
  return out;
}

/** Fills in where each text difference starts: the line in both versions and a few words from there. */
export function locateTextDifferences(differences: TextDifference[], versions: readonly CoderVersion[]): TextDifference[] {
  return differences.map((d) => {
    const [a, b] = d.coders.map((name) => versions.find((v) => v.name === name));
    const va = a && view(a, d.file);
    const vb = b && view(b, d.file);
    if (!va || !vb) return d;
    // First word position at which the characters differ.
    let w = 0;
    const n = Math.min(va.layout.length, vb.layout.length);
    for (; w < n; w++) {
      const x = byteOfWord(va.layout, w);
      const y = byteOfWord(vb.layout, w);
      const xe = nextCharEnd(va.bytes, x);
      const ye = nextCharEnd(vb.bytes, y);
      if (xe - x !== ye - y) break;
      let same = true;
      for (let i = 0; i < xe - x; i++) if (va.bytes[x + i] !== vb.bytes[y + i]) same = false;
      if (!same) break;
    }
    const line = (v: VersionView) => lineOfOffset(v.layout.structure.lineStarts, byteOfWord(v.layout, w)) + 1;
    const excerpt = (v: VersionView) => {
      const r = byteRange(v.layout, v.bytes, Math.max(0, w - 12), Math.min(v.layout.length, w + 30));
      return cleanBytes(v.bytes, v.layout.structure.markup, r.start, r.end).replace(/\s+/g, ' ').trim();
    };
    return { ...d, lines: [line(va), line(vb)], excerpts: [excerpt(va), excerpt(vb)] };
  });
}

interface VersionView {
  bytes: Uint8Array;
  layout: WordLayout;
}

function view(version: CoderVersion, file: string, reuse?: Int32Array): VersionView | undefined {
  const bytes = version.read(file);
  if (!bytes) return undefined;
  return { bytes, layout: wordLayout(bytes, version.codebook, reuse) };
}

/** The bytes from the first to the last character of a span of word positions. */
function byteRange(layout: WordLayout, bytes: Uint8Array, start: number, end: number): { start: number; end: number } {
  const s = byteOfWord(layout, start);
  if (end <= start) return { start: s, end: s };
  const last = byteOfWord(layout, Math.min(end, layout.length) - 1);
  return { start: s, end: nextCharEnd(bytes, last) };
}

function overlaps(s1: number, e1: number, s2: number, e2: number): boolean {
  if (s1 === e1 || s2 === e2) return s1 <= e2 && s2 <= e1;
  return s1 < e2 && s2 < e1;
}
