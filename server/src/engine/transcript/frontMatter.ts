/**
 * The YAML front matter of a transcript: `participant`, `speakers` (who each speaker label is, as an
 * import writes it), `memo` (the researcher's memo on the document, one line or a block `memo: |`) and
 * the document variables.
 */
import { parseDocument, isMap, isScalar, type Node as YamlNode } from 'yaml';
import { diagnostic, DiagnosticCodes, type Diagnostic, type Span } from '../diagnostics';

export interface FrontMatter {
  /** The whole block, from the opening `---` to the end of the closing line. */
  span: Span;
  /** The participant the document is about, from `participant:`. */
  participant?: string;
  participantSpan?: Span;
  /** Who each speaker label is, from `speakers: {PDV: Pieter de Vries}`: names, not a variable to group by. */
  speakers?: Record<string, string>;
  /** The memo on the document, from `memo:` (a block scalar for several lines): a note, not a variable. */
  memo?: string;
  /** Where the memo's value stands. */
  memoSpan?: Span;
  /** The interview's recording, from `media:` (a path relative to the project): not a variable to group by. */
  media?: string;
  /** Every other key, as text, in the order written. */
  variables: Record<string, string>;
  /** Where each key stands, for navigation. */
  keySpans: Record<string, Span>;
}

const SPEAKERS = 'speakers';
/** The longest front matter read as YAML, in UTF-16 code units (256 KiB of text). */
export const MAX_FRONT_MATTER = 256 * 1024;
/** The deepest nesting of `[` and `{` read as YAML in front matter. */
const MAX_NESTING = 32;
/** The most YAML errors of one front matter that are reported. */
const MAX_YAML_ERRORS = 10;
/** The key of the document's memo. */
export const MEMO_KEY = 'memo';
const MEDIA = 'media';
const OPEN = /^---[ \t]*(\r\n|\n|\r)/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;
/** A `key: value` line whose value YAML reads as the same plain text. */
const SIMPLE = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+([^\s'"[\]{}&*!|>%@`#,?:-][^#]*?|-?\d[\w.:-]*))?[ \t]*$/;

/**
 * Reads front matter at the start of `text`. Returns undefined when the text has none; `bodyStart` is
 * where the transcript itself begins.
 */
export function parseFrontMatter(
  text: string,
  lineStarts: readonly number[],
  lineEnd: (line: number) => number,
  problems: Diagnostic[],
): { frontMatter?: FrontMatter; bodyStart: number } {
  if (!OPEN.test(text.slice(0, 8))) return { bodyStart: 0 };
  let closeLine = -1;
  for (let line = 1; line < lineStarts.length; line++) {
    const start = lineStarts[line];
    const end = lineEnd(line);
    if (end - start > 8) continue;
    if (CLOSE.test(text.slice(start, end))) {
      closeLine = line;
      break;
    }
  }
  if (closeLine < 0) {
    problems.push(diagnostic(DiagnosticCodes.frontMatterUnclosed, { start: 0, end: 3 }));
    return { bodyStart: 0 };
  }
  const yamlStart = lineStarts[1];
  const yamlEnd = lineStarts[closeLine];
  const bodyStart = closeLine + 1 < lineStarts.length ? lineStarts[closeLine + 1] : text.length;
  const fm: FrontMatter = { span: { start: 0, end: lineEnd(closeLine) }, variables: {}, keySpans: {} };
  if (yamlEnd - yamlStart > MAX_FRONT_MATTER) {
    // Front matter is a few keys; a block this long is most likely a transcript pasted between two `---`
    // lines, and reading it as YAML would cost hundreds of bytes of memory for each of its bytes.
    problems.push(diagnostic(DiagnosticCodes.frontMatterInvalid, { start: 0, end: 3 }, { detail: 'too-long', size: yamlEnd - yamlStart }));
    return { frontMatter: fm, bodyStart };
  }

  const lines: { key: string; value: string; keyStart: number; valueStart: number }[] = [];
  let simple = true;
  for (let line = 1; line < closeLine && simple; line++) {
    const start = lineStarts[line];
    const raw = text.slice(start, lineEnd(line));
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const m = SIMPLE.exec(raw);
    if (!m || (m[2] !== undefined && /: |\t#| #/.test(m[2]))) simple = false;
    else lines.push({ key: m[1], value: m[2] ?? '', keyStart: start, valueStart: start + raw.indexOf(':') + 1 });
  }

  if (simple) {
    const seen = new Set<string>();
    for (const l of lines) {
      const keySpan = { start: l.keyStart, end: l.keyStart + l.key.length };
      if (seen.has(l.key)) {
        problems.push(diagnostic(DiagnosticCodes.frontMatterInvalid, keySpan, { detail: 'duplicate', key: l.key }));
        continue;
      }
      seen.add(l.key);
      const value = l.value.trim();
      assign(fm, l.key, value === '~' || value === 'null' ? '' : value, keySpan, valueSpan(text, l.valueStart, l.value));
    }
    return { frontMatter: fm, bodyStart };
  }

  // Anything beyond `key: value` lines goes through the YAML parser, positions shifted to the file.
  const source = text.slice(yamlStart, yamlEnd);
  if (nestingDepth(source) > MAX_NESTING) {
    // Front matter holds a few keys; brackets nested this deep are text that is no front matter (a line of
    // `[[[[…`), and the YAML parser's answer on them is neither quick nor, on every run, the same.
    problems.push(diagnostic(DiagnosticCodes.frontMatterInvalid, { start: 0, end: 3 }, { detail: 'too-deep' }));
    return { frontMatter: fm, bodyStart };
  }
  const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    // After the first few, the parser's errors are mostly echoes of the first: they would bury the transcript's own problems.
    for (const err of doc.errors.slice(0, MAX_YAML_ERRORS)) {
      problems.push(
        diagnostic(
          DiagnosticCodes.frontMatterInvalid,
          { start: yamlStart + err.pos[0], end: yamlStart + Math.max(err.pos[0], err.pos[1]) },
          { detail: err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '') },
        ),
      );
    }
    return { frontMatter: fm, bodyStart };
  }
  if (doc.contents === null) return { frontMatter: fm, bodyStart };
  if (!isMap(doc.contents)) {
    const r = (doc.contents as YamlNode).range ?? [0, 0];
    problems.push(
      diagnostic(DiagnosticCodes.frontMatterInvalid, { start: yamlStart + r[0], end: yamlStart + r[1] }, { detail: 'not-a-map' }),
    );
    return { frontMatter: fm, bodyStart };
  }
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const kr = pair.key.range ?? [0, 0];
    const keySpan = { start: yamlStart + kr[0], end: yamlStart + kr[1] };
    const node = pair.value as YamlNode | null;
    const vr = node?.range ?? [kr[1], kr[1]];
    const vSpan = { start: yamlStart + vr[0], end: yamlStart + vr[1] };
    if (key === 'participant' && node && !isScalar(node)) {
      problems.push(diagnostic(DiagnosticCodes.frontMatterInvalid, vSpan, { detail: 'participant-list' }));
      continue;
    }
    if (key === SPEAKERS && node && isMap(node)) {
      fm.keySpans[key] = keySpan;
      fm.speakers = {};
      for (const item of node.items) {
        if (isScalar(item.key)) fm.speakers[scalarText(item.key.value)] = isScalar(item.value) ? scalarText(item.value.value) : '';
      }
      continue;
    }
    const value = node === null ? '' : isScalar(node) ? scalarText(node.value) : structuredText(node.toJSON());
    assign(fm, key, value, keySpan, vSpan);
  }
  return { frontMatter: fm, bodyStart };
}

function assign(fm: FrontMatter, key: string, value: string, keySpan: Span, vSpan: Span): void {
  fm.keySpans[key] = keySpan;
  if (key === 'participant') {
    if (value !== '') {
      fm.participant = value;
      fm.participantSpan = vSpan;
    }
  } else if (key === SPEAKERS && value === '') {
    fm.speakers = {};
  } else if (key === MEMO_KEY) {
    const memo = value.trim();
    if (memo !== '') {
      fm.memo = memo;
      fm.memoSpan = vSpan;
    }
  } else if (key === MEDIA) {
    if (value !== '') fm.media = value;
  } else {
    fm.variables[key] = value;
  }
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

function valueSpan(text: string, from: number, value: string): Span {
  const v = value.trim();
  const start = v ? text.indexOf(v, from) : from;
  return { start, end: start + v.length };
}

/** A list as `a, b, c`; anything more structured as JSON. */
function structuredText(value: unknown): string {
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) return value.map(scalarText).join(', ');
  return JSON.stringify(value);
}

/** How deeply `[` and `{` nest in `text` (brackets in quotes counted too: an upper bound is enough). */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest) deepest = depth;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return deepest;
}
