/**
 * Writes a plain text and its codings as a Codeboom transcript: front matter for the participant and
 * document variables, then the text with every coding as a passage, `{{coded text}}[[code]]`, so its
 * position is exact. Codings of the same stretch share one passage; nested ones nest; passages that
 * overlap without nesting get labels (`{{#p3 ...}}#p3[[code]]`). The result is parsed again and checked:
 * without its markup the body is the original text character for character, and it codes exactly the
 * planned stretches. When the text itself holds characters that would read as markup, the transcript is
 * refused with the reason.
 */
import type { ProjectSettings } from '../project/settings';
import { cleanDocument, parseTranscript } from '../transcript/transcript';

export interface PlannedCoding {
  /** UTF-16 offsets into the text, the end exclusive. */
  start: number;
  end: number;
  /** The code's path. */
  code: string;
  memo?: string;
}

export interface TranscriptPlan {
  text: string;
  participant?: string;
  /** The memo on the document, written as `memo:` in its front matter. */
  memo?: string;
  /** Document variables in the order to write them. */
  variables: readonly (readonly [string, string])[];
  codings: readonly PlannedCoding[];
}

/** `dropped`: codings left out because their text begins or ends with a bracket or brace (see writeTranscript). */
export type WrittenTranscript = { ok: true; text: string; dropped: PlannedCoding[] } | { ok: false; reason: string };

interface Passage {
  start: number;
  end: number;
  tags: { code: string; memo?: string }[];
  label?: string;
}

