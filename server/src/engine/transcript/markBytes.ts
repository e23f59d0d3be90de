/** The bytes of a transcript's marks (`[[ ]]`, `{{ }}`, `#label`, `|`) and line breaks, and tests on them. */
export const LF = 10;
export const CR = 13;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const HASH = 0x23;
export const SPACE = 0x20;
export const TAB = 0x09;
export const BAR = 0x7c;

/** A byte of a passage label (`{{#label`): an ASCII letter or digit, `_` or `-`. */
export function isLabelByte(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
}

export function isVisibleAscii(c: number): boolean {
  return c > 0x20 && c < 0x7f;
}

export function isHorizontalSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}

export function isLineBreak(c: number): boolean {
  return c === LF || c === CR;
}
