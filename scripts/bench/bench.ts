/**
 * `npm run bench`: generates the synthetic corpora (12, 1,000 and 5,000 transcripts of about 50 KB),
 * measures the engine on each in a fresh process, times ripgrep counting the same tags for reference,
 * prints a table and writes BENCHMARKS.md.
 *
 * Options: --sizes 12,1000 (a subset), --no-write (print only).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analysisSection, measureAnalysis } from './analysisBench';
import { ensureCorpus } from './corpus';
import { measureEngine, percentile, type EngineFigures } from './engineBench';
import { lspSection, measureLsp } from './lspBench';

const ROOT = path.resolve(__dirname, '..');
const BENCH_DIR = path.join(ROOT, '.bench');
const EXAMPLE_CODEBOOK = path.join(ROOT, 'examples/stay-tuned/codebook.yaml');

interface Row extends EngineFigures {
  rgMs?: number;
}

function child(): void {
  const dir = process.argv[3];
  const edits = Number(process.argv[4]);
  const figures = measureEngine(dir, edits);
  process.stdout.write(JSON.stringify(figures));
}

function ripgrepMs(dir: string): number | undefined {
  const probe = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) return undefined;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = process.hrtime.bigint();
    spawnSync('rg', ['-c', '\\[\\[', path.join(dir, 'transcripts')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    times.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  return percentile(times, 50);
}

function runChild(dir: string, edits: number): EngineFigures {
  // The first run warms the file cache, as ripgrep's first run does; the figures are from the second.
  let out = '';
  for (let i = 0; i < 2; i++) {
    out = execFileSync(process.execPath, ['--expose-gc', __filename, '--child', dir, String(edits)], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
  }
  return JSON.parse(out) as EngineFigures;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const ms = (n: number | undefined) => (n === undefined ? 'n/a' : n < 10 ? n.toFixed(2) : n.toFixed(0));

export interface BenchSection {
  title: string;
  markdown: string;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sizesArg = args.indexOf('--sizes');
  const sizes = sizesArg >= 0 ? args[sizesArg + 1].split(',').map(Number) : [12, 1000, 5000];
  const write = !args.includes('--no-write');
  fs.mkdirSync(BENCH_DIR, { recursive: true });

  const rows: Row[] = [];
  for (const size of sizes) {
    process.stderr.write(`corpus of ${size}: generating… `);
    const dir = ensureCorpus(BENCH_DIR, size, 50_000, EXAMPLE_CODEBOOK);
    process.stderr.write('measuring… ');
    const figures = runChild(dir, size === 1000 ? 200 : 0);
    const rgMs = ripgrepMs(dir);
    rows.push({ ...figures, rgMs });
    process.stderr.write('done\n');
  }

  const table = [
    '| transcripts | corpus (MB) | segments | cold read + parse + index (ms) | `rg -c` same files (ms) | ratio | heap after index (MB) | heap / corpus | RSS (MB) |',
    '|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...rows.map(
      (r) =>
        `| ${r.documents} | ${mb(r.corpusBytes)} | ${r.segments} | ${ms(r.coldIndexMs)} | ${ms(r.rgMs)} | ${r.rgMs ? (r.coldIndexMs / r.rgMs).toFixed(1) + '×' : 'n/a'} | ${mb(r.heapUsedBytes)} | ${(r.heapUsedBytes / r.corpusBytes).toFixed(2)}× | ${mb(r.rssBytes)} |`,
    ),
  ].join('\n');
  const update = rows.find((r) => r.updateMedianMs !== undefined);
  const updateLine = update
    ? `One edit in a 50 KB transcript of the ${update.documents}-transcript workspace, index updated: median ${ms(update.updateMedianMs)} ms, 95th percentile ${ms(update.updateP95Ms)} ms (200 successive edits).`
    : 'The update figure is measured on the 1,000-transcript corpus (not in this run).';
  process.stdout.write(`\n${table}\n\n${updateLine}\n`);

  // Further sections, each measured on the corpora generated above.
  const sections: BenchSection[] = [];
  if (sizes.includes(5000)) sections.push(analysisSection(measureAnalysis(path.join(BENCH_DIR, 'corpus-5000'))));
  if (sizes.includes(1000)) sections.push(lspSection(await measureLsp(path.join(BENCH_DIR, 'corpus-1000'), path.join(ROOT, 'dist/server.js'))));
  for (const s of sections) process.stdout.write(`\n## ${s.title}\n\n${s.markdown}\n`);

  if (write) {
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0] ?? 'not installed';
    const md = `# Benchmarks

Measured with \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${cpu}, ${mb(os.totalmem())} MB memory, Node ${process.version}, ${os.type()} ${os.release()}, ${rg}.

The corpora are generated deterministically (\`scripts/bench/corpus.ts\`): transcripts of about 50 KB in the Stay
Tuned style, coded against the example codebook with about 190 tags and 80 passages each (nested, overlapping,
with memos). Each corpus is measured in a fresh Node process after one warm-up run, so the file cache is warm
for Codeboom as for ripgrep. Heap is \`heapUsed\` after a forced garbage collection, minus the heap before loading.

## Engine

${table}

${updateLine}

Targets: the 1,000-transcript cold index within 5× of \`rg -c\` on the same files; one-document update under
5 ms median; heap under 3× the corpus's size.
${sections.map((s) => `\n## ${s.title}\n\n${s.markdown}\n`).join('')}`;
    fs.writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), md);
    process.stderr.write('Wrote BENCHMARKS.md\n');
  }
}

if (process.argv[2] === '--child') child();
else
  main().catch((e) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
