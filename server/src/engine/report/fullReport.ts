/**
 * The full HTML report, one self-contained file to open in a browser or attach to a thesis: the ranked
 * lists, the code × participant heat map, groups by a document variable, the co-occurrence heat map, the
 * agreement between coders when there are several, and the quotes of every code with who said them and
 * where. No scripts and no remote resources; every piece of project text is escaped.
 */
import { codeLabel } from '../codebook/codebook';
import { findSegments, segmentLines, segmentText } from '../analysis/retrieval';
import type { Language } from '../messages';
import type { ProjectIndex } from '../project/projectIndex';
import { agreementTablesHtml, agreementWords, type AgreementView } from './agreementReport';
import { cooccurrenceTableHtml, type CooccurrenceReport } from './cooccurrenceReport';
import { reportWords, type FrequencyReport } from './frequencyReport';
import { groupSectionsHtml, groupWords, type GroupReport } from './groupReport';
import { escapeHtml, frequencyTableHtml, htmlPage, rankedListHtml } from './html';
import { memosHtml, memoWords, type ReportMemo } from './memoReport';

export interface Quote {
  participant: string;
  file: string;
  start_line: number;
  end_line: number;
  text: string;
}

export interface CodeQuotes {
  path: string;
  label: string;
  depth: number;
  /** Quotes shown (at most the limit asked for). */
  quotes: Quote[];
  /** All segments of the code. */
  total: number;
}

export interface QuoteOptions {
  /** At most this many quotes per code (default: all). */
  perCode?: number;
  withInterviewers?: boolean;
}

/** The quotes of every code with a segment, in codebook order, each in file order. */
export function buildCodeQuotes(index: ProjectIndex, language: Language, options: QuoteOptions = {}): CodeQuotes[] {
  const codebook = index.codebook;
  const byCode = new Map<string, ReturnType<typeof findSegments>>();
  for (const hit of findSegments(index, { withInterviewers: options.withInterviewers })) {
    let list = byCode.get(hit.segment.code);
    if (!list) byCode.set(hit.segment.code, (list = []));
    list.push(hit);
  }
  const out: CodeQuotes[] = [];
  for (const code of codebook.codes.values()) {
    const hits = byCode.get(code.path);
    if (!hits) continue;
    const shown = options.perCode === undefined ? hits : hits.slice(0, options.perCode);
    out.push({
      path: code.path,
      label: codeLabel(codebook, code, language),
      depth: code.depth,
      total: hits.length,
      quotes: shown.map((hit) => {
        const lines = segmentLines(hit);
        return { participant: hit.segment.participant, file: hit.document.id, start_line: lines.start, end_line: lines.end, text: segmentText(index, hit) ?? '' };
      }),
    });
  }
  return out;
}

export interface FullReportParts {
  frequency: FrequencyReport;
  groups?: GroupReport;
  cooccurrence?: CooccurrenceReport;
  agreement?: AgreementView;
  quotes?: CodeQuotes[];
  /** Every memo of the project (memoReport.ts): a Memos section when there is one. */
  memos?: ReportMemo[];
}

function words(lang: Language) {
  return lang === 'nl'
    ? {
        contents: 'Inhoud',
        cooccurrence: 'Samen voorkomende codes',
        quotes: 'Citaten',
        line: 'regel',
        shown: (n: number, total: number) => `${n} van ${total} citaten`,
      }
    : {
        contents: 'Contents',
        cooccurrence: 'Co-occurring codes',
        quotes: 'Quotes',
        line: 'line',
        shown: (n: number, total: number) => `${n} of ${total} quotes`,
      };
}

export function quotesHtml(quotes: CodeQuotes[], lang: Language): string {
  const w = words(lang);
  return quotes
    .map((c) => {
      const level = Math.min(4, 3 + c.depth);
      const count = c.quotes.length < c.total ? w.shown(c.quotes.length, c.total) : String(c.total);
      const items = c.quotes
        .map((q) => {
          const where = `${q.participant} · ${q.file}, ${w.line} ${q.start_line === q.end_line ? q.start_line : `${q.start_line}–${q.end_line}`}`;
          return `<blockquote>${escapeHtml(q.text)}</blockquote>\n<p class="quote-meta">— ${escapeHtml(where)}</p>`;
        })
        .join('\n');
      return `<h${level}>${escapeHtml(c.label)} <span class="cite">(${escapeHtml(count)})</span></h${level}>\n${items}`;
    })
    .join('\n');
}

export function fullReportHtml(parts: FullReportParts): string {
  const report = parts.frequency;
  const lang = report.language;
  const r = reportWords(lang);
  const w = words(lang);
  const title = report.title ?? r.report;
  const sections: { id: string; heading: string; body: string }[] = [
    { id: 'ranked', heading: r.ranked, body: rankedListHtml(report) },
    { id: 'table', heading: r.table, body: frequencyTableHtml(report) },
  ];
  if (parts.groups) sections.push({ id: 'groups', heading: groupWords(lang).by(parts.groups.variable), body: groupSectionsHtml(parts.groups) });
  if (parts.cooccurrence) sections.push({ id: 'cooccurrence', heading: w.cooccurrence, body: cooccurrenceTableHtml(parts.cooccurrence) });
  if (parts.agreement) sections.push({ id: 'agreement', heading: agreementWords(lang).title, body: agreementTablesHtml(parts.agreement) });
  if (parts.quotes && parts.quotes.length > 0) sections.push({ id: 'quotes', heading: w.quotes, body: quotesHtml(parts.quotes, lang) });
  if (parts.memos && parts.memos.length > 0) sections.push({ id: 'memos', heading: memoWords(lang).memos, body: memosHtml(parts.memos, lang) });
  const contents = `<nav><strong>${escapeHtml(w.contents)}</strong><ol>${sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.heading)}</a></li>`).join('')}</ol></nav>`;
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="summary">${escapeHtml(r.summary(report.documents, report.participants.length, report.totalSegments))}. ${escapeHtml(report.includeSubcodes ? r.withSubcodes : r.withoutSubcodes)}</p>`,
    contents,
    ...sections.map((s) => `<h2 id="${s.id}">${escapeHtml(s.heading)}</h2>\n${s.body}`),
  ].join('\n');
  return htmlPage(title, lang, body);
}
