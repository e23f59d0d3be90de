/**
 * A project's settings: the `project:` section of codebook.yaml with its defaults filled in.
 */
import picomatch from 'picomatch';
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
  speakerPattern: RegExp;
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
    speakerPattern: new RegExp(DEFAULT_SPEAKER_PATTERN, 'u'),
    interviewers: new Set(DEFAULT_INTERVIEWERS),
    participants: new Set(),
    countInterviewers: false,
    severity: {},
  };
}

/** Compiles a speaker pattern; returns an error message when it is not a valid regular expression. */
export function compileSpeakerPattern(source: string): RegExp | string {
  try {
    const re = new RegExp(source, 'u');
    return re;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Tells whether a project-relative path (with `/`) is a transcript under these settings. */
export function transcriptMatcher(settings: Pick<ProjectSettings, 'transcripts' | 'exclude'>): (relPath: string) => boolean {
  const include = picomatch(settings.transcripts, { dot: false });
  const exclude = settings.exclude.length > 0 ? picomatch(settings.exclude, { dot: true }) : () => false;
  return (relPath) => {
    if (relPath === 'codebook.yaml') return false;
    return include(relPath) && !exclude(relPath);
  };
}
