/**
 * Coding stripes while typing: a 50 KB transcript with a coding on every paragraph (the corpus's
 * transcript, each uncoded paragraph given a tag), edited a character at a time. Measured: the index
 * update plus the engine's stripes of the document (what the server does for a `codeboom/codingStripes`
 * request after an edit), the stripes alone, and the client's layout of the answer into decoration slots
 * (client/src/features/stripes/stripeLayout.ts). The protocol's own round trip is in the language
 * server's section.
 */
import * as fs from 'node:fs';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { indexProject, type ServiceModel } from '../../server/src/engine/service/model';
import { codingStripes } from '../../server/src/engine/service/stripes';
import { stripeSlots } from '../../client/src/features/stripes/stripeLayout';
import { transcript } from './corpus';
import { percentile } from './engineBench';
import type { BenchSection } from './bench';

export interface StripesFigures {
  documentBytes: number;
  paragraphs: number;
  lines: number;
  labels: number;
  edits: number;
  updateAndStripesMedianMs: number;
  updateAndStripesP95Ms: number;
  stripesMedianMs: number;
  stripesP95Ms: number;
  layoutMedianMs: number;
  layoutP95Ms: number;
}

const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

export function measureStripes(exampleCodebook: string, edits = 300): StripesFigures {
  const codebook = parseCodebook(fs.readFileSync(exampleCodebook, 'utf8'));
  const codable = [...codebook.codes.values()].filter((c) => c.codable && !c.deprecated && !c.mergedInto).map((c) => c.path);
  let n = 0;
  const paragraphs = transcript(9, 50_000, 9).split('\n\n');
  const text = paragraphs.map((p, i) => (i === 0 || p.trim() === '' || p.includes('[[') ? p : `${p} [[${codable[n++ % codable.length]}]]`)).join('\n\n');
  const index = new ProjectIndex(codebook);
  const id = 'transcripts/T9.txt';
  index.set(id, text);
  const model: ServiceModel = { project: indexProject(index), labelLanguage: 'nl', language: 'en' };
  const safe = (c: string | undefined) => (c && /^#[0-9a-fA-F]{6}$/.test(c) ? c.toLowerCase() : '#8a8a8a');

  const both: number[] = [];
  const alone: number[] = [];
  const layout: number[] = [];
  let current = text;
  let lines = 0;
  let labels = 0;
  for (let i = 0; i < edits + 20; i++) {
    // A letter typed in the middle of a paragraph, as while correcting a transcript.
    const at = Math.floor(current.length * ((i * 37) % 100) / 100);
    const space = current.indexOf(' ', at);
    current = `${current.slice(0, space)}e${current.slice(space)}`;
    let t = process.hrtime.bigint();
    index.set(id, current);
    const stripes = codingStripes(model, id)!;
    const bothMs = elapsedMs(t);
    t = process.hrtime.bigint();
    codingStripes(model, id);
    const aloneMs = elapsedMs(t);
    t = process.hrtime.bigint();
    const slots = stripeSlots(stripes, safe);
    const layoutMs = elapsedMs(t);
    if (i < 20) continue;
    both.push(bothMs);
    alone.push(aloneMs);
    layout.push(layoutMs);
    lines = stripes.length;
    labels = slots.reduce((sum, s) => sum + s.length, 0);
  }
  return {
    documentBytes: Buffer.byteLength(text),
    paragraphs: index.get(id)!.digest.paragraphCount,
    lines,
    labels,
    edits,
    updateAndStripesMedianMs: percentile(both, 50),
    updateAndStripesP95Ms: percentile(both, 95),
    stripesMedianMs: percentile(alone, 50),
    stripesP95Ms: percentile(alone, 95),
    layoutMedianMs: percentile(layout, 50),
    layoutP95Ms: percentile(layout, 95),
  };
}

export function stripesSection(f: StripesFigures): BenchSection {
  const ms = (x: number) => x.toFixed(2);
  return {
    title: 'Coding stripes while typing',
    markdown: `A ${(f.documentBytes / 1000).toFixed(0)} KB transcript with a coding on every paragraph (${f.paragraphs} paragraphs; stripes on ${f.lines} lines, ${f.labels} labels), a letter typed ${f.edits} times (\`scripts/bench/stripesBench.ts\`).

| step | median (ms) | 95th percentile (ms) |
|--|--:|--:|
| index update and the document's stripes (the server's work for \`codeboom/codingStripes\` after an edit) | ${ms(f.updateAndStripesMedianMs)} | ${ms(f.updateAndStripesP95Ms)} |
| the stripes alone (\`codingStripes\`) | ${ms(f.stripesMedianMs)} | ${ms(f.stripesP95Ms)} |
| the client's layout of the answer into decoration slots | ${ms(f.layoutMedianMs)} | ${ms(f.layoutP95Ms)} |

The client asks after the server's index-changed notification, 30 ms after the last one, and draws with one
decoration type per slot (as many as the most codes on one line), made once.`,
  };
}
