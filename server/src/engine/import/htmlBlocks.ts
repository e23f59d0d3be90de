/**
 * A small reader of the simple HTML that mammoth writes for a Word document (and oTranscribe keeps its
 * text in): paragraphs as runs of plain or bold text with line breaks, and tables as rows of cells. It
 * only reads; everything it does not know (images, links, spans) leaves its text, or nothing.
 */
import { decodeEntities } from './timedText';

export interface TextRun {
  text: string;
  bold: boolean;
  /** Seconds, for a timestamp that oTranscribe inserted. */
  timestamp?: number;
}

export type HtmlBlock = { kind: 'paragraph'; runs: TextRun[] } | { kind: 'table'; rows: string[][] };

const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'div', 'blockquote', 'pre', 'dt', 'dd']);
const BOLD = new Set(['strong', 'b']);
/** Elements whose content is not text of the transcript. */
const SKIPPED = new Set(['script', 'style', 'head', 'title', 'template']);

export function htmlBlocks(html: string): HtmlBlock[] {
  const out: HtmlBlock[] = [];
  let runs: TextRun[] = [];
  let bold = 0;
  let skipping = 0;
  let tableDepth = 0;
  let rows: string[][] = [];
  let timestampDepth = 0;
  let anchorSkip = 0;

  const flush = (): void => {
    if (runs.length > 0) out.push({ kind: 'paragraph', runs });
    runs = [];
  };
  const cellText = (text: string): void => {
    const row = rows[rows.length - 1];
    if (!row) return;
    if (row.length === 0) row.push('');
    row[row.length - 1] += text;
  };

  const token = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?-->|<![^>]*>|<\?[^>]*>|([^<]+|<)/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(html))) {
    const [, closing, rawName, attributes, text] = m;
    if (text !== undefined) {
      if (skipping > 0 || anchorSkip > 0 || timestampDepth > 0) continue;
      const decoded = decodeEntities(text).replace(/[\r\n]+/g, ' ');
      if (tableDepth > 0) cellText(decoded);
      else if (decoded !== '') runs.push({ text: decoded, bold: bold > 0 });
      continue;
    }
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    const selfClosing = /\/\s*$/.test(attributes ?? '');
    if (SKIPPED.has(name)) {
      if (!selfClosing) skipping += closing ? -1 : 1;
      skipping = Math.max(0, skipping);
      continue;
    }
    if (closing) {
      if (BOLD.has(name)) bold = Math.max(0, bold - 1);
      else if (name === 'table') {
        tableDepth = Math.max(0, tableDepth - 1);
        if (tableDepth === 0) {
          const kept = rows.map((r) => r.map((c) => c.replace(/\s+/g, ' ').trim())).filter((r) => r.some((c) => c !== ''));
          if (kept.length > 0) out.push({ kind: 'table', rows: kept });
          rows = [];
        }
      } else if (name === 'a' && anchorSkip > 0) anchorSkip--;
      else if (name === 'span' && timestampDepth > 0) timestampDepth--;
      else if (PARAGRAPHS.has(name) && tableDepth === 0) flush();
      continue;
    }
    if (BOLD.has(name)) bold++;
    else if (name === 'br') {
      if (tableDepth > 0) cellText(' ');
      else runs.push({ text: '\n', bold: false });
    } else if (name === 'table') {
      if (tableDepth === 0) {
        flush();
        rows = [];
      }
      tableDepth++;
    } else if (name === 'tr' && tableDepth === 1) rows.push([]);
    else if ((name === 'td' || name === 'th') && tableDepth === 1) rows[rows.length - 1]?.push('');
    else if (PARAGRAPHS.has(name)) {
      if (tableDepth > 0) cellText(' ');
      else flush();
    } else if (name === 'a' && /href\s*=\s*["']#(?:footnote|endnote|comment)-ref/i.test(attributes ?? '')) {
      // The arrow back from a footnote to its reference.
      if (!selfClosing) anchorSkip++;
    } else if (name === 'span' && /class\s*=\s*["'][^"']*\btimestamp\b/i.test(attributes ?? '')) {
      const at = /data-timestamp\s*=\s*["']([\d.]+)["']/i.exec(attributes ?? '');
      if (at && tableDepth === 0) runs.push({ text: '', bold: false, timestamp: Number(at[1]) });
      if (!selfClosing) timestampDepth++;
    }
  }
  flush();
  return out;
}
