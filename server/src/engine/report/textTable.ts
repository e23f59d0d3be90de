/**
 * Plain-text tables for a terminal: columns padded to their widest cell (counted in characters, so
 * accented labels line up), a rule under the header, labels cut short with an ellipsis when too long.
 */
import { maxOf } from '../maxOf';

export type Align = 'left' | 'right';

export interface TableOptions {
  /** Alignment per column; default left for the first column, right for the others. */
  align?: Align[];
  /** Longest a cell of each column may be, in characters (default: no limit). */
  maxWidth?: (number | undefined)[];
}

export function textTable(header: string[], rows: string[][], options: TableOptions = {}): string {
  const columns = header.length;
  const align = (i: number): Align => options.align?.[i] ?? (i === 0 ? 'left' : 'right');
  const limit = (i: number, s: string) => truncate(s, options.maxWidth?.[i]);
  const all = [header, ...rows].map((r) => r.map((c, i) => limit(i, c)));
  const widths = Array.from({ length: columns }, (_, i) => maxOf(all.map((r) => displayWidth(r[i] ?? '')), 0));
  const line = (r: string[]) =>
    r
      .map((c, i) => (align(i) === 'left' ? padEnd(c, widths[i]) : padStart(c, widths[i])))
      .join('  ')
      .trimEnd();
  const out = [line(all[0]), '-'.repeat(widths.reduce((a, b) => a + b, 0) + 2 * (columns - 1))];
  for (const r of all.slice(1)) out.push(line(r));
  return out.join('\n') + '\n';
}

/** Characters as a reader counts them (code points after NFC normalisation). */
export function displayWidth(s: string): number {
  return [...s.normalize('NFC')].length;
}

export function truncate(s: string, max: number | undefined): string {
  if (max === undefined) return s;
  const chars = [...s.normalize('NFC')];
  return chars.length <= max ? s : chars.slice(0, Math.max(0, max - 1)).join('') + '…';
}

export function padEnd(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - displayWidth(s)));
}

export function padStart(s: string, n: number): string {
  return ' '.repeat(Math.max(0, n - displayWidth(s))) + s;
}

/** One line of a transcript's words for a terminal: line breaks and runs of spaces become one space. */
export function oneLine(text: string, max?: number): string {
  return truncate(text.replace(/\s+/g, ' ').trim(), max);
}
