/**
 * Fixture text with markers: `$$CURSOR$$` marks a position, `$[` and `]$` a range. The markers are
 * removed and their offsets returned, so tests say where things are by pointing at them in the text.
 */

export interface Marked {
  text: string;
  cursor: number;
  ranges: { start: number; end: number }[];
}

export function marked(source: string): Marked {
  let text = '';
  let cursor = -1;
  const ranges: { start: number; end: number }[] = [];
  const open: number[] = [];
  const re = /\$\$CURSOR\$\$|\$\[|\]\$/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source)) !== null) {
    text += source.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[0] === '$$CURSOR$$') cursor = text.length;
    else if (m[0] === '$[') open.push(text.length);
    else ranges.push({ start: open.pop()!, end: text.length });
  }
  text += source.slice(last);
  ranges.sort((a, b) => a.start - b.start);
  return { text, cursor, ranges };
}
