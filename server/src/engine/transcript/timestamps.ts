/**
 * Timestamps in a transcript's text: `[32:56]` (minutes and seconds) and `[1:02:03]` (hours, minutes and
 * seconds), as the speaker-label matcher (speakers.ts) and the grammar recognise them: one or two digits,
 * then one or two groups of `:` and two digits, in single square brackets. A timestamp inside a tag's
 * double brackets (`[[12:30]]`) is not one. Seconds and minutes of 60 or more are read as written
 * (`[12:75]` is 12 minutes and 75 seconds), so a typo still plays from about the right moment.
 */
import type { Span } from '../diagnostics';

export interface Timestamp {
  /** The timestamp with its brackets. */
  span: Span;
  /** The moment it names, in seconds from the start of the recording. */
  seconds: number;
}

const TIMESTAMP = /\[(\d{1,2}(?::\d{2}){1,2})\]/g;
const WHOLE = /^\[?(\d{1,2}(?::\d{2}){1,2})\]?$/;

/** The seconds of `[mm:ss]`, `[h:mm:ss]` or the same without brackets; undefined for anything else. */
export function parseTimestamp(text: string): number | undefined {
  const m = WHOLE.exec(text.trim());
  return m ? secondsOf(m[1]) : undefined;
}

function secondsOf(digits: string): number {
  return digits.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/**
 * A moment as a timestamp: `[mm:ss]` under an hour, `[h:mm:ss]` from an hour, as the import writes them
 * (fractions of a second dropped; a negative or unreadable time is `[00:00]`).
 */
export function formatTimestamp(seconds: number): string {
  const whole = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds + 1e-6)) : 0;
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `[${h}:${two(m)}:${two(s)}]` : `[${two(m)}:${two(s)}]`;
}

/** A moment as people read it, without brackets and leading zero: `2:05`, `32:56`, `1:02:03`. */
export function timeLabel(seconds: number): string {
  return formatTimestamp(seconds).slice(1, -1).replace(/^0(?=\d:)/, '');
}

/** Every timestamp of `text` from offset `from` on (a transcript's body, after its front matter), in order. */
export function findTimestamps(text: string, from = 0): Timestamp[] {
  const found: Timestamp[] = [];
  TIMESTAMP.lastIndex = from;
  for (let m = TIMESTAMP.exec(text); m; m = TIMESTAMP.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // `[[12:30]]` is a tag's brackets, not a timestamp's.
    if (text.charCodeAt(start - 1) === 0x5b || text.charCodeAt(end) === 0x5d) continue;
    found.push({ span: { start, end }, seconds: secondsOf(m[1]) });
  }
  return found;
}

/**
 * The timestamp that belongs to a place in the text: the first on its line (`[lineStart, lineEnd)`), or
 * else the last one before it, since a timestamp opens the paragraph it times. Undefined when there is none.
 */
export function timestampAt(timestamps: readonly Timestamp[], offset: number, lineStart: number, lineEnd: number): Timestamp | undefined {
  let before: Timestamp | undefined;
  for (const t of timestamps) {
    if (t.span.start >= lineStart && t.span.start < Math.max(lineEnd, lineStart + 1)) return t;
    if (t.span.start < offset) before = t;
    else break;
  }
  return before;
}

/**
 * The text that inserts a timestamp at a place between `before` and `after` (the text either side on
 * its line): the timestamp with a space where it would otherwise touch a word.
 */
export function timestampInsertText(seconds: number, before: string, after: string): string {
  const stamp = formatTimestamp(seconds);
  const last = before.slice(-1);
  const next = after.charAt(0);
  const lead = last !== '' && !/\s/.test(last) ? ' ' : '';
  const trail = next === '' || !/\s/.test(next) ? ' ' : '';
  return `${lead}${stamp}${trail}`;
}
