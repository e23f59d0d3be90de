/**
 * The co-occurrence matrix for people and programs: a terminal table, CSV (one row and one column per
 * code), JSON, and an HTML heat map; and the pairs behind a cell as text or CSV.
 */
import { localize } from '../codebook/localized';
import { codeLabel } from '../codebook/codebook';
import { unitName, type CooccurrenceMatrix, type CooccurrenceUnit, type CooccurringPair } from '../analysis/cooccurrence';
import { counted, type Language } from '../messages';
import type { ProjectIndex } from '../project/projectIndex';
import { toCsv } from './csv';
import { escapeHtml, heatColor, htmlPage } from './html';
import { oneLine, textTable } from './textTable';
import { maxOf } from '../maxOf';

export type CooccurrenceCount = 'pairs' | 'participants';

export interface CooccurrenceReport {
  title?: string;
  language: Language;
  unit: string;
  /** The unit in words, e.g. "overlapping segments". */
  unitLabel: string;
  documents: number;
  codes: { path: string; label: string; segments: number }[];
  cells: number[][];
  participantCells: number[][];
}

export function buildCooccurrenceReport(index: ProjectIndex, matrix: CooccurrenceMatrix, language: Language): CooccurrenceReport {
  const codebook = index.codebook;
  return {
    title: localize(codebook.title, language, codebook.settings.language),
    language,
    unit: unitName(matrix.unit),
    unitLabel: unitWords(matrix.unit, language),
    documents: matrix.documents,
    codes: matrix.codes.map((path, i) => {
      const code = codebook.codes.get(path);
      return { path, label: code ? codeLabel(codebook, code, language) : path, segments: matrix.segments[i] };
    }),
    cells: matrix.cells,
    participantCells: matrix.participantCells,
  };
}

export function unitWords(unit: CooccurrenceUnit, lang: Language): string {
  const nl = lang === 'nl';
  switch (unit.kind) {
    case 'overlap':
      return nl ? 'overlappende segmenten' : 'overlapping segments';
    case 'paragraph':
      return nl ? 'in dezelfde alinea' : 'in the same paragraph';
    case 'turn':
      return nl ? 'in dezelfde spreekbeurt' : 'in the same speaker turn';
    case 'window':
      return nl
        ? `binnen ${counted(unit.paragraphs, 'alinea', "alinea's")} van elkaar`
        : `within ${counted(unit.paragraphs, 'paragraph', 'paragraphs')} of each other`;
  }
}

function words(lang: Language) {
  return lang === 'nl'
    ? {
        title: 'Samen voorkomende codes',
        unit: 'Eenheid',
        code: 'Code',
        segments: 'Segmenten',
        pairs: 'Cellen: paren segmenten van de twee codes die samen voorkomen.',
        participants: 'Cellen: deelnemers bij wie de twee codes samen voorkomen.',
        transcripts: (n: number) => counted(n, 'transcript', 'transcripten'),
        none: 'Geen codes komen samen voor.',
        pairCount: (n: number) => counted(n, 'paar', 'paren'),
        cellTitle: (pairs: number, people: number) => `${counted(pairs, 'paar', 'paren')}, ${counted(people, 'deelnemer', 'deelnemers')}`,
      }
    : {
        title: 'Co-occurring codes',
        unit: 'Unit',
        code: 'Code',
        segments: 'Segments',
        pairs: 'Cells: pairs of segments of the two codes that occur together.',
        participants: 'Cells: participants in whom the two codes occur together.',
        transcripts: (n: number) => counted(n, 'transcript', 'transcripts'),
        none: 'No codes occur together.',
        pairCount: (n: number) => counted(n, 'pair', 'pairs'),
        cellTitle: (pairs: number, people: number) => `${counted(pairs, 'pair', 'pairs')}, ${counted(people, 'participant', 'participants')}`,
      };
}

function chosen(report: CooccurrenceReport, count: CooccurrenceCount): number[][] {
  return count === 'participants' ? report.participantCells : report.cells;
}

/** A numbered table: the codes down the side, their numbers across the top. */
export function cooccurrenceText(report: CooccurrenceReport, count: CooccurrenceCount = 'pairs'): string {
  const w = words(report.language);
  const head = [`${w.title} · ${w.unit}: ${report.unitLabel} · ${w.transcripts(report.documents)}`, count === 'pairs' ? w.pairs : w.participants, ''];
  if (report.codes.length < 2) return [...head, w.none, ''].join('\n');
  const cells = chosen(report, count);
  const header = ['#', w.code, ...report.codes.map((_, i) => String(i + 1))];
  const rows = report.codes.map((c, i) => [String(i + 1), c.label, ...cells[i].map((n, j) => (i === j ? '—' : n === 0 ? '·' : String(n)))]);
  return head.join('\n') + '\n' + textTable(header, rows, { align: ['right', 'left'], maxWidth: [undefined, 40] });
}

