/**
 * A reference for the cold index: the least any JavaScript indexer of these files has to do. It lists
 * the transcripts, reads each one with the same reader as the engine, and finds every line end and every
 * `[[`, `{{` and `}}` with Buffer#indexOf (native code), keeping only counts: no front matter, turns,
 * paragraphs, paths, positions or codebook. Run in a fresh process, like the cold index.
 */
import * as path from 'node:path';
import { readTranscriptNow } from '../../server/src/engine/project/projectLoader';
import { NodeHost, pathToUri } from '../../server/src/node/nodeHost';
import { listTranscriptsNow, readCodebookNow } from '../../server/src/node/projectFiles';

function countPairs(bytes: Uint8Array & { indexOf(value: number, from: number): number }, c: number): number {
  let count = 0;
  let i = bytes.indexOf(c, 0);
  while (i >= 0 && i + 1 < bytes.length) {
    if (bytes[i + 1] === c) {
      count++;
      i = bytes.indexOf(c, i + 2);
    } else {
      i = bytes.indexOf(c, i + 1);
    }
  }
  return count;
}

/** Milliseconds to read the project's transcripts and find their lines and brackets. */
export function measureFloor(root: string): { ms: number; lines: number; marks: number } {
  const start = process.hrtime.bigint();
  const host = new NodeHost();
  const { codebook } = readCodebookNow(root, host);
  let lines = 0;
  let marks = 0;
  for (const rel of listTranscriptsNow(root, codebook.settings, host)) {
    const read = readTranscriptNow(host, pathToUri(path.join(root, rel)), rel)!;
    if (!read.ok) continue;
    const bytes = read.bytes as Buffer;
    for (let i = bytes.indexOf(10, 0); i >= 0; i = bytes.indexOf(10, i + 1)) lines++;
    marks += countPairs(bytes, 0x5b) + countPairs(bytes, 0x7b) + countPairs(bytes, 0x7d);
  }
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, lines, marks };
}

/** Microseconds to write a fresh 4 KB page of memory the first time (64 MB, one write a page). */
export function measurePageTouch(): number {
  const pages = 16384;
  const start = process.hrtime.bigint();
  const words = new Int32Array(new ArrayBuffer(pages * 4096));
  for (let i = 0; i < words.length; i += 1024) words[i] = 1;
  return Number(process.hrtime.bigint() - start) / 1e3 / pages;
}
