/**
 * Export of a whole project as a REFI-QDA project (.qdpx): project.qde, valid against Project.xsd, and
 * each transcript as a UTF-8 plain-text source without its tags and passage marks. Every coded segment
 * becomes a `PlainTextSelection` whose positions count Unicode code points from the start of that clean
 * text, the end exclusive; codes on the same stretch of text share one selection. Participants become
 * Cases, document variables Variables, memos on codings Notes.
 *
 * Written so that QualCoder's import reads it in full too: a coding with a memo gets a selection of its
 * own whose Description is the memo (QualCoder reads no NoteRef in a Coding), every Note has a
 * creationDateTime, and each case is also a code with the case's GUID that codes its transcripts whole
 * (the convention NVivo writes and QualCoder reads; QualCoder ignores a named Case's SourceRefs), in a
 * group of its own that is not codable.
 */
import { resolveCode, type Codebook } from '../codebook/codebook';
import { localize } from '../codebook/localized';
import type { ResolvedTranscript } from '../transcript/resolve';
import { TextPositions } from '../text/positions';
import { cleanDocument, type ParsedTranscript } from '../transcript/transcript';
import { RefiError } from './refiError';
import { nameGuid } from './guid';
import { clashWarnings, exportedNames, nameClashes } from './codeNames';
import { codeGuids, writeCodes } from './refiCodes';
import { variableType, writeVariableValue, type VariableType } from './variables';
import { XmlWriter } from './xml';
import { writeZip, type ZipFile } from './zip';
import { counted } from '../messages';
import { CODEBOOK_FILE } from '../project/projectFiles';
import type { MemoFile } from '../project/memoFiles';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

export interface QdpxExportOptions {
  /** The language of code names and descriptions (default: the codebook's project language). */
  language?: string;
  /** Written as `origin`, e.g. "Codeboom 0.1.0". */
  origin?: string;
  /** The project's name (default: the codebook's title, else "Codeboom project"). */
  name?: string;
  /** Names codes that share a name apart, with their parent's label (see codeNames.ts). */
  uniqueNames?: boolean;
  /**
   * When each file was last changed, by document id and `codebook.yaml`: notes are dated with the time
   * of the file their memo is in. Without it (or for a file it lacks) notes get the same fixed time as
   * the zip's entries, so the same project always gives the same bytes.
   */
  fileDates?: ReadonlyMap<string, Date>;
  /** The project's free memos (memos/*.md), written as Notes of the project. */
  freeMemos?: readonly MemoFile[];
}

/** The date of files whose time is not known: the one the zip's entries carry too. */
const UNKNOWN_DATE = new Date(Date.UTC(2000, 0, 1));

export interface QdpxExportSummary {
  transcripts: number;
  codes: number;
  selections: number;
  codings: number;
  notes: number;
  cases: number;
}

export interface QdpxContent {
  /** project.qde */
  qde: string;
  /** The files under `sources/`, named by GUID. */
  sources: ZipFile[];
  summary: QdpxExportSummary;
  /** What could not be exported, one sentence each. */
  warnings: string[];
}

/** The project as the export needs it: a ProjectIndex, or anything with its codebook and documents. */
export interface ExportableProject {
  readonly codebook: Codebook;
  documents(): readonly { readonly id: string; readonly resolved: ResolvedTranscript }[];
  /** The full parse of a document (its text is needed). */
  parsed(id: string): ParsedTranscript | undefined;
}

interface ExportedDocument {
  id: string;
  resolved: ResolvedTranscript;
  parsed: ParsedTranscript;
}

interface Selection {
  guid: string;
  start: number;
  end: number;
  text: string;
  /** The memo of its one coding, as QualCoder reads it. */
  memo?: string;
  codings: { code: string; guid: string; note?: { guid: string; text: string } }[];
}

interface Source {
  doc: ExportedDocument;
  guid: string;
  name: string;
  text: string;
  selections: Selection[];
}

/** The .qdpx file's bytes. */
export function exportQdpx(project: ExportableProject, options: QdpxExportOptions = {}): Uint8Array {
  const content = buildQdpx(project, options);
  return writeZip([{ name: 'project.qde', data: new TextEncoder().encode(content.qde) }, ...content.sources]);
}

