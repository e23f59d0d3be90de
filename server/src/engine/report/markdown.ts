/**
 * The frequency report as Markdown, to paste into a thesis draft or read on a git host.
 */
import { rankedLine, reportWords, type FrequencyReport } from './frequencyReport';

export function frequencyReportMarkdown(report: FrequencyReport): string {
  const w = reportWords(report.language);
  const out: string[] = [`# ${report.title ?? w.report}`, ''];
  out.push(w.summary(report.documents, report.participants.length, report.totalSegments) + '. ' + (report.includeSubcodes ? w.withSubcodes : w.withoutSubcodes), '');
  out.push(`## ${w.ranked}`, '');
  if (report.ranked.length === 0) out.push(w.nothingCoded, '');
  for (const group of report.ranked) {
    out.push(`### ${escapeMd(group.label)}`, '');
    for (const item of group.items) out.push(`- ${escapeMd(rankedLine(item, report.language))}`);
    out.push('');
  }
  out.push(`## ${w.table}`, '');
  out.push(`| ${w.code} | ${report.participants.map(escapeMd).join(' | ')} | ${w.segments} | ${w.participants} |`);
  out.push(`|---|${report.participants.map(() => '--:|').join('')}--:|--:|`);
  for (const r of report.rows) {
    const label = '&nbsp;&nbsp;'.repeat(r.depth) + (r.codable ? escapeMd(r.label) : `**${escapeMd(r.label)}**`);
    out.push(`| ${label} | ${r.cells.map((n) => (n === 0 ? '' : String(n))).join(' | ')} | ${r.segments} | ${r.participantCount} |`);
  }
  out.push(`| **${w.total}** | ${report.columnTotals.join(' | ')} | ${report.totalSegments} | |`);
  return out.join('\n') + '\n';
}

function escapeMd(s: string): string {
  return s.replace(/([\\|*_`[\]<>])/g, '\\$1');
}
