import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { ANNA, BRAM } from '../helpers/coders';
import { SMALL_CODEBOOK, tempProject, type TempProject } from '../helpers/tempProject';
import { runCli } from './runCli';

/** Anna's and Bram's copies of the project side by side: study/anna and study/bram. */
function twoFolders(): TempProject {
  const files: Record<string, string> = {};
  for (const [coder, texts] of [['anna', ANNA], ['bram', BRAM]] as const) {
    files[`${coder}/codebook.yaml`] = SMALL_CODEBOOK;
    for (const [id, text] of Object.entries(texts)) files[`${coder}/${id}`] = text;
  }
  return tempProject(files);
}

interface Row {
  code: string | null;
  code_label: string | null;
  level: string;
  coders: number;
  units: number;
  percent_agreement: number | null;
  cohen_kappa: number | null;
  krippendorff_alpha: number | null;
}

describe('codeboom agreement', () => {
  let p: TempProject;
  before(() => (p = twoFolders()));
  after(() => p.dispose());

  it('gives one JSON object per code and level, with the documented keys', async () => {
    const run = await runCli(['agreement', 'anna', 'bram', '--format', 'json'], { cwd: p.root });
    const rows = JSON.parse(run.stdout) as Row[];
    assert.deepEqual(
      rows.map((r) => `${r.level} ${r.code}`),
      [
        'document null', 'document afstemmen/geduld', 'document afstemmen/improvisatie', 'document effect/band',
        'segment null', 'segment afstemmen/geduld', 'segment afstemmen/improvisatie', 'segment effect/band',
      ],
    );
    for (const r of rows) {
      for (const key of ['code', 'level', 'coders', 'units', 'percent_agreement', 'cohen_kappa', 'krippendorff_alpha']) assert.ok(key in r, key);
    }
    const all = rows.find((r) => r.level === 'document' && r.code === null)!;
    assert.equal(all.coders, 2);
    assert.equal(all.units, 6);
    assert.equal(all.cohen_kappa?.toFixed(3), '0.571');
    assert.equal(rows[1].code_label, 'Geduld');
  });

  it('reports a transcript whose text differs as an error, leaves it out, and exits 1', async () => {
    const run = await runCli(['agreement', 'anna', 'bram'], { cwd: p.root });
    assert.equal(run.status, 1);
    assert.equal(
      run.stderr,
      'error: T4.txt: the text differs between anna (line 5: "T4= Ik ga naar huis.") and bram (line 5: "T4= Ik ging naar huis."); agreement compares the coding of one text, so make the texts the same apart from tags. This transcript is left out.\n',
    );
    assert.match(run.stdout, /^Overeenstemming tussen anna en bram\n2 transcripten vergeleken · 2 door één codeur gecodeerd \(niet meegeteld\) · 1 met verschillende tekst/);
  });

  it('prints a table per level for people', async () => {
    p.write('bram/T4.txt', ANNA['T4.txt']);
    try {
      const run = await runCli(['agreement', 'anna', 'bram', '--lang', 'en'], { cwd: p.root });
      assert.equal(run.status, 0, run.stderr);
      const lines = run.stdout.split('\n');
      assert.ok(lines.includes('Document level: is the code present in the transcript?'));
      assert.ok(lines.includes('Segment level: segments match when they overlap by at least 90% of the longer one'));
      const row = (label: string, from: number) => lines.slice(from).find((l) => l.startsWith(label))!.split(/\s{2,}/);
      const segment = lines.findIndex((l) => l.startsWith('Segment level'));
      // The document level now has T4 too: band present for both in three transcripts.
      assert.deepEqual(row('Bond', 0), ['Bond', '3', '3', '100.0%', '–', '–']);
      // Segments: the six units of test/analysis/agreement.test.ts and T4's band, (b,b). p_o = 4/7;
      // marginals (–, g, i, b) 1, 2, 1, 3 and 2, 2, 0, 3: p_e = 15/49; kappa = (28 − 15)/(49 − 15) = 0.382.
      // Coincidences off the diagonal 6; n = 14 with marginals 3, 4, 1, 6: Σ_{c≠d} n_c n_d = 196 − 62 = 134;
      // alpha = 1 − 13·6/134 = 0.418.
      assert.deepEqual(row('All codes', segment), ['All codes', '7', '4', '57.1%', '0.382', '0.418']);
      assert.match(run.stdout, /3 disagreements: add --disagreements to list them\./);
    } finally {
      p.write('bram/T4.txt', BRAM['T4.txt']);
    }
  });

  it('takes the overlap as a percentage or a share', async () => {
    const json = async (overlap: string) =>
      (JSON.parse((await runCli(['agreement', 'anna', 'bram', '--format', 'json', '--overlap', overlap], { cwd: p.root })).stdout) as Row[]).find(
        (r) => r.level === 'segment' && r.code === null,
      )!;
    assert.equal((await json('80%')).units, 5);
    assert.equal((await json('0.8')).units, 5);
    assert.equal((await json('95')).units, 6);
    const bad = await runCli(['agreement', 'anna', 'bram', '--overlap', '0'], { cwd: p.root });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--overlap must be a share of the longer segment/);
  });

  it('writes CSV for a spreadsheet', async () => {
    const run = await runCli(['agreement', 'anna', 'bram', '--format', 'csv'], { cwd: p.root });
    const lines = run.stdout.split('\r\n');
    assert.equal(lines[0], 'level,code,code_label,coders,units,agreed_units,percent_agreement,cohen_kappa,krippendorff_alpha');
    assert.match(lines[1], /^document,,Alle codes,2,6,5,83\.33/);
  });

  it('lists the disagreements with each coder\'s lines, codes and text, in the terminal and as CSV', async () => {
    const run = await runCli(['agreement', 'anna', 'bram', '--disagreements', '--lang', 'en'], { cwd: p.root });
    assert.ok(
      run.stdout.includes(
        'T1.txt:7  Improvisational ability (afstemmen/improvisatie)\n' +
          '  anna (line 7): coded · codes here: Improvisational ability\n' +
          '    Soms speel ik mee op de drums.\n' +
          '  bram (line 8): not coded · codes here: –\n' +
          '    Soms speel ik mee op de drums.\n',
      ),
      run.stdout,
    );
    const csv = await runCli(['agreement', 'anna', 'bram', '--disagreements', '--format', 'csv'], { cwd: p.root });
    const lines = csv.stdout.split('\r\n');
    assert.equal(lines[0], 'disagreement,file,code,code_label,coder,has_code,codes,start_line,end_line,text');
    assert.equal(lines[5], '3,T1.txt,afstemmen/improvisatie,Improvisatorisch vermogen,anna,true,afstemmen/improvisatie,7,7,Soms speel ik mee op de drums.');
    assert.equal(lines.length, 8, 'three disagreements of two coders, a header and the last line end');
  });

  it('escapes transcript text in HTML', async () => {
    const q = tempProject({
      'a/codebook.yaml': SMALL_CODEBOOK,
      'b/codebook.yaml': SMALL_CODEBOOK,
      'a/T1.txt': 'T1= <script>alert(1)</script> [[effect/band]]\n',
      'b/T1.txt': 'T1= <script>alert(1)</script> [[afstemmen/geduld]]\n',
    });
    try {
      for (const extra of [[], ['--disagreements']]) {
        const run = await runCli(['agreement', 'a', 'b', '--format', 'html', ...extra], { cwd: q.root });
        assert.equal(run.status, 0, run.stderr);
        assert.doesNotMatch(run.stdout, /<script/i);
        assert.doesNotMatch(run.stdout, /https?:\/\//);
      }
      const list = await runCli(['agreement', 'a', 'b', '--format', 'html', '--disagreements'], { cwd: q.root });
      assert.ok(list.stdout.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    } finally {
      q.dispose();
    }
  });

  it('needs two versions, and says so', async () => {
    const one = await runCli(['agreement', 'anna'], { cwd: p.root });
    assert.equal(one.status, 2);
    assert.match(one.stderr, /^codeboom agreement: Give at least two versions to compare/);
    const missing = await runCli(['agreement', 'anna', 'carla'], { cwd: p.root });
    assert.match(missing.stderr, /There is no folder carla: give the folder of each coder's copy of the project\./);
  });
});

describe('codeboom agreement --rev', () => {
  let p: TempProject;
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: p.root,
      env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' },
      stdio: 'pipe',
    });

  before(() => {
    // The project is a subfolder of the repository, as a study inside a larger repository would be.
    p = tempProject({ 'study/codebook.yaml': SMALL_CODEBOOK, 'README.md': 'notes\n' });
    for (const [id, text] of Object.entries(ANNA)) p.write(`study/${id}`, text);
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'anna');
    git('checkout', '-q', '-b', 'coder-b');
    git('rm', '-q', 'study/T5.txt');
    for (const [id, text] of Object.entries(BRAM)) p.write(`study/${id}`, text);
    git('add', '.');
    git('commit', '-q', '-m', 'bram');
    git('checkout', '-q', 'main');
  });
  after(() => p.dispose());

  it('compares two revisions as it compares two folders', async () => {
    const folders = twoFolders();
    try {
      const fromFolders = await runCli(['agreement', 'anna', 'bram', '--format', 'json'], { cwd: folders.root });
      const fromGit = await runCli(['agreement', '--rev', 'main', '--rev', 'coder-b', 'study', '--format', 'json'], { cwd: p.root });
      assert.equal(fromGit.status, 1, 'T4 differs');
      assert.match(fromGit.stderr, /between main \(line 5: .*\) and coder-b \(line 5/);
      assert.deepEqual(JSON.parse(fromGit.stdout), JSON.parse(fromFolders.stdout));
    } finally {
      folders.dispose();
    }
  });

  it('compares the working folder with one revision', async () => {
    const run = await runCli(['agreement', '--rev', 'coder-b', '--disagreements', '--format', 'json'], { cwd: path.join(p.root, 'study') });
    const list = JSON.parse(run.stdout) as { coders: { coder: string }[] }[];
    assert.deepEqual(list[0].coders.map((c) => c.coder), ['study', 'coder-b']);
    assert.equal(list.length, 3);
  });

  it('explains an unknown revision and a folder outside git', async () => {
    const run = await runCli(['agreement', '--rev', 'main', '--rev', 'coder-c', 'study'], { cwd: p.root });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, "codeboom agreement: 'coder-c' is not a branch, tag or commit of this repository: 'git branch -a' lists the branches.\n");
    const outside = tempProject({ 'codebook.yaml': SMALL_CODEBOOK });
    try {
      const none = await runCli(['agreement', '--rev', 'main', '--rev', 'x', outside.root]);
      assert.match(none.stderr, /is not in a git repository: --rev reads coders' versions from git; give their folders instead\./);
    } finally {
      outside.dispose();
    }
  });
});
