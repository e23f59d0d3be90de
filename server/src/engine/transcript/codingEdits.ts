/**
 * Coding and uncoding as text edits: what to insert to code a selection (a whole paragraph with tags at
 * its end, a precise passage with `{{ }}`, a labelled passage where it would cross another), and what to
 * delete to remove a coding. Editors apply the edits as one undoable change.
 */
import type { TextEdit } from '../codebook/codebookEdits';
import type { Span } from '../diagnostics';
import type { Segment } from './resolve';
import { markupAt, type ParsedTranscript } from './transcript';

export type { TextEdit };

/** The paragraph that holds `offset`, or the index of the nearest one before it; -1 before the first. */
export function paragraphAt(parsed: ParsedTranscript, offset: number): number {
  let found = -1;
  for (let i = 0; i < parsed.paragraphs.length; i++) {
    const p = parsed.paragraphs[i].span;
    if (p.start <= offset) found = i;
    else break;
  }
  return found;
}

/** A paragraph's words: from after its speaker label to its end, without surrounding spaces and tags. */
export function paragraphWords(parsed: ParsedTranscript, index: number): Span {
  const p = parsed.paragraphs[index];
  const { text } = parsed;
  let s = p.contentStart;
  let e = p.span.end;
  for (;;) {
    while (s < e && /\s/.test(text[s])) s++;
    const m = markupAt(parsed.markup, s);
    if (m && s < e) s = Math.min(m.end, e);
    else break;
  }
  for (;;) {
    while (e > s && /\s/.test(text[e - 1])) e--;
    const m = markupAt(parsed.markup, e - 1);
    if (m && e > s) e = Math.max(m.start, s);
    else break;
  }
  return { start: s, end: e };
}

/**
 * The edits that code `[start, end)` with `codes`. An empty selection, or one that covers a paragraph's
 * words, codes the paragraph; anything else becomes a passage. Codes already on the target are skipped.
 * Returns no edits when there is nothing to do.
 */
export function codeSelectionEdits(parsed: ParsedTranscript, start: number, end: number, codes: string[]): TextEdit[] {
  const { text } = parsed;
  let s = Math.min(start, end);
  let e = Math.max(start, end);
  // Never split a mark: a boundary inside markup moves out of it; spaces at the ends are not coded.
  const inS = markupAt(parsed.markup, s);
  if (inS && inS.start < s) s = inS.end;
  const inE = markupAt(parsed.markup, e - 1);
  if (inE && e < inE.end && e > inE.start) e = inE.start;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;

  const para = paragraphAt(parsed, s);
  const words = para >= 0 ? paragraphWords(parsed, para) : undefined;
  const wholeParagraph = s >= e || (words !== undefined && s <= words.start && e >= words.end);
  if (wholeParagraph) {
    if (para < 0 || !words) return [];
    const present = new Set(parsed.tags.filter((t) => t.paragraph === para && t.passage < 0).map((t) => t.path));
    const add = codes.filter((c) => !present.has(c));
    if (add.length === 0) return [];
    // At the end of the paragraph, after its words and any tags and passage marks there.
    let at = parsed.paragraphs[para].span.end;
    while (at > parsed.paragraphs[para].contentStart && /\s/.test(text[at - 1])) at--;
    return [{ span: { start: at, end: at }, newText: add.map((c) => ` [[${c}]]`).join('') }];
  }

  // A passage that is exactly this text gets the new codes added to its tags.
  const same = parsed.passages.find((p) => p.closed && p.content.start === s && p.content.end === e);
  if (same) {
    const present = new Set(same.tags.map((i) => parsed.tags[i].path));
    const add = codes.filter((c) => !present.has(c));
    if (add.length === 0) return [];
    const at = same.tags.length > 0 ? parsed.tags[same.tags[same.tags.length - 1]].span.end : same.closeSpan.end;
    return [{ span: { start: at, end: at }, newText: add.map((c) => `[[${c}]]`).join('') }];
  }

  // A new passage crossing an unlabelled one (one end inside it, the other outside) needs a label.
  const crosses = parsed.passages.some((p) => {
    if (!p.closed || p.label !== undefined) return false;
    const inside = (o: number) => o > p.openSpan.start && o < p.closeSpan.end;
    return inside(s) !== inside(e);
  });
  const tags = codes.map((c) => `[[${c}]]`).join('');
  if (!crosses) {
    return [
      { span: { start: s, end: s }, newText: '{{' },
      { span: { start: e, end: e }, newText: `}}${tags}` },
    ];
  }
  const label = freeLabel(parsed);
  return [
    { span: { start: s, end: s }, newText: `{{#${label} ` },
    { span: { start: e, end: e }, newText: `}}#${label}${tags}` },
  ];
}

/** The first of a, b, …, z, a1, … that no passage of the document uses. */
function freeLabel(parsed: ParsedTranscript): string {
  const used = new Set(parsed.passages.map((p) => p.label).filter((l): l is string => l !== undefined));
  for (let round = 0; ; round++) {
    for (let c = 0; c < 26; c++) {
      const label = String.fromCharCode(97 + c) + (round === 0 ? '' : String(round));
      if (!used.has(label)) return label;
    }
  }
}

/**
 * The edits that remove a segment's coding: its tags (with the spaces before a paragraph tag), and the
 * passage marks when no other code is left on the passage.
 */
export function removeCodingEdits(parsed: ParsedTranscript, segment: Segment): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const i of segment.tags) {
    const tag = parsed.tags[i];
    const m = markupAt(parsed.markup, tag.span.start);
    edits.push({ span: m && m.start <= tag.span.start && m.end >= tag.span.end ? { ...m } : { ...tag.span }, newText: '' });
  }
  if (segment.passage >= 0) {
    const p = parsed.passages[segment.passage];
    const others = p.tags.filter((i) => !segment.tags.includes(i));
    if (others.length === 0) {
      edits.push({ span: { ...p.openSpan }, newText: '' });
      edits.push({ span: { ...p.closeSpan }, newText: '' });
    }
  }
  return edits.sort((a, b) => b.span.start - a.span.start);
}
