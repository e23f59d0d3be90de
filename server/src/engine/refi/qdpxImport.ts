/**
 * Import of a REFI-QDA project (.qdpx) as a Codeboom project: codebook.yaml, and each plain-text source
 * as a transcript in `transcripts/` whose passages reproduce every coding exactly. Cases become the
 * participant and variables the document variables in front matter. Nothing is written here: the result
 * is a plan of files that the caller writes all together, or not at all. Any damaged or hostile input
 * stops the import with one sentence (a RefiError); a source that cannot become a transcript is skipped
 * with its reason.
 */
import { importCodebook } from './codebookImport';
import { normalizeGuid } from './guid';
import { fileStem, unique } from './names';
import { readCodes, type RefiCode } from './refiCodes';
import { RefiError } from './refiError';
import { decodeUtf8, readRefiXml } from './refiXml';
import { locateSource } from './sourcePaths';
import { writeTranscript, type PlannedCoding } from './transcriptWriter';
import { VALUE_ELEMENTS } from './variables';
import { childNamed, childrenNamed, type XmlElement } from './xml';
import { DEFAULT_ZIP_LIMITS, ZipReader, type ZipLimits } from './zip';
import { countBefore } from '../sortedSearch';
import { TextPositions } from '../text/positions';
import { counted } from '../messages';
import { CODEBOOK_FILE, isMemoFile } from '../project/projectFiles';
import { newMemoFile } from '../project/memoFiles';

export interface QdpxImportOptions {
  /**
   * How to read `endPosition`: `exclusive` (the standard's examples, qc, ATLAS.ti, QualCoder: the
   * position after the last character) or `inclusive` (the last character itself).
   */
  endPosition?: 'exclusive' | 'inclusive';
  /** For tools that count a CRLF line break as one character instead of two code points. */
  crlfAsOne?: boolean;
  limits?: ZipLimits;
  /** Folder of the transcripts inside the project (default `transcripts`). */
  folder?: string;
}

export interface PlannedFile {
  /** Relative to the project's folder, with `/`. */
  path: string;
  content: string;
}

export interface SkippedSource {
  source: string;
  reason: string;
}

export interface QdpxImportSummary {
  codes: number;
  transcripts: number;
  /** Coded selections written as passages. */
  selections: number;
  codings: number;
  cases: number;
}

export interface QdpxImport {
  files: PlannedFile[];
  skipped: SkippedSource[];
  warnings: string[];
  summary: QdpxImportSummary;
}

const MEDIA: Record<string, string> = {
  PDFSource: 'it is a PDF; Codeboom codes plain-text transcripts',
  PictureSource: 'it is a picture; Codeboom codes plain-text transcripts',
  AudioSource: 'it is audio; Codeboom codes plain-text transcripts (import its transcript as text instead)',
  VideoSource: 'it is video; Codeboom codes plain-text transcripts (import its transcript as text instead)',
};

