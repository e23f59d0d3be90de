/**
 * The analyses on the 5,000-transcript corpus: the co-occurrence matrix for each unit, and inter-coder
 * agreement between the corpus and a second coder's version of it. The second coder is made from the
 * corpus deterministically: about one paragraph tag in ten removed, one in twenty given another code, and
 * one passage in ten opened a word later, so that the words stay the same and only the coding differs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cooccurrence, unitName, type CooccurrenceUnit } from '../../server/src/engine/analysis/cooccurrence';
import { agreement } from '../../server/src/engine/agreement/agreement';
import { disagreements } from '../../server/src/engine/agreement/disagreements';
import { versionFromFolder } from '../../server/src/node/coderVersions';
import { loadProject } from '../../server/src/node/projectFiles';
import { random } from './corpus';
import { percentile } from './engineBench';

export interface AnalysisFigures {
  documents: number;
  segments: number;
  indexMs: number;
  cooccurrence: { unit: string; ms: number; pairs: number }[];
  loadVersionsMs: [number, number];
  agreementMs: number;
  disagreementsMs: number;
  units: number;
  disagreementCount: number;
  documentAlpha: number | null;
  segmentKappa: number | null;
  segmentAlpha: number | null;
  textDifferences: number;
}

const CODES = [
  'afstemmen/tegenoverdracht', 'afstemmen/hulpvraag', 'afstemmen/improvisatie', 'effect/band', 'effect/doel',
  'medium/containment', 'doelen/eigen-invulling', 'confrontatie/pushen', 'kenmerken/therapeut/empathie',
];

/** A second coder's copy of a corpus: same words, partly different coding. Written once, then reused. */
export function ensureSecondCoder(corpus: string): string {
  const dir = `${corpus}-coder-b`;
  const stamp = path.join(dir, '.complete');
  const want = `${path.basename(corpus)}:v1`;
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'transcripts'), { recursive: true });
  fs.copyFileSync(path.join(corpus, 'codebook.yaml'), path.join(dir, 'codebook.yaml'));
  const files = fs.readdirSync(path.join(corpus, 'transcripts')).sort();
  files.forEach((file, i) => {
    const rnd = random(7000 + i);
    const text = fs.readFileSync(path.join(corpus, 'transcripts', file), 'utf8');
    const recoded = text
      // A paragraph tag stands after a space; a passage's tags follow its `}}` directly.
      .replace(/ \[\[([^\]|]+)(\|[^\]]*)?\]\]/g, (tag, _path: string, memo: string | undefined) => {
        const r = rnd();
        if (r < 0.1) return '';
        if (r < 0.15) return ` [[${CODES[Math.floor(rnd() * CODES.length)]}${memo ?? ''}]]`;
        return tag;
      })
      // Open one passage in ten a word later.
      .replace(/\{\{(?!#)([^\s{}[\]]+) /g, (open, word: string) => (rnd() < 0.1 ? `${word} {{` : open));
    fs.writeFileSync(path.join(dir, 'transcripts', file), recoded);
  });
  fs.writeFileSync(stamp, want);
  return dir;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function time<T>(f: () => T): [T, number] {
  const s = process.hrtime.bigint();
  const value = f();
  return [value, Number(process.hrtime.bigint() - s) / 1e6];
}

/** Measures the analyses on a corpus (and its second coder), each in this process after a warm-up run. */
export async function measureAnalysis(corpus: string): Promise<AnalysisFigures> {
  const coderB = ensureSecondCoder(corpus);
  gc();
  const indexStart = process.hrtime.bigint();
  const project = await loadProject(corpus);
  const indexMs = Number(process.hrtime.bigint() - indexStart) / 1e6;
  const index = project.index;
  const segments = index.documents().reduce((n, d) => n + d.resolved.segments.length, 0);

  const units: CooccurrenceUnit[] = [{ kind: 'overlap' }, { kind: 'paragraph' }, { kind: 'turn' }, { kind: 'window', paragraphs: 2 }];
  const co = units.map((unit) => {
    const times: number[] = [];
    let pairs = 0;
    for (let i = 0; i < 3; i++) {
      const [m, ms] = time(() => cooccurrence(index, { unit }));
      times.push(ms);
      pairs = m.cells.flat().reduce((a, b) => a + b, 0) / 2;
    }
    return { unit: unitName(unit), ms: percentile(times, 50), pairs };
  });

  gc();
  const [a, loadA] = time(() => versionFromFolder(corpus, 'corpus'));
  const [b, loadB] = time(() => versionFromFolder(coderB, 'coder-b'));
  const versions = [a.version, b.version];
  agreement(versions); // warm-up
  const times: number[] = [];
  let report = agreement(versions);
  for (let i = 0; i < 3; i++) {
    const [r, ms] = time(() => agreement(versions));
    report = r;
    times.push(ms);
  }
  const [list, disagreementsMs] = time(() => disagreements(report, versions));
  const all = (level: string) => report.results.find((r) => r.level === level && r.code === null)!;
  return {
    documents: index.size,
    segments,
    indexMs,
    cooccurrence: co,
    loadVersionsMs: [loadA, loadB],
    agreementMs: percentile(times, 50),
    disagreementsMs,
    units: all('segment').units,
    disagreementCount: list.length,
    documentAlpha: all('document').krippendorff_alpha,
    segmentKappa: all('segment').cohen_kappa,
    segmentAlpha: all('segment').krippendorff_alpha,
    textDifferences: report.textDifferences.length,
  };
}

const fixed = (n: number | null, digits = 3) => (n === null ? 'n/a' : n.toFixed(digits));
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));

