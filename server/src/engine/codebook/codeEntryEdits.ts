/**
 * Changes to one code's entry in codebook.yaml as text edits that keep the researcher's layout and
 * comments: setting a field (`color`, `deprecated`, the label in one language), adding an alias, cutting
 * the entry's lines out (to delete or move it) and writing them under another parent, and rewriting the
 * paths that the codebook's texts mention. Nothing re-serialises the file: each edit replaces a span.
 *
 * An entry's lines are found by indentation, as YAML reads a block: from its key's line to the last
 * non-blank line indented deeper than the key. Entries written inside a flow map (`codes: {a: …}`) are
 * refused with a reason.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { Span } from '../diagnostics';
import type { Code, Codebook } from './codebook';
import type { TextEdit } from './codebookEdits';

/** A reason the edit cannot be made, in the engine's words (the caller words it for the user). */
export type EntryRefusal = { refused: 'flow' | 'shape' };

export type EditsOr = TextEdit[] | EntryRefusal;

export function isRefusal(x: unknown): x is EntryRefusal {
  return typeof x === 'object' && x !== null && 'refused' in x;
}

// ---------------------------------------------------------------------------------------------------
// Lines

interface Line {
  start: number;
  /** Where the line's text ends (before its line break). */
  end: number;
  /** After its line break. */
  next: number;
}

function lineAt(text: string, offset: number): Line {
  const start = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  return lineFrom(text, start);
}

function lineFrom(text: string, start: number): Line {
  const re = /\r\n|\r|\n/g;
  re.lastIndex = start;
  const m = re.exec(text);
  return m ? { start, end: m.index, next: m.index + m[0].length } : { start, end: text.length, next: text.length };
}

function indentOf(text: string, line: Line): number {
  let i = line.start;
  while (i < line.end && text[i] === ' ') i++;
  return i - line.start;
}

function isBlank(text: string, line: Line): boolean {
  return text.slice(line.start, line.end).trim() === '';
}

function isComment(text: string, line: Line): boolean {
  return text.slice(line.start, line.end).trim().startsWith('#');
}

export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
}

/** The indentation step the file uses: the smallest positive indentation of any line, else 2. */
export function indentStep(text: string): number {
  let unit = 0;
  for (const m of text.matchAll(/^( +)\S/gm)) if (unit === 0 || m[1].length < unit) unit = m[1].length;
  return unit || 2;
}

/**
 * The lines of the block that starts at the line of `offset`: that line and every following line that
 * is blank or indented deeper, without trailing blank lines. `start` is the first line's start, `end`
 * after the last line's break, `indent` the first line's indentation.
 */
export function blockAt(text: string, offset: number): { start: number; end: number; indent: number; lastEnd: number } {
  const first = lineAt(text, offset);
  const indent = indentOf(text, first);
  let last = first;
  let line = first;
  while (line.next < text.length) {
    line = lineFrom(text, line.next);
    if (isBlank(text, line)) continue;
    if (indentOf(text, line) <= indent) break;
    last = line;
  }
  return { start: first.start, end: last.next, indent, lastEnd: last.end };
}

/** Whether the code's key opens its line (a block entry, not one inside a flow map). */
function keyOpensLine(text: string, code: Code): boolean {
  const line = lineAt(text, code.keySpan.start);
  return text.slice(line.start, code.keySpan.start).trim() === '';
}

/** The text of a block moved from one indentation to another (every non-blank line shifted alike). */
function reindent(block: string, from: number, to: number): string {
  if (from === to) return block;
  return block
    .split(/(\r\n|\r|\n)/)
    .map((part, i) => {
      if (i % 2 === 1 || part.trim() === '') return part;
      if (to > from) return ' '.repeat(to - from) + part;
      const cut = Math.min(from - to, part.length - part.trimStart().length);
      return part.slice(cut);
    })
    .join('');
}

// ---------------------------------------------------------------------------------------------------
// The YAML document

function codesMap(doc: Document.Parsed, slugs: string[]): YAMLMap | undefined {
  let node = doc.contents && isMap(doc.contents) ? (doc.contents.get('codes', true) as YamlNode | undefined) : undefined;
  for (const slug of slugs) {
    if (!node || !isMap(node)) return undefined;
    const entry = pairOf(node, slug)?.value as YamlNode | undefined;
    if (!entry || !isMap(entry)) return undefined;
    node = entry.get('codes', true) as YamlNode | undefined;
  }
  return node && isMap(node) ? node : undefined;
}

function entryMap(doc: Document.Parsed, path: string): YAMLMap | undefined {
  const slugs = path.split('/');
  const parent = codesMap(doc, slugs.slice(0, -1));
  const value = parent ? (pairOf(parent, slugs[slugs.length - 1])?.value as YamlNode | undefined) : undefined;
  return value && isMap(value) ? value : undefined;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
}

