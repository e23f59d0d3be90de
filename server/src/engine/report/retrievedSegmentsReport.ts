/**
 * Retrieved segments (analysis/retrievedSegments.ts) as text, Markdown, HTML and CSV: a heading per code,
 * each quote with its context, participant, place and memos, ready to paste into a results chapter.
 * The Word document is in retrievedSegmentsDocx.ts.
 */
import type { ContextUnit, RetrievalResult, RetrievedSegment } from '../analysis/retrievedSegments';
import { counted, joinList, type Language } from '../messages';
import { toCsv } from './csv';
import { escapeHtml, htmlPage } from './html';

export type RetrievalFormat = 'text' | 'markdown' | 'html' | 'csv' | 'docx';
export const RETRIEVAL_FORMATS: readonly RetrievalFormat[] = ['text', 'markdown', 'html', 'csv', 'docx'];

/** The columns of the CSV, in order (README, "retrieve"). */
export const RETRIEVAL_COLUMNS = [
  'code_group',
  'code',
  'code_label',
  'file',
  'participant',
  'speaker',
  'start_line',
  'end_line',
  'text',
  'context_before',
  'context_after',
  'memos',
  'also_coded',
] as const;

export function retrievalWords(lang: Language) {
  return lang === 'nl'
    ? {
        title: 'Opgehaalde segmenten',
        segments: (n: number) => counted(n, 'segment', 'segmenten'),
        codes: (labels: string[], mode: 'any' | 'all') => (mode === 'all' ? `waar ${joinList(labels, 'nl')} samen voorkomen` : joinList(labels, 'nl', 'or')),
        context: (unit: ContextUnit) => `context: ${{ none: 'geen', sentence: 'zin ervoor en erna', paragraph: 'alinea', turn: 'spreekbeurt' }[unit]}`,
        withSubcodes: 'met subcodes',
        participant: (p: string) => `deelnemer ${p}`,
        none: 'Geen segmenten gevonden.',
        memo: 'Memo',
        alsoCoded: 'Ook gecodeerd',
        before: 'ervoor',
        after: 'erna',
        unreadable: (files: string[]) => `Niet gelezen (verplaatst of verwijderd): ${files.join(', ')}.`,
      }
    : {
        title: 'Retrieved segments',
        segments: (n: number) => counted(n, 'segment', 'segments'),
        codes: (labels: string[], mode: 'any' | 'all') => (mode === 'all' ? `where ${joinList(labels, 'en')} meet` : joinList(labels, 'en', 'or')),
        context: (unit: ContextUnit) => `context: ${{ none: 'none', sentence: 'sentence before and after', paragraph: 'paragraph', turn: 'speaker turn' }[unit]}`,
        withSubcodes: 'with subcodes',
        participant: (p: string) => `participant ${p}`,
        none: 'No segments match.',
        memo: 'Memo',
        alsoCoded: 'Also coded',
        before: 'before',
        after: 'after',
        unreadable: (files: string[]) => `Not read (moved or deleted): ${files.join(', ')}.`,
      };
}

/** One line that says what was retrieved: codes, narrowing, context and how many segments. */
export function retrievalSummary(result: RetrievalResult, lang: Language): string {
  const w = retrievalWords(lang);
  const parts = [w.codes(result.codes.map((c) => c.label), result.mode)];
  if (result.subcodes) parts.push(w.withSubcodes);
  if (result.participant !== undefined) parts.push(w.participant(result.participant));
  for (const { variable, value } of result.where) parts.push(`${variable} = ${value}`);
  parts.push(w.context(result.context), w.segments(result.rows.length));
  return parts.join(' · ');
}

/** The rows of one heading (a chosen code), in order. */
export function rowsByCode(result: RetrievalResult): { path: string; label: string; color?: string; rows: RetrievedSegment[] }[] {
  return result.codes.map((c) => ({ ...c, rows: result.rows.filter((r) => r.group === c.path) }));
}

/** Where a quote stands: `T09.txt:12` or `T09.txt:12–14`. */
export function place(row: RetrievedSegment): string {
  return `${row.file}:${row.startLine}${row.endLine !== row.startLine ? `–${row.endLine}` : ''}`;
}

/** The attribution under a quote: `— T9, T09.txt:12`. */
export function attribution(row: RetrievedSegment): string {
  return `— ${row.participant}, ${place(row)}`;
}

function codeHeading(label: string, path: string, count: number, lang: Language): string {
  return `${label} (${path}) · ${retrievalWords(lang).segments(count)}`;
}

export function retrievalText(result: RetrievalResult, lang: Language): string {
  const w = retrievalWords(lang);
  const out: string[] = [w.title, retrievalSummary(result, lang), ''];
  if (result.rows.length === 0) out.push(w.none, '');
  for (const group of rowsByCode(result)) {
    if (group.rows.length === 0) continue;
    const heading = codeHeading(group.label, group.path, group.rows.length, lang);
    out.push(heading, '='.repeat(Math.min(heading.length, 80)), '');
    for (const row of group.rows) {
      out.push(`${place(row)} · ${row.participant}${row.speaker && row.speaker !== row.participant ? ` (${row.speaker})` : ''}${row.code !== group.path ? ` · ${row.label}` : ''}`);
      if (row.before) out.push(indent(`[${w.before}] ${row.before}`));
      out.push(indent(`“${row.text}”`));
      if (row.after) out.push(indent(`[${w.after}] ${row.after}`));
      for (const memo of row.memos) out.push(indent(`${w.memo}: ${memo}`));
      if (row.alsoCoded.length > 0) out.push(indent(`${w.alsoCoded}: ${row.alsoCoded.join(', ')}`));
      out.push('');
    }
  }
  if (result.unreadable.length > 0) out.push(w.unreadable(result.unreadable), '');
  return out.join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `    ${l}` : ''))
    .join('\n');
}

