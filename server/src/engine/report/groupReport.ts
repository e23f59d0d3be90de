/**
 * The frequency report grouped by a document variable (discipline: music, visual art, drama,
 * psychomotor) or by participant: a code × group table of segments and participants, and for each group
 * its own ranked "who mentioned what" list. This module builds the data and writes it as text, Markdown,
 * CSV and HTML; JSON is the data itself.
 */
import { codeLabel } from '../codebook/codebook';
import { localize } from '../codebook/localized';
import { documentVariable } from '../analysis/retrieval';
import type { CountOptions } from '../analysis/frequencies';
import { counted, type Language } from '../messages';
import { compareNatural, type IndexedDocument, type ProjectIndex } from '../project/projectIndex';
import { toCsv } from './csv';
import { buildFrequencyReport, rankedLine, reportWords, type FrequencyReport } from './frequencyReport';
import { escapeHtml, heatColor } from './html';
import { textTable } from './textTable';
import { maxOf } from '../maxOf';

export interface GroupOptions extends CountOptions {
  language: Language;
  /** A front-matter variable, or `participant`. */
  by: string;
}

export interface ReportGroup {
  /** The variable's value; null for transcripts without it. */
  value: string | null;
  label: string;
  documents: number;
  participants: string[];
  report: FrequencyReport;
}

export interface GroupRow {
  path: string;
  label: string;
  depth: number;
  codable: boolean;
  /** Per group, in the order of `groups`: segments, and participants with a segment. */
  segments: number[];
  participants: number[];
}

export interface GroupReport {
  title?: string;
  language: Language;
  variable: string;
  includeSubcodes: boolean;
  groups: ReportGroup[];
  rows: GroupRow[];
}

export function buildGroupReport(index: ProjectIndex, options: GroupOptions): GroupReport {
  const { by, language } = options;
  const values = new Map<string | null, number>();
  for (const doc of index.documents()) {
    const v = documentVariable(doc, by) ?? null;
    values.set(v, (values.get(v) ?? 0) + 1);
  }
  const ordered = [...values.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : compareNatural(a, b)));
  const w = groupWords(language);
  const groups: ReportGroup[] = ordered.map((value) => {
    const keep = (d: IndexedDocument) => (documentVariable(d, by) ?? null) === value;
    const report = buildFrequencyReport(index, { ...options, documents: keep });
    return { value, label: value ?? w.without(by), documents: report.documents, participants: report.participants, report };
  });
  const first = groups[0]?.report;
  const codebook = index.codebook;
  const rows: GroupRow[] = (first?.rows ?? [...codebook.codes.values()].map((c) => ({ path: c.path }))).map((r, i) => {
    const code = codebook.codes.get(r.path)!;
    return {
      path: r.path,
      label: codeLabel(codebook, code, language),
      depth: code.depth,
      codable: code.codable,
      segments: groups.map((g) => g.report.rows[i].segments),
      participants: groups.map((g) => g.report.rows[i].participantCount),
    };
  });
  return {
    title: localize(codebook.title, language, codebook.settings.language),
    language,
    variable: by,
    includeSubcodes: options.includeSubcodes ?? false,
    groups,
    rows,
  };
}

export function groupWords(lang: Language) {
  return lang === 'nl'
    ? {
        by: (v: string) => `Per ${v}`,
        without: (v: string) => `(geen ${v})`,
        groupSummary: (docs: number, parts: string[]) => `${counted(docs, 'transcript', 'transcripten')} · ${counted(parts.length, 'deelnemer', 'deelnemers')}`,
        cells: 'Cellen: segmenten (deelnemers).',
      }
    : {
        by: (v: string) => `By ${v}`,
        without: (v: string) => `(no ${v})`,
        groupSummary: (docs: number, parts: string[]) => `${counted(docs, 'transcript', 'transcripts')} · ${counted(parts.length, 'participant', 'participants')}`,
        cells: 'Cells: segments (participants).',
      };
}

function cell(segments: number, participants: number): string {
  return segments === 0 ? '·' : `${segments} (${participants})`;
}

