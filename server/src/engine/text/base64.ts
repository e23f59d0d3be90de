/**
 * Bytes as base64 and back, the way files travel in JSON between the client and the server (exports, an
 * import, a browser's file reads). Plain code: it runs the same in Node and in a browser's worker, which
 * has no Buffer.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The value of each character code of the alphabet (also `-` and `_` of the URL-safe one); -1 for others. */
function decodingTable(): Int16Array {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  table[45] = 62;
  table[95] = 63;
  return table;
}

const TABLE = decodingTable();

/** base64 with padding. */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  // Chunks of 3 × 8192 bytes become strings of 4 × 8192 characters, so no one string grows by a character at a time.
  const chunk = 3 * 8192;
  for (let start = 0; start < bytes.length; start += chunk) {
    const end = Math.min(start + chunk, bytes.length);
    const codes: number[] = [];
    let i = start;
    for (; i + 2 < end; i += 3) {
      const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      codes.push(ALPHABET.charCodeAt(n >>> 18), ALPHABET.charCodeAt((n >>> 12) & 63), ALPHABET.charCodeAt((n >>> 6) & 63), ALPHABET.charCodeAt(n & 63));
    }
    if (i < end) {
      const n = (bytes[i] << 16) | (i + 1 < end ? bytes[i + 1] << 8 : 0);
      codes.push(ALPHABET.charCodeAt(n >>> 18), ALPHABET.charCodeAt((n >>> 12) & 63), i + 1 < end ? ALPHABET.charCodeAt((n >>> 6) & 63) : 61, 61);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** The bytes of base64 text (standard or URL-safe, padded or not); characters outside the alphabet, such as line breaks, are skipped. */
export function base64ToBytes(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let length = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? TABLE[c] : -1;
    if (v < 0) {
      if (c === 61) break;
      continue;
    }
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[length++] = (buffer >>> bits) & 0xff;
    }
  }
  return out.slice(0, length);
}
