/**
 * A Word document (.docx) as HTML, read by mammoth. mammoth runs in Node and in a browser: its package
 * swaps its zip and file readers for browser ones through its `browser` field, and takes the document's
 * bytes as `buffer` in Node and as `arrayBuffer` in a browser, so both are given. Images are dropped.
 * mammoth (with its zip and XML readers, a quarter of the language server's bundle) is loaded on the first
 * Word document, not when the server starts.
 */
import type mammothModule from 'mammoth';

export type WordHtml = { ok: true; html: string } | { ok: false; detail: string };

export async function wordDocumentHtml(bytes: Uint8Array): Promise<WordHtml> {
  // A .docx is a zip: its first bytes are PK\x03\x04.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return { ok: false, detail: '' };
  const mammoth: typeof mammothModule = (await import('mammoth')).default;
  const copy = bytes.slice();
  const input = { buffer: copy, arrayBuffer: copy.buffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  try {
    const result = await mammoth.convertToHtml(input, {
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      externalFileAccess: false,
    });
    return { ok: true, html: result.value };
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { ok: false, detail: message };
  }
}
