/**
 * What the coding stripes draw, as plain data (no vscode, so the benchmark can time it): from the
 * server's stripes, one list per slot, where slot i holds the i-th code of every line. Each slot is one
 * decoration type, so a line with three codes shows three labels side by side after its text, in order.
 */
import type { CodingStripesRequest } from '../../../../server/src/lsp/protocol';

export interface StripeLabel {
  line: number;
  /** The label, kept on one line and to a readable length. */
  text: string;
  /** `#rrggbb`, never anything else (it goes into CSS). */
  color: string;
  passage: boolean;
  /** The code's path and label, for the hover. */
  path: string;
  label: string;
}

/** Labels longer than this are cut with an ellipsis; the hover has the whole label. */
export const MAX_LABEL = 40;

export function stripeSlots(lines: readonly CodingStripesRequest.Result['lines'][number][], safeColor: (color: string | undefined) => string): StripeLabel[][] {
  const slots: StripeLabel[][] = [];
  for (const { line, codes } of lines) {
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i];
      const clean = code.label.replace(/\s+/g, ' ').trim();
      const text = clean.length > MAX_LABEL ? `${clean.slice(0, MAX_LABEL - 1)}…` : clean;
      (slots[i] ??= []).push({ line, text, color: safeColor(code.color), passage: code.passage, path: code.path, label: code.label });
    }
  }
  return slots;
}
