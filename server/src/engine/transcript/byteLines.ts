/**
 * The lines of a transcript's bytes. Line breaks are `\r\n`, `\n` and `\r`, as in LSP; this is the table
 * of line starts a transcript has (its digest and its parse keep it converted to UTF-16, see positions.ts).
 */
import { CR, LF } from './markBytes';
import type { ScanWorkspace } from './scanWorkspace';

/** Writes where each line starts into the workspace's `lineStarts`; returns the number of lines. */
export function computeByteLineStarts(bytes: Uint8Array, workspace: ScanWorkspace): number {
  let starts = workspace.lineStarts;
  let count = 0;
  starts[count++] = 0;
  const n = bytes.length;
  // The next `\r` is searched again only once it has been passed, so text without any stays linear.
  let cr = bytes.indexOf(CR);
  let i = 0;
  while (i < n) {
    const lf = bytes.indexOf(LF, i);
    if (cr >= 0 && cr < i) cr = bytes.indexOf(CR, i);
    if (lf < 0 && cr < 0) break;
    if (cr >= 0 && (lf < 0 || cr < lf)) i = bytes[cr + 1] === LF ? cr + 2 : cr + 1;
    else i = lf + 1;
    if (count === starts.length) starts = workspace.roomForLines(count + 1);
    starts[count++] = i;
  }
  return count;
}

/** Where line `line`'s content ends, before its line break. */
export function lineContentEnd(bytes: Uint8Array, starts: Int32Array, count: number, line: number): number {
  let end = line + 1 < count ? starts[line + 1] : bytes.length;
  if (end > starts[line] && bytes[end - 1] === LF) end--;
  if (end > starts[line] && bytes[end - 1] === CR) end--;
  return end;
}
