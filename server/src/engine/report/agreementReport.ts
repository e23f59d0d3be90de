/**
 * Inter-coder agreement for people and programs: tables per level for a terminal, CSV, JSON (one object
 * per code and level), HTML; and the list of disagreements as text, CSV, JSON or HTML.
 */
import type { AgreementLevel, AgreementReport, AgreementResult } from '../agreement/agreement';
import type { Disagreement } from '../agreement/disagreements';
import { counted, joinList, type Language } from '../messages';
import { toCsv } from './csv';
import { escapeHtml, htmlPage } from './html';
import { oneLine, textTable } from './textTable';

export interface AgreementView {
  report: AgreementReport;
  /** Label of each code in the report's language. */
  labels: ReadonlyMap<string, string>;
  language: Language;
  title?: string;
}

export function agreementWords(lang: Language) {
  return lang === 'nl'
    ? {
        title: 'Overeenstemming tussen codeurs',
        between: (coders: string[]) => `Overeenstemming tussen ${joinList(coders, 'nl')}`,
        allCodes: 'Alle codes',
        code: 'Code',
        units: 'Eenheden',
        agreed: 'Eens',
        agreement: 'Overeenstemming',
        kappa: 'Kappa',
        alpha: 'Alpha',
        document: 'Documentniveau: komt de code voor in het transcript?',
        segment: (share: string) => `Segmentniveau: segmenten komen overeen als ze ten minste ${share} van het langste overlappen`,
        compared: (n: number) => `${counted(n, 'transcript', 'transcripten')} vergeleken`,
        oneCoder: (n: number) => `${n} door één codeur gecodeerd (niet meegeteld)`,
        notCoded: (n: number) => `${n} door niemand gecodeerd`,
        differs: (n: number) => `${n} met verschillende tekst (niet meegeteld, zie de fouten)`,
        kappaNote: "Cohens kappa bestaat alleen voor twee codeurs; '–' betekent niet gedefinieerd (geen variatie).",
        undefinedNote: "'–' betekent niet gedefinieerd (geen variatie).",
        disagreementCount: (n: number) => (n === 0 ? 'Geen onenigheden.' : `${counted(n, 'onenigheid', 'onenigheden')}: voeg --disagreements toe om ze te zien.`),
        disagreements: 'Onenigheden',
        coder: 'Codeur',
        coded: 'gecodeerd',
        notCodedHere: 'niet gecodeerd',
        codesHere: 'codes hier',
        line: 'regel',
        lines: 'regels',
        text: 'Tekst',
        none: 'Geen onenigheden.',
      }
    : {
        title: 'Inter-coder agreement',
        between: (coders: string[]) => `Agreement between ${joinList(coders, 'en')}`,
        allCodes: 'All codes',
        code: 'Code',
        units: 'Units',
        agreed: 'Agreed',
        agreement: 'Agreement',
        kappa: 'Kappa',
        alpha: 'Alpha',
        document: 'Document level: is the code present in the transcript?',
        segment: (share: string) => `Segment level: segments match when they overlap by at least ${share} of the longer one`,
        compared: (n: number) => `${counted(n, 'transcript', 'transcripts')} compared`,
        oneCoder: (n: number) => `${n} coded by one coder only (left out)`,
        notCoded: (n: number) => `${n} coded by nobody`,
        differs: (n: number) => `${n} with different text (left out, see the errors)`,
        kappaNote: "Cohen's kappa is for two coders only; '–' means undefined (no variation).",
        undefinedNote: "'–' means undefined (no variation).",
        disagreementCount: (n: number) => (n === 0 ? 'No disagreements.' : `${counted(n, 'disagreement', 'disagreements')}: add --disagreements to list them.`),
        disagreements: 'Disagreements',
        coder: 'Coder',
        coded: 'coded',
        notCodedHere: 'not coded',
        codesHere: 'codes here',
        line: 'line',
        lines: 'lines',
        text: 'Text',
        none: 'No disagreements.',
      };
}

export function percent(x: number | null): string {
  return x === null ? '–' : `${x.toFixed(1)}%`;
}

export function coefficient(x: number | null): string {
  return x === null ? '–' : x.toFixed(3);
}

