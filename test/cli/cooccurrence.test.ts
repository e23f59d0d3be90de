import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { SMALL_CODEBOOK, tempProject, type TempProject } from '../helpers/tempProject';
import { runCli } from './runCli';

const EXAMPLE = path.join(__dirname, '../../examples/stay-tuned');

describe('codeboom cooccurrence', () => {
  let p: TempProject;
  before(() => {
    p = tempProject({
      'codebook.yaml': SMALL_CODEBOOK,
      'T1.txt':
        '---\nparticipant: T1\n---\nT1= {{Ik <b>wacht</b>}}[[afstemmen/geduld]] en speel mee. [[effect/band]]\n\nT1= Verder. [[afstemmen/improvisatie]]\n',
      'T2.txt': '---\nparticipant: T2\n---\nT2= {{Rustig "blijven"}}[[afstemmen/geduld]][[effect/band]], dat is het.\n',
    });
  });
  after(() => p.dispose());

  it('prints a numbered table of pairs, and of participants with --count participants', async () => {
    const run = await runCli(['cooccurrence', p.root, '--lang', 'en']);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.match(lines[0], /^Co-occurring codes · Unit: overlapping segments · 2 transcripts$/);
    const row = (label: string) => lines.find((l) => l.includes(label))!.trim().split(/\s{2,}/);
    assert.deepEqual(row('Patience'), ['1', 'Patience', '—', '·', '2']);
    assert.deepEqual(row('Bond'), ['3', 'Bond', '2', '·', '—']);
    const people = await runCli(['cooccurrence', p.root, '--unit', 'window:1', '--count', 'participants', '--lang', 'en']);
    assert.deepEqual(people.stdout.split('\n').find((l) => l.includes('Improvisational'))!.trim().split(/\s{2,}/), ['2', 'Improvisational ability', '1', '—', '1']);
  });

  it('writes CSV with a column per code, and JSON with both counts', async () => {
    const csv = await runCli(['cooccurrence', p.root, '--format', 'csv', '--unit', 'paragraph']);
    assert.deepEqual(csv.stdout.split('\r\n').slice(0, 4), [
      'code,code_label,segments,afstemmen/geduld,afstemmen/improvisatie,effect/band',
      'afstemmen/geduld,Geduld,2,0,0,2',
      'afstemmen/improvisatie,Improvisatorisch vermogen,1,0,0,0',
      'effect/band,Band (samenwerking),2,2,0,0',
    ]);
    const json = JSON.parse((await runCli(['cooccurrence', p.root, '--format', 'json', '--unit', 'turn'])).stdout);
    assert.equal(json.unit, 'turn');
    assert.deepEqual(json.codes.map((c: { path: string }) => c.path), ['afstemmen/geduld', 'afstemmen/improvisatie', 'effect/band']);
    assert.deepEqual(json.cells[0], [0, 0, 2]);
    assert.deepEqual(json.participant_cells[0], [0, 0, 2]);
  });

  it('lists the pairs behind a cell with --code and --with, with their text', async () => {
    const run = await runCli(['cooccurrence', p.root, '--code', 'effect/band', '--with', 'afstemmen/geduld', '--lang', 'en']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Bond × Patience · overlapping segments · 2 pairs/);
    assert.ok(run.stdout.includes('T1.txt:4  T1\n  Bond (4): Ik <b>wacht</b> en speel mee.\n  Patience (4): Ik <b>wacht</b>\n'), run.stdout);
    const csv = await runCli(['cooccurrence', p.root, '--code', 'effect/band', '--with', 'afstemmen/geduld', '--format', 'csv']);
    assert.equal(csv.stdout.split('\r\n')[2], 'T2.txt,T2,effect/band,4,4,"Rustig ""blijven""",afstemmen/geduld,4,4,"Rustig ""blijven"""');
  });

  it('writes a self-contained HTML heat map with the words escaped', async () => {
    p.write('T3.txt', '---\nparticipant: T3\n---\nT3= {{<script>alert(1)</script>}}[[afstemmen/geduld]][[effect/band]]\n');
    try {
      const run = await runCli(['cooccurrence', p.root, '--format', 'html']);
      assert.equal(run.status, 0, run.stderr);
      assert.doesNotMatch(run.stdout, /<script/i);
      assert.doesNotMatch(run.stdout, /https?:\/\//);
      assert.match(run.stdout, /<td style="background:rgba\([^"]+\)" title="3 paren, 3 deelnemers">3<\/td>/);
    } finally {
      p.write('T3.txt', '');
    }
  });

  it('explains bad options in one sentence', async () => {
    const unit = await runCli(['cooccurrence', p.root, '--unit', 'sentence']);
    assert.equal(unit.status, 2);
    assert.equal(unit.stderr, "codeboom cooccurrence: --unit must be overlap, paragraph, turn or window:N (N paragraphs, e.g. window:2), not 'sentence'.\n");
    const half = await runCli(['cooccurrence', p.root, '--code', 'effect/band']);
    assert.match(half.stderr, /--code and --with go together/);
    const unknown = await runCli(['cooccurrence', p.root, '--code', 'effect/bnd', '--with', 'afstemmen/geduld']);
    assert.equal(unknown.stderr, "codeboom cooccurrence: 'effect/bnd' is not a code in codebook.yaml; did you mean 'effect/band'?\n");
  });

  it('finds co-occurrences in the example study', async () => {
    const run = await runCli(['cooccurrence', EXAMPLE, '--format', 'json', '--unit', 'paragraph']);
    const json = JSON.parse(run.stdout) as { cells: number[][] };
    assert.ok(json.cells.flat().some((n) => n > 0));
  });
});