/** What goes into the .qdpx, before zipping: for tests and for front ends that show a summary. */
export function buildQdpx(project: ExportableProject, options: QdpxExportOptions = {}): QdpxContent {
  const codebook = project.codebook;
  const language = options.language ?? codebook.settings.language;
  const guids = codeGuids(codebook);
  // Every GUID in the file is different: a derived one that is taken already is derived again.
  const guid = guidMaker(guids.values());
  const warnings: string[] = [];
  const docs: ExportedDocument[] = project.documents().map((d) => {
    const parsed = project.parsed(d.id);
    if (!parsed) throw new RefiError(`The text of ${d.id} could not be read again: check that the file is still there, then export again.`);
    return { id: d.id, resolved: d.resolved, parsed };
  });
  const names = sourceNames(docs);
  const sources = docs.map((doc) => toSource(doc, names.get(doc.id)!, codebook, warnings, guid));
  const dateOf = (file: string) => dateTime(options.fileDates?.get(file) ?? UNKNOWN_DATE);

  const w = new XmlWriter();
  w.start('Project', [
    ['xmlns', PROJECT_NAMESPACE],
    ['name', options.name ?? localize(codebook.title, language, codebook.settings.language) ?? 'Codeboom project'],
    ['origin', options.origin ?? 'Codeboom'],
  ]);

  const cases = collectCases(sources);
  const caseGuids = new Map([...cases.keys()].map((p) => [p, guid(`case:${p}`)]));
  const codeNames = exportedNames(codebook, language, options.uniqueNames ?? false);
  if (!options.uniqueNames) warnings.push(...clashWarnings(nameClashes(codebook, language)));
  const caseCodeNames = caseCodeNamesOf([...cases.keys()], new Set(codeNames.values()), language);

  const codeNotes = new Map<string, string>();
  for (const code of codebook.codes.values()) if (code.memo) codeNotes.set(code.path, guid(`code-note:${code.path}`));
  if (codebook.roots.length > 0 || cases.size > 0) {
    w.start('CodeBook').start('Codes');
    writeCodes(w, codebook, guids, { language, noteRefs: codeNotes, names: codeNames });
    if (cases.size > 0) {
      w.start('Code', [['guid', guid('case-codes')], ['name', CASE_GROUP[lang(language)].name], ['isCodable', false]]);
      w.textElement('Description', CASE_GROUP[lang(language)].description);
      for (const p of cases.keys()) w.empty('Code', [['guid', caseGuids.get(p)], ['name', caseCodeNames.get(p)], ['isCodable', true]]);
      w.end();
    }
    w.end().end();
  }

  const variables = collectVariables(docs, guid);
  if (variables.size > 0) {
    w.start('Variables');
    for (const [name, v] of variables) w.empty('Variable', [['guid', v.guid], ['name', name], ['typeOfVariable', v.type]]);
    w.end();
  }

  const sourceLevel = new Map<Source, string[]>();
  const caseOf = new Map<Source, string>();
  if (cases.size > 0) {
    w.start('Cases');
    for (const [participant, members] of cases) {
      w.start('Case', [['guid', caseGuids.get(participant)], ['name', participant]]);
      w.empty('CodeRef', [['targetGUID', caseGuids.get(participant)]]);
      for (const [name, v] of variables) {
        const values = members.map((s) => s.doc.parsed.frontMatter?.variables[name] ?? '');
        if (values[0] !== '' && values.every((x) => x === values[0])) writeVariableValue(w, v.guid, v.type, values[0]);
        else members.forEach((s) => sourceLevel.set(s, [...(sourceLevel.get(s) ?? []), name]));
      }
      for (const s of members) {
        w.empty('SourceRef', [['targetGUID', s.guid]]);
        caseOf.set(s, caseGuids.get(participant)!);
      }
      w.end();
    }
    w.end();
  }

  const notes: { guid: string; name: string; text: string; created: string }[] = [];
  if (sources.length > 0) {
    w.start('Sources');
    for (const s of sources) {
      w.start('TextSource', [['guid', s.guid], ['name', s.name], ['plainTextPath', `internal://${s.guid}.txt`]]);
      // The document's memo: the Description QualCoder reads as the source's memo, and a note for the standard.
      const documentMemo = s.doc.parsed.frontMatter?.memo;
      if (documentMemo) w.textElement('Description', documentMemo);
      for (const sel of s.selections) {
        w.start('PlainTextSelection', [['guid', sel.guid], ['name', selectionName(sel.text)], ['startPosition', sel.start], ['endPosition', sel.end]]);
        if (sel.memo !== undefined) w.textElement('Description', sel.memo);
        for (const c of sel.codings) {
          w.start('Coding', [['guid', c.guid]]);
          w.empty('CodeRef', [['targetGUID', guids.get(c.code)]]);
          if (c.note) {
            w.empty('NoteRef', [['targetGUID', c.note.guid]]);
            notes.push({ guid: c.note.guid, name: `${codeNames.get(c.code)} (${s.name})`, text: c.note.text, created: dateOf(s.doc.id) });
          }
          w.end();
        }
        w.end();
      }
      const caseGuid = caseOf.get(s);
      const length = [...s.text].length;
      if (caseGuid && length > 0) {
        // The whole transcript coded with its case's code: how QualCoder links a case to its documents.
        w.start('PlainTextSelection', [['guid', guid(`case-selection:${s.doc.id}`)], ['name', s.name], ['startPosition', 0], ['endPosition', length]]);
        w.start('Coding', [['guid', guid(`case-coding:${s.doc.id}`)]]);
        w.empty('CodeRef', [['targetGUID', caseGuid]]);
        w.end().end();
      }
      if (documentMemo) {
        const noteGuid = guid(`document-note:${s.doc.id}`);
        w.empty('NoteRef', [['targetGUID', noteGuid]]);
        notes.push({ guid: noteGuid, name: s.name, text: documentMemo, created: dateOf(s.doc.id) });
      }
      for (const name of sourceLevel.get(s) ?? []) {
        const value = s.doc.parsed.frontMatter?.variables[name] ?? '';
        const v = variables.get(name)!;
        if (value !== '') writeVariableValue(w, v.guid, v.type, value);
      }
      w.end();
    }
    w.end();
  }

  for (const [path, noteGuid] of codeNotes) {
    const code = codebook.codes.get(path)!;
    notes.push({ guid: noteGuid, name: codeNames.get(path)!, text: code.memo!, created: dateOf(CODEBOOK_FILE) });
  }
  // Free memos are notes of the project as a whole, referenced from the project (after everything else).
  const projectNotes: string[] = [];
  for (const memo of options.freeMemos ?? []) {
    const noteGuid = guid(`project-note:${memo.id}`);
    projectNotes.push(noteGuid);
    notes.push({ guid: noteGuid, name: memo.title, text: memo.body, created: dateOf(memo.id) });
  }
  if (notes.length > 0) {
    w.start('Notes');
    for (const n of notes) {
      w.start('Note', [['guid', n.guid], ['name', n.name], ['creationDateTime', n.created]]);
      w.textElement('PlainTextContent', n.text);
      w.end();
    }
    w.end();
  }
  for (const noteGuid of projectNotes) w.empty('NoteRef', [['targetGUID', noteGuid]]);
  w.end();

  const selections = sources.reduce((n, s) => n + new Set(s.selections.map((sel) => `${sel.start}:${sel.end}`)).size, 0);
  const codings = sources.reduce((n, s) => n + s.selections.reduce((m, sel) => m + sel.codings.length, 0), 0);
  return {
    qde: w.toString(),
    sources: sources.map((s) => ({ name: `sources/${s.guid}.txt`, data: new TextEncoder().encode(sourceFileText(s.text)) })),
    summary: { transcripts: sources.length, codes: codebook.codes.size, selections, codings, notes: notes.length, cases: cases.size },
    warnings,
  };
}