export function writeTranscript(plan: TranscriptPlan, settings: Pick<ProjectSettings, 'speakerPattern'>): WrittenTranscript {
  const { text } = plan;
  const markup = /\[\[|\{\{|\}\}/.exec(text);
  if (markup) {
    return { ok: false, reason: `its text contains "${markup[0]}" (at character ${markup.index}), which Codeboom would read as markup` };
  }
  const first = written(plan, settings);
  if (first.ok || first.reason !== EDGE) return first;
  // A brace or bracket of the text right inside or outside a passage's marks runs into them (`{ja}}}`):
  // the text is kept whole and those codings are left out, for the caller to name, rather than the
  // whole transcript.
  const atEdge = (c: PlannedCoding) => BRACKET.test(text[c.start - 1] ?? '') || BRACKET.test(text[c.start] ?? '') || BRACKET.test(text[c.end - 1] ?? '') || BRACKET.test(text[c.end] ?? '');
  const dropped = plan.codings.filter(atEdge);
  if (dropped.length === 0) return first;
  const second = written({ ...plan, codings: plan.codings.filter((c) => !atEdge(c)) }, settings);
  return second.ok ? { ...second, dropped } : first;
}

const BRACKET = /[{}[\]]/;

function written(plan: TranscriptPlan, settings: Pick<ProjectSettings, 'speakerPattern'>): WrittenTranscript {
  const { text } = plan;
  const passages = groupPassages(plan.codings);
  assignLabels(passages, text);
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const head = frontMatter(plan, eol, text);
  const out = head + insertMarkup(text, passages);
  const problem = verify(out, plan, passages, settings);
  return problem ? { ok: false, reason: problem } : { ok: true, text: out, dropped: [] };
}

function groupPassages(codings: readonly PlannedCoding[]): Passage[] {
  const byKey = new Map<string, Passage>();
  for (const c of codings) {
    const key = `${c.start}:${c.end}`;
    let p = byKey.get(key);
    if (!p) byKey.set(key, (p = { start: c.start, end: c.end, tags: [] }));
    const same = p.tags.find((t) => t.code === c.code);
    const memo = c.memo !== undefined ? memoText(c.memo) : undefined;
    if (!same) p.tags.push({ code: c.code, memo });
    else if (memo) same.memo = same.memo ? `${same.memo} / ${memo}` : memo;
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** A memo as a tag can hold it: one line, no `]]`, not ending in `]`. */
function memoText(memo: string): string | undefined {
  let m = memo.replace(/\s*(\r\n|\r|\n)\s*/g, ' ').trim();
  while (m.includes(']]')) m = m.replace(/\]\]/g, '] ]');
  if (m.endsWith(']')) m += ' ';
  return m.trim() ? m : undefined;
}

/**
 * Unlabelled passages pair their marks like brackets, so they must nest; a passage that would cross an
 * open one gets a label. So does one whose text starts like a label (`#x `).
 */
function assignLabels(passages: Passage[], text: string): void {
  const open: Passage[] = [];
  let next = 1;
  for (const p of passages) {
    // A passage that ends where this one starts is closed before it opens.
    while (open.length > 0 && open[open.length - 1].end <= p.start) open.pop();
    const top = open[open.length - 1];
    const crosses = top !== undefined && top.end < p.end;
    const looksLabelled = /^#[A-Za-z0-9_-]+ /.test(text.slice(p.start, p.end));
    if (crosses || looksLabelled) p.label = `p${next++}`;
    else open.push(p);
  }
}

function insertMarkup(text: string, passages: readonly Passage[]): string {
  const positions = new Set<number>();
  for (const p of passages) positions.add(p.start).add(p.end);
  const sorted = [...positions].sort((a, b) => a - b);
  let out = '';
  let at = 0;
  for (const pos of sorted) {
    out += text.slice(at, pos);
    at = pos;
    // Closes first, the innermost (latest opened) first; then opens, the outermost first; empty passages last.
    const closing = passages.filter((p) => p.end === pos && p.start < pos).sort((a, b) => b.start - a.start);
    for (const p of closing) out += close(p);
    const opening = passages.filter((p) => p.start === pos && p.end > pos);
    for (const p of opening) out += p.label ? `{{#${p.label} ` : '{{';
    for (const p of passages.filter((q) => q.start === pos && q.end === pos)) out += (p.label ? `{{#${p.label} ` : '{{') + close(p);
  }
  return out + text.slice(at);
}

function close(p: Passage): string {
  const tags = p.tags.map((t) => (t.memo ? `[[${t.code} | ${t.memo}]]` : `[[${t.code}]]`)).join('');
  return (p.label ? `}}#${p.label}` : '}}') + tags;
}

const SIMPLE_KEY = /^[A-Za-z_][\w-]*$/;
const SIMPLE_VALUE = /^(?:[^\s'"[\]{}&*!|>%@`#,?:-][^#]*?|-?\d[\w.:-]*)$/;

/** Front matter that the transcript parser reads back as exactly these texts. */
function frontMatter(plan: TranscriptPlan, eol: string, text: string): string {
  const entries: [string, string][] = [];
  if (plan.participant !== undefined) entries.push(['participant', plan.participant]);
  for (const [k, v] of plan.variables) if (k !== 'participant') entries.push([k, v]);
  const memo = plan.memo?.trim() ? memoEntry(plan.memo.trim(), eol) : undefined;
  if (entries.length === 0 && !memo) return /^---[ \t]*(\r\n|\n|\r)/.test(text) ? `---${eol}---${eol}` : '';
  const plain = entries.every(
    ([k, v]) => SIMPLE_KEY.test(k) && (v === '' || (SIMPLE_VALUE.test(v) && v === v.trim() && !/[\r\n]/.test(v) && !/: |\t#| #/.test(v) && v !== '~' && v !== 'null')),
  );
  const key = (k: string) => (plain || SIMPLE_KEY.test(k) ? k : JSON.stringify(k));
  const value = (v: string) => (plain ? v : JSON.stringify(v));
  const lines = entries.map(([k, v]) => `${key(k)}:${v === '' && plain ? '' : ` ${value(v)}`}`);
  if (memo) lines.push(memo);
  return `---${eol}${lines.join(eol)}${eol}---${eol}`;
}

/** The document's memo as front matter: quoted on one line, or a block of lines. */
function memoEntry(memo: string, eol: string): string {
  const lines = memo.split(/\r\n|\n|\r/);
  if (lines.length === 1) return `memo: ${JSON.stringify(memo)}`;
  return [`memo: |`, ...lines.map((l) => (l.trim() === '' ? '' : `  ${l.trimEnd()}`))].join(eol);
}

const EDGE = 'its text has braces or brackets at the edge of a coded passage, which Codeboom would read as markup';

/** Parses the transcript back; returns why it does not say what was planned, or undefined. */
function verify(out: string, plan: TranscriptPlan, passages: readonly Passage[], settings: Pick<ProjectSettings, 'speakerPattern'>): string | undefined {
  const parsed = parseTranscript(out, settings as ProjectSettings);
  const clean = cleanDocument(parsed);
  const bodyStart = clean.toClean(parsed.bodyStart);
  if (clean.text.slice(bodyStart) !== plan.text) {
    return EDGE;
  }
  const fm = parsed.frontMatter;
  const wantedVariables = Object.fromEntries(plan.variables.filter(([k]) => k !== 'participant'));
  if (
    (fm?.participant ?? undefined) !== plan.participant ||
    JSON.stringify(fm?.variables ?? {}) !== JSON.stringify(wantedVariables) ||
    (fm?.memo ?? '') !== (plan.memo?.trim() ?? '').split(/\r\n|\n|\r/).map((l) => l.trimEnd()).join('\n')
  ) {
    return 'its participant or document variables cannot be written as front matter that reads back the same';
  }
  const planned = new Set<string>();
  for (const p of passages) for (const t of p.tags) planned.add(`${p.start}:${p.end}:${t.code}`);
  const found = new Set<string>();
  for (const c of parsed.codings) {
    const tag = parsed.tags[c.tag];
    if (c.passage < 0) return EDGE;
    found.add(`${clean.toClean(c.span.start) - bodyStart}:${clean.toClean(c.span.end) - bodyStart}:${tag.path}`);
  }
  const same = planned.size === found.size && [...planned].every((k) => found.has(k));
  if (!same || parsed.problems.some((p) => p.code.startsWith('passage.') || p.code.startsWith('tag.'))) {
    return EDGE;
  }
  return undefined;
}
