/**
 * Export of a whole project as a REFI-QDA project (.qdpx): project.qde, valid against Project.xsd, and
 * each transcript as a UTF-8 plain-text source without its tags and passage marks. Every coded segment
 * becomes a `PlainTextSelection` whose positions count Unicode code points from the start of that clean
 * text, the end exclusive; codes on the same stretch of text share one selection. Participants become
 * Cases, document variables Variables, memos on codings Notes.
 */
import { codeLabel, resolveCode, type Codebook } from '../codebook/codebook';
import { localize } from '../codebook/localized';
import type { ResolvedTranscript } from '../transcript/resolve';
import { TextPositions } from '../text/positions';
import { cleanDocument, type ParsedTranscript } from '../transcript/transcript';
import { RefiError } from './refiError';
import { nameGuid } from './guid';
import { codeGuids, writeCodes } from './refiCodes';
import { variableType, writeVariableValue, type VariableType } from './variables';
import { XmlWriter } from './xml';
import { writeZip, type ZipFile } from './zip';
import { counted } from '../messages';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

export interface QdpxExportOptions {
  /** The language of code names and descriptions (default: the codebook's project language). */
  language?: string;
  /** Written as `origin`, e.g. "Codeboom 0.1.0". */
  origin?: string;
  /** The project's name (default: the codebook's title, else "Codeboom project"). */
  name?: string;
}

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
  const warnings: string[] = [];
  const docs: ExportedDocument[] = project.documents().map((d) => {
    const parsed = project.parsed(d.id);
    if (!parsed) throw new RefiError(`The text of ${d.id} could not be read again: check that the file is still there, then export again.`);
    return { id: d.id, resolved: d.resolved, parsed };
  });
  const names = sourceNames(docs);
  const sources = docs.map((doc) => toSource(doc, names.get(doc.id)!, codebook, warnings));

  const w = new XmlWriter();
  w.start('Project', [
    ['xmlns', PROJECT_NAMESPACE],
    ['name', options.name ?? localize(codebook.title, language, codebook.settings.language) ?? 'Codeboom project'],
    ['origin', options.origin ?? 'Codeboom'],
  ]);

  const codeNotes = new Map<string, string>();
  for (const code of codebook.codes.values()) if (code.memo) codeNotes.set(code.path, nameGuid(`code-note:${code.path}`));
  if (codebook.roots.length > 0) {
    w.start('CodeBook').start('Codes');
    writeCodes(w, codebook, guids, { language, noteRefs: codeNotes });
    w.end().end();
  }

  const variables = collectVariables(docs);
  if (variables.size > 0) {
    w.start('Variables');
    for (const [name, v] of variables) w.empty('Variable', [['guid', v.guid], ['name', name], ['typeOfVariable', v.type]]);
    w.end();
  }

  const cases = collectCases(sources);
  const sourceLevel = new Map<Source, string[]>();
  if (cases.size > 0) {
    w.start('Cases');
    for (const [participant, members] of cases) {
      w.start('Case', [['guid', nameGuid(`case:${participant}`)], ['name', participant]]);
      for (const [name, v] of variables) {
        const values = members.map((s) => s.doc.parsed.frontMatter?.variables[name] ?? '');
        if (values[0] !== '' && values.every((x) => x === values[0])) writeVariableValue(w, v.guid, v.type, values[0]);
        else members.forEach((s) => sourceLevel.set(s, [...(sourceLevel.get(s) ?? []), name]));
      }
      for (const s of members) w.empty('SourceRef', [['targetGUID', s.guid]]);
      w.end();
    }
    w.end();
  }

  const notes: { guid: string; name: string; text: string }[] = [];
  if (sources.length > 0) {
    w.start('Sources');
    for (const s of sources) {
      w.start('TextSource', [['guid', s.guid], ['name', s.name], ['plainTextPath', `internal://${s.guid}.txt`]]);
      for (const sel of s.selections) {
        w.start('PlainTextSelection', [['guid', sel.guid], ['name', selectionName(sel.text)], ['startPosition', sel.start], ['endPosition', sel.end]]);
        for (const c of sel.codings) {
          w.start('Coding', [['guid', c.guid]]);
          w.empty('CodeRef', [['targetGUID', guids.get(c.code)]]);
          if (c.note) {
            w.empty('NoteRef', [['targetGUID', c.note.guid]]);
            const label = codeLabel(codebook, codebook.codes.get(c.code)!, language);
            notes.push({ guid: c.note.guid, name: `${label} (${s.name})`, text: c.note.text });
          }
          w.end();
        }
        w.end();
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

  for (const [path, guid] of codeNotes) {
    const code = codebook.codes.get(path)!;
    notes.push({ guid, name: codeLabel(codebook, code, language), text: code.memo! });
  }
  if (notes.length > 0) {
    w.start('Notes');
    for (const n of notes) {
      w.start('Note', [['guid', n.guid], ['name', n.name]]);
      w.textElement('PlainTextContent', n.text);
      w.end();
    }
    w.end();
  }
  w.end();

  const selections = sources.reduce((n, s) => n + s.selections.length, 0);
  const codings = sources.reduce((n, s) => n + s.selections.reduce((m, sel) => m + sel.codings.length, 0), 0);
  return {
    qde: w.toString(),
    sources: sources.map((s) => ({ name: `sources/${s.guid}.txt`, data: new TextEncoder().encode(sourceFileText(s.text)) })),
    summary: { transcripts: sources.length, codes: codebook.codes.size, selections, codings, notes: notes.length, cases: cases.size },
    warnings,
  };
}

function toSource(doc: ExportedDocument, name: string, codebook: Codebook, warnings: string[]): Source {
  const clean = cleanDocument(doc.parsed);
  const bodyStart = clean.toClean(doc.parsed.bodyStart);
  const text = clean.text.slice(bodyStart);
  const positions = new TextPositions(text);
  const guid = nameGuid(`source:${doc.id}`);
  const bySpan = new Map<string, Selection>();
  let empty = 0;
  for (const segment of doc.resolved.segments) {
    const start = positions.toCodePoint(clean.toClean(segment.span.start) - bodyStart);
    const end = positions.toCodePoint(clean.toClean(segment.span.end) - bodyStart);
    if (end <= start) {
      empty++;
      continue;
    }
    const key = `${start}:${end}`;
    let sel = bySpan.get(key);
    if (!sel) {
      const from = positions.fromCodePoint(start);
      const to = positions.fromCodePoint(end);
      sel = { guid: nameGuid(`selection:${doc.id}:${key}`), start, end, text: text.slice(from, to), codings: [] };
      bySpan.set(key, sel);
    }
    const id = `${doc.id}:${key}:${segment.code}`;
    sel.codings.push({
      code: segment.code,
      guid: nameGuid(`coding:${id}`),
      note: segment.memos.length > 0 ? { guid: nameGuid(`note:${id}`), text: segment.memos.join('\n\n') } : undefined,
    });
  }
  const unknown = doc.parsed.tags.filter((t) => t.wellFormed && resolveCode(codebook, t.path).kind === 'unknown').length;
  if (unknown > 0) warnings.push(`${doc.id}: ${counted(unknown, 'tag', 'tags')} with a code that is not in the codebook ${unknown === 1 ? 'was' : 'were'} left out.`);
  if (empty > 0) warnings.push(`${doc.id}: ${counted(empty, 'coding', 'codings')} of an empty passage ${empty === 1 ? 'was' : 'were'} left out.`);
  const selections = [...bySpan.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  return { doc, guid, name, text, selections };
}

/** Source names: the file name without extension, or the whole path when two files share a name. */
function sourceNames(docs: readonly ExportedDocument[]): Map<string, string> {
  const base = (id: string) => (id.split('/').pop() ?? id).replace(/\.[^.]+$/, '');
  const count = new Map<string, number>();
  for (const d of docs) count.set(base(d.id), (count.get(base(d.id)) ?? 0) + 1);
  return new Map(docs.map((d) => [d.id, count.get(base(d.id))! > 1 ? d.id.replace(/\.[^./]+$/, '') : base(d.id)]));
}

function collectVariables(docs: readonly ExportedDocument[]): Map<string, { guid: string; type: VariableType }> {
  const values = new Map<string, string[]>();
  for (const d of docs) {
    for (const [k, v] of Object.entries(d.parsed.frontMatter?.variables ?? {})) {
      if (!values.has(k)) values.set(k, []);
      values.get(k)!.push(v);
    }
  }
  return new Map([...values].map(([k, v]) => [k, { guid: nameGuid(`variable:${k}`), type: variableType(v) }]));
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