/** Where a node's own text ends: a scalar's end, a block collection's last item's end, a flow collection's `}`/`]`. */
function contentEnd(node: YamlNode | null | undefined): number | undefined {
  if (!node?.range) return undefined;
  if ((isMap(node) || isSeq(node)) && !node.flow) {
    const last = node.items[node.items.length - 1] as Pair | YamlNode | undefined;
    if (!last) return node.range[1];
    if (isMap(node)) return contentEnd(((last as Pair).value as YamlNode | null) ?? ((last as Pair).key as YamlNode));
    return contentEnd(last as YamlNode);
  }
  return node.range[1];
}

function parsed(text: string): Document.Parsed | undefined {
  const doc = parseDocument(text, { keepSourceTokens: false });
  return doc.errors.length > 0 || !doc.contents || !isMap(doc.contents) ? undefined : doc;
}

/** Writes a value plainly when YAML reads it back as the same string, otherwise quoted. */
export function yamlText(value: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} _.,()/'-]*$/u.test(value) && !/[:#]/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) && !/\s$/.test(value)
    ? value
    : JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------------------
// Fields

/**
 * The edit that sets field `field` of the code at `path` to `value` (YAML source text): its scalar value
 * replaced, or a new line after the label (or the key) when the code has no such field; a flow entry
 * (`geduld: {label: X}`) gets `, field: value` before its `}`.
 */
export function setFieldEdits(codebook: Codebook, path: string, field: string, value: string): EditsOr {
  const text = codebook.text;
  const doc = parsed(text);
  const map = doc && entryMap(doc, path);
  if (!map) return { refused: 'shape' };
  const pair = pairOf(map, field);
  const current = pair?.value as YamlNode | null | undefined;
  if (pair && current && isScalar(current) && current.range) {
    return [{ span: { start: current.range[0], end: current.range[1] }, newText: value }];
  }
  if (pair) return { refused: 'shape' };
  return insertField(text, map, `${field}: ${value}`);
}

/** A new field line in an entry: after its label, or as its first field. */
function insertField(text: string, map: YAMLMap, fieldText: string): EditsOr {
  if (map.flow) {
    const end = map.range?.[1];
    if (end === undefined) return { refused: 'shape' };
    const close = text.lastIndexOf('}', end);
    if (close < 0) return { refused: 'shape' };
    return [{ span: { start: close, end: close }, newText: `${map.items.length > 0 ? ', ' : ''}${fieldText}` }];
  }
  const first = map.items[0]?.key as YamlNode | undefined;
  if (!first?.range) return { refused: 'shape' };
  const indent = first.range[0] - lineAt(text, first.range[0]).start;
  const after = pairOf(map, 'label') ?? map.items[0];
  const end = contentEnd((after.value as YamlNode | null) ?? (after.key as YamlNode));
  if (end === undefined) return { refused: 'shape' };
  const at = lineAt(text, Math.max(end - 1, 0)).end;
  return [{ span: { start: at, end: at }, newText: `${eolOf(text)}${' '.repeat(indent)}${fieldText}` }];
}

/**
 * The edit that sets the code's label in `language`: a label written as one string is replaced; a label
 * with one text per language gets that language's text replaced or added.
 */
export function setLabelEdits(codebook: Codebook, path: string, label: string, language: string): EditsOr {
  const text = codebook.text;
  const doc = parsed(text);
  const map = doc && entryMap(doc, path);
  if (!map) return { refused: 'shape' };
  const pair = pairOf(map, 'label');
  const value = pair?.value as YamlNode | null | undefined;
  if (!pair || !value) return setFieldEdits(codebook, path, 'label', yamlText(label));
  if (isScalar(value) && value.range) return [{ span: { start: value.range[0], end: value.range[1] }, newText: yamlText(label) }];
  if (!isMap(value)) return { refused: 'shape' };
  const inLanguage = pairOf(value, language)?.value as YamlNode | null | undefined;
  if (inLanguage && isScalar(inLanguage) && inLanguage.range) {
    return [{ span: { start: inLanguage.range[0], end: inLanguage.range[1] }, newText: yamlText(label) }];
  }
  if (value.items.length === 0 && !value.flow) return { refused: 'shape' };
  return insertField(text, value, `${language}: ${yamlText(label)}`);
}

