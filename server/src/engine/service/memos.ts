/**
 * Memos, where each stands in the project's files:
 * - on a coding: the tag's memo, `[[code | memo]]`, one line;
 * - on a document: `memo:` in the transcript's front matter (a block `memo: |` for several lines);
 * - on a code: its `memo` field in codebook.yaml;
 * - of the project: a Markdown file in `memos/` (memoFiles.ts).
 * `listMemos` lists them all with the place to open; the `memoEditsFor…` functions give the edits that
 * set, change or (with an empty text) remove one, keeping the rest of the file as it is.
 */
import { isMap, isScalar, parseDocument, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { codeLabel, type Codebook } from '../codebook/codebook';
import { DiagnosticCodes, type Span } from '../diagnostics';
import { words, type Language } from '../messages';
import type { MemoFile } from '../project/memoFiles';
import { MEMO_KEY } from '../transcript/frontMatter';
import type { ParsedTranscript } from '../transcript/transcript';
import { codingsAt, type CodingDocument, type TextEdit } from './coding';
import { CODEBOOK_ID, type ServiceModel } from './model';

export type MemoKind = 'project' | 'document' | 'code' | 'coding';

/** The order in which the kinds are listed and grouped. */
export const MEMO_KINDS: readonly MemoKind[] = ['project', 'document', 'code', 'coding'];

export interface MemoEntry {
  kind: MemoKind;
  /** The memo's title (a free memo), the document's id, the code's label, or the coded code's label. */
  title: string;
  text: string;
  /** The file it stands in: a memo file's or a transcript's id, or CODEBOOK_ID. */
  file: string;
  /** Where it stands in that file: the memo's text, or a free memo's title. */
  span: Span;
  /** The transcript of a document or coding memo. */
  document?: string;
  /** The participant of a document memo, or the one a coding is attributed to. */
  participant?: string;
  /** The code of a code memo, or the coding's code. */
  code?: string;
}

/** Every memo of the project: the free memos, then the documents', the codes' and the codings'. */
export function listMemos(model: ServiceModel, freeMemos: readonly MemoFile[] = []): MemoEntry[] {
  const { index } = model.project;
  const codebook = index.codebook;
  const out: MemoEntry[] = [];
  for (const m of [...freeMemos].sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id))) {
    out.push({ kind: 'project', title: m.title, text: m.body, file: m.id, span: m.titleSpan });
  }
  const documents = [...index.documents()].sort((a, b) => a.id.localeCompare(b.id));
  for (const doc of documents) {
    const fm = doc.digest.frontMatter;
    if (fm?.memo === undefined || !fm.memoSpan) continue;
    out.push({ kind: 'document', title: doc.id, text: fm.memo, file: doc.id, span: fm.memoSpan, document: doc.id, participant: doc.resolved.participant });
  }
  const spans = codeMemoSpans(codebook);
  for (const code of codebook.codes.values()) {
    if (!code.memo) continue;
    out.push({
      kind: 'code',
      title: codeLabel(codebook, code, model.labelLanguage),
      text: code.memo,
      file: CODEBOOK_ID,
      span: spans.get(code.path) ?? code.keySpan,
      code: code.path,
    });
  }
  for (const doc of documents) {
    const { digest, resolved } = doc;
    if (digest.tagMemos.size === 0) continue;
    const entries: MemoEntry[] = [];
    for (const segment of resolved.segments) {
      for (const tag of segment.tags) {
        const memo = digest.tagMemos.get(tag);
        if (memo === undefined) continue;
        const code = codebook.codes.get(segment.code);
        const o = tag * TAG_MEMO_FIELDS;
        entries.push({
          kind: 'coding',
          title: code ? codeLabel(codebook, code, model.labelLanguage) : segment.code,
          text: memo,
          file: doc.id,
          span: { start: digest.tagData[o + 4], end: digest.tagData[o + 5] },
          document: doc.id,
          participant: segment.participant,
          code: segment.code,
        });
      }
    }
    entries.sort((a, b) => a.span.start - b.span.start);
    out.push(...entries);
  }
  return out;
}