const CASE_GROUP: Record<'en' | 'nl', { name: string; description: string; code: string }> = {
  en: {
    name: 'Participants',
    description:
      'The participants (the cases of this project), each as a code of their whole transcripts, as NVivo writes cases, so that programs that link cases to documents through codes (QualCoder) find them. Programs that read the Cases need not keep this group.',
    code: 'participant',
  },
  nl: {
    name: 'Deelnemers',
    description:
      'De deelnemers (de cases van dit project), elk als code van hun hele transcripten, zoals NVivo cases schrijft, zodat programma\'s die cases via codes aan documenten koppelen (QualCoder) ze vinden. Programma\'s die de Cases lezen hoeven deze groep niet te bewaren.',
    code: 'deelnemer',
  },
};

const lang = (language: string): 'en' | 'nl' => (language.split('-')[0] === 'nl' ? 'nl' : 'en');

/** The names of the case codes: the participant, or with a word added when a code has that name already. */
function caseCodeNamesOf(participants: readonly string[], codeNames: ReadonlySet<string>, language: string): Map<string, string> {
  const taken = new Set(codeNames);
  const result = new Map<string, string>();
  for (const p of participants) {
    let name = p;
    for (let n = 1; taken.has(name); n++) name = `${p} (${CASE_GROUP[lang(language)].code}${n > 1 ? ` ${n}` : ''})`;
    taken.add(name);
    result.set(p, name);
  }
  return result;
}

/** An xsd:dateTime in UTC, to the second. */
function dateTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Name-based GUIDs that are never given out twice in one file. */
function guidMaker(taken: Iterable<string>): (name: string) => string {
  const used = new Set(taken);
  return (name) => {
    let g = nameGuid(name);
    for (let n = 2; used.has(g); n++) g = nameGuid(`${name}#${n}`);
    used.add(g);
    return g;
  };
}

