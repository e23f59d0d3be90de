/**
 * `npm run bench`: generates the synthetic corpora (12, 1,000 and 5,000 transcripts of about 50 KB),
 * measures the engine on each in a fresh process, times ripgrep counting the same tags for reference,
 * prints a table and writes BENCHMARKS.md.
 *
 * Options: --sizes 12,1000 (a subset), --no-write (print only), --pathological (only the section of
 * pathological inputs, printed), --pathological-sizes 1000,2000 (other sizes for it), --stripes (only the
 * coding stripes while typing, printed).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analysisSection, measureAnalysis } from './analysisBench';
import { markedSections } from './benchmarksFile';
import { ensureCorpus } from './corpus';
import { measureEngine, percentile, type EngineFigures } from './engineBench';
import { measureFloor, measurePageTouch } from './floorBench';
import { lspSection, measureLsp } from './lspBench';
import { measurePathological, pathologicalSection, PATHOLOGICAL_SIZES } from './pathological';
import { measureStripes, stripesSection } from './stripesBench';

const ROOT = path.resolve(__dirname, '..');
const BENCH_DIR = path.join(ROOT, '.bench');
const EXAMPLE_CODEBOOK = path.join(ROOT, 'examples/stay-tuned/codebook.yaml');

interface Row extends EngineFigures {
  rgMs?: number;
  /** Reading the files and finding their lines and brackets, in a fresh process (floorBench.ts). */
  floorMs?: number;
  /** Microseconds to write a fresh page of memory the first time, in the same processes. */
  pageUs?: number;
}

async function child(): Promise<void> {
  const dir = process.argv[3];
  if (process.argv[4] === 'floor') {
    process.stdout.write(JSON.stringify({ ...measureFloor(dir), pageUs: measurePageTouch() }));
    return;
  }
  const edits = Number(process.argv[4]);
  const figures = await measureEngine(dir, edits);
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
  // The first run warms the file cache, as ripgrep's first run does; then three runs, each in a fresh
  // process, and the run with the median cold-index time is reported (a shared machine varies by a third).
  const run = () =>
    JSON.parse(
      execFileSync(process.execPath, ['--expose-gc', __filename, '--child', dir, String(edits)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }),
    ) as EngineFigures;
  run();
  const runs = [run(), run(), run()].sort((a, b) => a.coldIndexMs - b.coldIndexMs);
  return runs[1];
}