export function importQdpx(bytes: Uint8Array, options: QdpxImportOptions = {}): QdpxImport {
  const zip = ZipReader.open(bytes, 'The .qdpx file', options.limits ?? DEFAULT_ZIP_LIMITS);
  const qdeName = zip.names
    .filter((n) => n.toLowerCase().endsWith('.qde'))
    .sort((a, b) => a.split('/').length - b.split('/').length || a.length - b.length)[0];
  if (!qdeName) throw new RefiError('The .qdpx file holds no project.qde: it is not a REFI-QDA project.');
  const root = readRefiXml(decodeUtf8(zip.read(qdeName), qdeName), qdeName, 'project');
  const warnings: string[] = [];
  const skipped: SkippedSource[] = [];
  // Only QualCoder adds a space after each line break; another tool's text that looks so is left as it is.
  const fromQualCoder = /^\s*QualCoder\b/i.test(root.attrs.origin ?? '');

  const notes = readNotes(root, zip, warnings);
  const variableNames = new Map<string, string>();
  for (const v of childrenNamed(childNamed(root, 'Variables') ?? root, 'Variable')) {
    const guid = normalizeGuid(v.attrs.guid);
    if (guid && v.attrs.name) variableNames.set(guid, v.attrs.name);
  }
  const cases = readCases(root, variableNames);
  const codesElement = childNamed(root, 'CodeBook') && childNamed(childNamed(root, 'CodeBook')!, 'Codes');
  const codes: RefiCode[] = codesElement ? withoutCaseCodes(readCodes(codesElement, qdeName), cases.byCode) : [];
  const codebook = importCodebook(codes, undefined, {
    title: root.attrs.name?.trim() || undefined,
    project: { transcripts: [`${options.folder ?? 'transcripts'}/**/*.txt`] },
    notes,
  });

  const files = [{ path: CODEBOOK_FILE, content: codebook.text }];
  const taken = new Set<string>();
  let selections = 0;
  let codings = 0;
  let documentCodings = 0;
  let uncoded = 0;
  const sourcesElement = childNamed(root, 'Sources');
  for (const source of sourcesElement?.children ?? []) {
    const fromPath = source.attrs.plainTextPath?.replace(/^[a-z]+:\/\//i, '').split(/[\\/]/).pop();
    const name = source.attrs.name?.trim() || fromPath || source.attrs.guid || 'source';
    if (source.name !== 'TextSource') {
      skipped.push({ source: name, reason: MEDIA[source.name] ?? `it is a ${source.name}, which Codeboom does not import` });
      continue;
    }
    const text = sourceText(source, root.attrs.basePath, zip, name);
    if ('skip' in text) {
      skipped.push({ source: name, reason: text.skip });
      continue;
    }
    const guid = normalizeGuid(source.attrs.guid) ?? '';
    const membership = [...(cases.bySource.get(guid) ?? [])];
    // A case can also be a code that codes the source (NVivo's way, and QualCoder's): such a coding
    // makes the source the case's, and is not a coding of a code.
    const isCaseCoding = (coding: XmlElement) => {
      const info = cases.byCode.get(normalizeGuid(childNamed(coding, 'CodeRef')?.attrs.targetGUID) ?? '');
      if (info && !membership.includes(info)) membership.push(info);
      return info !== undefined;
    };
    const selectionElements = childrenNamed(source, 'PlainTextSelection').map((sel) => ({
      sel,
      codings: childrenNamed(sel, 'Coding').filter((c) => !isCaseCoding(c)),
      caseOnly: childrenNamed(sel, 'Coding').length > 0,
    }));
    const sourceCodingElements = childrenNamed(source, 'Coding').filter((c) => !isCaseCoding(c));
    if (membership.length > 1) warnings.push(`${name}: it belongs to several cases (${membership.map((c) => c.name).join(', ')}); the first is its participant.`);
    const variables = new Map<string, string>();
    for (const c of membership) for (const [k, v] of c.variables) if (!variables.has(k)) variables.set(k, v);
    for (const [k, v] of readValues(source, variableNames)) variables.set(k, v);

    const planned: PlannedCoding[] = [];
    // Coded stretches of text: selections of the same stretch (one per coding, as QualCoder writes) count once.
    const sourceSelections = new Set<string>();
    let sourceCodings = 0;
    const positions = new TextPositions(text.text);
    const toOffset = positionReader(text.text, positions, options, name);
    const added = fromQualCoder ? spacesAfterBreaks(text.text) : undefined;
    const repaired = added ? removeAt(text.text, added) : text.text;
    if (added) warnings.push(`${name}: the space after each of its ${added.length} line breaks (what QualCoder adds to a Windows text) was removed, so its lines start as they did before.`);
    for (const { sel, codings: selCodings, caseOnly } of selectionElements) {
      const read = toOffset(sel);
      const { start, end } = added ? { start: shiftedBack(read.start, added), end: shiftedBack(read.end, added) } : read;
      const memoParts = [childNamed(sel, 'Description')?.text.trim(), ...noteTexts(sel, notes)];
      if (selCodings.length === 0) {
        if (!caseOnly) uncoded++;
        continue;
      }
      selCodings.forEach((coding, i) => {
        const target = normalizeGuid(childNamed(coding, 'CodeRef')?.attrs.targetGUID);
        const path = target ? codebook.paths.get(target) : undefined;
        if (!path) {
          throw new RefiError(
            `A coding in the source ${JSON.stringify(name)} (${qdeName} line ${coding.line}) points at the code ${target ?? '(none)'}, which is not in the codebook: the file is damaged; export it again.`,
          );
        }
        // The same memo as the selection's Description and as a note of its coding (Codeboom writes
        // both, for QualCoder and for the standard) is one memo.
        const codingMemo = distinct([...(i === 0 ? memoParts : []), ...noteTexts(coding, notes)]).join(' / ');
        planned.push({ start, end, code: path, memo: codingMemo || undefined });
      });
      sourceSelections.add(`${start}:${end}`);
      sourceCodings += selCodings.length;
    }
    documentCodings += sourceCodingElements.length;
    // The source's memo: its Description (QualCoder's) and its notes (the standard's), the same text once.
    const documentMemo = distinct([childNamed(source, 'Description')?.text.trim(), ...noteTexts(source, notes)]).join('\n\n');
    const written = writeTranscript(
      { text: repaired, participant: membership[0]?.name, memo: documentMemo || undefined, variables: [...variables], codings: planned },
      codebook.codebook.settings,
    );
    if (!written.ok) {
      skipped.push({ source: name, reason: written.reason });
      continue;
    }
    for (const c of written.dropped) {
      const quote = repaired.slice(c.start, c.end);
      warnings.push(
        `${name}: the coding with ${c.code} of "${quote.length > 60 ? `${quote.slice(0, 57)}…` : quote}" was left out: its text begins or ends next to a brace or bracket, which would run into the passage's marks; code it again in Codeboom.`,
      );
    }
    codings -= written.dropped.length;
    selections += sourceSelections.size;
    codings += sourceCodings;
    const stem = unique(fileStem(name), taken);
    files.push({ path: `${options.folder ?? 'transcripts'}/${stem}.txt`, content: written.text });
  }
  // Notes of the project as a whole, and notes nothing refers to (other tools' journals), are free memos.
  const referenced = new Set<string>();
  const collect = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === 'NoteRef' && e !== root) referenced.add(normalizeGuid(c.attrs.targetGUID) ?? '');
      collect(c);
    }
  };
  collect(root);
  const projectNotes = new Set(childrenNamed(root, 'NoteRef').map((r) => normalizeGuid(r.attrs.targetGUID) ?? ''));
  const memoNames = new Set<string>();
  for (const note of childrenNamed(childNamed(root, 'Notes') ?? root, 'Note')) {
    const guid = normalizeGuid(note.attrs.guid) ?? '';
    const text = notes.get(guid);
    if (text === undefined || (referenced.has(guid) && !projectNotes.has(guid))) continue;
    const title = note.attrs.name?.replace(/\s+/g, ' ').trim() || guid;
    const file = newMemoFile(title, memoNames);
    memoNames.add(file.id);
    files.push({ path: file.id, content: `${file.text}${text}\n` });
  }
  if (documentCodings > 0) warnings.push(`${counted(documentCodings, 'coding', 'codings')} of whole sources ${documentCodings === 1 ? 'was' : 'were'} not imported: Codeboom codes passages.`);
  if (uncoded > 0) warnings.push(`${counted(uncoded, 'selection', 'selections')} without a code ${uncoded === 1 ? 'was' : 'were'} not imported.`);
  return {
    files,
    skipped,
    warnings,
    summary: { codes: codebook.codebook.codes.size, transcripts: files.filter((f) => f.path !== CODEBOOK_FILE && !isMemoFile(f.path)).length, selections, codings, cases: new Set([...cases.bySource.values()].flat().map((c) => c.name)).size },
  };
}

