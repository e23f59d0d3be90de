/**
 * Positions in a text. The engine keeps offsets in UTF-16 code units, as JavaScript strings and LSP do;
 * this module converts them exactly to lines and columns (UTF-16 columns, as LSP counts) and to Unicode
 * code points (as REFI-QDA counts). Line breaks are `\r\n`, `\n` and `\r`, as in LSP.
 */
import { countBefore } from '../sortedSearch';

export interface LineColumn {
  /** 0-based line. */
  line: number;
  /** 0-based column in UTF-16 code units. */
  character: number;
}

export class TextPositions {
  private astral: number[] | undefined;

  /**
   * @param lineStarts the text's line starts when they are known: a transcript's come from its scan (one
   *   table per transcript, which its digest keeps too); other texts' are found here when first asked for.
   */
  constructor(
    readonly text: string,
    private starts?: readonly number[],
  ) {}

  /** Offsets at which each line starts; line 0 starts at 0. */
  get lineStarts(): readonly number[] {
    return (this.starts ??= computeLineStarts(this.text));
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The line that holds `offset` (0-based). An offset inside a `\r\n` belongs to the line it ends. */
  lineAt(offset: number): number {
    return lineOfOffset(this.lineStarts, clamp(offset, 0, this.text.length));
  }

  positionAt(offset: number): LineColumn {
    const o = clamp(offset, 0, this.text.length);
    const line = this.lineAt(o);
    return { line, character: o - this.lineStarts[line] };
  }

  /** The offset of a line and column; a column past the end of its line is clamped to the line's end. */
  offsetAt(position: LineColumn): number {
    const starts = this.lineStarts;
    if (position.line < 0) return 0;
    if (position.line >= starts.length) return this.text.length;
    const start = starts[position.line];
    const end = this.lineContentEnd(position.line);
    return clamp(start + Math.max(0, position.character), start, end);
  }

  /** The offset where a line's content ends, before its line break. */
  lineContentEnd(line: number): number {
    const starts = this.lineStarts;
    let end = line + 1 < starts.length ? starts[line + 1] : this.text.length;
    if (end > starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineContentEnd(line));
  }

  private get astralOffsets(): number[] {
    return (this.astral ??= computeAstralOffsets(this.text));
  }

  /** UTF-16 offset → code-point offset. An offset inside a surrogate pair counts as the pair's start. */
  toCodePoint(offset: number): number {
    const o = clamp(offset, 0, this.text.length);
    const astral = this.astralOffsets;
    // Each surrogate pair that starts before `o` and ends at or before it counts one code unit too many.
    const lo = countBefore(astral.length, (i) => astral[i] < o);
    // `lo` pairs start before o; when the last of them starts at o-1, o is inside it: count its start.
    if (lo > 0 && astral[lo - 1] === o - 1) return o - 1 - (lo - 1);
    return o - lo;
  }

  /** Code-point offset → UTF-16 offset. */
  fromCodePoint(codePoint: number): number {
    const astral = this.astralOffsets;
    const cp = Math.max(0, codePoint);
    // The i-th pair starts at code point astral[i] - i.
    const before = countBefore(astral.length, (i) => astral[i] - i < cp);
    return Math.min(cp + before, this.text.length);
  }

  /** Number of code points in the whole text. */
  get codePointLength(): number {
    return this.text.length - this.astralOffsets.length;
  }
}

/** The line (0-based) that holds an offset, in a table of line starts (line 0 starts at 0). */
export function lineOfOffset(lineStarts: Int32Array | readonly number[], offset: number): number {
  return Math.max(0, countBefore(lineStarts.length, (i) => lineStarts[i] <= offset) - 1);
}

/**
 * The line starts of a text that was not scanned (a codebook, an import). A transcript's come from the
 * scanner, which finds the same breaks in its bytes (transcript/byteLines.ts): the scanner needs them before
 * any string exists, and texts that are never scanned need them without bytes, so the two stay apart.
 */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  const n = text.length;
  let i = 0;
  // The next `\r` is searched again only once it has been passed, so text without any stays linear.
  let cr = text.indexOf('\r');
  while (i < n) {
    const lf = text.indexOf('\n', i);
    if (cr >= 0 && cr < i) cr = text.indexOf('\r', i);
    if (lf < 0 && cr < 0) break;
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      // `\r\n` is one break; a lone `\r` is one too.
      i = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
    } else {
      i = lf + 1;
    }
    starts.push(i);
  }
  return starts;
}

function computeAstralOffsets(text: string): number[] {
  const result: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        result.push(i);
        i++;
      }
    }
  }
  return result;
}

function clamp(value: number, lo: number, hi: number): number {
  return value < lo ? lo : value > hi ? hi : value;
}

/*
 * Byte-order marks. Only a file's first mark is not text: editors do not show it, LSP positions and
 * REFI-QDA code points do not count it. Every later U+FEFF (a second mark that two editors left behind,
 * or one inside the text) is a character at its place, so positions count it like any other. Whatever
 * reads a file takes its first mark off with these two functions, and decodes with a TextDecoder made
 * with `ignoreBOM: true`, which takes off nothing itself (the default decoder would take off the first
 * mark of whatever it decodes, a second one after this or one at the start of a stretch of a file).
 */

/** Takes off a file's leading byte-order mark, and no more. */
export function stripBom(text: string): { text: string; hadBom: boolean } {
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), hadBom: true } : { text, hadBom: false };
}

/** The length in bytes of a UTF-8 file's leading byte-order mark: 3 or 0. */
export function bomLength(bytes: Uint8Array): number {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}