/** Fields per tag in the digest's tag records (scan.ts TAG_FIELDS); the memo's span is at 4 and 5. */
const TAG_MEMO_FIELDS = 9;

/** Where each code's `memo` value stands in codebook.yaml. */
function codeMemoSpans(codebook: Codebook): Map<string, Span> {
  const spans = new Map<string, Span>();
  if (![...codebook.codes.values()].some((c) => c.memo)) return spans;
  const doc = parseDocument(codebook.text, { keepSourceTokens: false, logLevel: 'silent' });
  const walk = (map: YamlNode | null | undefined, prefix: string) => {
    if (!map || !isMap(map)) return;
    for (const pair of map.items) {
      if (!isScalar(pair.key) || !isMap(pair.value)) continue;
      const path = prefix ? `${prefix}/${String(pair.key.value)}` : String(pair.key.value);
      const memo = findPair(pair.value, 'memo')?.value as YamlNode | undefined;
      if (memo?.range) spans.set(path, { start: memo.range[0], end: memo.range[1] });
      walk(pair.value.get('codes', true) as YamlNode | undefined, path);
    }
  };
  if (doc.contents && isMap(doc.contents)) walk(doc.contents.get('codes', true) as YamlNode | undefined, '');
  return spans;
}

// ---------------------------------------------------------------------------------------------------------
// Memos on codings

/**
 * The memo as a tag can hold it: one line (line breaks become spaces), no `]]` or `[[` inside (a space
 * goes between the brackets) and no `]` at its end (which would close the tag early). The scanner reads
 * it back as this text, trimmed.
 */