function sourceText(source: XmlElement, basePath: string | undefined, zip: ZipReader, name: string): { text: string } | { skip: string } {
  const inline = childNamed(source, 'PlainTextContent');
  if (inline) return { text: inline.text };
  const path = source.attrs.plainTextPath;
  if (!path) {
    return { skip: source.attrs.richTextPath ? 'it has only a rich-text (.docx) version and no plain text' : 'it has no text' };
  }
  const location = locateSource(path, basePath, zip, name);
  if ('missing' in location) return { skip: location.missing };
  const bytes = zip.read(location.entry);
  let text: string;
  try {
    text = decodeUtf8(bytes, location.entry);
  } catch {
    return { skip: 'its text is not UTF-8, as REFI-QDA requires' };
  }
  if (text.trim() === '') return { skip: 'its plain text is empty' + (source.attrs.richTextPath ? ' (the text is only in its .docx)' : '') };
  return { text };
}

/**
 * QualCoder reads a text whose first line ends in CRLF with a space added after every line feed (so
 * that its positions come out right on Windows) and exports it so. A Codeboom transcript that went
 * through QualCoder comes back with each line one space in, and its speaker labels no longer start
 * turns. When every line feed of a text with a CRLF first line break is followed by a space (in a project
 * whose origin is QualCoder), this
 * gives the UTF-16 offsets of those spaces, to remove; otherwise undefined, and the text is left as it is.
 */