/** The edit that adds `alias` to the code's `aliases` (made when it has none). */
export function addAliasEdits(codebook: Codebook, path: string, alias: string): EditsOr {
  const text = codebook.text;
  const doc = parsed(text);
  const map = doc && entryMap(doc, path);
  if (!map) return { refused: 'shape' };
  const pair = pairOf(map, 'aliases');
  const list = pair?.value as YamlNode | null | undefined;
  if (!pair) return insertField(text, map, `aliases: [${alias}]`);
  if (!list || !isSeq(list) || !list.range) return { refused: 'shape' };
  if (list.flow) {
    const close = text.lastIndexOf(']', list.range[1]);
    if (close < 0) return { refused: 'shape' };
    return [{ span: { start: close, end: close }, newText: `${list.items.length > 0 ? ', ' : ''}${alias}` }];
  }
  const last = list.items[list.items.length - 1] as YamlNode | undefined;
  const end = contentEnd(last);
  if (end === undefined || !last?.range) return { refused: 'shape' };
  const dashLine = lineAt(text, last.range[0]);
  const dash = text.indexOf('-', dashLine.start);
  const at = lineAt(text, Math.max(end - 1, 0)).end;
  return [{ span: { start: at, end: at }, newText: `${eolOf(text)}${' '.repeat(dash - dashLine.start)}- ${alias}` }];
}

// ---------------------------------------------------------------------------------------------------
// Whole entries

/** The lines of a code's entry, or a refusal when it is written inside a flow map. */
export function entryLines(codebook: Codebook, path: string): { start: number; end: number; indent: number } | EntryRefusal {
  const code = codebook.codes.get(path);
  if (!code) return { refused: 'shape' };
  if (!keyOpensLine(codebook.text, code)) return { refused: 'flow' };
  return blockAt(codebook.text, code.keySpan.start);
}

/**
 * What to cut to take a code's entry out: `remove`, its lines, with its parent's `codes:` line too when it
 * is the parent's only code (a parent without codes is a plain code again); and `block`, the lines that
 * go elsewhere when it moves (the entry, with the comments above it when its parent's `codes:` goes).
 */
export function entryCut(codebook: Codebook, path: string): { remove: Span; block: { start: number; end: number; indent: number } } | EntryRefusal {
  const lines = entryLines(codebook, path);
  if (isRefusal(lines)) return lines;
  const code = codebook.codes.get(path)!;
  const parent = code.parentPath ? codebook.codes.get(code.parentPath) : undefined;
  if (parent && parent.children.length === 1) {
    const codesLine = codesKeyLine(codebook.text, parent);
    if (codesLine !== undefined) {
      const afterCodes = lineFrom(codebook.text, codesLine).next;
      return { remove: { start: codesLine, end: lines.end }, block: { ...lines, start: afterCodes } };
    }
  }
  return { remove: { start: lines.start, end: lines.end }, block: lines };
}

