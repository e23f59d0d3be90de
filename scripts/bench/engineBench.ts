/**
 * Engine measurements on one corpus, in a fresh process so that heap figures are the corpus's own:
 * cold read + parse + index, heap and RSS after indexing, the same index made again in the same process
 * (what is left once V8 has compiled the engine and the heap has grown), and the time to update the
 * index after one edit in a 50 KB transcript.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProject } from '../../server/src/node/projectFiles';
import { random } from './corpus';

export interface EngineFigures {
  documents: number;
  corpusBytes: number;
  coldIndexMs: number;
  /** The third index of the same folder in the same process: the cold index without start-up costs. */
  warmIndexMs: number;
  /** Of the cold index: from its start until the first 50 transcripts are indexed (codebook and listing included). */
  firstFiftyMs: number;
  /** Of the cold index: the mean time of each later group of 50 transcripts. */
  laterFiftyMs: number;
  /** Minor page faults during the cold index: pages of memory the process wrote for the first time. */
  pageFaults: number;
  heapUsedBytes: number;
  /** Memory of typed arrays (outside the heap) after indexing, minus before. */
  arrayBufferBytes: number;
  rssBytes: number;
  segments: number;
  updateMedianMs?: number;
  updateP95Ms?: number;
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export async function measureEngine(dir: string, edits: number): Promise<EngineFigures> {
  gc();
  const start = process.memoryUsage();
  const before = start.heapUsed;
  const faults0 = process.resourceUsage().minorPageFault;
  const t0 = process.hrtime.bigint();
  let firstFiftyMs = 0;
  const project = await loadProject(dir, {
    onProgress: (done) => {
      if (done === 50) firstFiftyMs = Number(process.hrtime.bigint() - t0) / 1e6;
    },
  });
  const coldIndexMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const pageFaults = process.resourceUsage().minorPageFault - faults0;
  gc();
  const memory = process.memoryUsage();
  const index = project.index;
  const docs = index.documents();
  const segments = docs.reduce((n, d) => n + d.resolved.segments.length, 0);
  const transcripts = path.join(dir, 'transcripts');
  const corpusBytes = fs.readdirSync(transcripts).reduce((s, f) => s + fs.statSync(path.join(transcripts, f)).size, 0);
  let warmIndexMs = 0;
  for (let i = 0; i < 2; i++) {
    const s = process.hrtime.bigint();
    await loadProject(dir);
    warmIndexMs = Number(process.hrtime.bigint() - s) / 1e6;
  }
  const figures: EngineFigures = {
    documents: index.size,
    corpusBytes,
    coldIndexMs,
    warmIndexMs,
    firstFiftyMs,
    pageFaults,
    laterFiftyMs: index.size > 50 ? ((coldIndexMs - firstFiftyMs) / (index.size - 50)) * 50 : 0,
    heapUsedBytes: memory.heapUsed - before,
    arrayBufferBytes: memory.arrayBuffers - start.arrayBuffers,
    rssBytes: memory.rss,
    segments,
  };
  if (edits > 0) {
    // One edit at a time in the same 50 KB transcript, as a person types: insert a word, then the next.
    const target = docs[Math.floor(docs.length / 2)];
    let text = index.parsed(target.id)!.text;
    index.set(target.id, text); // opened in an editor: from now on it is indexed from its text
    const rnd = random(42);
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      const at = text.indexOf(' ', Math.floor(rnd() * text.length));
      text = at < 0 ? text + ' x' : `${text.slice(0, at)} woord${text.slice(at)}`;
      const s = process.hrtime.bigint();
      index.set(target.id, text);
      times.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
    figures.updateMedianMs = percentile(times, 50);
    figures.updateP95Ms = percentile(times, 95);
  }
  return figures;
}