export function retrievalMarkdown(result: RetrievalResult, lang: Language): string {
  const w = retrievalWords(lang);
  const out: string[] = [`# ${w.title}`, '', escapeMd(retrievalSummary(result, lang)), ''];
  if (result.rows.length === 0) out.push(w.none, '');
  for (const group of rowsByCode(result)) {
    if (group.rows.length === 0) continue;
    out.push(`## ${escapeMd(group.label)}`, '', `\`${group.path}\` · ${w.segments(group.rows.length)}`, '');
    for (const row of group.rows) {
      const quote = row.text.split('\n\n').map((p) => `> ${escapeMd(p)}`);
      out.push(quote.join('\n>\n'), '>', `> ${escapeMd(attribution(row))}`, '');
      if (row.before || row.after) {
        // The context in a lighter form: in italics, the quote's place in it as […].
        out.push([row.before && italic(row.before), '\\[…\\]', row.after && italic(row.after)].filter(Boolean).join(' '), '');
      }
      for (const memo of row.memos) out.push(`**${w.memo}:** ${escapeMd(memo)}`, '');
      if (row.alsoCoded.length > 0) out.push(`${w.alsoCoded}: ${row.alsoCoded.map((c) => `\`${c}\``).join(', ')}`, '');
    }
  }
  if (result.unreadable.length > 0) out.push(escapeMd(w.unreadable(result.unreadable)), '');
  return out.join('\n');
}

function italic(text: string): string {
  // Italics per paragraph: Markdown's emphasis does not span a blank line.
  return text
    .split('\n\n')
    .map((p) => `*${escapeMd(p)}*`)
    .join('\n\n');
}

/** Markdown's special characters as literals, and a line that would start a list, heading or quote kept as text. */
function escapeMd(text: string): string {
  return text.replace(/([\\`*_[\]<>|#~])/g, '\\$1').replace(/^(\s*)([-+]|\d+[.)])(?=\s)/gm, (_m, space: string, mark: string) => `${space}${mark.replace(/([-+.)])/, '\\$1')}`);
}

export function retrievalHtml(result: RetrievalResult, lang: Language): string {
  const w = retrievalWords(lang);
  const body: string[] = [`<h1>${escapeHtml(w.title)}</h1>`, `<p class="summary">${escapeHtml(retrievalSummary(result, lang))}</p>`];
  if (result.rows.length === 0) body.push(`<p>${escapeHtml(w.none)}</p>`);
  const grey = 'style="color:#6e6e6e"';
  for (const group of rowsByCode(result)) {
    if (group.rows.length === 0) continue;
    const swatch = group.color && /^#[0-9a-fA-F]{6}$/.test(group.color) ? `<span class="swatch" style="background:${group.color}"></span>` : '';
    body.push(`<h2>${swatch}${escapeHtml(group.label)}</h2>`, `<p class="cite"><code>${escapeHtml(group.path)}</code> · ${escapeHtml(w.segments(group.rows.length))}</p>`);
    for (const row of group.rows) {
      body.push('<div class="segment">');
      if (row.before) body.push(`<p class="context before" ${grey}>${paragraphs(row.before)}</p>`);
      body.push(`<blockquote><p>${paragraphs(row.text)}</p><p class="cite">${escapeHtml(attribution(row))}</p></blockquote>`);
      if (row.after) body.push(`<p class="context after" ${grey}>${paragraphs(row.after)}</p>`);
      for (const memo of row.memos) body.push(`<p class="memo"><strong>${escapeHtml(w.memo)}:</strong> ${escapeHtml(memo)}</p>`);
      if (row.alsoCoded.length > 0) body.push(`<p class="cite">${escapeHtml(w.alsoCoded)}: ${row.alsoCoded.map((c) => `<code>${escapeHtml(c)}</code>`).join(', ')}</p>`);
      body.push('</div>');
    }
  }
  if (result.unreadable.length > 0) body.push(`<p>${escapeHtml(w.unreadable(result.unreadable))}</p>`);
  return htmlPage(w.title, lang, body.join('\n'));
}

/** Escaped text whose paragraph breaks become line breaks. */
function paragraphs(text: string): string {
  return text.split('\n\n').map(escapeHtml).join('<br><br>');
}

export function retrievalCsv(result: RetrievalResult): string {
  return toCsv(
    [...RETRIEVAL_COLUMNS],
    result.rows.map((r) => [
      r.group,
      r.code,
      r.label,
      r.file,
      r.participant,
      r.speaker,
      r.startLine,
      r.endLine,
      r.text,
      r.before,
      r.after,
      r.memos.join('\n'),
      r.alsoCoded.join(' '),
    ]),
  );
}

/** The text formats; the Word document is bytes (retrievalDocx). */
export function retrievalReport(result: RetrievalResult, format: Exclude<RetrievalFormat, 'docx'>, lang: Language): string {
  switch (format) {
    case 'text':
      return retrievalText(result, lang);
    case 'markdown':
      return retrievalMarkdown(result, lang);
    case 'html':
      return retrievalHtml(result, lang);
    case 'csv':
      return retrievalCsv(result);
  }
}