export function shareText(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

/** One line on which transcripts were compared and which were left out. */
export function agreementSummary(report: AgreementReport, lang: Language): string {
  const w = agreementWords(lang);
  const count = (status: string) => report.documents.filter((d) => d.status === status).length;
  const parts = [w.compared(count('compared'))];
  if (count('one-coder') > 0) parts.push(w.oneCoder(count('one-coder')));
  if (count('not-coded') > 0) parts.push(w.notCoded(count('not-coded')));
  if (count('text-differs') > 0) parts.push(w.differs(count('text-differs')));
  return parts.join(' · ');
}

function rowsOf(view: AgreementView, level: AgreementLevel): AgreementResult[] {
  return view.report.results.filter((r) => r.level === level);
}

function labelOf(view: AgreementView, code: string | null): string {
  return code === null ? agreementWords(view.language).allCodes : (view.labels.get(code) ?? code);
}

export function agreementText(view: AgreementView): string {
  const w = agreementWords(view.language);
  const { report } = view;
  const twoCoders = report.coders.length === 2;
  const out = [w.between(report.coders), agreementSummary(report, view.language), ''];
  for (const level of ['document', 'segment'] as const) {
    out.push(level === 'document' ? w.document : w.segment(shareText(report.minOverlap)), '');
    const header = [w.code, w.units, w.agreed, w.agreement, ...(twoCoders ? [w.kappa] : []), w.alpha];
    const rows = rowsOf(view, level).map((r) => [
      labelOf(view, r.code),
      String(r.units),
      String(r.agreed_units),
      percent(r.percent_agreement),
      ...(twoCoders ? [coefficient(r.cohen_kappa)] : []),
      coefficient(r.krippendorff_alpha),
    ]);
    out.push(textTable(header, rows, { maxWidth: [40] }));
  }
  out.push(twoCoders ? w.undefinedNote : w.kappaNote);
  out.push(w.disagreementCount(report.disagreements.length));
  return out.join('\n') + '\n';
}

export const AGREEMENT_COLUMNS = [
  'level',
  'code',
  'code_label',
  'coders',
  'units',
  'agreed_units',
  'percent_agreement',
  'cohen_kappa',
  'krippendorff_alpha',
] as const;

export function agreementCsv(view: AgreementView): string {
  return toCsv(
    [...AGREEMENT_COLUMNS],
    view.report.results.map((r) => [
      r.level,
      r.code ?? '',
      labelOf(view, r.code),
      r.coders,
      r.units,
      r.agreed_units,
      r.percent_agreement,
      r.cohen_kappa,
      r.krippendorff_alpha,
    ]),
  );
}

/** An array with one object per code (and `code: null` for all codes) and level. */
export function agreementJson(view: AgreementView): string {
  const rows = view.report.results.map((r) => {
    const { code, ...rest } = r;
    return { code, code_label: code === null ? null : labelOf(view, code), ...rest };
  });
  return JSON.stringify(rows, null, 2) + '\n';
}

/** Both levels as HTML tables, for a page or the full report. */
export function agreementTablesHtml(view: AgreementView): string {
  const w = agreementWords(view.language);
  const { report } = view;
  const twoCoders = report.coders.length === 2;
  const table = (level: AgreementLevel) => {
    const head = `<tr><th class="label">${escapeHtml(w.code)}</th><th>${escapeHtml(w.units)}</th><th>${escapeHtml(w.agreed)}</th><th>${escapeHtml(w.agreement)}</th>${twoCoders ? `<th>${escapeHtml(w.kappa)}</th>` : ''}<th>${escapeHtml(w.alpha)}</th></tr>`;
    const rows = rowsOf(view, level)
      .map((r) => {
        const label = escapeHtml(labelOf(view, r.code));
        return `<tr${r.code === null ? ' class="group"' : ''}><td class="label">${r.code === null ? `<strong>${label}</strong>` : label}</td><td>${r.units}</td><td>${r.agreed_units}</td><td>${percent(r.percent_agreement)}</td>${twoCoders ? statCell(r.cohen_kappa) : ''}${statCell(r.krippendorff_alpha)}</tr>`;
      })
      .join('\n');
    return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
  };
  return `<p class="summary">${escapeHtml(`${w.between(report.coders)}. ${agreementSummary(report, view.language)}.`)}</p>
<h3>${escapeHtml(w.document)}</h3>
${table('document')}
<h3>${escapeHtml(w.segment(shareText(report.minOverlap)))}</h3>
${table('segment')}
<p class="cite">${escapeHtml(twoCoders ? w.undefinedNote : w.kappaNote)}</p>`;
}

/** Alpha of at least .800 is what Krippendorff calls reliable; below .667, data are discarded. */
function statCell(x: number | null): string {
  const cls = x === null ? '' : x >= 0.8 ? ' class="good"' : x < 0.667 ? ' class="poor"' : '';
  return `<td${cls}>${coefficient(x)}</td>`;
}

export function agreementHtml(view: AgreementView): string {
  const w = agreementWords(view.language);
  const title = view.title ? `${w.title} – ${view.title}` : w.title;
  return htmlPage(title, view.language, `<h1>${escapeHtml(title)}</h1>\n${agreementTablesHtml(view)}`);
}

function linesText(c: { start_line: number; end_line: number }, lang: Language): string {
  const w = agreementWords(lang);
  return c.start_line === c.end_line ? `${w.line} ${c.start_line}` : `${w.lines} ${c.start_line}–${c.end_line}`;
}

/** The disagreements for reading in a terminal, one block per place. */
export function disagreementsText(list: Disagreement[], labels: ReadonlyMap<string, string>, lang: Language): string {
  const w = agreementWords(lang);
  if (list.length === 0) return w.none + '\n';
  const label = (c: string) => labels.get(c) ?? c;
  const out: string[] = [];
  for (const d of list) {
    const first = d.coders.find((c) => c.has_code) ?? d.coders[0];
    out.push(`${d.file}:${first.start_line}  ${label(d.code)} (${d.code})`);
    for (const c of d.coders) {
      const codes = c.codes.length > 0 ? c.codes.map(label).join(', ') : '–';
      out.push(`  ${c.coder} (${linesText(c, lang)}): ${c.has_code ? w.coded : w.notCodedHere} · ${w.codesHere}: ${codes}`);
      out.push(`    ${oneLine(c.text, 200)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

export const DISAGREEMENT_COLUMNS = ['disagreement', 'file', 'code', 'code_label', 'coder', 'has_code', 'codes', 'start_line', 'end_line', 'text'] as const;

/** One row per coder per disagreement, numbered so that a spreadsheet can group them. */
export function disagreementsCsv(list: Disagreement[], labels: ReadonlyMap<string, string>): string {
  const rows: (string | number)[][] = [];
  list.forEach((d, i) => {
    for (const c of d.coders) {
      rows.push([i + 1, d.file, d.code, labels.get(d.code) ?? d.code, c.coder, c.has_code ? 'true' : 'false', c.codes.join(' '), c.start_line, c.end_line, c.text]);
    }
  });
  return toCsv([...DISAGREEMENT_COLUMNS], rows);
}

export function disagreementsJson(list: Disagreement[], labels: ReadonlyMap<string, string>): string {
  return JSON.stringify(list.map((d) => ({ file: d.file, code: d.code, code_label: labels.get(d.code) ?? d.code, coders: d.coders })), null, 2) + '\n';
}

export function disagreementsHtml(list: Disagreement[], labels: ReadonlyMap<string, string>, lang: Language, title?: string): string {
  const w = agreementWords(lang);
  const heading = title ? `${w.disagreements} – ${title}` : w.disagreements;
  const label = (c: string) => escapeHtml(labels.get(c) ?? c);
  const body = list.length === 0
    ? `<p>${escapeHtml(w.none)}</p>`
    : list
        .map((d) => {
          const first = d.coders.find((c) => c.has_code) ?? d.coders[0];
          const rows = d.coders
            .map(
              (c) =>
                `<tr><td class="label">${escapeHtml(c.coder)}</td><td class="label">${escapeHtml(c.has_code ? w.coded : w.notCodedHere)}</td><td class="label">${c.codes.map(label).join(', ') || '–'}</td><td>${escapeHtml(linesText(c, lang))}</td><td class="text">${escapeHtml(c.text)}</td></tr>`,
            )
            .join('\n');
          return `<h3>${escapeHtml(`${d.file}:${first.start_line}`)} · ${label(d.code)}</h3>\n<table>\n<thead><tr><th class="label">${escapeHtml(w.coder)}</th><th class="label"></th><th class="label">${escapeHtml(w.codesHere)}</th><th></th><th class="label">${escapeHtml(w.text)}</th></tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
        })
        .join('\n');
  return htmlPage(heading, lang, `<h1>${escapeHtml(heading)}</h1>\n${body}`);
}
