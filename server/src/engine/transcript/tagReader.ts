/**
 * The tag reader: a tag `[[path | memo]]` from its bytes into its record, and the markup a paragraph tag
 * takes with it.
 */
import { decodeUtf8, utf8Length } from '../text/utf8';
import { BAR, isHorizontalSpace, isLineBreak, isVisibleAscii, OPEN_BRACKET } from './markBytes';
import { TAG } from './records';
import type { ScanWorkspace } from './scanWorkspace';

/**
 * Reads the tag from `start` (its `[[`) to `close` (its `]]`) into the TAG record at `tags[o…]`: span, path
 * span, memo span (-1 without) and whether its path is well formed; the caller fills in passage and paragraph.
 * A memo goes into `memos` under `index`. Returns the path.
 */
export function readTag(
  bytes: Uint8Array,
  start: number,
  close: number,
  tags: Int32Array,
  o: number,
  memos: Map<number, string>,
  index: number,
  workspace: ScanWorkspace,
): string {
  const innerStart = start + 2;
  let bar = -1;
  for (let i = innerStart; i < close; i++) {
    if (bytes[i] === BAR) {
      bar = i;
      break;
    }
  }
  const pathEnd = bar >= 0 ? bar : close;
  let ps = innerStart;
  let pe = pathEnd;
  while (ps < pe && isHorizontalSpace(bytes[ps])) ps++;
  while (pe > ps && isHorizontalSpace(bytes[pe - 1])) pe--;
  let path: string;
  let wellFormed: boolean;
  if (ps < pe && isVisibleAscii(bytes[ps]) && isVisibleAscii(bytes[pe - 1])) {
    // Nothing else String#trim would take off is left at either end.
    const known = workspace.pathStrings.get(bytes, ps, pe);
    path = known.text;
    wellFormed = known.fact;
  } else {
    const raw = decodeUtf8(bytes, innerStart, pathEnd);
    path = raw.trim();
    ps = innerStart;
    pe = pathEnd;
    if (path.length !== raw.length) {
      ps = innerStart + utf8Length(raw, 0, raw.length - raw.trimStart().length);
      pe = ps + utf8Length(path);
    }
    wellFormed = workspace.isWellFormedPath(path);
  }
  tags[o + TAG.start] = start;
  tags[o + TAG.end] = close + 2;
  tags[o + TAG.pathStart] = ps;
  tags[o + TAG.pathEnd] = pe;
  tags[o + TAG.memoStart] = -1;
  tags[o + TAG.memoEnd] = -1;
  tags[o + TAG.wellFormed] = wellFormed ? 1 : 0;
  if (bar >= 0) {
    const rawMemo = decodeUtf8(bytes, bar + 1, close);
    const memo = rawMemo.trim();
    if (memo) {
      const ms = bar + 1 + utf8Length(rawMemo, 0, rawMemo.length - rawMemo.trimStart().length);
      tags[o + TAG.memoStart] = ms;
      tags[o + TAG.memoEnd] = ms + utf8Length(memo);
      memos.set(index, memo);
    }
  }
  return path;
}

/**
 * The markup of a paragraph tag: the tag with the spaces before it (or, at the start of the paragraph's
 * words, after it), so that `Zo is het. [[a]]` reads `Zo is het.` without the tag.
 */
export function paragraphTagMarkup(
  bytes: Uint8Array,
  start: number,
  end: number,
  floor: number,
  contentStart: number | undefined,
  push: (start: number, end: number) => void,
): void {
  let s = start;
  while (s > floor && isHorizontalSpace(bytes[s - 1])) s--;
  if (s < start && s > floor && !isLineBreak(bytes[s - 1])) return push(s, end);
  let e = end;
  while (e < bytes.length && isHorizontalSpace(bytes[e])) e++;
  if (
    e > end &&
    (start === floor || start === contentStart || isLineBreak(bytes[start - 1])) &&
    e < bytes.length &&
    !isLineBreak(bytes[e]) &&
    bytes[e] !== OPEN_BRACKET
  ) {
    return push(start, e);
  }
  push(start, end);
}
