/**
 * A project's settings: the `project:` section of codebook.yaml with its defaults filled in.
 */
import picomatch from 'picomatch';
import { RE2JS, RE2JSException } from 're2js';
import type { Severity } from '../diagnostics';
import { CODEBOOK_FILE, inMemosFolder } from './projectFiles';

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

/**
 * Where new transcripts go: the folder (relative to the project, with `/`, '' for its root) of the first
 * transcript pattern that a `.txt` in that folder would match (`transcripts/**\/*.txt` → `transcripts`).
 */
export function newTranscriptFolder(settings: Pick<ProjectSettings, 'transcripts' | 'exclude'>): string {
  const isTranscript = transcriptMatcher(settings);
  for (const pattern of settings.transcripts) {
    const parts = pattern.split('/');
    const fixed: string[] = [];
    for (const part of parts) {
      if (/[*?[\]{}()!+@]/.test(part)) break;
      fixed.push(part);
    }
    // The last fixed part of a pattern without wildcards is a file name, not a folder.
    if (fixed.length === parts.length) fixed.pop();
    const folder = fixed.join('/');
    if (isTranscript(folder ? `${folder}/transcript.txt` : 'transcript.txt')) return folder;
  }
  return '';
}

/** Tells whether a project-relative path (with `/`) is a transcript under these settings. */
export function transcriptMatcher(settings: Pick<ProjectSettings, 'transcripts' | 'exclude'>): (relPath: string) => boolean {
  const include = picomatch(settings.transcripts, { dot: false });
  const exclude = settings.exclude.length > 0 ? picomatch(settings.exclude, { dot: true }) : () => false;
  return (relPath) => {
    // The codebook and the free memos are never transcripts, whatever the globs say.
    if (relPath === CODEBOOK_FILE || inMemosFolder(relPath)) return false;
    return include(relPath) && !exclude(relPath);
  };
}
