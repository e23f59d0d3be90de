/**
 * Problems as the command line prints them: `file:line:col: severity code: message`, with lines and columns
 * counted from 1 in characters. `check` prints every problem so; commands that refuse a codebook with errors
 * print its errors the same way.
 */
import type { Diagnostic } from '../engine/diagnostics';
import { diagnosticMessage, type Language } from '../engine/messages';
import { TextPositions } from '../engine/text/positions';

export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

/** The findings of `diagnostics` in `text`, shown as being in `file`. */
export function findingsOf(file: string, text: string, diagnostics: readonly Diagnostic[], language: Language): Finding[] {
  if (diagnostics.length === 0) return [];
  const positions = new TextPositions(text);
  const at = (offset: number) => {
    const line = positions.lineAt(offset);
    const column = positions.toCodePoint(offset) - positions.toCodePoint(positions.lineStarts[line]);
    return { line: line + 1, column: column + 1 };
  };
  return diagnostics.map((d) => {
    const s = at(d.span.start);
    const e = at(d.span.end);
    return {
      file,
      line: s.line,
      column: s.column,
      endLine: e.line,
      endColumn: e.column,
      severity: d.severity,
      code: d.code,
      message: diagnosticMessage(d, language, 'command-line'),
    };
  });
}

export function findingLine(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message}`;
}
