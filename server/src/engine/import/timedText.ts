/**
 * Subtitles and automatic transcriptions into paragraphs: WebVTT as Teams, Zoom and Whisper write it,
 * SubRip (.srt) and Whisper's JSON. Each gives cues (a start, an end, a speaker when known, text); cues
 * then become paragraphs:
 *
 * - a change of speaker opens a new turn, so consecutive cues of one speaker join into one turn;
 * - within a turn, and in a file without speakers, a new paragraph starts after a pause of at least
 *   PAUSE_SECONDS, or once the paragraph has run for PARAGRAPH_SECONDS and its last cue ends a sentence;
 * - each paragraph keeps the start time of its first cue.
 *
 * Speakers come from voice tags (`<v Pieter de Vries>`, Teams), from a `Name: ` before the text when at
 * least half of the cues have one (Zoom), or from Whisper JSON's `speaker` field (diarisation tools).
 */
import type { ImportMessage } from './importMessages';
import { tidyLine, type ImportedParagraph } from './transcriptText';

export const PAUSE_SECONDS = 3;
export const PARAGRAPH_SECONDS = 45;

export interface Cue {
  start: number;
  end: number;
  speaker?: string;
  text: string;
}

export type CuesResult = { ok: true; cues: Cue[] } | { ok: false; problem: ImportMessage };

const TIME = String.raw`(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})`;
const TIMING = new RegExp(String.raw`^\s*${TIME}\s*-->\s*${TIME}`);

function seconds(m: RegExpExecArray, at: number): number {
  const [h, mi, s, frac] = [m[at], m[at + 1], m[at + 2], m[at + 3]];
  return Number(h ?? 0) * 3600 + Number(mi) * 60 + Number(s) + Number(`0.${frac}`);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '' };

/** `&amp;`, `&#233;`, `&#xE9;` and the few named references subtitles use. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Blocks of non-blank lines. */
function blocks(text: string): string[][] {
  return text
    .split(/\r\n|\r|\n/)
    .reduce<string[][]>(
      (acc, line) => {
        if (line.trim() === '') {
          if (acc[acc.length - 1].length > 0) acc.push([]);
        } else acc[acc.length - 1].push(line);
        return acc;
      },
      [[]],
    )
    .filter((b) => b.length > 0);
}

/** WebVTT: the header, then cues; NOTE, STYLE and REGION blocks, cue identifiers and settings go. */
export function readVtt(text: string, file: string): CuesResult {
  if (!/^WEBVTT(?:[ \t]|$)/.test(text.split(/\r\n|\r|\n/, 1)[0])) return { ok: false, problem: { code: 'import.not-vtt', args: { file } } };
  const cues: Cue[] = [];
  for (const block of blocks(text).slice(1)) {
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block[0])) continue;
    const timingLine = block.findIndex((l) => l.includes('-->'));
    if (timingLine < 0 || timingLine > 1) continue;
    const m = TIMING.exec(block[timingLine]);
    if (!m) continue;
    const start = seconds(m, 1);
    const end = seconds(m, 5);
    for (const part of voiceParts(block.slice(timingLine + 1).join('\n'))) cues.push({ start, end, ...part });
  }
  if (cues.length === 0) return { ok: false, problem: { code: 'import.no-cues', args: { file } } };
  return { ok: true, cues: withNamePrefixes(cues) };
}

/** A cue's text split at its voice tags: `<v Anna>Hi</v> <v Ben>Hello` is two parts. */
function voiceParts(payload: string): { speaker?: string; text: string }[] {
  const parts: { speaker?: string; text: string }[] = [];
  const voice = /<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>/g;
  let last = 0;
  let speaker: string | undefined;
  let m: RegExpExecArray | null;
  while ((m = voice.exec(payload))) {
    parts.push({ speaker, text: payload.slice(last, m.index) });
    speaker = m[1] !== undefined ? decodeEntities(m[1]).trim() || undefined : undefined;
    last = voice.lastIndex;
  }
  parts.push({ speaker, text: payload.slice(last) });
  return parts.map((p) => ({ ...p, text: cueText(p.text) })).filter((p) => p.text !== '');
}

/** The words of a cue: tags (`<c>`, `<i>`, `<00:01.000>`, `{\an8}`) gone, lines joined with a space. */
function cueText(payload: string): string {
  const withoutTags = payload.replace(/<[^>\n]*>/g, '').replace(/\{\\[^}\n]*\}/g, '');
  return tidyLine(decodeEntities(withoutTags).replace(/\s*\n\s*/g, ' '));
}

