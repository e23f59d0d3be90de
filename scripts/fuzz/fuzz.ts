/**
 * `npm run fuzz -- --iterations N [--seed S] [--target transcripts|codebooks|refi|lsp-framing|all]`:
 * random transcripts, codebooks, REFI-QDA files and LSP frames against the invariants of docs/fuzzing.md.
 * Prints the seed, the iterations and what each target saw; on a failure the smallest failing input and the
 * command that replays it (`--target T --seed S --replay PATH`). Exit status 1 when an invariant broke, 2 for
 * a bad option.
 */
import { type RunOptions, runTarget, type TargetResult } from './runner';
import { TARGET_NAMES, type FuzzTarget, type TargetName } from './target';
import { lspFramingTarget } from './lspTarget';
import { refiTarget } from './refiTarget';
import { codebooksTarget, transcriptsTarget } from './textTargets';

export function makeTarget(name: TargetName, lspTimeoutMs?: number): FuzzTarget<unknown> {
  switch (name) {
    case 'transcripts':
      return transcriptsTarget() as FuzzTarget<unknown>;
    case 'codebooks':
      return codebooksTarget() as FuzzTarget<unknown>;
    case 'refi':
      return refiTarget() as FuzzTarget<unknown>;
    case 'lsp-framing':
      return lspFramingTarget(lspTimeoutMs) as FuzzTarget<unknown>;
  }
}

export function describeResult(r: TargetResult): string {
  const counts = [...r.counts.values].map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ');
  const lines = [`${r.target}: ${r.failure ? 'FAILED' : 'passed'} ${r.iterations.toLocaleString('en')} iterations (${counts}); slowest case ${r.slowestMs.toFixed(0)} ms`];
  if (r.failure) {
    lines.push(`  after ${r.failure.passedRuns.toLocaleString('en')} passing iterations: ${r.failure.error.split('\n').join('\n  ')}`);
    lines.push(`  smallest failing input: ${r.failure.counterexample}`);
    lines.push(`  replay: npm run fuzz -- --target ${r.target} --seed ${r.seed} --replay ${r.failure.path}`);
  }
  return lines.join('\n');
}

function usage(message: string): never {
  process.stderr.write(`${message}\nUsage: npm run fuzz -- --iterations N [--seed S] [--target ${TARGET_NAMES.join('|')}|all] [--replay PATH] [--lsp-timeout MS]\n`);
  process.exit(2);
}

async function main(argv: string[]): Promise<number> {
  let iterations = 1000;
  let seed = Date.now() % 2 ** 31;
  let targets: TargetName[] = [...TARGET_NAMES];
  let replay: string | undefined;
  let lspTimeoutMs: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const option = argv[i];
    const value = argv[i + 1];
    const number = () => {
      if (value === undefined || !/^\d+$/.test(value)) usage(`${option} takes a whole number, not ${value ?? 'nothing'}.`);
      i++;
      return Number(value);
    };
    if (option === '--iterations') iterations = number();
    else if (option === '--seed') seed = number();
    else if (option === '--lsp-timeout') lspTimeoutMs = number();
    else if (option === '--replay') {
      if (value === undefined) usage('--replay takes the path a failure printed.');
      replay = value;
      i++;
    } else if (option === '--target') {
      if (value === 'all') targets = [...TARGET_NAMES];
      else if ((TARGET_NAMES as readonly string[]).includes(value ?? '')) targets = [value as TargetName];
      else usage(`--target is one of ${TARGET_NAMES.join(', ')} or all, not ${value ?? 'nothing'}.`);
      i++;
    } else usage(`Unknown option ${option}.`);
  }
  if (replay !== undefined && targets.length !== 1) usage('--replay replays one target: add --target with the target of the failure.');
  console.log(`fuzz: seed ${seed}, ${replay ? `replaying ${replay}` : `${iterations.toLocaleString('en')} iterations`} per target, targets ${targets.join(', ')}`);
  let failed = false;
  const started = Date.now();
  for (const name of targets) {
    const options: RunOptions = { iterations, seed, replay };
    const result = await runTarget(makeTarget(name, lspTimeoutMs), options);
    console.log(describeResult(result));
    failed ||= result.failure !== undefined;
  }
  console.log(`fuzz: ${failed ? 'an invariant broke' : 'every invariant held'} (seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return failed ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`fuzz: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(70);
    },
  );
}
