/**
 * The code path being typed after `[[`, for completion. (The tag under the cursor is the digest's
 * `tagIndexAt`.)
 */

export interface PathContext {
  /** Where the path starts (after `[[` and any spaces). */
  pathStart: number;
  /** What has been typed of the path, up to the cursor. */
  prefix: string;
  /** Where the typed path ends: the cursor, or further when the cursor stands inside an existing path. */
  pathEnd: number;
  /** true when the tag is already closed with `]]` on this line. */
  closed: boolean;
}

/**
 * When the cursor at `column` of `line` stands where a code path is written (after `[[`, before `|` or
 * `]]`), the path typed so far; otherwise undefined. `lineStart` is the line's offset in the document.
 */
export function pathContextAt(line: string, column: number, lineStart = 0): PathContext | undefined {
  const before = line.slice(0, column);
  const open = before.lastIndexOf('[[');
  if (open < 0) return undefined;
  const between = before.slice(open + 2);
  if (between.includes(']]') || between.includes('|')) return undefined;
  const lead = between.length - between.trimStart().length;
  const prefix = between.slice(lead);
  if (/\s/.test(prefix)) return undefined;
  const rest = line.slice(column);
  const pathRest = /^[^\s|\]]*/.exec(rest)?.[0] ?? '';
  const afterPath = rest.slice(pathRest.length);
  const closed = /^\s*(\|[^\]]*)?\]\]/.test(afterPath);
  return {
    pathStart: lineStart + open + 2 + lead,
    prefix,
    pathEnd: lineStart + column + pathRest.length,
    closed,
  };
}
