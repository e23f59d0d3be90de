/**
 * Reports as one self-contained HTML file: inline styles, no scripts, no remote resources, every piece
 * of project text escaped. It opens in any browser and can be attached to a thesis.
 */
import { rankedLine, reportWords, type FrequencyReport } from './frequencyReport';
import { maxOf } from '../maxOf';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d1d1f;background:#fff;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}h3{margin-bottom:.3rem}
.summary{color:#555}
table{border-collapse:collapse;font-size:.9rem}
th,td{padding:.25rem .5rem;border:1px solid #e3e3e3;text-align:right}
th{background:#f6f6f6;position:sticky;top:0}
td.label,th.label{text-align:left;white-space:nowrap}
tr.group td.label{font-weight:600}
td.zero{color:#bbb}
.swatch{display:inline-block;width:.7em;height:.7em;border-radius:2px;margin-right:.4em;vertical-align:baseline}
ul.ranked{margin-top:.2rem}
blockquote{margin:.4rem 0 .8rem 0;padding:.3rem .8rem;border-left:3px solid #ccc;color:#333}
.cite{color:#666;font-size:.85rem}
th.vertical{vertical-align:bottom;text-align:left;white-space:nowrap}th.vertical span{writing-mode:vertical-rl;transform:rotate(180deg);display:inline-block;max-height:16rem;overflow:hidden;text-overflow:ellipsis}
table.heat td:not(.label){min-width:1.8rem;text-align:center}
.wide{overflow-x:auto}
td.good{color:#1a7f37}td.poor{color:#b42318}
td.text{text-align:left;white-space:normal;max-width:40rem}
.quote-meta{color:#666;font-size:.85rem;margin:-.5rem 0 .8rem 0}
@media (prefers-color-scheme: dark){body{background:#1e1e1e;color:#e6e6e6}th{background:#2a2a2a}th,td{border-color:#3a3a3a}.summary,.cite{color:#aaa}blockquote{color:#ddd;border-color:#555}}
@media print{th{position:static}.wide{overflow:visible}}
`;

export function htmlPage(title: string, lang: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** Background for a count: white at 0, the strongest blue at the table's maximum. */
export function heatColor(value: number, max: number): string {
  if (value <= 0 || max <= 0) return 'transparent';
  const t = Math.min(1, value / max);
  const alpha = 0.12 + 0.68 * t;
  return `rgba(31,119,180,${alpha.toFixed(3)})`;
}

export function frequencyTableHtml(report: FrequencyReport): string {
  const w = reportWords(report.language);
  const max = maxOf(report.rows.map((r) => maxOf(r.cells, 0)), 0);
  const head = `<tr><th class="label">${escapeHtml(w.code)}</th>${report.participants.map((p) => `<th>${escapeHtml(p)}</th>`).join('')}<th>${escapeHtml(w.segments)}</th><th>${escapeHtml(w.participants)}</th></tr>`;
  const rows = report.rows
    .map((r) => {
      const swatch = r.color ? `<span class="swatch" style="background:${escapeHtml(r.color)}"></span>` : '';
      const cells = r.cells
        .map((n) => (n === 0 ? '<td class="zero">·</td>' : `<td style="background:${heatColor(n, max)}">${n}</td>`))
        .join('');
      return `<tr class="${r.codable ? 'code' : 'group'}"><td class="label" style="padding-left:${0.5 + r.depth * 1.2}rem">${swatch}${escapeHtml(r.label)}</td>${cells}<td>${r.segments}</td><td>${r.participantCount}</td></tr>`;
    })
    .join('\n');
  const total = `<tr><td class="label"><strong>${escapeHtml(w.total)}</strong></td>${report.columnTotals.map((n) => `<td>${n}</td>`).join('')}<td>${report.totalSegments}</td><td></td></tr>`;
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows}\n${total}\n</tbody>\n</table>`;
}

export function rankedListHtml(report: FrequencyReport): string {
  const w = reportWords(report.language);
  if (report.ranked.length === 0) return `<p>${escapeHtml(w.nothingCoded)}</p>`;
  return report.ranked
    .map(
      (g) =>
        `<h3>${escapeHtml(g.label)}</h3>\n<ul class="ranked">\n${g.items.map((i) => `<li>${escapeHtml(rankedLine(i, report.language))}</li>`).join('\n')}\n</ul>`,
    )
    .join('\n');
}

export function frequencyReportHtml(report: FrequencyReport): string {
  const w = reportWords(report.language);
  const title = report.title ?? w.report;
  const body = `<h1>${escapeHtml(title)}</h1>
<p class="summary">${escapeHtml(w.summary(report.documents, report.participants.length, report.totalSegments))}. ${escapeHtml(report.includeSubcodes ? w.withSubcodes : w.withoutSubcodes)}</p>
<h2>${escapeHtml(w.ranked)}</h2>
${rankedListHtml(report)}
<h2>${escapeHtml(w.table)}</h2>
${frequencyTableHtml(report)}`;
  return htmlPage(title, report.language, body);
}