export function cooccurrenceCsv(report: CooccurrenceReport, count: CooccurrenceCount = 'pairs'): string {
  const cells = chosen(report, count);
  return toCsv(
    ['code', 'code_label', 'segments', ...report.codes.map((c) => c.path)],
    report.codes.map((c, i) => [c.path, c.label, c.segments, ...cells[i]]),
  );
}

export function cooccurrenceJson(report: CooccurrenceReport): string {
  return (
    JSON.stringify(
      {
        unit: report.unit,
        documents: report.documents,
        codes: report.codes,
        cells: report.cells,
        participant_cells: report.participantCells,
      },
      null,
      2,
    ) + '\n'
  );
}

/** The heat map as an HTML table (for a page or a section of the full report). */
export function cooccurrenceTableHtml(report: CooccurrenceReport, count: CooccurrenceCount = 'pairs'): string {
  const w = words(report.language);
  if (report.codes.length < 2) return `<p>${escapeHtml(w.none)}</p>`;
  const cells = chosen(report, count);
  const max = maxOf(cells.map((row) => maxOf(row, 0)), 0);
  const head = `<tr><th class="label">${escapeHtml(w.code)}</th>${report.codes
    .map((c, i) => `<th class="vertical" title="${escapeHtml(c.label)}"><span>${i + 1}. ${escapeHtml(c.label)}</span></th>`)
    .join('')}</tr>`;
  const rows = report.codes
    .map((c, i) => {
      const tds = cells[i]
        .map((n, j) => {
          if (i === j) return '<td class="zero">—</td>';
          const title = escapeHtml(w.cellTitle(report.cells[i][j], report.participantCells[i][j]));
          return n === 0
            ? `<td class="zero" title="${title}">·</td>`
            : `<td style="background:${heatColor(n, max)}" title="${title}">${n}</td>`;
        })
        .join('');
      return `<tr><td class="label">${i + 1}. ${escapeHtml(c.label)}</td>${tds}</tr>`;
    })
    .join('\n');
  // A code a column: wider than the page with a large codebook, so it scrolls on its own.
  return `<div class="wide">\n<table class="heat">\n<thead>${head}</thead>\n<tbody>\n${rows}\n</tbody>\n</table>\n</div>\n<p class="cite">${escapeHtml(
    `${w.unit}: ${report.unitLabel}. ${count === 'pairs' ? w.pairs : w.participants}`,
  )}</p>`;
}

export function cooccurrenceHtml(report: CooccurrenceReport, count: CooccurrenceCount = 'pairs'): string {
  const w = words(report.language);
  const title = report.title ? `${w.title} – ${report.title}` : w.title;
  const body = `<h1>${escapeHtml(title)}</h1>
<p class="summary">${escapeHtml(`${w.unit}: ${report.unitLabel} · ${w.transcripts(report.documents)}`)}</p>
${cooccurrenceTableHtml(report, count)}`;
  return htmlPage(title, report.language, body);
}

/** The pairs behind a cell, for reading in a terminal. */
export function pairsText(pairs: CooccurringPair[], labels: [string, string], unitLabel: string, lang: Language): string {
  const w = words(lang);
  const out = [`${labels[0]} × ${labels[1]} · ${unitLabel} · ${w.pairCount(pairs.length)}`, ''];
  for (const p of pairs) {
    const lines = (s: CooccurringPair['first']) => (s.startLine === s.endLine ? `${s.startLine}` : `${s.startLine}-${s.endLine}`);
    out.push(`${p.file}:${lines(p.first)}  ${p.first.participant}`);
    out.push(`  ${labels[0]} (${lines(p.first)}): ${oneLine(p.first.text ?? '')}`);
    out.push(`  ${labels[1]} (${lines(p.second)}): ${oneLine(p.second.text ?? '')}`);
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}

export function pairsCsv(pairs: CooccurringPair[]): string {
  return toCsv(
    ['file', 'participant', 'code_1', 'start_line_1', 'end_line_1', 'text_1', 'code_2', 'start_line_2', 'end_line_2', 'text_2'],
    pairs.map((p) => [
      p.file,
      p.first.participant,
      p.first.code,
      p.first.startLine,
      p.first.endLine,
      p.first.text,
      p.second.code,
      p.second.startLine,
      p.second.endLine,
      p.second.text,
    ]),
  );
}
