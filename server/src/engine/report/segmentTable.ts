/**
 * Every coded segment as a row, for R, SPSS, Excel or a script: the columns of `codeboom segments`.
 * Lines are 1-based and inclusive; offsets are 0-based Unicode code points into the file's text, the end
 * exclusive; the text is the passage with all markup removed.
 */
import { codeLabel } from '../codebook/codebook';
import { findSegments, segmentLines, type SegmentQuery } from '../analysis/retrieval';
import { cleanText } from '../transcript/transcript';
import type { Language } from '../messages';
import type { ProjectIndex } from '../project/projectIndex';
import { toCsv } from './csv';

export const SEGMENT_COLUMNS = [
  'file',
  'participant',
  'speaker',
  'code',
  'code_label',
  'start_line',
  'end_line',
  'start_offset',
  'end_offset',
  'text',
] as const;

export interface SegmentRow {
  file: string;
  participant: string;
  speaker: string;
  code: string;
  code_label: string;
  start_line: number;
  end_line: number;
  start_offset: number;
  end_offset: number;
  text: string;
  /** Memos on the coding; in JSON only. */
  memos?: string[];
}

export function segmentRows(index: ProjectIndex, language: Language, query: SegmentQuery = { withInterviewers: true }): SegmentRow[] {
  const codebook = index.codebook;
  return findSegments(index, query).map((hit) => {
    const { segment, document } = hit;
    const parsed = index.parsed(document.id);
    if (!parsed) throw new TextUnavailable(document.id);
    const positions = parsed.positions;
    const lines = segmentLines(hit);
    const code = codebook.codes.get(segment.code);
    const row: SegmentRow = {
      file: document.id,
      participant: segment.participant,
      speaker: segment.speaker ?? '',
      code: segment.code,
      code_label: code ? codeLabel(codebook, code, language) : segment.code,
      start_line: lines.start,
      end_line: lines.end,
      start_offset: positions.toCodePoint(segment.span.start),
      end_offset: positions.toCodePoint(segment.span.end),
      text: cleanText(parsed, segment.span),
    };
    if (segment.memos.length > 0) row.memos = [...segment.memos];
    return row;
  });
}

export function segmentsCsv(rows: SegmentRow[]): string {
  return toCsv([...SEGMENT_COLUMNS], rows.map((r) => SEGMENT_COLUMNS.map((c) => r[c])));
}

/** A document's text could not be read when its segments were listed (it was moved or deleted). */
export class TextUnavailable extends Error {
  constructor(readonly id: string) {
    super(`${id} could not be read`);
  }
}