/** The start of the `codes:` line of a code's entry (undefined when it has none as a line of its own). */
function codesKeyLine(text: string, code: Code): number | undefined {
  const block = blockAt(text, code.keySpan.start);
  let line = lineFrom(text, lineAt(text, code.keySpan.start).next);
  let fieldIndent: number | undefined;
  while (line.start < block.end) {
    if (!isBlank(text, line) && !isComment(text, line)) {
      const indent = indentOf(text, line);
      fieldIndent ??= indent;
      if (indent === fieldIndent && /^codes:\s*(#.*)?$/.test(text.slice(line.start + indent, line.end))) return line.start;
    }
    line = lineFrom(text, line.next);
  }
  return undefined;
}

/**
 * Where a code's entry goes under `parentPath` (undefined: the top): the line after the parent's last
 * code, at its codes' indentation; a parent without `codes:` gets one after its fields.
 */
export function entryDestination(codebook: Codebook, parentPath: string | undefined): { at: number; indent: number; header?: string } | EntryRefusal {
  const text = codebook.text;
  const step = indentStep(text);
  const childrenOf = parentPath === undefined ? codebook.roots : codebook.codes.get(parentPath)?.children;
  if (!childrenOf) return { refused: 'shape' };
  if (childrenOf.length > 0) {
    const first = codebook.codes.get(childrenOf[0])!;
    const last = codebook.codes.get(childrenOf[childrenOf.length - 1])!;
    if (!keyOpensLine(text, first) || !keyOpensLine(text, last)) return { refused: 'flow' };
    const block = blockAt(text, last.keySpan.start);
    return { at: block.end, indent: blockAt(text, first.keySpan.start).indent };
  }
  if (parentPath === undefined) {
    // No codes at all: a `codes:` at the end of the file.
    return { at: text.length, indent: step, header: 'codes:' };
  }
  const parent = codebook.codes.get(parentPath)!;
  if (!keyOpensLine(text, parent)) return { refused: 'flow' };
  const doc = parsed(text);
  const map = doc && entryMap(doc, parentPath);
  if (!map || map.flow || pairOf(map, 'codes')) return { refused: 'flow' };
  const first = map.items[0]?.key as YamlNode | undefined;
  if (!first?.range) return { refused: 'shape' };
  const fieldIndent = first.range[0] - lineAt(text, first.range[0]).start;
  const block = blockAt(text, parent.keySpan.start);
  return { at: block.end, indent: fieldIndent + step, header: `${' '.repeat(fieldIndent)}codes:` };
}

/**
 * The edits that move the entry `cut` out (entryCut) to `destination`, with `inner` edits (spans of the
 * original text inside the moved lines) applied to the moved text. When the two places touch (the entry moves in place
 * to another depth), one edit replaces the entry.
 */
export function moveEntryEdits(
  text: string,
  cut: { remove: Span; block: { start: number; end: number; indent: number } },
  destination: { at: number; indent: number; header?: string },
  inner: TextEdit[],
): TextEdit[] {
  const eol = eolOf(text);
  const { remove, block: lines } = cut;
  let block = text.slice(lines.start, lines.end);
  for (const e of [...inner].sort((a, b) => b.span.start - a.span.start)) {
    block = block.slice(0, e.span.start - lines.start) + e.newText + block.slice(e.span.end - lines.start);
  }
  if (!/[\r\n]$/.test(block)) block += eol;
  let moved = reindent(block, lines.indent, destination.indent);
  if (destination.header) moved = `${destination.header}${eol}${moved}`;
  const at = destination.at;
  if (at >= remove.start && at <= remove.end) return [{ span: remove, newText: moved }];
  // At the end of a file without a final line break the moved lines start on a line of their own.
  if (at === text.length && at > 0 && !/[\r\n]$/.test(text)) moved = eol + moved;
  return [
    { span: remove, newText: '' },
    { span: { start: at, end: at }, newText: moved },
  ];
}

// ---------------------------------------------------------------------------------------------------
// Mentions of paths in the codebook's texts

/** The fields of a code whose texts are prose that may name other codes. */
const PROSE_FIELDS = ['definition', 'when_to_use', 'when_not_to_use', 'examples', 'memo', 'deprecated'];

/** A slug: a letter or digit, then letters, digits, `_`, `-`, and `.` between them (a final `.` ends a sentence). */
const SLUG = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}_-]|\\.(?=[\\p{L}\\p{N}_-]))*';
/** A whole path as written in prose: slugs joined by `/`, with no path character before or after it. */
const PATH_IN_PROSE = new RegExp(`(?<![\\p{L}\\p{N}_./-])${SLUG}(?:/${SLUG})*`, 'gu');

/**
 * Edits that rewrite whole-path mentions in the codes' prose (definitions, when (not) to use, examples,
 * memos, deprecation reasons): each path written there that is one of `oldPaths` becomes `renamed(path)`.
 * A path is whole when no path character stands before or after it, so `a/b` is found in "use a/b." but
 * not in "x/a/b", "a/bc" or "a/b/c".
 */
export function mentionEdits(codebook: Codebook, oldPaths: string[], renamed: (path: string) => string | undefined): TextEdit[] {
  const text = codebook.text;
  if (oldPaths.length === 0) return [];
  const doc = parsed(text);
  if (!doc) return [];
  const wanted = new Set(oldPaths);
  const edits: TextEdit[] = [];
  const scalars: YamlNode[] = [];
  const collect = (node: unknown) => {
    if (isScalar(node)) scalars.push(node);
    else if (isMap(node)) for (const p of node.items) collect(p.value);
    else if (isSeq(node)) for (const item of node.items) collect(item);
  };
  const walk = (map: YAMLMap | undefined) => {
    if (!map) return;
    for (const p of map.items) {
      const entry = p.value as YamlNode | null;
      if (!entry || !isMap(entry)) continue;
      for (const field of PROSE_FIELDS) collect(pairOf(entry, field)?.value);
      const sub = entry.get('codes', true) as YamlNode | undefined;
      if (sub && isMap(sub)) walk(sub);
    }
  };
  walk(codesMap(doc, []));
  for (const s of scalars) {
    if (!s.range || typeof (s as { value?: unknown }).value !== 'string') continue;
    const [start, end] = s.range;
    for (const m of text.slice(start, end).matchAll(PATH_IN_PROSE)) {
      const to = wanted.has(m[0]) ? renamed(m[0]) : undefined;
      if (to !== undefined && to !== m[0]) edits.push({ span: { start: start + m.index!, end: start + m.index! + m[0].length }, newText: to });
    }
  }
  return edits;
}
