/**
 * Pathological inputs: transcripts made to find work that grows faster than the input (a search that
 * starts again to the end of the file for every mark, a list walked for every tag). Each input is made
 * at three sizes, in a project of its own, and indexed and checked in a fresh process; the times should
 * double when the size doubles. The unit tests check results on such inputs, never their times.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BenchSection } from './bench';
import { loadProject } from '../../server/src/node/projectFiles';

export interface PathologicalInput {
  name: string;
  /** A transcript with about `n` of the input's repeated unit. */
  transcript(n: number): string;
  /** A codebook of its own, when the input needs many codes. */
  codebook?(n: number): string;
}

const CODES = 2000;

const DEFAULT_CODEBOOK = 'project:\n  transcripts: ["*.txt"]\ncodes:\n  a:\n    label: A\n';

function manyCodes(): string {
  const lines = ['project:', '  transcripts: ["*.txt"]', 'codes:'];
  for (let i = 0; i < CODES; i++) lines.push(`  c${i}:`, `    label: C${i}`);
  return lines.join('\n') + '\n';
}

const repeat = (n: number, unit: (i: number) => string): string => {
  const parts: string[] = new Array(n);
  for (let i = 0; i < n; i++) parts[i] = unit(i);
  return parts.join('');
};

export const PATHOLOGICAL_INPUTS: PathologicalInput[] = [
  { name: 'unclosed `[[`, one line', transcript: (n) => `T1= ${'[['.repeat(n)}\n` },
  { name: 'unclosed `[[`, a line each', transcript: (n) => '[[x\n'.repeat(n) },
  { name: '`[[` on every line, `]]` at the end', transcript: (n) => `${'T1= [[ x\n'.repeat(n)}]]\n` },
  { name: '`[[` and a huge text, then `]]`', transcript: (n) => `T1= [[${'x'.repeat(n)}]]\n` },
  { name: 'unclosed `{{`', transcript: (n) => `T1= ${'{{ '.repeat(n)}\n` },
  { name: '`}}` without an opening', transcript: (n) => `T1= ${'}} '.repeat(n)}\n` },
  { name: 'one label `{{#a` opened again and again', transcript: (n) => `T1= ${'{{#a '.repeat(n)}\n` },
  { name: 'many labels `{{#aN`', transcript: (n) => `T1= ${repeat(n, (i) => `{{#a${i} `)}${repeat(n, (i) => `}}#a${i}[[a]]`)}\n` },
  { name: 'nested passages', transcript: (n) => `T1= ${'{{'.repeat(n)}x${'}}[[a]]'.repeat(n)}\n` },
  { name: 'one very long line', transcript: (n) => `T1= ${'woord '.repeat(n)}[[a]]\n` },
  { name: 'many tags of many codes in one paragraph', transcript: (n) => `T1= ${repeat(n, (i) => `x [[c${i % CODES}]] `)}\n`, codebook: manyCodes },
  { name: 'one code tagged with a memo many times', transcript: (n) => `T1= ${'x [[a | m]] '.repeat(n)}\n` },
  { name: 'many unknown codes', transcript: (n) => `T1= ${repeat(n, (i) => `[[z${i}]] `)}\n` },
  { name: 'many speakers', transcript: (n) => repeat(n, (i) => `S${(i % 99999).toString(36).toUpperCase()}= x [[a]]\n`) },
  { name: 'many paragraphs', transcript: (n) => 'x [[a]]\n\n'.repeat(n) },
  { name: 'U+FEFF everywhere', transcript: (n) => `\ufeff${'\ufeffT1= \ufeff{{\ufeffx}}[[a]]\ufeff\n'.repeat(n)}` },
  { name: 'front matter of many keys', transcript: (n) => `---\nparticipant: P1\n${repeat(n, (i) => `k${i}: v\n`)}---\nT1= x [[a]]\n` },
];

export const PATHOLOGICAL_SIZES = [250_000, 500_000, 1_000_000];

/** Writes the project of one input at one size under `root`; returns its folder. */
export function pathologicalProject(root: string, input: PathologicalInput, n: number): string {
  const dir = path.join(root, `${PATHOLOGICAL_INPUTS.indexOf(input)}-${n}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'codebook.yaml'), input.codebook?.(n) ?? DEFAULT_CODEBOOK);
  fs.writeFileSync(path.join(dir, 'T.txt'), input.transcript(n));
  return dir;
}

export interface PathologicalFigures {
  bytes: number;
  indexMs: number;
  diagnostics: number;
  heapMb: number;
}

/** In a fresh process: the project indexed, and its diagnostics listed as `check` lists them. */
export async function measurePathological(dir: string): Promise<PathologicalFigures> {
  const t0 = process.hrtime.bigint();
  const project = await loadProject(dir);
  let diagnostics = 0;
  for (const doc of project.index.documents()) diagnostics += doc.resolved.diagnostics.length;
  const indexMs = Number(process.hrtime.bigint() - t0) / 1e6;
  return {
    bytes: fs.statSync(path.join(dir, 'T.txt')).size,
    indexMs,
    diagnostics,
    heapMb: process.memoryUsage().heapUsed / 1024 / 1024,
  };
}

/** `codeboom check` on the project, in its own process: wall time in milliseconds. */
function checkMs(cli: string, dir: string): number {
  const t0 = process.hrtime.bigint();
  try {
    execFileSync(process.execPath, [cli, 'check', dir], { stdio: 'ignore', maxBuffer: 1 << 30 });
  } catch {
    // Exit status 1: the inputs have errors.
  }
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export function pathologicalSection(root: string, benchScript: string, cli: string, sizes = PATHOLOGICAL_SIZES): BenchSection {
  const header = `| input | ${sizes.map((n) => `index ${n / 1000}k (ms)`).join(' | ')} | ${sizes.map((n) => `check ${n / 1000}k (ms)`).join(' | ')} | largest file (MB) | diagnostics kept |`;
  const lines = [header, `|--|${sizes.map(() => '--:|').join('')}${sizes.map(() => '--:|').join('')}--:|--:|`];
  for (const input of PATHOLOGICAL_INPUTS) {
    process.stderr.write(`pathological: ${input.name}… `);
    const figures: PathologicalFigures[] = [];
    const checks: number[] = [];
    for (const n of sizes) {
      const dir = pathologicalProject(root, input, n);
      const out = execFileSync(process.execPath, [benchScript, '--pathological-child', dir], { encoding: 'utf8' });
      figures.push(JSON.parse(out) as PathologicalFigures);
      checks.push(checkMs(cli, dir));
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const last = figures[figures.length - 1];
    lines.push(
      `| ${input.name} | ${figures.map((f) => f.indexMs.toFixed(0)).join(' | ')} | ${checks.map((c) => c.toFixed(0)).join(' | ')} | ${(last.bytes / 1024 / 1024).toFixed(1)} | ${last.diagnostics} |`,
    );
    process.stderr.write(`index ${figures.map((f) => f.indexMs.toFixed(0)).join(', ')} ms; check ${checks.map((c) => c.toFixed(0)).join(', ')} ms\n`);
  }
  const markdown = `Each input is a project with one transcript made of about N repeats of the input's unit (\`scripts/bench/pathological.ts\`),
indexed in a fresh process (*index*: read, scan, check against the codebook, list the diagnostics) and checked with
\`codeboom check\` in another (*check*: the same plus Node's start-up and printing). Linear work doubles from 250k to
500k and again to 1M; a document keeps at most 1,000 diagnostics and one that counts the rest.

${lines.join('\n')}`;
  return { title: 'Pathological inputs', markdown };
}
