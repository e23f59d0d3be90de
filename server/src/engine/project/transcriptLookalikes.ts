/**
 * A project none of whose files its transcript patterns match: which of its files look like transcripts
 * (text files in a folder the patterns leave out, word-processor files not yet saved as text), for the
 * warning that says so and what to do.
 */
import { diagnostic, DiagnosticCodes, type Diagnostic, type Span } from '../diagnostics';
import { compareNatural } from './projectIndex';
import { DEFAULT_TRANSCRIPTS, transcriptMatcher, type ProjectSettings } from './settings';

const WORD_PROCESSOR_FILE = /\.(docx|doc|odt|rtf)$/i;

/** How many of a project's files are looked at for ones that look like transcripts. */
const LOOK_LIMIT = 20_000;

export interface TranscriptLookalikes {
  /** Text files the transcript patterns leave out (a folder missing from the patterns), and the first. */
  textFiles: number;
  textExample?: string;
  /** Word-processor files (transcripts not yet saved as plain text), and the first. */
  documents: number;
  documentExample?: string;
}

/** Among a project's files (paths relative to it, with `/`; the first 20,000), those that look like transcripts. */
export function transcriptLookalikes(files: readonly string[], settings: Pick<ProjectSettings, 'exclude'>): TranscriptLookalikes {
  const looksLikeText = transcriptMatcher({ transcripts: DEFAULT_TRANSCRIPTS, exclude: settings.exclude });
  const found: TranscriptLookalikes = { textFiles: 0, documents: 0 };
  const first = (known: string | undefined, relPath: string) => (known === undefined || compareNatural(relPath, known) < 0 ? relPath : known);
  const end = Math.min(files.length, LOOK_LIMIT);
  for (let i = 0; i < end; i++) {
    const relPath = files[i];
    if (looksLikeText(relPath)) {
      found.textFiles++;
      found.textExample = first(found.textExample, relPath);
    } else if (WORD_PROCESSOR_FILE.test(relPath) && !relPath.split('/').pop()!.startsWith('~$')) {
      found.documents++;
      found.documentExample = first(found.documentExample, relPath);
    }
  }
  return found;
}

/**
 * The warning for a project none of whose files matches its transcript patterns, saying what to do with
 * the files that look like transcripts. It points at `transcripts:` in codebook.yaml when that is there.
 */
export function noTranscriptsProblem(settings: Pick<ProjectSettings, 'transcripts'>, codebookText: string, lookalikes: TranscriptLookalikes): Diagnostic {
  return diagnostic(DiagnosticCodes.projectNoTranscripts, transcriptsSettingSpan(codebookText), { patterns: settings.transcripts, ...lookalikes });
}

/** Where codebook.yaml sets `transcripts:` (or else `project:`), or its start. */
function transcriptsSettingSpan(text: string): Span {
  const m = /^[ \t]+(transcripts)[ \t]*:/m.exec(text) ?? /^(project)[ \t]*:/m.exec(text);
  if (!m) return { start: 0, end: 0 };
  const start = m.index + m[0].indexOf(m[1]);
  return { start, end: start + m[1].length };
}
