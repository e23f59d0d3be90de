/**
 * The paragraphs of a document (a Word file, an oTranscribe file) as transcript paragraphs, with the
 * speaker labels that open turns. A paragraph opens a turn when it begins, after an optional timestamp,
 * with a label and `:` or `=`:
 *
 * - in bold (`**Pieter de Vries:** …` or `**Pieter de Vries**: …`): a label of at most six words;
 * - in plain text, when the engine reads it as a label anyway (`T12:`, `I:`, `Interviewer:`);
 * - in plain text, a name of capitalised words (with particles such as `de`, `van`, `ter`) that opens at
 *   least two paragraphs (three for a single word), so a sentence such as `Nee: dat niet.` stays text.
 *
 * A paragraph that is only a label gives it to the next paragraph. Tables become one paragraph, a row per
 * line and its cells separated by ` | `.
 */
import type { HtmlBlock, TextRun } from './htmlBlocks';
import { isDefaultLabel } from './speakerLabels';
import { formatTimestamp, tidyLine, type ImportedParagraph } from './transcriptText';

const PARTICLES = new Set(['de', 'der', 'den', 'van', 'von', 'ter', 'ten', 'te', 'het', "'t", 'la', 'le', 'du', 'da', 'di', 'del', 'dos', 'el', 'al', 'bin', 'ibn', 'op', 'in', 'aan']);
const MAX_LABEL = 40;

interface Candidate {
  label: string;
  bold: boolean;
  /** The text after the label and its separator. */
  rest: string;
}

interface Analysed {
  start?: number;
  text: string;
  candidate?: Candidate;
}

export function documentParagraphs(blocks: readonly HtmlBlock[]): ImportedParagraph[] {
  const analysed: (Analysed | { table: string[] })[] = blocks.map((b) =>
    b.kind === 'table' ? { table: b.rows.map((r) => r.join(' | ')) } : analyse(b.runs),
  );
  const uses = new Map<string, number>();
  const bold = new Set<string>();
  for (const a of analysed) {
    if ('table' in a || !a.candidate) continue;
    uses.set(a.candidate.label, (uses.get(a.candidate.label) ?? 0) + 1);
    if (a.candidate.bold) bold.add(a.candidate.label);
  }
  const isLabel = (c: Candidate): boolean => {
    if (c.bold || bold.has(c.label) || isDefaultLabel(c.label)) return true;
    if (!nameLike(c.label)) return false;
    return (uses.get(c.label) ?? 0) >= (c.label.includes(' ') ? 2 : 3);
  };

  const out: ImportedParagraph[] = [];
  let pending: { speaker: string; start?: number } | undefined;
  for (const a of analysed) {
    if ('table' in a) {
      out.push({ lines: a.table });
      continue;
    }
    let speaker: string | undefined;
    let text = a.text;
    let start = a.start;
    if (a.candidate && isLabel(a.candidate)) {
      speaker = a.candidate.label;
      text = a.candidate.rest;
    }
    const lines = text.split('\n').map(tidyLine).filter((l) => l !== '');
    if (lines.length === 0) {
      if (speaker !== undefined) pending = { speaker, start };
      continue;
    }
    if (speaker === undefined && pending) {
      speaker = pending.speaker;
      start ??= pending.start;
    }
    pending = undefined;
    out.push({ lines, ...(speaker !== undefined ? { speaker, opensTurn: true } : {}), ...(start !== undefined ? { start } : {}) });
  }
  return out;
}

/** A label of words each capitalised, or a particle between them: "Pieter de Vries", "Anna", "Dr Jansen". */
function nameLike(label: string): boolean {
  const words = label.split(' ');
  return words.every((w, i) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w) || (i > 0 && i < words.length - 1 && PARTICLES.has(w)));
}

const BRACKETED_TIME = /^\[(\d{1,2})(?::(\d{2}))(?::(\d{2}))?\][ \t]*/;

function analyse(runs: readonly TextRun[]): Analysed {
  // The text with inline timestamps written out, and how far its start is bold (spaces count along).
  let text = '';
  let boldEnd = 0;
  let inBoldStart = true;
  let sawBold = false;
  let start: number | undefined;
  for (const r of runs) {
    if (r.timestamp !== undefined) {
      if (text.trim() === '' && start === undefined) start = r.timestamp;
      else {
        text += ` ${formatTimestamp(r.timestamp)} `;
        inBoldStart = false;
      }
      continue;
    }
    if (inBoldStart && (r.bold || r.text.trim() === '')) {
      boldEnd += r.text.length;
      sawBold ||= r.bold && r.text.trim() !== '';
    } else inBoldStart = false;
    text += r.text;
  }
  if (!sawBold) boldEnd = 0;
  let offset = text.length - text.trimStart().length;
  const stamp = BRACKETED_TIME.exec(text.slice(offset));
  if (stamp && start === undefined) {
    start = stamp[3] !== undefined ? Number(stamp[1]) * 3600 + Number(stamp[2]) * 60 + Number(stamp[3]) : Number(stamp[1]) * 60 + Number(stamp[2]);
    offset += stamp[0].length;
  }
  const body = text.slice(offset);
  const result: Analysed = { text: body, ...(start !== undefined ? { start } : {}) };
  const m = /^([^:=\n]{1,60}?)[ \t]*[:=](?:[ \t]+|\n|$)/u.exec(body);
  if (!m) return result;
  const label = tidyLine(m[1]);
  if (label === '' || label.length > MAX_LABEL || label.split(' ').length > 6 || /[.!?,;]$/.test(label) || /^\d/.test(label)) return result;
  // Bold when the bold text at the start covers the label.
  const bold = boldEnd - offset >= m[1].trimEnd().length;
  result.candidate = { label, bold, rest: body.slice(m[0].length) };
  return result;
}
