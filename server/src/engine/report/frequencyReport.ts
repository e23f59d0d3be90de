/**
 * The frequency report: the code × participant table and the ranked "who mentioned what" lists of a
 * results chapter, e.g. "Improvisatorisch vermogen (T2, T3, T4, T5, T6, T9, T10, T11 en T12)". This
 * module builds the data; the renderers beside it write it as text, Markdown, CSV, JSON or HTML.
 */
import { codeLabel } from '../codebook/codebook';
import { localize } from '../codebook/localized';
import { codeMatrix, rankCodes, type CountOptions } from '../analysis/frequencies';
import { counted, joinList, type Language } from '../messages';
import type { ProjectIndex } from '../project/projectIndex';

export interface ReportOptions extends CountOptions {
  language: Language;
}

export interface ReportRow {
  path: string;
  label: string;
  depth: number;
  codable: boolean;
  color?: string;
  segments: number;
  /** Number of participants with at least one segment. */
  participantCount: number;
  /** Segments per participant, in the order of `participants`. */
  cells: number[];
}

export interface RankedItem {
  path: string;
  label: string;
  participants: string[];
  segments: number;
}

export interface RankedGroup {
  /** The parent code the items share, or undefined for codes at the top of the tree. */
  path?: string;
  label: string;
  items: RankedItem[];
}

export interface FrequencyReport {
  title?: string;
  language: Language;
  includeSubcodes: boolean;
  participants: string[];
  documents: number;
  rows: ReportRow[];
  columnTotals: number[];
  totalSegments: number;
  ranked: RankedGroup[];
}

export function buildFrequencyReport(index: ProjectIndex, options: ReportOptions): FrequencyReport {
  const codebook = index.codebook;
  const lang = options.language;
  const matrix = codeMatrix(index, options);
  const rows: ReportRow[] = matrix.rows.map((r, i) => {
    const code = codebook.codes.get(r.path)!;
    return {
      path: r.path,
      label: codeLabel(codebook, code, lang),
      depth: code.depth,
      codable: code.codable,
      color: code.color,
      segments: r.segments,
      participantCount: r.participants.length,
      cells: matrix.cells[i],
    };
  });

  // Each code used is listed under its parent, groups in codebook order, items ranked within a group.
  const groups = new Map<string, RankedGroup>();
  for (const c of rankCodes(index, options)) {
    const code = codebook.codes.get(c.path)!;
    const key = code.parentPath ?? '';
    let group = groups.get(key);
    if (!group) {
      const parent = code.parentPath ? codebook.codes.get(code.parentPath) : undefined;
      group = {
        path: code.parentPath,
        label: parent ? codeLabel(codebook, parent, lang) : lang === 'nl' ? 'Overige codes' : 'Other codes',
        items: [],
      };
      groups.set(key, group);
    }
    group.items.push({ path: c.path, label: codeLabel(codebook, code, lang), participants: c.participants, segments: c.segments });
  }
  const order = (key: string) => (key === '' ? -1 : codebook.codes.get(key)!.order);
  const ranked = [...groups.entries()].sort((a, b) => order(a[0]) - order(b[0])).map(([, g]) => g);

  return {
    title: localize(codebook.title, lang, codebook.settings.language),
    language: lang,
    includeSubcodes: options.includeSubcodes ?? false,
    participants: matrix.participants,
    documents: options.documents ? index.documents().filter(options.documents).length : index.size,
    rows,
    columnTotals: matrix.columnTotals,
    totalSegments: matrix.columnTotals.reduce((a, b) => a + b, 0),
    ranked,
  };
}

/** "Improvisatorisch vermogen (T2, T3 en T12)" in Dutch, "… (T2, T3 and T12)" in English. */
export function rankedLine(item: RankedItem, lang: Language): string {
  return `${item.label} (${joinList(item.participants, lang)})`;
}

/** Headings and words the renderers share. */
export function reportWords(lang: Language) {
  return lang === 'nl'
    ? {
        report: 'Codeerrapport',
        table: 'Codes per deelnemer',
        ranked: 'Wie noemde wat',
        code: 'Code',
        segments: 'Segmenten',
        participants: 'Deelnemers',
        total: 'Totaal',
        summary: (docs: number, parts: number, segs: number) =>
          `${counted(docs, 'transcript', 'transcripten')} · ${counted(parts, 'deelnemer', 'deelnemers')} · ${counted(segs, 'gecodeerd segment', 'gecodeerde segmenten')}`,
        withSubcodes: 'Tellingen inclusief subcodes.',
        withoutSubcodes: 'Tellingen zonder subcodes.',
        nothingCoded: 'Er is nog niets gecodeerd.',
      }
    : {
        report: 'Coding report',
        table: 'Codes by participant',
        ranked: 'Who mentioned what',
        code: 'Code',
        segments: 'Segments',
        participants: 'Participants',
        total: 'Total',
        summary: (docs: number, parts: number, segs: number) =>
          `${counted(docs, 'transcript', 'transcripts')} · ${counted(parts, 'participant', 'participants')} · ${counted(segs, 'coded segment', 'coded segments')}`,
        withSubcodes: 'Counts include subcodes.',
        withoutSubcodes: 'Counts without subcodes.',
        nothingCoded: 'Nothing has been coded yet.',
      };
}
