/**
 * A transcript's front matter, read from its bytes: the first lines up to a closing `---` are decoded (they
 * are short), parsed as text (frontMatter.ts), and their offsets turned back into bytes.
 */
import type { Diagnostic, Span } from '../diagnostics';
import type { ProblemList } from '../diagnosticLimit';
import { decodeUtf8, utf8Length } from '../text/utf8';
import { parseFrontMatter, type FrontMatter } from './frontMatter';
import { CR, LF } from './markBytes';

const FRONT_MATTER_OPEN = [0x2d, 0x2d, 0x2d];

/** Front matter is decoded as text (it is short) and its offsets turned back into bytes. */
export function scanFrontMatter(
  bytes: Uint8Array,
  lineStarts: ArrayLike<number>,
  lineEnd: (line: number) => number,
  problems: ProblemList,
): { frontMatter?: FrontMatter; bodyStart: number } {
  if (bytes.length < 4 || bytes[0] !== FRONT_MATTER_OPEN[0] || bytes[1] !== FRONT_MATTER_OPEN[1] || bytes[2] !== FRONT_MATTER_OPEN[2]) {
    return { bodyStart: 0 };
  }
  // Only the first lines up to a closing `---` are decoded; a file without one decodes its first line only.
  let last = 0;
  for (let line = 1; line < lineStarts.length; line++) {
    const s = lineStarts[line];
    const e = lineEnd(line);
    if (e - s <= 8 && (bytes[s] === 0x2d || bytes[s] === 0x2e)) {
      const t = decodeUtf8(bytes, s, e);
      if (/^(---|\.\.\.)[ \t]*$/.test(t)) {
        last = line;
        break;
      }
    }
  }
  const decodedEnd = last > 0 ? (last + 1 < lineStarts.length ? lineStarts[last + 1] : bytes.length) : lineStarts.length > 1 ? lineStarts[1] : bytes.length;
  const text = decodeUtf8(bytes, 0, decodedEnd);
  // Line starts of the decoded part, in UTF-16, for the front-matter parser.
  const starts: number[] = [];
  const byteStarts: number[] = [];
  for (let line = 0; line < lineStarts.length && lineStarts[line] < decodedEnd; line++) byteStarts.push(lineStarts[line]);
  let u = 0;
  let b = 0;
  for (const s of byteStarts) {
    u += utf16LengthOf(bytes, b, s);
    b = s;
    starts.push(u);
  }
  if (last === 0) starts.push(text.length); // a line start past the decoded text, so no closing line is found
  const local: Diagnostic[] = [];
  const endOf = (line: number) => {
    let e = line + 1 < starts.length ? starts[line + 1] : text.length;
    if (e > starts[line] && text.charCodeAt(e - 1) === LF) e--;
    if (e > starts[line] && text.charCodeAt(e - 1) === CR) e--;
    return e;
  };
  const result = parseFrontMatter(text, last === 0 ? starts.slice(0, 1) : starts, endOf, local);
  // Back to bytes, counting on from the offset converted last (spans come in the order of the text, so a
  // front matter of many keys is counted once, not once per key).
  let fromUnit = 0;
  let fromByte = 0;
  const toBytes = (offset: number) => {
    if (offset < fromUnit) fromUnit = fromByte = 0;
    fromByte += utf8Length(text, fromUnit, offset);
    fromUnit = offset;
    return fromByte;
  };
  const span = (s: Span): Span => ({ start: toBytes(s.start), end: toBytes(s.end) });
  for (const d of local) problems.push({ ...d, span: span(d.span) });
  const fm = result.frontMatter;
  if (!fm) return { bodyStart: result.bodyStart === 0 ? 0 : toBytes(result.bodyStart) };
  const keySpans: Record<string, Span> = {};
  for (const [k, s] of Object.entries(fm.keySpans)) keySpans[k] = span(s);
  return {
    frontMatter: {
      ...fm,
      span: span(fm.span),
      participantSpan: fm.participantSpan ? span(fm.participantSpan) : undefined,
      memoSpan: fm.memoSpan ? span(fm.memoSpan) : undefined,
      keySpans,
    },
    bodyStart: toBytes(result.bodyStart),
  };
}

function utf16LengthOf(bytes: Uint8Array, start: number, end: number): number {
  let units = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if (c < 0x80) units++;
    else if (c >= 0xf0) units += 2;
    else if (c >= 0xc0) units++;
  }
  return units;
}
