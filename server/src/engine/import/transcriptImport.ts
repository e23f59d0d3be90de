/**
 * Importing transcripts as they arrive: a Word document, subtitles from Teams, Zoom or Whisper (.vtt),
 * SubRip (.srt), Whisper's JSON or an oTranscribe file (.otr) become one Codeboom transcript each. Bytes
 * in, text out: no files are read or written here, so the command line and the editor (also in a
 * browser) both use it. A file that is not what its name says gives one problem and no text.
 */
import type { Language } from '../messages';
import { documentParagraphs } from './documentParagraphs';
import { htmlBlocks } from './htmlBlocks';
import type { ImportMessage } from './importMessages';
import type { SpeakerLabel } from './speakerLabels';
import { cuesToParagraphs, readSrt, readVtt, readWhisperJson, type CuesResult } from './timedText';
import { renderTranscript, type ImportedParagraph } from './transcriptText';
import { wordDocumentHtml } from './wordDocument';

export type { ImportMessage } from './importMessages';
export { importMessage } from './importMessages';
export { TRANSCRIPT_IMPORT_EXTENSIONS, transcriptFormatOf, type TranscriptFormat } from './importFormats';
import { transcriptFormatOf, type TranscriptFormat } from './importFormats';
export type { SpeakerLabel } from './speakerLabels';

/** Word-processor files that must be saved as .docx first. */
const SAVE_AS_DOCX = /\.(doc|odt|rtf|pages|wpd)$/i;

export interface ImportedTranscript {
  /** The transcript: front matter (participant to fill in, the speakers), then the text. */
  text: string;
  /** Each speaker's label in the text and name in the source, in order of appearance. */
  speakers: SpeakerLabel[];
  /** Things the user should know, such as an encoding guessed. */
  warnings: ImportMessage[];
}

export type TranscriptImportResult = { ok: true; transcript: ImportedTranscript } | { ok: false; problem: ImportMessage };

export interface TranscriptImportOptions {
  /** The language of the note in the front matter. */
  language?: Language;
}


/**
 * The transcript's file name for a source file: its name with `.txt` for the ending (`Interview 3.docx` →
 * `Interview 3.txt`), without folders, and without characters that file systems refuse or that would lead
 * out of the folder.
 */
export function transcriptFileName(sourceName: string): string {
  const base = sourceName.split(/[/\\]/).pop() ?? '';
  const stem = base.replace(/\.[^.]*$/, '');
  const safe = stem
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '-')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (safe === '') return 'transcript.txt';
  // Names Windows keeps for devices.
  return /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(safe) ? `${safe}-transcript.txt` : `${safe}.txt`;
}

/** Reads one file, by the format its name says. */
export async function importTranscript(fileName: string, bytes: Uint8Array, options: TranscriptImportOptions = {}): Promise<TranscriptImportResult> {
  const file = fileName.split(/[/\\]/).pop() ?? fileName;
  const language = options.language ?? 'en';
  const format = transcriptFormatOf(file);
  if (format === undefined) {
    return { ok: false, problem: { code: SAVE_AS_DOCX.test(file) ? 'import.save-as-docx' : 'import.unsupported', args: { file } } };
  }
  const paragraphs = await paragraphsOf(format, file, bytes);
  if (!paragraphs.ok) return paragraphs;
  if (paragraphs.paragraphs.every((p) => p.lines.every((l) => l.trim() === ''))) return { ok: false, problem: { code: 'import.empty', args: { file } } };
  const rendered = renderTranscript(paragraphs.paragraphs, language);
  return { ok: true, transcript: { ...rendered, warnings: paragraphs.warnings } };
}

type Paragraphs = { ok: true; paragraphs: ImportedParagraph[]; warnings: ImportMessage[] } | { ok: false; problem: ImportMessage };

async function paragraphsOf(format: TranscriptFormat, file: string, bytes: Uint8Array): Promise<Paragraphs> {
  if (format === 'docx') {
    const html = await wordDocumentHtml(bytes);
    if (!html.ok) return { ok: false, problem: { code: 'import.not-docx', args: { file, detail: html.detail } } };
    return { ok: true, paragraphs: documentParagraphs(htmlBlocks(html.html)), warnings: [] };
  }
  const decoded = decodeText(bytes, file, format === 'srt' || format === 'vtt');
  if (!decoded.ok) return decoded;
  const warnings = decoded.warnings;
  if (format === 'otr') {
    let value: unknown;
    try {
      value = JSON.parse(decoded.text);
    } catch (e) {
      return { ok: false, problem: { code: 'import.not-json', args: { file, detail: e instanceof Error ? e.message : String(e) } } };
    }
    const html = (value as { text?: unknown } | null)?.text;
    if (typeof html !== 'string') return { ok: false, problem: { code: 'import.not-otr', args: { file } } };
    return { ok: true, paragraphs: documentParagraphs(htmlBlocks(html)), warnings };
  }
  const cues: CuesResult =
    format === 'vtt' ? readVtt(decoded.text, file) : format === 'srt' ? readSrt(decoded.text, file) : readWhisperJson(decoded.text, file);
  if (!cues.ok) return cues;
  return { ok: true, paragraphs: cuesToParagraphs(cues.cues), warnings };
}

type Decoded = { ok: true; text: string; warnings: ImportMessage[] } | { ok: false; problem: ImportMessage };

/**
 * Text from bytes: UTF-8 (with or without a byte-order mark), or, for subtitles, Windows-1252 as older
 * subtitle tools write it, with a warning. Bytes with NUL in them are no text at all.
 */
function decodeText(bytes: Uint8Array, file: string, legacyAllowed: boolean): Decoded {
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, problem: { code: 'import.not-text', args: { file } } };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), warnings: [] };
  } catch {
    if (!legacyAllowed) return { ok: false, problem: { code: 'import.not-text', args: { file } } };
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), warnings: [{ code: 'import.windows-1252', args: { file } }] };
  }
}
