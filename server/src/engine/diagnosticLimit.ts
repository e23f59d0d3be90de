/**
 * At most a thousand diagnostics per document. A transcript with a million unclosed `[[` would otherwise
 * hold a million diagnostics in the index and send them all to the editor, which then stops answering.
 * The scanner and the codebook check keep the first ones they find and count the rest per code; a
 * document's list of more is then cut to the first thousand in the order of the text, and one diagnostic more,
 * `diagnostics.truncated`, says how many of each severity were left out. It takes the severity of the
 * worst of them, so a document whose left-out problems include an error still counts as having an error
 * (`codeboom check` adds the counts to its totals and its exit status).
 */
import { defaultSeverity, diagnostic, DiagnosticCodes, type Diagnostic, type DiagnosticCode, type Severity } from './diagnostics';

export const DOCUMENT_DIAGNOSTIC_LIMIT = 1000;

/** Diagnostics as they are found: the first `limit` kept, the others only counted per code. */
export class ProblemList {
  readonly kept: Diagnostic[] = [];
  readonly leftOut = new Map<DiagnosticCode, number>();

  constructor(private readonly limit = DOCUMENT_DIAGNOSTIC_LIMIT) {}

  push(d: Diagnostic): void {
    if (this.kept.length < this.limit) this.kept.push(d);
    else this.leftOut.set(d.code, (this.leftOut.get(d.code) ?? 0) + 1);
  }

  /** Counts `n` more of `code` as left out (counts another list left out). */
  count(code: DiagnosticCode, n: number): void {
    if (n > 0) this.leftOut.set(code, (this.leftOut.get(code) ?? 0) + n);
  }
}

const RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

/**
 * A document's final list: per-code severities applied (`off` drops a diagnostic, counted or kept), the
 * kept ones in the order of the text, the first `limit` of them, and a `diagnostics.truncated` for the rest.
 */
export function limitDiagnostics(
  problems: ProblemList,
  overrides: Readonly<Record<string, Severity | 'off'>> | undefined,
  limit = DOCUMENT_DIAGNOSTIC_LIMIT,
): Diagnostic[] {
  const severityOf = (code: DiagnosticCode): Severity | 'off' => overrides?.[code] ?? defaultSeverity[code];
  const kept: Diagnostic[] = [];
  for (const d of problems.kept) {
    const o = overrides?.[d.code];
    if (o === 'off') continue;
    kept.push(o ? { ...d, severity: o } : d);
  }
  // Only a list that is cut is put in the order of the text first (Array#sort is stable: diagnostics at
  // one place keep the order they were found in); a shorter one keeps the order they were found in.
  if (kept.length > limit) kept.sort((a, b) => a.span.start - b.span.start);
  const tally = { count: 0, errors: 0, warnings: 0, others: 0 };
  let worst: Severity = 'hint';
  const add = (severity: Severity, n: number) => {
    tally.count += n;
    if (severity === 'error') tally.errors += n;
    else if (severity === 'warning') tally.warnings += n;
    else tally.others += n;
    if (RANK[severity] > RANK[worst]) worst = severity;
  };
  for (let i = limit; i < kept.length; i++) add(kept[i].severity, 1);
  for (const [code, n] of problems.leftOut) {
    const severity = severityOf(code);
    if (severity !== 'off') add(severity, n);
  }
  if (kept.length > limit) kept.length = limit;
  if (tally.count === 0) return kept;
  const last = kept.length > 0 ? kept[kept.length - 1].span : { start: 0, end: 0 };
  const summary = diagnostic(DiagnosticCodes.diagnosticsTruncated, { start: last.start, end: last.end }, tally);
  summary.severity = worst;
  kept.push(summary);
  return kept;
}

/** How many problems of each severity a list stands for, counting those a `diagnostics.truncated` left out. */
export function severityTotals(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.code === DiagnosticCodes.diagnosticsTruncated) {
      errors += Number(d.args.errors ?? 0);
      warnings += Number(d.args.warnings ?? 0);
    } else if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

/**
 * A list made elsewhere (the codebook's problems with the project's, as the editor shows them) held to the
 * same limit: within it, the list as it is; beyond it, the first in the order of the text and a
 * `diagnostics.truncated` for the rest.
 */
export function capDiagnostics(list: readonly Diagnostic[], limit = DOCUMENT_DIAGNOSTIC_LIMIT): readonly Diagnostic[] {
  if (list.length <= limit) return list;
  const all = new ProblemList(Infinity);
  for (const d of list) all.push(d);
  return limitDiagnostics(all, undefined, limit);
}