/** The floor and the cost of a fresh page (floorBench.ts): medians of three fresh processes. */
function floor(dir: string): { floorMs: number; pageUs: number } {
  const run = () => JSON.parse(execFileSync(process.execPath, [__filename, '--child', dir, 'floor'], { encoding: 'utf8' })) as { ms: number; pageUs: number };
  const runs = [run(), run(), run()];
  return { floorMs: percentile(runs.map((r) => r.ms), 50), pageUs: percentile(runs.map((r) => r.pageUs), 50) };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const ms = (n: number | undefined) => (n === undefined ? 'n/a' : n < 10 ? n.toFixed(2) : n.toFixed(0));

interface ColdIndexFacts {
  floorRatio: number;
  warmMs: number;
  warmRatio: number;
  firstFiftyMs: number;
  laterFiftyMs: number;
  pageFaults: number;
  pageUs: number;
  arraysMb: string;
}

const f1 = (n: number) => n.toFixed(1);

const coldIndexNote = (f: ColdIndexFacts) => `Why the cold index stays above 5× of ripgrep (a target now retired). \`rg -c\` looks for one byte pattern
with SIMD on both cores, in files the kernel already holds, and keeps nothing. Four figures of this run show
where the engine's time goes:
- *Floor*: reading the codebook, listing the transcripts, reading each file and finding its line ends and its
  \`[[\`, \`{{\` and \`}}\` with native \`Buffer#indexOf\`, keeping nothing but counts
  (\`scripts/bench/floorBench.ts\`), took ${f1(f.floorRatio)}× ripgrep's time. That leaves ${f1(Math.max(0, 5 - f.floorRatio))}× for
  everything the index is for: front matter, turns, paragraphs, passages, UTF-16 positions, the codebook check,
  attribution, counts, and the memory that holds them.
- *Start-up*: the first 50 transcripts (with the codebook and the listing) took ${ms(f.firstFiftyMs)} ms; each later group
  of 50 took ${ms(f.laterFiftyMs)} ms on average. The difference is V8 compiling the engine's hot functions while the
  first files are indexed with unoptimised code.
- *Fresh memory*: the cold index caused ${f.pageFaults} minor page faults (pages the process wrote for the first
  time: the heap as it grows, the young generation, ${f.arraysMb} MB of typed arrays). On this virtual machine a first
  write to memory no process has used yet costs ${f1(f.pageUs)} µs a page, where a few tenths of a microsecond is usual.
- *Warm*: the same index made again in the same process, with the code compiled and the heap grown, took
  ${ms(f.warmMs)} ms, ${f1(f.warmRatio)}× ripgrep's time. ${
    f.warmRatio > 5 ? 'Even without start-up costs, the work itself is above the target.' : 'Without start-up costs, the work itself is within the target.'
  }
A profile (\`node --cpu-prof\` on \`loadProject\`, 1,000 transcripts) splits the cold index roughly into: scanning
bytes into turns, paragraphs, tags and passages a third, copying into the digests' arrays and converting offsets to
UTF-16 a third (much of it first writes to fresh memory), reading files 15 %, checking tags against the codebook
7 %, reading the codebook 6 %, counting 3 %, listing files 2 %; garbage collection runs through all of these
(about 13 %).
What brought it from about 2.8 s to this: scanning bytes instead of decoding strings; a scanner that writes columns
of numbers laid out as the digest's instead of objects; digests and segments in typed arrays taken from slabs; a
segment stored as the index of its coding; tag paths decoded once per distinct path and checked against the
codebook once; a schema validator compiled ahead of time; a quick YAML reading of a codebook without problems.
Measured and dropped, because they were no faster on this 2-core machine:
- indexing on a second thread (worker threads with transferred digests): two busy threads ran at about
  1.3–1.45× the throughput of one, and checking the digests on the main thread ate the gain;
- a thread that reads the files ahead into shared memory while the main thread indexes them: slower, for the
  same reason;
- reading files asynchronously, several at a time, while the main thread scans: the callbacks cost more than the
  reads they overlapped;
- V8 options: Maglev, eager Sparkplug compilation, an earlier tier-up, a smaller or larger young generation: none
  beyond the noise.
What is left to try is taking the byte-level work (scanning, UTF-16 positions, filling the digests' arrays) out of
JavaScript, for example into a WebAssembly scanner: a second implementation of the transcript syntax, which the
property tests would have to hold to the first. The floor and the first writes to memory would stay, so even that
would leave little room under 5× on this machine.`;

/** The engine's targets with what was measured, and whether each is met. */
function targetsTable(rows: Row[]): string {
  const thousand = rows.find((r) => r.documents === 1000);
  const lines = ['| target | measured | |', '|--|--|--|'];
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  if (thousand?.rgMs !== undefined) {
    const ratio = thousand.coldIndexMs / thousand.rgMs;
    // The 5× target was retired: the floor and this machine's cost of fresh memory explain the gap (below).
    lines.push(`| 1,000-transcript cold index against \`rg -c\` (the 5× target is retired) | ${ratio.toFixed(1)}× (${ms(thousand.coldIndexMs)} ms against ${ms(thousand.rgMs)} ms) | kept for reference |`);
  }
  if (thousand?.updateMedianMs !== undefined) {
    lines.push(`| one-document update under 5 ms median | ${ms(thousand.updateMedianMs)} ms | ${verdict(thousand.updateMedianMs < 5)} |`);
  }
  const worst = rows.filter((r) => r.documents >= 1000).reduce((m, r) => Math.max(m, r.heapUsedBytes / r.corpusBytes), 0);
  if (worst > 0) lines.push(`| heap under 3× the corpus | at most ${worst.toFixed(2)}× | ${verdict(worst < 3)} |`);
  if (thousand?.rgMs !== undefined && thousand.floorMs !== undefined && thousand.coldIndexMs > 5 * thousand.rgMs) {
    lines.push(
      '',
      coldIndexNote({
        floorRatio: thousand.floorMs / thousand.rgMs,
        warmMs: thousand.warmIndexMs,
        warmRatio: thousand.warmIndexMs / thousand.rgMs,
        firstFiftyMs: thousand.firstFiftyMs,
        laterFiftyMs: thousand.laterFiftyMs,
        pageFaults: thousand.pageFaults,
        pageUs: thousand.pageUs ?? 0,
        arraysMb: mb(thousand.arrayBufferBytes),
      }),
    );
  }
  return lines.join('\n');
}

export interface BenchSection {
  title: string;
  markdown: string;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const pathologicalSizesArg = args.indexOf('--pathological-sizes');
  const pathologicalSizes = pathologicalSizesArg >= 0 ? args[pathologicalSizesArg + 1].split(',').map(Number) : PATHOLOGICAL_SIZES;
  const pathological = () => pathologicalSection(path.join(BENCH_DIR, 'pathological'), __filename, path.join(ROOT, 'dist/cli.js'), pathologicalSizes);
  if (args.includes('--stripes')) {
    const s = stripesSection(measureStripes(EXAMPLE_CODEBOOK));
    process.stdout.write(`\n## ${s.title}\n\n${s.markdown}\n`);
    return;
  }
  if (args.includes('--pathological')) {
    const s = pathological();
    process.stdout.write(`\n## ${s.title}\n\n${s.markdown}\n`);
    return;
  }
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
    rows.push({ ...figures, rgMs, ...floor(dir) });
    process.stderr.write('done\n');
  }

  const table = [
    '| transcripts | corpus (MB) | segments | cold read + parse + index (ms) | `rg -c` same files (ms) | ratio | floor (ms) | same index again, warm (ms) | heap after index (MB) | heap / corpus | RSS (MB) |',
    '|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...rows.map(
      (r) =>
        `| ${r.documents} | ${mb(r.corpusBytes)} | ${r.segments} | ${ms(r.coldIndexMs)} | ${ms(r.rgMs)} | ${r.rgMs ? (r.coldIndexMs / r.rgMs).toFixed(1) + '×' : 'n/a'} | ${ms(r.floorMs)} | ${ms(r.warmIndexMs)} | ${mb(r.heapUsedBytes)} | ${(r.heapUsedBytes / r.corpusBytes).toFixed(2)}× | ${mb(r.rssBytes)} |`,
    ),
  ].join('\n');
  const update = rows.find((r) => r.updateMedianMs !== undefined);
  const updateLine = update
    ? `One edit in a 50 KB transcript of the ${update.documents}-transcript workspace, index updated: median ${ms(update.updateMedianMs)} ms, 95th percentile ${ms(update.updateP95Ms)} ms (200 successive edits).`
    : 'The update figure is measured on the 1,000-transcript corpus (not in this run).';
  process.stdout.write(`\n${table}\n\n${updateLine}\n`);

  // Further sections, each measured on the corpora generated above.
  const sections: BenchSection[] = [];
  if (sizes.includes(5000)) sections.push(analysisSection(await measureAnalysis(path.join(BENCH_DIR, 'corpus-5000'))));
  if (sizes.includes(1000)) sections.push(lspSection(await measureLsp(path.join(BENCH_DIR, 'corpus-1000'), path.join(ROOT, 'dist/server.js'))));
  sections.push(pathological());
  sections.push(stripesSection(measureStripes(EXAMPLE_CODEBOOK)));
  for (const s of sections) process.stdout.write(`\n## ${s.title}\n\n${s.markdown}\n`);

  if (write) {
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0] ?? 'not installed';
    const md = `# Benchmarks

Measured with \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${cpu}, ${mb(os.totalmem())} MB memory, Node ${process.version}, ${os.type()} ${os.release()}, ${rg}.

The corpora are generated deterministically (\`scripts/bench/corpus.ts\`): transcripts of about 50 KB in the Stay
Tuned style, coded against the example codebook with about 190 tags and 80 passages each (nested, overlapping,
with memos). Each corpus is measured in three fresh Node processes after one warm-up run (so the file cache is
warm for Codeboom as for ripgrep), and the run with the median cold-index time is reported. Heap is \`heapUsed\`
after a forced garbage collection, minus the heap before loading; on the 12-transcript corpus it is mostly the
codebook and the tables every project has, whatever its size.
*Floor* is a reference measured the same way (\`scripts/bench/floorBench.ts\`): reading the codebook, listing the
transcripts, reading them and finding their line ends and brackets, and nothing else. *Warm* is the same index
made a third time in the process of the reported run, once V8 has compiled the engine's code.

## Engine

${table}

${updateLine}

${targetsTable(rows)}
${sections.map((s) => `\n## ${s.title}\n\n${s.markdown}\n`).join('')}`;
    // Sections other benchmarks wrote (`npm run bench:ui`, `npm run bench:web`) stay, after this one's.
    const file = path.join(ROOT, 'BENCHMARKS.md');
    const kept = fs.existsSync(file) ? markedSections(fs.readFileSync(file, 'utf8')) : [];
    fs.writeFileSync(file, kept.length > 0 ? `${md.trimEnd()}\n\n${kept.join('\n')}` : md);
    process.stderr.write('Wrote BENCHMARKS.md\n');
  }
}

if (process.argv[2] === '--child') void child();
else if (process.argv[2] === '--pathological-child') void measurePathological(process.argv[3]).then((f) => process.stdout.write(JSON.stringify(f)));
else
  main().catch((e) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