function spacesAfterBreaks(text: string): number[] | undefined {
  const first = text.indexOf('\n');
  if (first < 1 || text[first - 1] !== '\r') return undefined;
  const spaces: number[] = [];
  for (let i = first; i >= 0; i = text.indexOf('\n', i + 1)) {
    if (text[i + 1] !== ' ') return undefined;
    spaces.push(i + 1);
  }
  return spaces;
}

function removeAt(text: string, offsets: readonly number[]): string {
  let out = '';
  let at = 0;
  for (const o of offsets) {
    out += text.slice(at, o);
    at = o + 1;
  }
  return out + text.slice(at);
}

/** An offset into the text with the spaces, as an offset into the text without them. */
function shiftedBack(offset: number, removed: readonly number[]): number {
  return offset - countBefore(removed.length, (i) => removed[i] < offset);
}

/** Reads a selection's positions as UTF-16 offsets, checked against the text. */
function positionReader(text: string, positions: TextPositions, options: QdpxImportOptions, name: string) {
  const length = positions.codePointLength;
  const crlf = options.crlfAsOne ? crlfOffsets(text) : undefined;
  return (sel: XmlElement): { start: number; end: number } => {
    const startText = sel.attrs.startPosition?.trim() ?? '';
    const endText = sel.attrs.endPosition?.trim() ?? '';
    if (!/^\d+$/.test(startText) || !/^\d+$/.test(endText)) {
      throw new RefiError(`A selection in the source ${JSON.stringify(name)} (line ${sel.line}) has positions that are not whole numbers (${startText || '?'}, ${endText || '?'}): the file is damaged.`);
    }
    let start = Number(startText);
    let end = Number(endText) + (options.endPosition === 'inclusive' ? 1 : 0);
    if (crlf) {
      start = crlf(start);
      end = crlf(end);
    }
    if (end < start || end > length) {
      const hint = options.endPosition === 'inclusive' ? '' : ' or its tool counts differently (see --inclusive-end and --crlf-as-one)';
      throw new RefiError(
        `A selection in the source ${JSON.stringify(name)} (line ${sel.line}) runs from ${startText} to ${endText}, outside its text of ${length} characters: the file is damaged${hint}.`,
      );
    }
    return { start: positions.fromCodePoint(start), end: positions.fromCodePoint(end) };
  };
}

/** Converts positions that count CRLF as one character to code points. */
function crlfOffsets(text: string): (position: number) => number {
  const breaks: number[] = [];
  const cps = [...text];
  let counted = 0;
  for (let i = 0; i < cps.length; i++) {
    if (cps[i] === '\r' && cps[i + 1] === '\n') breaks.push(counted);
    counted += cps[i] === '\r' && cps[i + 1] === '\n' ? 0 : 1;
  }
  // breaks[k]: the one-character position of the k-th CRLF; every CRLF before a position adds one.
  return (position) => position + countBefore(breaks.length, (i) => breaks[i] < position);
}