export function tagMemoText(memo: string): string {
  let text = memo.replace(/\s*(\r\n|\n|\r)\s*/g, ' ').trim();
  while (/\]\]|\[\[/.test(text)) text = text.replace(/\]\]/g, '] ]').replace(/\[\[/g, '[ [');
  return text;
}

export type MemoEdits = { ok: true; edits: TextEdit[]; memo: string } | { ok: false; message: string };

/** The memo of the coding at `offset` (of `code`, or the innermost), as it stands now. */
export function codingMemoAt(doc: CodingDocument, offset: number, code?: string): { code: string; memo: string } | undefined {
  const target = codingTarget(doc, offset, code);
  if (!target) return undefined;
  return { code: target.code, memo: target.memos.join(' ') };
}

function codingTarget(doc: CodingDocument, offset: number, code?: string) {
  const codings = codingsAt(doc, offset);
  const chosen = code === undefined ? codings[0] : codings.find((c) => c.code === code);
  if (!chosen) return undefined;
  const segment = doc.resolved.segments.find((s) => s.code === chosen.code && s.span.start === chosen.span.start && s.span.end === chosen.span.end);
  if (!segment) return undefined;
  return { code: segment.code, tags: segment.tags, memos: segment.memos };
}

/**
 * The edits that set the memo of the coding at `offset` (of `code`, or the innermost) to `memo`: its tag
 * `[[code]]` becomes `[[code | memo]]`, or its memo is replaced; an empty memo removes it. When the coding
 * has several tags (one code twice in a paragraph), the first carries the memo and the others lose theirs.
 */
export function memoEditsForCoding(doc: CodingDocument, offset: number, memo: string, lang: Language, code?: string): MemoEdits {
  const target = codingTarget(doc, offset, code);
  if (!target) return { ok: false, message: words(lang, 'refuse.memo-no-coding') };
  const text = tagMemoText(memo);
  const edits: TextEdit[] = [];
  target.tags.forEach((i, n) => {
    const tag = doc.parsed.tags[i];
    const wanted = n === 0 && text !== '' ? ` | ${text}${text.endsWith(']') ? ' ' : ''}` : '';
    const span = { start: tag.pathSpan.end, end: tag.span.end - 2 };
    if (doc.parsed.text.slice(span.start, span.end) !== wanted && (wanted !== '' || tag.memo !== undefined || span.end > span.start)) {
      edits.push({ span, newText: wanted });
    }
  });
  return { ok: true, edits, memo: text };
}

// ---------------------------------------------------------------------------------------------------------
// Memos on documents

/** A `memo:` entry of YAML at `indent`: one line, quoted when YAML would read it otherwise, or a block `|`. */
function yamlMemoLines(memo: string, indent: string, unit: string, eol: string): string {
  const lines = memo.split(/\r\n|\n|\r/);
  if (lines.length === 1) return `${indent}${MEMO_KEY}: ${yamlScalar(memo)}`;
  return [`${indent}${MEMO_KEY}: |`, ...lines.map((l) => (l.trim() === '' ? '' : `${indent}${unit}${l.trimEnd()}`))].join(eol);
}

/** A one-line text as YAML reads it back unchanged: plain when it can be, else in double quotes. */
function yamlScalar(value: string): string {
  const plain =
    /^[^\s'"[\]{}&*!|>%@`#,?:\-]/.test(value) &&
    !/: |\s#|:$|\s$/.test(value) &&
    !/^(true|false|yes|no|on|off|null|~|[-+]?(\d[\d_]*)?(\.\d+)?([eE][-+]?\d+)?|\d{4}-\d\d-\d\d.*|0x[0-9a-f]+|0o[0-7]+|[-+]?\.(inf|nan))$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

function eolOf(text: string): string {
  const m = /\r\n|\n|\r/.exec(text);
  return m ? m[0] : '\n';
}

function lineStart(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}

/** The offset just after the line break that ends the line holding `offset` (or the text's end). */
function nextLineStart(text: string, offset: number): number {
  const m = /\r\n|\n|\r/g;
  m.lastIndex = offset;
  const found = m.exec(text);
  return found ? found.index + found[0].length : text.length;
}

/**
 * The lines of a YAML entry whose key starts at `keyStart`: its key's line and the lines after it that are
 * indented deeper than the key or blank, up to `limit`; blank lines at its end are not its own.
 */
function entryLines(text: string, keyStart: number, limit: number): Span {
  const start = lineStart(text, keyStart);
  const keyIndent = keyStart - start;
  let end = nextLineStart(text, keyStart);
  let at = end;
  while (at < limit) {
    const next = nextLineStart(text, at);
    const line = text.slice(at, next).replace(/[\r\n]+$/, '');
    if (line.trim() === '') {
      at = next;
      continue;
    }
    const indent = line.length - line.trimStart().length;
    if (indent <= keyIndent) break;
    at = next;
    end = next;
  }
  return { start, end: Math.min(end, limit) };
}

/** The memo on a transcript: its front matter's `memo`. */
export function documentMemo(parsed: ParsedTranscript): string {
  return parsed.frontMatter?.memo ?? '';
}

/**
 * The edits that set the memo of a transcript to `memo` in its front matter: the `memo:` entry replaced,
 * added before the closing `---`, or a front matter made for it at the top when the transcript has none;
 * an empty memo removes the entry (and leaves the rest of the front matter, even when empty, as it is).
 */
export function memoEditsForDocument(parsed: ParsedTranscript, memo: string, lang: Language): MemoEdits {
  const text = parsed.text;
  const eol = eolOf(text);
  const value = memo.replace(/\r\n|\r/g, '\n').trim();
  const fm = parsed.frontMatter;
  if (!fm) {
    if (value === '') return { ok: true, edits: [], memo: '' };
    return { ok: true, edits: [{ span: { start: 0, end: 0 }, newText: `---${eol}${yamlMemoLines(value, '', '  ', eol)}${eol}---${eol}` }], memo: value };
  }
  if (parsed.problems.some((d) => d.code === DiagnosticCodes.frontMatterInvalid || d.code === DiagnosticCodes.frontMatterUnclosed)) {
    return { ok: false, message: words(lang, 'refuse.memo-front-matter') };
  }
  const closeStart = lineStart(text, fm.span.end);
  const keySpan = fm.keySpans[MEMO_KEY];
  if (keySpan) {
    const entry = entryLines(text, keySpan.start, closeStart);
    const newText = value === '' ? '' : `${yamlMemoLines(value, text.slice(entry.start, keySpan.start), '  ', eol)}${eol}`;
    return { ok: true, edits: [{ span: entry, newText }], memo: value };
  }
  if (value === '') return { ok: true, edits: [], memo: '' };
  return { ok: true, edits: [{ span: { start: closeStart, end: closeStart }, newText: `${yamlMemoLines(value, '', '  ', eol)}${eol}` }], memo: value };
}

// ---------------------------------------------------------------------------------------------------------
// Memos on codes

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
}

/** The entry map of a code in a parsed codebook.yaml. */
function codeEntry(doc: ReturnType<typeof parseDocument>, path: string): { pair: Pair; map: YAMLMap } | undefined {
  let codes = doc.contents && isMap(doc.contents) ? (doc.contents.get('codes', true) as YamlNode | undefined) : undefined;
  let found: { pair: Pair; map: YAMLMap } | undefined;
  for (const slug of path.split('/')) {
    if (!codes || !isMap(codes)) return undefined;
    const pair = findPair(codes, slug);
    if (!pair || !isMap(pair.value)) return undefined;
    found = { pair, map: pair.value };
    codes = pair.value.get('codes', true) as YamlNode | undefined;
  }
  return found;
}

/**
 * The edits that set the memo of the code at `path` in codebook.yaml: its `memo:` replaced, or added after
 * its last field, a block `memo: |` for several lines; an empty memo removes it. Comments and the rest of
 * the file stay as they are.
 */
export function memoEditsForCode(codebook: Codebook, path: string, memo: string, lang: Language): MemoEdits {
  if (!codebook.codes.has(path)) return { ok: false, message: words(lang, 'refuse.unknown-code', { path }) };
  const text = codebook.text;
  const doc = parseDocument(text, { keepSourceTokens: false, logLevel: 'silent' });
  if (doc.errors.length > 0) return { ok: false, message: words(lang, 'refuse.memo-broken-codebook') };
  const entry = codeEntry(doc, path);
  if (!entry || entry.map.flow || entry.map.items.length === 0) return { ok: false, message: words(lang, 'refuse.memo-flow-code', { path }) };
  const eol = eolOf(text);
  const value = memo.replace(/\r\n|\r/g, '\n').trim();
  const firstKey = entry.map.items[0].key as YamlNode;
  const fieldStart = firstKey.range?.[0] ?? 0;
  const indent = text.slice(lineStart(text, fieldStart), fieldStart);
  if (/[^ ]/.test(indent)) return { ok: false, message: words(lang, 'refuse.memo-flow-code', { path }) };
  const keyStart = (entry.pair.key as YamlNode).range?.[0] ?? 0;
  const unit = ' '.repeat(Math.max(1, indent.length - (keyStart - lineStart(text, keyStart)))) || '  ';
  const existing = findPair(entry.map, 'memo');
  const entryEnd = entryLines(text, keyStart, text.length).end;
  if (existing) {
    const at = (existing.key as YamlNode).range?.[0] ?? 0;
    const span = entryLines(text, at, entryEnd);
    const newText = value === '' ? '' : `${yamlMemoLines(value, indent, unit, eol)}${eol}`;
    return { ok: true, edits: [{ span, newText }], memo: value };
  }
  if (value === '') return { ok: true, edits: [], memo: '' };
  // Before the entry's subcodes, else after its last field (and its nested lines), before any blank lines
  // or comments that follow.
  const subcodes = findPair(entry.map, 'codes');
  if (subcodes) {
    const at = lineStart(text, (subcodes.key as YamlNode).range?.[0] ?? 0);
    return { ok: true, edits: [{ span: { start: at, end: at }, newText: `${yamlMemoLines(value, indent, unit, eol)}${eol}` }], memo: value };
  }
  const last = entry.map.items[entry.map.items.length - 1];
  const lastStart = (last.key as YamlNode).range?.[0] ?? fieldStart;
  const lastEnd = entryLines(text, lastStart, entryEnd).end;
  const lead = lastEnd === text.length && !/[\r\n]$/.test(text) ? eol : '';
  const newText = `${lead}${yamlMemoLines(value, indent, unit, eol)}${lead ? '' : eol}`;
  return { ok: true, edits: [{ span: { start: lastEnd, end: lastEnd }, newText }], memo: value };
}