export function groupReportText(report: GroupReport): string {
  const w = reportWords(report.language);
  const g = groupWords(report.language);
  const out: string[] = [];
  if (report.title) out.push(report.title, '');
  out.push(g.by(report.variable), report.includeSubcodes ? w.withSubcodes : w.withoutSubcodes, g.cells, '');
  const header = [w.code, ...report.groups.map((x) => x.label)];
  const rows = report.rows.map((r) => {
    const label = '  '.repeat(r.depth) + r.label;
    // A grouping code nobody used is a heading, as in the plain report.
    if (!r.codable && r.segments.every((n) => n === 0)) return [label, ...r.segments.map(() => '')];
    return [label, ...r.segments.map((s, i) => cell(s, r.participants[i]))];
  });
  out.push(textTable(header, rows, { maxWidth: [48] }));
  for (const group of report.groups) {
    out.push(`${report.variable}: ${group.label} · ${g.groupSummary(group.documents, group.participants)}`, '');
    if (group.report.ranked.length === 0) out.push(`  ${w.nothingCoded}`, '');
    for (const ranked of group.report.ranked) {
      out.push(`  ${ranked.label}`);
      for (const item of ranked.items) out.push(`    - ${rankedLine(item, report.language)}`);
      out.push('');
    }
  }
  return out.join('\n').trimEnd() + '\n';
}

export function groupReportMarkdown(report: GroupReport): string {
  const w = reportWords(report.language);
  const g = groupWords(report.language);
  const md = (s: string) => s.replace(/([\\|*_`[\]<>])/g, '\\$1');
  const out: string[] = [`# ${md(report.title ?? w.report)}`, '', `## ${md(g.by(report.variable))}`, ''];
  out.push(`${report.includeSubcodes ? w.withSubcodes : w.withoutSubcodes} ${g.cells}`, '');
  out.push(`| ${w.code} | ${report.groups.map((x) => md(x.label)).join(' | ')} |`);
  out.push(`|---|${report.groups.map(() => '--:|').join('')}`);
  for (const r of report.rows) {
    const label = '&nbsp;&nbsp;'.repeat(r.depth) + (r.codable ? md(r.label) : `**${md(r.label)}**`);
    out.push(`| ${label} | ${r.segments.map((s, i) => (s === 0 ? '' : cell(s, r.participants[i]))).join(' | ')} |`);
  }
  out.push('');
  for (const group of report.groups) {
    out.push(`## ${md(`${report.variable}: ${group.label}`)}`, '', md(g.groupSummary(group.documents, group.participants)), '');
    if (group.report.ranked.length === 0) out.push(w.nothingCoded, '');
    for (const ranked of group.report.ranked) {
      out.push(`### ${md(ranked.label)}`, '');
      for (const item of ranked.items) out.push(`- ${md(rankedLine(item, report.language))}`);
      out.push('');
    }
  }
  return out.join('\n').trimEnd() + '\n';
}

/** One row per code; for each group a `segments:VALUE` and a `participants:VALUE` column. */
export function groupReportCsv(report: GroupReport): string {
  const header = ['code', 'code_label', 'depth', 'codable'];
  for (const g of report.groups) header.push(`segments:${g.label}`, `participants:${g.label}`);
  return toCsv(
    header,
    report.rows.map((r) => [r.path, r.label, r.depth, r.codable ? 'true' : 'false', ...r.segments.flatMap((s, i) => [s, r.participants[i]])]),
  );
}

/** The code × group table and each group's ranked lists, as HTML sections. */
export function groupSectionsHtml(report: GroupReport): string {
  const w = reportWords(report.language);
  const g = groupWords(report.language);
  const max = maxOf(report.rows.map((r) => maxOf(r.segments, 0)), 0);
  const head = `<tr><th class="label">${escapeHtml(w.code)}</th>${report.groups.map((x) => `<th>${escapeHtml(x.label)}</th>`).join('')}</tr>`;
  const rows = report.rows
    .map((r) => {
      const cells = r.segments
        .map((s, i) => (s === 0 ? '<td class="zero">·</td>' : `<td style="background:${heatColor(s, max)}">${s} <span class="cite">(${r.participants[i]})</span></td>`))
        .join('');
      return `<tr class="${r.codable ? 'code' : 'group'}"><td class="label" style="padding-left:${0.5 + r.depth * 1.2}rem">${escapeHtml(r.label)}</td>${cells}</tr>`;
    })
    .join('\n');
  const lists = report.groups
    .map((group) => {
      const ranked =
        group.report.ranked.length === 0
          ? `<p>${escapeHtml(w.nothingCoded)}</p>`
          : group.report.ranked
              .map((r) => `<h4>${escapeHtml(r.label)}</h4>\n<ul class="ranked">\n${r.items.map((i) => `<li>${escapeHtml(rankedLine(i, report.language))}</li>`).join('\n')}\n</ul>`)
              .join('\n');
      return `<h3>${escapeHtml(`${report.variable}: ${group.label}`)}</h3>\n<p class="summary">${escapeHtml(g.groupSummary(group.documents, group.participants))}</p>\n${ranked}`;
    })
    .join('\n');
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows}\n</tbody>\n</table>\n<p class="cite">${escapeHtml(`${report.includeSubcodes ? w.withSubcodes : w.withoutSubcodes} ${g.cells}`)}</p>\n${lists}`;
}
