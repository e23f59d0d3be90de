/**
 * The frequency report as plain text for a terminal: the code × participant table, then the ranked lists.
 */
import { rankedLine, reportWords, type FrequencyReport } from './frequencyReport';
import { maxOf } from '../maxOf';

export function frequencyReportText(report: FrequencyReport): string {
  const w = reportWords(report.language);
  const out: string[] = [];
  if (report.title) out.push(report.title, '');
  out.push(w.summary(report.documents, report.participants.length, report.totalSegments));
  out.push(report.includeSubcodes ? w.withSubcodes : w.withoutSubcodes, '');

  out.push(w.table, '');
  const labels = report.rows.map((r) => '  '.repeat(r.depth) + r.label);
  const labelWidth = Math.min(48, maxOf(labels.map(width), Math.max(width(w.code), width(w.total))));
  const columns = [...report.participants, 'Σ', '#'];
  const colWidth = columns.map((c) => Math.max(3, width(c)));
  const line = (first: string, cells: string[]) =>
    [pad(truncate(first, labelWidth), labelWidth), ...cells.map((c, i) => padStart(c, colWidth[i]))].join('  ').trimEnd();
  out.push(line(w.code, columns));
  out.push('-'.repeat(labelWidth + colWidth.reduce((a, b) => a + b + 2, 0)));
  report.rows.forEach((r, i) => {
    if (!r.codable && r.segments === 0) {
      out.push(labels[i]);
      return;
    }
    const cells = r.cells.map((n) => (n === 0 ? '·' : String(n)));
    out.push(line(labels[i], [...cells, String(r.segments), String(r.participantCount)]));
  });
  out.push(line(w.total, [...report.columnTotals.map(String), String(report.totalSegments), '']));
  out.push('', 'Σ = ' + w.segments.toLowerCase() + ', # = ' + w.participants.toLowerCase(), '');

  out.push(w.ranked, '');
  if (report.ranked.length === 0) out.push(w.nothingCoded);
  for (const group of report.ranked) {
    out.push(group.label);
    for (const item of group.items) out.push(`  - ${rankedLine(item, report.language)}`);
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}

function width(s: string): number {
  return [...s.normalize('NFC')].length;
}

function truncate(s: string, max: number): string {
  const chars = [...s.normalize('NFC')];
  return chars.length <= max ? s : chars.slice(0, max - 1).join('') + '…';
}

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}

function padStart(s: string, n: number): string {
  return ' '.repeat(Math.max(0, n - width(s))) + s;
}
