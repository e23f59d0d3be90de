/**
 * A file's bytes as a transcript's text: whether they are UTF-8 text at all (binary files, UTF-16 and other
 * encodings are named, with what to do), and the byte-order mark some editors write at the start.
 */
import { diagnostic, DiagnosticCodes, type Diagnostic } from '../diagnostics';
import { stripBom } from './positions';

export type TextRead = { ok: true; text: string; hadBom: boolean } | { ok: false; problem: Diagnostic };

/** Whether bytes are well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF). */
export function isUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let extra: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else return false;
    if (i + extra >= n) return false;
    let cp = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += extra + 1;
  }
  return true;
}

/** Whether bytes start with UTF-8's byte-order mark. */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * Why bytes are not UTF-8 text, or undefined when they are. UTF-16 (what Windows Notepad saves as
 * "Unicode") is named as such, with how to save the file as UTF-8, rather than called binary: it is
 * recognised by its byte-order mark, or by the zero byte that mostly Latin text has in every other place.
 */
export function textProblem(bytes: Uint8Array, displayName: string, validUtf8: (bytes: Uint8Array) => boolean = isUtf8): Diagnostic | undefined {
  const none = { start: 0, end: 0 };
  const probe = bytes.subarray(0, 8192);
  if (looksLikeUtf16(probe)) return diagnostic(DiagnosticCodes.fileNotUtf8, none, { file: displayName, encoding: 'UTF-16' });
  if (probe.includes(0)) return diagnostic(DiagnosticCodes.fileBinary, none, { file: displayName });
  if (!validUtf8(bytes)) return diagnostic(DiagnosticCodes.fileNotUtf8, none, { file: displayName });
  return undefined;
}

function looksLikeUtf16(probe: Uint8Array): boolean {
  if (probe.length >= 2 && ((probe[0] === 0xff && probe[1] === 0xfe) || (probe[0] === 0xfe && probe[1] === 0xff))) return true;
  const units = probe.length >> 1;
  if (units < 2) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < probe.length; i += 2) {
    if (probe[i] === 0) evenZeros++;
    if (probe[i + 1] === 0) oddZeros++;
  }
  // Little-endian: the zeros stand at odd places; big-endian: at even places. Nearly none at the others.
  const littleEndian = oddZeros >= evenZeros;
  const [many, few] = littleEndian ? [oddZeros, evenZeros] : [evenZeros, oddZeros];
  if (many < units * 0.3 || few > units * 0.02) return false;
  // Every code unit is text: no NUL, no control character but tab, line breaks and form feed.
  for (let i = 0; i + 1 < probe.length; i += 2) {
    const unit = littleEndian ? probe[i] | (probe[i + 1] << 8) : (probe[i] << 8) | probe[i + 1];
    if (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0c && unit !== 0x0d) return false;
  }
  return true;
}

/** A file's bytes as text without its byte-order mark, or why they are not UTF-8 text. */
export function decodeText(bytes: Uint8Array, displayName: string, validUtf8?: (bytes: Uint8Array) => boolean): TextRead {
  const problem = textProblem(bytes, displayName, validUtf8);
  if (problem) return { ok: false, problem };
  // The decoder keeps a leading U+FEFF (ignoreBOM): stripBom takes the mark off once, and a second stays text.
  const stripped = stripBom(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
  return { ok: true, text: stripped.text, hadBom: stripped.hadBom };
}

/** The diagnostic for a file that could not be read at all, for `detail` (`EACCES`, …); `folder` for a folder. */
export function unreadableProblem(displayName: string, detail: string, folder = false): Diagnostic {
  return diagnostic(DiagnosticCodes.fileUnreadable, { start: 0, end: 0 }, folder ? { file: displayName, detail, folder: 'yes' } : { file: displayName, detail });
}
