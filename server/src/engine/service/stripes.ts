/**
 * Coding stripes: every code of each coded paragraph and passage, to show beside the text. The codes of
 * the segments that start on one line are grouped on that line (a paragraph's first line, a passage's
 * opening line), each once, in the order their segments start, with its label in the label language and
 * its colour (its own or its nearest ancestor's). The work is one pass over one document's segments.
 */
import { codeLabel, codeLineage } from '../codebook/codebook';
import { CODEBOOK_ID, type ServiceModel } from './model';

export interface StripeCode {
  /** The code the segment counts for. */
  path: string;
  label: string;
  /** `#rrggbb` as the codebook writes it, or undefined when neither the code nor an ancestor has one. */
  color?: string;
  /** true when every segment of this code on the line is a precise passage. */
  passage: boolean;
}

export interface StripeLine {
  /** 0-based line the segments start on. */
  line: number;
  codes: StripeCode[];
}

/** The stripes of a transcript, by line from the top; undefined for the codebook or a document not indexed. */
export function codingStripes(model: ServiceModel, docId: string): StripeLine[] | undefined {
  if (docId === CODEBOOK_ID) return undefined;
  const doc = model.project.index.get(docId);
  if (!doc) return undefined;
  const codebook = model.project.codebook;
  const lineStarts = doc.digest.lineStarts;
  const looks = new Map<string, { label: string; color?: string }>();
  const lookOf = (path: string) => {
    let look = looks.get(path);
    if (!look) {
      const lineage = codeLineage(codebook, path);
      const code = lineage[lineage.length - 1];
      let color: string | undefined;
      for (let i = lineage.length - 1; i >= 0 && color === undefined; i--) color = lineage[i].color;
      look = { label: code ? codeLabel(codebook, code, model.labelLanguage) : path, color };
      looks.set(path, look);
    }
    return look;
  };

  const starts = doc.resolved.segments.map((s, i) => ({ s, i })).sort((a, b) => a.s.span.start - b.s.span.start || a.i - b.i);
  const lines: StripeLine[] = [];
  let current: StripeLine | undefined;
  let line = 0;
  for (const { s } of starts) {
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= s.span.start) line++;
    if (!current || current.line !== line) {
      current = { line, codes: [] };
      lines.push(current);
    }
    const passage = s.passage >= 0;
    const same = current.codes.find((c) => c.path === s.code);
    if (same) {
      same.passage &&= passage;
      continue;
    }
    const look = lookOf(s.code);
    current.codes.push({ path: s.code, label: look.label, color: look.color, passage });
  }
  return lines;
}
