/**
 * Which files the transcript import takes, by their name: apart from the import itself so that a file
 * picker can list them without loading the readers.
 */
export type TranscriptFormat = 'docx' | 'vtt' | 'srt' | 'whisper-json' | 'otr';

/** The file name endings `importTranscript` takes, for file pickers. */
export const TRANSCRIPT_IMPORT_EXTENSIONS: readonly string[] = ['docx', 'vtt', 'srt', 'json', 'otr'];

/** The format a file name says, or undefined when it is none of those `importTranscript` reads. */
export function transcriptFormatOf(fileName: string): TranscriptFormat | undefined {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1].toLowerCase();
  switch (ext) {
    case 'docx':
      return 'docx';
    case 'vtt':
      return 'vtt';
    case 'srt':
      return 'srt';
    case 'json':
      return 'whisper-json';
    case 'otr':
      return 'otr';
    default:
      return undefined;
  }
}
