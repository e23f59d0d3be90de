/**
 * Coders' versions from what a host has: the bytes of each transcript (a folder, a git revision, a test),
 * or a project index (the workspace open in an editor).
 */
import type { Codebook } from '../codebook/codebook';
import type { ProjectIndex } from '../project/projectIndex';
import { encodeUtf8 } from '../transcript/transcript';
import type { CoderVersion } from './agreement';
import { codedText, type CodedText } from './codedText';

/** A version whose transcripts are all in memory, by path. */
export function versionFromBytes(name: string, codebook: Codebook, files: ReadonlyMap<string, Uint8Array>): CoderVersion {
  const texts = new Map<string, CodedText>();
  for (const [id, bytes] of files) texts.set(id, codedText(id, bytes, codebook));
  return { name, codebook, texts, read: (id) => files.get(id) };
}

/** A version of texts, e.g. for tests: `{ 'T1.txt': '…' }`. */
export function versionFromTexts(name: string, codebook: Codebook, files: Readonly<Record<string, string>>): CoderVersion {
  return versionFromBytes(name, codebook, new Map(Object.entries(files).map(([id, text]) => [id, encodeUtf8(text)])));
}

/** The version a project index holds; each transcript is read through the index once. */
export function versionFromIndex(name: string, index: ProjectIndex): CoderVersion {
  const texts = new Map<string, CodedText>();
  const read = (id: string) => {
    const text = index.parsed(id)?.text;
    return text === undefined ? undefined : encodeUtf8(text);
  };
  for (const doc of index.documents()) {
    const bytes = read(doc.id);
    if (bytes) texts.set(doc.id, codedText(doc.id, bytes, index.codebook));
  }
  return { name, codebook: index.codebook, texts, read };
}
