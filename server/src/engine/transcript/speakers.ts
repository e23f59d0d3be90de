/**
 * Finding speaker labels (`T12= `, `I= `, `Interviewer: `) at the start of a line of UTF-8 bytes. The
 * project's pattern is a regular expression applied to each line: a pattern from the codebook in RE2's
 * linear-time engine, on the line's bytes; the default pattern is decided on bytes for lines of ASCII,
 * so that indexing a corpus does not make a string of every line, and by a regular expression otherwise.
 */
import type { RE2JS } from 're2js';
import { DEFAULT_SPEAKER_PATTERN, type ProjectSettings, type SpeakerPattern } from '../codebook/projectSettings';
import { ByteStrings } from '../text/byteStrings';
import { decodeUtf8, utf8Length } from '../text/utf8';

export type SpeakerSettings = Pick<ProjectSettings, 'speakerPattern'>;

export interface SpeakerMatch {
  speaker: string;
  labelStart: number;
  labelEnd: number;
  /** Where the label and its `=` or `:` end. */
  end: number;
}

/** Finds a label at the start of a line; the match it returns may be reused by its next call. */
export type SpeakerMatcher = (bytes: Uint8Array, lineStart: number, lineEnd: number) => SpeakerMatch | undefined;

/** Lines longer than this are matched on their first this-many bytes: a label is near the start. */
const PREFIX_BYTES = 512;

const WORDS = ['Interviewer', 'Interviewster', 'Interviewee', 'Respondent', 'Onderzoeker', 'Deelnemer', 'Participant', 'Moderator'].map(
  (w) => Array.from(w, (c) => c.charCodeAt(0)),
);

/**
 * The matchers of one project's scans, one per speaker pattern: each keeps its own table of label strings
 * and its own result, so two projects (a worker's, a test's) never share them.
 */
export class SpeakerMatchers {
  private pattern: SpeakerPattern | undefined;
  private matcher: SpeakerMatcher | undefined;

  /** The matcher for a project's speaker pattern (made once while the pattern stays the same). */
  matcherFor(settings: SpeakerSettings): SpeakerMatcher {
    const pattern = settings.speakerPattern;
    if (this.pattern !== pattern || !this.matcher) {
      this.matcher = speakerMatcher(settings);
      this.pattern = pattern;
    }
    return this.matcher;
  }
}

/** A new matcher for a project's speaker pattern. */
export function speakerMatcher(settings: SpeakerSettings): SpeakerMatcher {
  const pattern = settings.speakerPattern;
  if (pattern.custom) return re2Matcher(pattern.custom);
  const byRegex = regexMatcher(new RegExp(DEFAULT_SPEAKER_PATTERN, 'myud'));
  const byBytes = defaultAsciiMatcher();
  return (bytes, lineStart, lineEnd) => {
    const result = byBytes(bytes, lineStart, lineEnd);
    return result === NOT_ASCII ? byRegex(bytes, lineStart, lineEnd) : result;
  };
}

/** A codebook's pattern, in RE2's engine on the line's bytes: its offsets are the bytes' own. */
function re2Matcher(pattern: RE2JS): SpeakerMatcher {
  const group = 'speaker' in pattern.namedGroups() ? 'speaker' : pattern.groupCount() >= 1 ? 1 : 0;
  return (bytes, lineStart, lineEnd) => {
    const m = pattern.matcher(bytes.subarray(lineStart, Math.min(lineEnd, lineStart + PREFIX_BYTES)));
    if (!m.lookingAt()) return undefined;
    const took = m.start(group) >= 0;
    const from = took ? m.start(group) : 0;
    const to = took ? m.end(group) : m.end(0);
    const speaker = decodeUtf8(bytes, lineStart + from, lineStart + to).trim();
    if (!speaker) return undefined;
    return { speaker, labelStart: lineStart + from, labelEnd: lineStart + to, end: lineStart + m.end(0) };
  };
}

