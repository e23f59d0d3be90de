/**
 * The sentences of importing transcripts, in English and Dutch: why a file was refused, what was noticed
 * on the way, and what the command line says about the files it writes.
 */
import type { Language } from '../messages';

export type ImportMessageCode =
  | 'import.unsupported'
  | 'import.save-as-docx'
  | 'import.not-docx'
  | 'import.not-vtt'
  | 'import.no-cues'
  | 'import.not-text'
  | 'import.not-json'
  | 'import.not-whisper'
  | 'import.not-otr'
  | 'import.empty'
  | 'import.windows-1252'
  | 'import.exists'
  | 'import.same-name'
  | 'import.wrote'
  | 'import.summary'
  | 'import.no-folder'
  | 'import.missing'
  | 'import.unreadable'
  | 'import.not-matched'
  | 'import.frontmatter-hint';

export interface ImportMessage {
  code: ImportMessageCode;
  args: Record<string, string | number>;
}

type Table = Record<ImportMessageCode, (a: Record<string, string | number>) => string>;

const FORMATS = '.docx, .vtt, .srt, .otr, Whisper .json';

const en: Table = {
  'import.unsupported': (a) => `${a.file} is not a kind of file Codeboom imports: give a ${FORMATS} file, or a REFI-QDA .qdc or .qdpx.`,
  'import.save-as-docx': (a) => `${a.file} is not a kind of file Codeboom imports: open it in your word processor and save it as .docx (Word), then import that.`,
  'import.not-docx': (a) => `${a.file} is not a Word document (.docx) that can be read${a.detail ? ` (${a.detail})` : ''}: open it in Word and save it again as .docx.`,
  'import.not-vtt': (a) => `${a.file} is not a WebVTT file (it does not begin with WEBVTT): export the transcript again as .vtt, or rename it if it is another kind of file.`,
  'import.no-cues': (a) => `${a.file} has no cues (no line with a time such as 00:00:01,000 --> 00:00:04,000): export the subtitles again.`,
  'import.not-text': (a) => `${a.file} is not a text file: export it again from the program that made it.`,
  'import.not-json': (a) => `${a.file} is not JSON (${a.detail}): export it again from the transcription tool.`,
  'import.not-whisper': (a) => `${a.file} is not a Whisper transcript: it has no list of segments with a start time and text.`,
  'import.not-otr': (a) => `${a.file} is not an oTranscribe file: it has no text.`,
  'import.empty': (a) => `${a.file} holds no text to import.`,
  'import.windows-1252': (a) => `${a.file} is not UTF-8 and was read as Windows-1252 (Western European): check its accented letters.`,
  'import.exists': (a) => `${a.target} already exists, so ${a.file} was not imported: add --force to overwrite it, or import into another folder with --into.`,
  'import.same-name': (a) => `${a.file} would also become ${a.target}, which this import already wrote: rename one of the files.`,
  'import.wrote': (a) => `Wrote ${a.target}${Number(a.speakers) > 0 ? ` (${a.speakers} speaker${Number(a.speakers) === 1 ? '' : 's'}: ${a.labels})` : ''}.`,
  'import.summary': (a) =>
    `${a.written} of ${a.total} file${Number(a.total) === 1 ? '' : 's'} imported${Number(a.written) > 0 ? '; set participant: in the front matter of each new transcript' : ''}.`,
  'import.no-folder': (a) => `There is no folder ${a.folder}: create it first, or give another --into.`,
  'import.missing': (a) => `There is no file ${a.file}: check its name and folder.`,
  'import.unreadable': (a) => `${a.file} could not be read (${a.detail}).`,
  'import.not-matched': (a) => `${a.target} is not a transcript of the project, since project.transcripts in codebook.yaml (${a.patterns}) leaves it out: move it, or add its folder there.`,
  'import.frontmatter-hint': () => 'Set participant: to the label of the person interviewed; speakers: says who each label is.',
};

const nl: Table = {
  'import.unsupported': (a) => `${a.file} is geen soort bestand dat Codeboom importeert: geef een ${FORMATS}-bestand, of een REFI-QDA .qdc of .qdpx.`,
  'import.save-as-docx': (a) => `${a.file} is geen soort bestand dat Codeboom importeert: open het in je tekstverwerker en sla het op als .docx (Word), en importeer dat.`,
  'import.not-docx': (a) => `${a.file} is geen leesbaar Word-document (.docx)${a.detail ? ` (${a.detail})` : ''}: open het in Word en sla het opnieuw op als .docx.`,
  'import.not-vtt': (a) => `${a.file} is geen WebVTT-bestand (het begint niet met WEBVTT): exporteer het transcript opnieuw als .vtt, of hernoem het als het een ander soort bestand is.`,
  'import.no-cues': (a) => `${a.file} heeft geen cues (geen regel met een tijd zoals 00:00:01,000 --> 00:00:04,000): exporteer de ondertitels opnieuw.`,
  'import.not-text': (a) => `${a.file} is geen tekstbestand: exporteer het opnieuw uit het programma dat het maakte.`,
  'import.not-json': (a) => `${a.file} is geen JSON (${a.detail}): exporteer het opnieuw uit het transcriptieprogramma.`,
  'import.not-whisper': (a) => `${a.file} is geen Whisper-transcript: het heeft geen lijst van segmenten met een begintijd en tekst.`,
  'import.not-otr': (a) => `${a.file} is geen oTranscribe-bestand: het heeft geen tekst.`,
  'import.empty': (a) => `${a.file} bevat geen tekst om te importeren.`,
  'import.windows-1252': (a) => `${a.file} is geen UTF-8 en is gelezen als Windows-1252 (West-Europees): controleer de letters met accenten.`,
  'import.exists': (a) => `${a.target} bestaat al, dus ${a.file} is niet geïmporteerd: voeg --force toe om het te overschrijven, of importeer met --into in een andere map.`,
  'import.same-name': (a) => `${a.file} zou ook ${a.target} worden, dat deze import al schreef: hernoem een van de bestanden.`,
  'import.wrote': (a) => `${a.target} geschreven${Number(a.speakers) > 0 ? ` (${a.speakers} ${Number(a.speakers) === 1 ? 'spreker' : 'sprekers'}: ${a.labels})` : ''}.`,
  'import.summary': (a) =>
    `${a.written} van ${a.total} ${Number(a.total) === 1 ? 'bestand' : 'bestanden'} geïmporteerd${Number(a.written) > 0 ? '; vul participant: in de front matter van elk nieuw transcript in' : ''}.`,
  'import.no-folder': (a) => `De map ${a.folder} bestaat niet: maak hem eerst, of geef een andere --into.`,
  'import.missing': (a) => `Er is geen bestand ${a.file}: controleer de naam en de map.`,
  'import.unreadable': (a) => `${a.file} kon niet gelezen worden (${a.detail}).`,
  'import.not-matched': (a) => `${a.target} is geen transcript van het project, want project.transcripts in codebook.yaml (${a.patterns}) laat het weg: verplaats het, of voeg de map daar toe.`,
  'import.frontmatter-hint': () => 'Zet bij participant: het label van de geïnterviewde; speakers: zegt wie elk label is.',
};

/** The sentence for an import message in `lang`. */
export function importMessage(message: ImportMessage, lang: Language = 'en'): string {
  return (lang === 'nl' ? nl : en)[message.code](message.args);
}