function toSource(doc: ExportedDocument, name: string, codebook: Codebook, warnings: string[], guid: (name: string) => string): Source {
  const clean = cleanDocument(doc.parsed);
  const bodyStart = clean.toClean(doc.parsed.bodyStart);
  const text = clean.text.slice(bodyStart);
  const positions = new TextPositions(text);
  // Span → code → its memos, in the order the tags come: one coding per code and stretch of text.
  const spans = new Map<string, { start: number; end: number; codes: Map<string, string[]> }>();
  let empty = 0;
  for (const segment of doc.resolved.segments) {
    const start = positions.toCodePoint(clean.toClean(segment.span.start) - bodyStart);
    const end = positions.toCodePoint(clean.toClean(segment.span.end) - bodyStart);
    if (end <= start) {
      empty++;
      continue;
    }
    const key = `${start}:${end}`;
    if (!spans.has(key)) spans.set(key, { start, end, codes: new Map() });
    const codes = spans.get(key)!.codes;
    codes.set(segment.code, [...(codes.get(segment.code) ?? []), ...segment.memos]);
  }
  const selections: Selection[] = [];
  for (const [key, span] of spans) {
    const selectionText = text.slice(positions.fromCodePoint(span.start), positions.fromCodePoint(span.end));
    let shared: Selection | undefined;
    for (const [code, memos] of span.codes) {
      const id = `${doc.id}:${key}:${code}`;
      const coding = { code, guid: guid(`coding:${id}`) };
      if (memos.length === 0) {
        if (!shared) {
          shared = { guid: guid(`selection:${doc.id}:${key}`), start: span.start, end: span.end, text: selectionText, codings: [] };
          selections.push(shared);
        }
        shared.codings.push(coding);
      } else {
        const memo = memos.join('\n\n');
        selections.push({
          guid: guid(`selection:${id}`),
          start: span.start,
          end: span.end,
          text: selectionText,
          memo,
          codings: [{ ...coding, note: { guid: guid(`note:${id}`), text: memo } }],
        });
      }
    }
  }
  const unknown = doc.parsed.tags.filter((t) => t.wellFormed && resolveCode(codebook, t.path).kind === 'unknown').length;
  if (unknown > 0) warnings.push(`${doc.id}: ${counted(unknown, 'tag', 'tags')} with a code that is not in the codebook ${unknown === 1 ? 'was' : 'were'} left out.`);
  if (empty > 0) warnings.push(`${doc.id}: ${counted(empty, 'coding', 'codings')} of an empty passage ${empty === 1 ? 'was' : 'were'} left out.`);
  selections.sort((a, b) => a.start - b.start || a.end - b.end);
  return { doc, guid: guid(`source:${doc.id}`), name, text, selections };
}

/** Source names: the file name without extension, or the whole path when two files share a name. */
function sourceNames(docs: readonly ExportedDocument[]): Map<string, string> {
  const base = (id: string) => (id.split('/').pop() ?? id).replace(/\.[^.]+$/, '');
  const count = new Map<string, number>();
  for (const d of docs) count.set(base(d.id), (count.get(base(d.id)) ?? 0) + 1);
  return new Map(docs.map((d) => [d.id, count.get(base(d.id))! > 1 ? d.id.replace(/\.[^./]+$/, '') : base(d.id)]));
}

function collectVariables(docs: readonly ExportedDocument[], guid: (name: string) => string): Map<string, { guid: string; type: VariableType }> {
  const values = new Map<string, string[]>();
  for (const d of docs) {
    for (const [k, v] of Object.entries(d.parsed.frontMatter?.variables ?? {})) {
      if (!values.has(k)) values.set(k, []);
      values.get(k)!.push(v);
    }
  }
  return new Map([...values].map(([k, v]) => [k, { guid: guid(`variable:${k}`), type: variableType(v) }]));
}

/**
 * A source's text as its file holds it. A text that starts with U+FEFF gets a byte-order mark before
 * it: a reader takes a file's first mark off, and the character would be lost with it, shifting every
 * position after it by one.
 */
function sourceFileText(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? `\ufeff${text}` : text;
}

function collectCases(sources: readonly Source[]): Map<string, Source[]> {
  const cases = new Map<string, Source[]>();
  for (const s of sources) {
    const p = s.doc.resolved.participant;
    if (!cases.has(p)) cases.set(p, []);
    cases.get(p)!.push(s);
  }
  return cases;
}

/** The first words of a selection, as tools that list quotations show them. */
function selectionName(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > 60 ? `${chars.slice(0, 60).join('').trimEnd()}…` : flat;
}
