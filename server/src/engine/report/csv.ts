/**
 * CSV as RFC 4180 describes it: fields with a comma, quote or line break are quoted, quotes doubled,
 * records ended by CRLF. R, SPSS and Excel read it as is.
 */

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRecord(values: (string | number | null | undefined)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return csvRecord(header) + rows.map(csvRecord).join('');
}

/** The code × participant table: one row per code, one column per participant. */
export function frequencyReportCsv(report: import('./frequencyReport').FrequencyReport): string {
  return toCsv(
    ['code', 'code_label', 'depth', 'codable', 'segments', 'participants', ...report.participants],
    report.rows.map((r) => [r.path, r.label, r.depth, r.codable ? 'true' : 'false', r.segments, r.participantCount, ...r.cells]),
  );
}
