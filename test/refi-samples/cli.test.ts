/**
 * `codeboom import` of real exports of other tools (`npm run test:samples`; see samples.ts).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../cli/runCli';
import { tempProject, type TempProject } from '../helpers/tempProject';
import { SAMPLES } from './samples';

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/')).sort();
}

describe('codeboom import of real exports', () => {
  let tmp: TempProject;
  beforeEach(() => {
    tmp = tempProject({});
  });
  afterEach(() => tmp.dispose());

  it('imports the qc demo, listing what it found', async () => {
    const run = await runCli(['import', path.join(SAMPLES, 'qc-demo.qdpx'), '--into', 'qc'], { cwd: tmp.root });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, 'Imported into qc: 262 codes, 2 transcripts with 158 coded passages and 205 codings.\n');
    assert.deepEqual(listFiles(tmp.file('qc')), ['codebook.yaml', 'transcripts', 'transcripts/admin-1.txt', 'transcripts/board_2017.txt']);
    const check = await runCli(['check', tmp.file('qc')]);
    assert.match(check.stderr, /^0 errors/m);
  });

  it('lists the sources it skipped, with the reason', async () => {
    const run = await runCli(['import', path.join(SAMPLES, 'nvivo-project.qdpx'), '--into', 'nv'], { cwd: tmp.root });
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0], /^skipped: 66653866-6334-3535-3435-366637306566: its plain text is empty \(the text is only in its \.docx\)\.$/);
    assert.match(lines[2], /^Imported into nv: 262 codes, 0 transcripts with 0 coded passages and 0 codings; 2 sources skipped\.$/);
  });
});
