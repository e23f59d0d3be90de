/**
 * Changes to codebook.yaml as text edits that keep the researcher's layout and comments: renaming a
 * code's key, adding a code under its parent, marking a code as merged into another, and finding what
 * stands at a place in the file.
 */
import { isMap, isScalar, parseDocument, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { Span } from '../diagnostics';
import type { Code, Codebook } from './codebook';

export interface TextEdit {
  span: Span;
  newText: string;
}

export type CodebookPlace =
  | { kind: 'key'; code: Code }
  | { kind: 'merged-into'; code: Code; target: string; span: Span }
  | { kind: 'entry'; code: Code };

/** The code whose key, `merged_into` value or entry holds `offset` (the innermost entry). */
export function placeInCodebook(codebook: Codebook, offset: number): CodebookPlace | undefined {
  let entry: Code | undefined;
  for (const code of codebook.codes.values()) {
    if (code.keySpan.start <= offset && offset <= code.keySpan.end) return { kind: 'key', code };
    const m = code.mergedIntoSpan;
    if (m && m.start <= offset && offset <= m.end) {
      return { kind: 'merged-into', code, target: unquote(codebook.text.slice(m.start, m.end)), span: m };
    }
    if (code.entrySpan.start <= offset && offset <= code.entrySpan.end && (!entry || code.depth > entry.depth)) entry = code;
  }
  return entry ? { kind: 'entry', code: entry } : undefined;
}

/**
 * When the cursor stands in the value of a `merged_into:` line, what has been typed of the path and
 * where it starts; for completing merge targets.
 */
export function mergedIntoContextAt(text: string, offset: number): { valueStart: number; prefix: string } | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const before = text.slice(lineStart, offset);
  const m = /^(\s*merged_into:\s*)(["']?)([^"'\s#]*)$/.exec(before);
  if (!m) return undefined;
  return { valueStart: lineStart + m[1].length + m[2].length, prefix: m[3] };
}

function unquote(s: string): string {
  const t = s.trim();
  return (t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'")) ? t.slice(1, -1) : t;
}

/** Writes a scalar the way the original was written: quoted with the same quote, or plain. */
function likeOriginal(original: string, value: string): string {
  const q = original.trim()[0];
  if (q === '"' || q === "'") return `${q}${value}${q}`;
  return value;
}

/**
 * Edits that rename the last slug of `path` to `newSlug` in the codebook: its key, and every
 * `merged_into` that names it or one of its subcodes.
 */
export function renameKeyEdits(codebook: Codebook, path: string, newSlug: string): TextEdit[] {
  const code = codebook.codes.get(path);
  if (!code) return [];
  const newPath = code.parentPath ? `${code.parentPath}/${newSlug}` : newSlug;
  const edits: TextEdit[] = [
    { span: code.keySpan, newText: likeOriginal(codebook.text.slice(code.keySpan.start, code.keySpan.end), newSlug) },
  ];
  for (const other of codebook.codes.values()) {
    const target = other.mergedInto;
    const span = other.mergedIntoSpan;
    if (!target || !span) continue;
    if (target === path || target.startsWith(`${path}/`)) {
      const renamed = newPath + target.slice(path.length);
      edits.push({ span, newText: likeOriginal(codebook.text.slice(span.start, span.end), renamed) });
    }
  }
  return edits;
}

function codesMapOf(doc: Document.Parsed, path: string[]): YAMLMap | undefined {
  let map = doc.contents && isMap(doc.contents) ? (doc.contents.get('codes', true) as YamlNode | undefined) : undefined;
  for (const slug of path) {
    if (!map || !isMap(map)) return undefined;
    const entry = findPair(map, slug)?.value as YamlNode | undefined;
    if (!entry || !isMap(entry)) return undefined;
    map = entry.get('codes', true) as YamlNode | undefined;
  }
  return map && isMap(map) ? map : undefined;
}

function entryMapOf(doc: Document.Parsed, path: string[]): { pair: Pair; map: YAMLMap } | undefined {
  const parent = codesMapOf(doc, path.slice(0, -1));
  if (!parent) return undefined;
  const pair = findPair(parent, path[path.length - 1]);
  const value = pair?.value as YamlNode | undefined;
  return pair && value && isMap(value) ? { pair, map: value } : undefined;
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
}

function lineStartOf(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}

function lineEndOf(text: string, offset: number): number {
  const m = /\r\n|\r|\n/g;
  m.lastIndex = offset;
  const found = m.exec(text);
  return found ? found.index : text.length;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function yamlString(value: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} _.,()/'-]*$/u.test(value) && !/[:#]/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

/**
 * An edit that adds a code at `path` (its parent must exist, or be the top) with a label, at the end of
 * its parent's `codes:`; a parent without `codes:` gets one. Returns a reason when it cannot.
 */
export function insertCodeEdit(codebook: Codebook, path: string, label: string): TextEdit | string {
  const text = codebook.text;
  if (codebook.codes.has(path)) return `'${path}' is already in the codebook.`;
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0 || !doc.contents || !isMap(doc.contents)) return 'codebook.yaml cannot be read as YAML; fix it first.';
  const slugs = path.split('/');
  const slug = slugs[slugs.length - 1];
  const eol = eolOf(text);
  const parentSlugs = slugs.slice(0, -1);
  const siblings = codesMapOf(doc, parentSlugs);

  if (siblings && !siblings.flow && siblings.items.length > 0) {
    const first = siblings.items[0].key as YamlNode;
    const indent = (first.range?.[0] ?? 0) - lineStartOf(text, first.range?.[0] ?? 0);
    const last = siblings.items[siblings.items.length - 1];
    const lastEnd = ((last.value as YamlNode | null)?.range ?? (last.key as YamlNode).range ?? [0, 0, 0])[1];
    const at = lineEndOf(text, Math.max(lastEnd - 1, 0));
    const unit = indentUnit(text, indent);
    return { span: { start: at, end: at }, newText: `${eol}${' '.repeat(indent)}${slug}:${eol}${' '.repeat(indent + unit)}label: ${yamlString(label)}` };
  }
  if (siblings && siblings.flow && siblings.items.length === 0 && siblings.range) {
    // `codes: {}` becomes a block with the new code.
    const keyIndent = indentOfCodesKey(doc, parentSlugs, text);
    const unit = indentUnit(text, keyIndent);
    const indent = keyIndent + unit;
    return {
      span: { start: siblings.range[0], end: siblings.range[1] },
      newText: `${eol}${' '.repeat(indent)}${slug}:${eol}${' '.repeat(indent + unit)}label: ${yamlString(label)}`,
    };
  }
  if (!siblings && parentSlugs.length > 0) {
    const parent = entryMapOf(doc, parentSlugs);
    if (!parent || parent.map.flow) return `'${parentSlugs.join('/')}' is not in the codebook as a block of fields; add '${path}' by hand.`;
    const firstField = parent.map.items[0]?.key as YamlNode | undefined;
    const fieldIndent = firstField?.range ? firstField.range[0] - lineStartOf(text, firstField.range[0]) : 0;
    const unit = indentUnit(text, fieldIndent);
    const last = parent.map.items[parent.map.items.length - 1];
    const lastEnd = ((last.value as YamlNode | null)?.range ?? (last.key as YamlNode).range ?? [0, 0, 0])[1];
    const at = lineEndOf(text, Math.max(lastEnd - 1, 0));
    const i = ' '.repeat(fieldIndent);
    return {
      span: { start: at, end: at },
      newText: `${eol}${i}codes:${eol}${i}${' '.repeat(unit)}${slug}:${eol}${i}${' '.repeat(2 * unit)}label: ${yamlString(label)}`,
    };
  }
  if (!siblings && parentSlugs.length === 0) {
    const at = text.length;
    const lead = text.length === 0 || text.endsWith('\n') || text.endsWith('\r') ? '' : eol;
    return { span: { start: at, end: at }, newText: `${lead}codes:${eol}  ${slug}:${eol}    label: ${yamlString(label)}${eol}` };
  }
  return `The codes of '${parentSlugs.join('/')}' are written in a way this edit cannot extend; add '${path}' by hand.`;
}

function indentOfCodesKey(doc: Document.Parsed, parentSlugs: string[], text: string): number {
  if (parentSlugs.length === 0) {
    const pair = findPair(doc.contents as YAMLMap, 'codes');
    const r = (pair?.key as YamlNode | undefined)?.range;
    return r ? r[0] - lineStartOf(text, r[0]) : 0;
  }
  const parent = entryMapOf(doc, parentSlugs);
  const pair = parent ? findPair(parent.map, 'codes') : undefined;
  const r = (pair?.key as YamlNode | undefined)?.range;
  return r ? r[0] - lineStartOf(text, r[0]) : 0;
}

/** The indentation step the file uses: the smallest positive indentation of any line, else 2. */
function indentUnit(text: string, _near: number): number {
  let unit = 0;
  for (const m of text.matchAll(/^( +)\S/gm)) {
    const n = m[1].length;
    if (n > 0 && (unit === 0 || n < unit)) unit = n;
  }
  return unit || 2;
}

/** Edits that mark `path` as merged into `into`: its `merged_into` set or replaced. */
export function mergedIntoEdits(codebook: Codebook, path: string, into: string): TextEdit[] | string {
  const code = codebook.codes.get(path);
  if (!code) return `'${path}' is not in the codebook.`;
  const text = codebook.text;
  if (code.mergedIntoSpan) {
    return [{ span: code.mergedIntoSpan, newText: likeOriginal(text.slice(code.mergedIntoSpan.start, code.mergedIntoSpan.end), into) }];
  }
  const doc = parseDocument(text, { keepSourceTokens: false });
  const entry = entryMapOf(doc, path.split('/'));
  if (!entry) return `'${path}' is not written as a block of fields; add 'merged_into: ${into}' by hand.`;
  const eol = eolOf(text);
  if (entry.map.flow) {
    const end = entry.map.range?.[1] ?? 0;
    const close = text.lastIndexOf('}', end);
    return [{ span: { start: close, end: close }, newText: `, merged_into: ${into}` }];
  }
  const labelPair = findPair(entry.map, 'label') ?? entry.map.items[0];
  const key = labelPair.key as YamlNode;
  const indent = (key.range?.[0] ?? 0) - lineStartOf(text, key.range?.[0] ?? 0);
  const valueEnd = ((labelPair.value as YamlNode | null)?.range ?? key.range ?? [0, 0, 0])[1];
  const at = lineEndOf(text, Math.max(valueEnd - 1, 0));
  return [{ span: { start: at, end: at }, newText: `${eol}${' '.repeat(indent)}merged_into: ${into}` }];
}