/** SubRip: numbered cues with `00:00:01,000 --> 00:00:04,000`. */
export function readSrt(text: string, file: string): CuesResult {
  const cues: Cue[] = [];
  for (const block of blocks(text)) {
    const timingLine = block.findIndex((l) => l.includes('-->'));
    if (timingLine < 0 || timingLine > 1) continue;
    const m = TIMING.exec(block[timingLine]);
    if (!m) continue;
    const words = cueText(block.slice(timingLine + 1).join('\n'));
    if (words !== '') cues.push({ start: seconds(m, 1), end: seconds(m, 5), text: words });
  }
  if (cues.length === 0) return { ok: false, problem: { code: 'import.no-cues', args: { file } } };
  return { ok: true, cues: withNamePrefixes(cues) };
}

/** Whisper's JSON (`segments` with `start` and `text`, and `speaker` from WhisperX and other diarisation tools). */
export function readWhisperJson(text: string, file: string): CuesResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: { code: 'import.not-json', args: { file, detail: e instanceof Error ? e.message : String(e) } } };
  }
  const segments = (value as { segments?: unknown } | null)?.segments;
  if (!Array.isArray(segments)) return { ok: false, problem: { code: 'import.not-whisper', args: { file } } };
  const cues: Cue[] = [];
  for (const s of segments as Record<string, unknown>[]) {
    if (s === null || typeof s !== 'object' || typeof s.start !== 'number' || typeof s.text !== 'string') {
      return { ok: false, problem: { code: 'import.not-whisper', args: { file } } };
    }
    const words = tidyLine(s.text.replace(/\s*\n\s*/g, ' '));
    if (words === '') continue;
    const speaker = typeof s.speaker === 'string' && s.speaker.trim() !== '' ? s.speaker.trim() : undefined;
    cues.push({ start: s.start, end: typeof s.end === 'number' ? s.end : s.start, text: words, ...(speaker ? { speaker } : {}) });
  }
  if (cues.length === 0) return { ok: false, problem: { code: 'import.empty', args: { file } } };
  return { ok: true, cues };
}

const NAME_PREFIX = /^([^:\s"<>[\]{}][^:"<>[\]{}]{0,39}?):\s+(\S.*)$/u;

/**
 * Zoom writes the speaker before the text (`Pieter de Vries: Goedemiddag`). When no cue has a voice tag and
 * at least half of the cues (and at least two) begin with such a name of at most six words, those names are
 * speakers and a cue without one continues the speaker before it. One `Nee: dat niet.` among plain cues is
 * left as text.
 */
function withNamePrefixes(cues: Cue[]): Cue[] {
  if (cues.some((c) => c.speaker !== undefined)) return cues;
  const matches = cues.map((c) => {
    const m = NAME_PREFIX.exec(c.text);
    return m && m[1].trim().split(/\s+/).length <= 6 ? m : null;
  });
  const count = matches.filter((m) => m !== null).length;
  if (count < 2 || count * 2 < cues.length) return cues;
  let speaker: string | undefined;
  return cues.map((c, i) => {
    const m = matches[i];
    if (m) {
      speaker = m[1].trim();
      return { ...c, speaker, text: m[2] };
    }
    return speaker === undefined ? c : { ...c, speaker };
  });
}

/** Cues into paragraphs and turns, by the rules at the top of this file. */
export function cuesToParagraphs(cues: readonly Cue[]): ImportedParagraph[] {
  const paragraphs: ImportedParagraph[] = [];
  let current: (ImportedParagraph & { words: string[]; lastEnd: number }) | undefined;
  let speaker: string | undefined;
  for (const cue of cues) {
    const cueSpeaker = cue.speaker ?? speaker;
    const newTurn = cueSpeaker !== speaker;
    const lastText = current?.words[current.words.length - 1] ?? '';
    const newParagraph =
      !current ||
      newTurn ||
      cue.start - current.lastEnd >= PAUSE_SECONDS ||
      (cue.start - (current.start ?? 0) >= PARAGRAPH_SECONDS && /[.!?…]["'”’)]*$/.test(lastText));
    if (newParagraph) {
      if (current) paragraphs.push({ lines: [current.words.join(' ')], speaker: current.speaker, start: current.start });
      current = { lines: [], words: [], start: cue.start, lastEnd: cue.end, ...(cueSpeaker !== undefined ? { speaker: cueSpeaker } : {}) };
    }
    // Rolling captions repeat the cue before; a repeated cue adds nothing.
    if (current!.words[current!.words.length - 1] !== cue.text) current!.words.push(cue.text);
    current!.lastEnd = Math.max(current!.lastEnd, cue.end);
    speaker = cueSpeaker;
  }
  if (current) paragraphs.push({ lines: [current.words.join(' ')], speaker: current.speaker, start: current.start });
  return paragraphs;
}