interface CaseInfo {
  name: string;
  variables: Map<string, string>;
}

interface Cases {
  /** Source GUID → the cases it belongs to (by the cases' SourceRefs). */
  bySource: Map<string, CaseInfo[]>;
  /** The GUID of a code that stands for a case (the case's own GUID, or one its CodeRef names) → the case. */
  byCode: Map<string, CaseInfo>;
}

function readCases(root: XmlElement, variableNames: ReadonlyMap<string, string>): Cases {
  const bySource = new Map<string, CaseInfo[]>();
  const byCode = new Map<string, CaseInfo>();
  for (const c of childrenNamed(childNamed(root, 'Cases') ?? root, 'Case')) {
    const info: CaseInfo = { name: c.attrs.name?.trim() || normalizeGuid(c.attrs.guid) || 'case', variables: readValues(c, variableNames) };
    for (const ref of childrenNamed(c, 'SourceRef')) {
      const guid = normalizeGuid(ref.attrs.targetGUID);
      if (!guid) continue;
      if (!bySource.has(guid)) bySource.set(guid, []);
      bySource.get(guid)!.push(info);
    }
    for (const guid of [c.attrs.guid, ...childrenNamed(c, 'CodeRef').map((r) => r.attrs.targetGUID)].map(normalizeGuid)) {
      if (guid && !byCode.has(guid)) byCode.set(guid, info);
    }
  }
  return { bySource, byCode };
}

/**
 * The code tree without the codes that stand for cases, and without a group (a code that is not
 * codable) that held only such codes: they become participants, not codes.
 */
function withoutCaseCodes(codes: readonly RefiCode[], caseCodes: ReadonlyMap<string, CaseInfo>): RefiCode[] {
  const out: RefiCode[] = [];
  for (const c of codes) {
    if (caseCodes.has(c.guid)) continue;
    const children = withoutCaseCodes(c.children, caseCodes);
    if (!c.codable && c.children.length > 0 && children.length === 0 && c.children.every((k) => caseCodes.has(k.guid))) continue;
    out.push({ ...c, children });
  }
  return out;
}

function distinct(texts: readonly (string | undefined)[]): string[] {
  return [...new Set(texts.filter((t): t is string => !!t))];
}

function readValues(element: XmlElement, variableNames: ReadonlyMap<string, string>): Map<string, string> {
  const values = new Map<string, string>();
  for (const vv of childrenNamed(element, 'VariableValue')) {
    const name = variableNames.get(normalizeGuid(childNamed(vv, 'VariableRef')?.attrs.targetGUID) ?? '');
    const value = vv.children.find((c) => VALUE_ELEMENTS.includes(c.name));
    if (name && value) values.set(name, value.text.trim());
  }
  return values;
}

function readNotes(root: XmlElement, zip: ZipReader, warnings: string[]): Map<string, string> {
  const notes = new Map<string, string>();
  for (const note of childrenNamed(childNamed(root, 'Notes') ?? root, 'Note')) {
    const guid = normalizeGuid(note.attrs.guid);
    if (!guid) continue;
    const inline = childNamed(note, 'PlainTextContent');
    if (inline) {
      notes.set(guid, inline.text.trim());
      continue;
    }
    const path = note.attrs.plainTextPath;
    if (!path) continue;
    const location = locateSource(path, undefined, zip, note.attrs.name ?? guid);
    if ('entry' in location) {
      const bytes = zip.read(location.entry);
      try {
        notes.set(guid, decodeUtf8(bytes, location.entry).trim());
      } catch {
        warnings.push(`The note ${JSON.stringify(note.attrs.name ?? guid)} is not UTF-8 text and was left out.`);
      }
    }
  }
  return notes;
}

function noteTexts(element: XmlElement, notes: ReadonlyMap<string, string>): string[] {
  return childrenNamed(element, 'NoteRef')
    .map((r) => notes.get(normalizeGuid(r.attrs.targetGUID) ?? ''))
    .filter((t): t is string => !!t);
}
