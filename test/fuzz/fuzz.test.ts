/**
 * A short run of the fuzzer (scripts/fuzz/, docs/fuzzing.md) with a fixed seed: a few hundred random inputs per
 * target against the invariants that must hold for any input. A failure prints the smallest failing input and
 * the command that replays it.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeResult, makeTarget } from '../../scripts/fuzz/fuzz';
import { SERVER_SCRIPT } from '../../scripts/fuzz/lspTarget';
import { runTarget } from '../../scripts/fuzz/runner';
import type { TargetName } from '../../scripts/fuzz/target';

const SEED = 20_240_611;

const runs: [TargetName, number, string][] = [
  ['transcripts', 300, 'transcripts read from files and editors, and edited, keep every range inside their text and every segment on its words'],
  ['codebooks', 400, 'codebooks of any shape are read without an exception, with every diagnostic inside the file'],
  ['refi', 300, 'REFI-QDA exports import again with the same text and codings, and damaged files are refused with a sentence'],
  ['lsp-framing', 80, 'the language server answers or exits after any framing, and never hangs'],
];

describe('fuzzing (a short run with a fixed seed)', () => {
  before(function () {
    this.timeout(120_000);
    if (!fs.existsSync(SERVER_SCRIPT)) execFileSync('npm', ['run', 'build'], { cwd: path.resolve(__dirname, '../..'), stdio: 'inherit' });
  });

  for (const [target, iterations, title] of runs) {
    it(`${target}: ${title}`, async function () {
      // A failure is shrunk to its smallest input, which takes longer than the run.
      this.timeout(300_000);
      const result = await runTarget(makeTarget(target), { iterations, seed: SEED });
      assert.ok(result.failure === undefined, describeResult(result));
    });
  }
});