/** The default pattern as a (sticky) regular expression, for the lines the byte matcher leaves to it. */
function regexMatcher(sticky: RegExp): SpeakerMatcher {
  return (bytes, lineStart, lineEnd) => {
    const end = Math.min(lineEnd, lineStart + PREFIX_BYTES);
    const text = decodeUtf8(bytes, lineStart, end);
    sticky.lastIndex = 0;
    const m = sticky.exec(text);
    if (!m || m.index !== 0) return undefined;
    const g = m.indices?.groups?.speaker ?? [0, m[0].length];
    const speaker = text.slice(g[0], g[1]).trim();
    if (!speaker) return undefined;
    const labelStart = lineStart + utf8Length(text, 0, g[0]);
    const labelEnd = labelStart + utf8Length(text, g[0], g[1]);
    return { speaker, labelStart, labelEnd, end: lineStart + utf8Length(text, 0, m[0].length) };
  };
}

const NOT_ASCII = Symbol('not ascii');

/**
 * The default pattern, `^(?:\[\d{1,2}(?::\d{2}){1,2}\][ \t]*)?(?<speaker>\p{Lu}[\p{Lu}\p{N}]{0,5}|Interviewer|…)[ \t]*[=:]`,
 * decided on bytes. Its match returns NOT_ASCII when a byte it would have to judge is not ASCII, so that
 * the regular expression decides instead.
 */
function defaultAsciiMatcher(): (b: Uint8Array, start: number, end: number) => SpeakerMatch | undefined | typeof NOT_ASCII {
  /** Labels as strings, one per distinct label. */
  const labels = new ByteStrings<undefined>(() => undefined, 1024);
  /** The one result, filled anew by each match: a corpus has a turn every few lines. */
  const match: SpeakerMatch = { speaker: '', labelStart: 0, labelEnd: 0, end: 0 };
  const matched = (speaker: string, labelStart: number, labelEnd: number, end: number): SpeakerMatch => {
    match.speaker = speaker;
    match.labelStart = labelStart;
    match.labelEnd = labelEnd;
    match.end = end;
    return match;
  };
  return (b, start, end) => {
    let i = start;
    // Optional timestamp: [d{1,2}(:dd){1,2}] then spaces or tabs.
    if (b[i] === 0x5b) {
      const t = timestampEnd(b, i, end);
      if (t > 0) {
        i = t;
        while (i < end && (b[i] === 0x20 || b[i] === 0x09)) i++;
      }
    }
    if (i >= end) return undefined;
    const first = b[i];
    if (first >= 0x80) return NOT_ASCII;
    const labelStart = i;
    if (first >= 0x41 && first <= 0x5a) {
      let j = i + 1;
      while (j < end && j - i < 6 && isUpperOrDigit(b[j])) j++;
      if (j < end && b[j] >= 0x80) return NOT_ASCII;
      const after = separatorEnd(b, j, end);
      if (after > 0) return matched(labels.get(b, labelStart, j).text, labelStart, j, after);
    }
    for (const word of WORDS) {
      if (end - i < word.length) continue;
      let k = 0;
      while (k < word.length && b[i + k] === word[k]) k++;
      if (k < word.length) continue;
      const after = separatorEnd(b, i + k, end);
      if (after > 0) return matched(labels.get(b, labelStart, i + k).text, labelStart, i + k, after);
    }
    return undefined;
  };
}

function isUpperOrDigit(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** After a label: `[ \t]*[=:]`; returns the offset after the separator, or 0. */
function separatorEnd(b: Uint8Array, from: number, end: number): number {
  let j = from;
  while (j < end && (b[j] === 0x20 || b[j] === 0x09)) j++;
  return j < end && (b[j] === 0x3d || b[j] === 0x3a) ? j + 1 : 0;
}

/** `[12:34]` or `[1:02:03]` at `i`; returns the offset after `]`, or 0. */
function timestampEnd(b: Uint8Array, i: number, end: number): number {
  // One or two digits, then one or two groups of `:` and exactly two digits (a third makes it no timestamp).
  let j = i + 1;
  const first = digitsAt(b, j, end);
  if (first === 0) return 0;
  j += first;
  let groups = 0;
  while (groups < 2 && j < end && b[j] === 0x3a) {
    const k = digitsAt(b, j + 1, end);
    if (k < 2) return 0;
    j += 1 + k;
    groups++;
  }
  if (groups === 0) return 0;
  return j < end && b[j] === 0x5d ? j + 1 : 0;
}

/** How many digits (at most two) stand at `j`. */
function digitsAt(b: Uint8Array, j: number, end: number): number {
  let k = 0;
  while (j + k < end && k < 2 && b[j + k] >= 0x30 && b[j + k] <= 0x39) k++;
  return k;
}

