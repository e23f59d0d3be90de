/**
 * Between the engine's terms and LSP's: spans (UTF-16 offsets) and ranges (lines and UTF-16 columns),
 * engine diagnostics and LSP diagnostics. (URIs are the engine's own: engine/host/uris.ts.)
 */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver';
import type { Diagnostic, Severity, Span } from '../engine/diagnostics';
import { diagnosticMessage, type Language } from '../engine/messages';
import { lineOfOffset } from '../engine/text/positions';

/** Line starts of a text, as the index keeps them (UTF-16 offsets). */
export type LineStarts = Int32Array | readonly number[];

export function offsetToPosition(lineStarts: LineStarts, offset: number): { line: number; character: number } {
  const line = lineOfOffset(lineStarts, offset);
  return { line, character: Math.max(0, offset - lineStarts[line]) };
}

export function spanToRange(lineStarts: LineStarts, span: Span): Range {
  return { start: offsetToPosition(lineStarts, span.start), end: offsetToPosition(lineStarts, span.end) };
}

export function positionToOffset(lineStarts: LineStarts, position: { line: number; character: number }, length: number): number {
  if (position.line >= lineStarts.length) return length;
  const start = lineStarts[Math.max(0, position.line)];
  const next = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1] : length;
  return Math.min(start + Math.max(0, position.character), next);
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(d: Diagnostic, lineStarts: LineStarts, language: Language): LspDiagnostic {
  return {
    range: spanToRange(lineStarts, d.span),
    severity: severities[d.severity],
    code: d.code,
    source: 'codeboom',
    message: diagnosticMessage(d, language),
    data: d.args,
  };
}