export function analysisSection(f: AnalysisFigures): { title: string; markdown: string } {
  const rows = f.cooccurrence.map((c) => `| \`${c.unit}\` | ${ms(c.ms)} | ${c.pairs} |`).join('\n');
  const markdown = `The ${f.documents}-transcript corpus (${f.segments} segments), indexed from disk in ${ms(f.indexMs)} ms. Times are medians of three runs after the index (or the versions) are in memory.

| co-occurrence unit | matrix (ms) | pairs |
|---|--:|--:|
${rows}

Inter-coder agreement between the corpus and a second coder's copy (\`scripts/bench/analysisBench.ts\`: a tenth of
the paragraph tags removed, a twentieth recoded, a tenth of the passages opened a word later):

| step | ms |
|---|--:|
| read and reduce the first version (${f.documents} transcripts) | ${ms(f.loadVersionsMs[0])} |
| read and reduce the second version | ${ms(f.loadVersionsMs[1])} |
| agreement, both levels, every code (${f.units} segment units) | ${ms(f.agreementMs)} |
| list the ${f.disagreementCount} disagreements with lines and text | ${ms(f.disagreementsMs)} |

Segment level, all codes: kappa ${fixed(f.segmentKappa)}, alpha ${fixed(f.segmentAlpha)}; document level alpha ${fixed(f.documentAlpha)}; ${f.textDifferences} text differences (the second coder changed no words).

| target: each under 10 s on this corpus | measured | |
|--|--|--|
| co-occurrence (the index in memory; the slowest unit) | ${ms(Math.max(...f.cooccurrence.map((c) => c.ms)))} ms | ${Math.max(...f.cooccurrence.map((c) => c.ms)) < 10_000 ? 'met' : '**missed**'} |
| agreement from the files: both versions read, then compared | ${ms(f.loadVersionsMs[0] + f.loadVersionsMs[1] + f.agreementMs)} ms | ${f.loadVersionsMs[0] + f.loadVersionsMs[1] + f.agreementMs < 10_000 ? 'met' : '**missed**'} |

Listing the disagreements with their lines and words (\`--disagreements\`) reads every transcript with a
disagreement again and comes on top.`;
  return { title: 'Analyses', markdown };
}
