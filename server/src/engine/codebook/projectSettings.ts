/**
 * A project's settings: the `project:` section of codebook.yaml with its defaults filled in. They live on
 * the codebook's floor because the codebook reads them and the transcript parser (speaker labels) and
 * segment navigation use them; which files they make transcripts is project/settings.ts's.
 */
import { RE2JS, RE2JSException } from 're2js';
import type { Severity } from '../diagnostics';

/**
 * The default speaker label: an optional timestamp such as `[32:56]`, then a short label of capitals and
 * digits (`T12`, `I`, `R`, `P3`) or one of the usual words, then `=` or `:`. `Nee: ...` is not a label.
 */
export const DEFAULT_SPEAKER_PATTERN =
  '^(?:\\[\\d{1,2}(?::\\d{2}){1,2}\\][ \\t]*)?(?<speaker>\\p{Lu}[\\p{Lu}\\p{N}]{0,5}|Interviewer|Interviewster|Interviewee|Respondent|Onderzoeker|Deelnemer|Participant|Moderator)[ \\t]*[=:]';

export const DEFAULT_INTERVIEWERS = ['I', 'INT', 'Interviewer', 'Interviewster', 'Onderzoeker', 'Moderator'];

export const DEFAULT_TRANSCRIPTS = ['**/*.txt', '**/*.md'];
export const DEFAULT_EXCLUDE = [
  '**/README*',
  '**/CHANGELOG*',
  '**/LICENSE*',
  '**/node_modules/**',
  '**/.git/**',
  '**/.*/**',
];

export interface ProjectSettings {
  /** Language of labels when the user's language is not in the codebook. */
  language: string;
  transcripts: string[];
  exclude: string[];
  speakerPattern: SpeakerPattern;
  interviewers: ReadonlySet<string>;
  participants: ReadonlySet<string>;
  countInterviewers: boolean;
  severity: Readonly<Record<string, Severity | 'off'>>;
}

export function defaultSettings(): ProjectSettings {
  return {
    language: 'en',
    transcripts: DEFAULT_TRANSCRIPTS,
    exclude: DEFAULT_EXCLUDE,
    speakerPattern: { source: DEFAULT_SPEAKER_PATTERN },
    interviewers: new Set(DEFAULT_INTERVIEWERS),
    participants: new Set(),
    countInterviewers: false,
    severity: {},
  };
}

/**
 * A speaker pattern. The default is Codeboom's own and decided by its own matcher; a pattern from the
 * codebook runs in RE2's engine, whose time is linear in the line it reads, so that no pattern can make
 * a check or the language server hang (a backtracking engine takes years on `^(?<speaker>(a+)+)=`).
 */
export interface SpeakerPattern {
  /** As written in codebook.yaml, or the default. */
  readonly source: string;
  /** The codebook's pattern compiled by RE2; undefined for the default pattern. */
  readonly custom?: RE2JS;
}

/** Why a speaker pattern cannot be used: RE2's words, and the feature RE2 lacks when that is the reason. */
export interface PatternProblem {
  detail: string;
  /** `backreference` or `lookaround`, with the part of the pattern that uses it. */
  unsupported?: 'backreference' | 'lookaround';
  part?: string;
}

/** Compiles a speaker pattern from the codebook, or says why it cannot be used. */
export function compileSpeakerPattern(source: string): SpeakerPattern | PatternProblem {
  if (source === DEFAULT_SPEAKER_PATTERN) return { source };
  try {
    return { source, custom: RE2JS.compile(withRe2Escapes(source)) };
  } catch (e) {
    const detail = e instanceof RE2JSException ? e.message.replace(/^error parsing regexp: /, '') : String(e);
    return { detail, ...unsupportedFeature(source) };
  }
}

/** JavaScript's `\uXXXX` and `\u{X…}` in RE2's spelling, `\x{…}`; everything else as written. */
function withRe2Escapes(source: string): string {
  return source.replace(/\\(?:u\{([0-9A-Fa-f]{1,6})\}|u([0-9A-Fa-f]{4})|[^])/g, (escape, braced?: string, four?: string) =>
    braced !== undefined || four !== undefined ? `\\x{${braced ?? four}}` : escape,
  );
}

/** A backreference or lookaround in a pattern (what RE2 leaves out to stay linear), outside character classes. */
function unsupportedFeature(source: string): Pick<PatternProblem, 'unsupported' | 'part'> {
  const backreference = /\\(?:[1-9][0-9]{0,2}|k<[^>]{0,64}>)/y;
  const lookaround = /\(\?(?:=|!|<=|<!)/y;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      backreference.lastIndex = i;
      const m = inClass ? null : backreference.exec(source);
      if (m) return { unsupported: 'backreference', part: m[0] };
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      lookaround.lastIndex = i;
      const m = lookaround.exec(source);
      if (m) return { unsupported: 'lookaround', part: m[0] };
    }
  }
  return {};
}
