/**
 * Codebooks that the YAML reader must refuse in one sentence, for the engine's, the command line's and the
 * language server's tests.
 */

/** Markdown emphasis in a value, which YAML reads as an alias without its anchor. */
export const EMPHASIS_CODEBOOK = 'codes:\n  geduld:\n    label:\n      nl: *Geduld*\n      en: Patience\n';

/** A codebook whose aliases would expand to 9^9 values. */
export function billionLaughs(): string {
  const lines = ['lol: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 9; i++) {
    const [prev, name] = [String.fromCharCode(97 + i - 1), String.fromCharCode(97 + i)];
    lines.push(`${name}${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  return [...lines, 'codes:', '  x:', '    label: X', ''].join('\n');
}
