/**
 * Reports by document variable, the participant profile and the full HTML report, through the command line.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { ANNA, BRAM } from '../helpers/coders';
import { SMALL_CODEBOOK, tempProject, type TempProject } from '../helpers/tempProject';
import { runCli } from './runCli';

const EXAMPLE = path.join(__dirname, '../../examples/stay-tuned');

describe('codeboom report --by', () => {
  it('groups the example by discipline: a code × discipline table and the ranked lists of each discipline', async () => {
    const run = await runCli(['report', EXAMPLE, '--by', 'discipline']);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n');
    const header = lines.find((l) => l.startsWith('Code '))!;
    assert.deepEqual(header.split(/\s{2,}/), ['Code', 'beeldende therapie', 'dramatherapie', 'muziektherapie', 'psychomotorische therapie']);
    assert.ok(lines.includes('discipline: muziektherapie · 4 transcripten · 4 deelnemers'), run.stdout);
    // Within the music therapists, patience is T9's alone; across all it is too, so the line reads the same.
    const music = run.stdout.slice(run.stdout.indexOf('discipline: muziektherapie'), run.stdout.indexOf('discipline: psychomotorische'));
    assert.match(music, /- Geduld \(T9\)/);
    assert.match(music, /- Improvisatorisch vermogen \(T2, T3, T9 en T12\)/);
  });

  it('writes CSV with segments and participants per group, and JSON with each group\'s report', async () => {
    const csv = await runCli(['report', EXAMPLE, '--by', 'discipline', '--format', 'csv']);
    const header = csv.stdout.split('\r\n')[0];
    assert.equal(
      header,
      'code,code_label,depth,codable,segments:beeldende therapie,participants:beeldende therapie,segments:dramatherapie,participants:dramatherapie,segments:muziektherapie,participants:muziektherapie,segments:psychomotorische therapie,participants:psychomotorische therapie',
    );
    const json = JSON.parse((await runCli(['report', EXAMPLE, '--by', 'participant', '--format', 'json'])).stdout);
    assert.equal(json.variable, 'participant');
    assert.equal(json.groups.length, 12);
    assert.deepEqual(json.groups[8].report.participants, ['T9']);
    const md = await runCli(['report', EXAMPLE, '--by', 'discipline', '--format', 'markdown', '--lang', 'en']);
    assert.match(md.stdout, /^## By discipline$/m);
    assert.match(md.stdout, /^## discipline: dramatherapie$/m);
  });

  it('names the variables when asked for one no transcript has', async () => {
    const run = await runCli(['report', EXAMPLE, '--by', 'disciplin']);
    assert.equal(run.status, 2);
    assert.equal(
      run.stderr,
      "codeboom report: No transcript has a variable 'disciplin' in its front matter; did you mean 'discipline'? The variables are 'discipline', 'interview_date', 'interviewer', 'participant' and 'setting'.\n",
    );
  });
});

describe('codeboom profile', () => {
  let p: TempProject;
  before(() => {
    p = tempProject({
      'codebook.yaml': SMALL_CODEBOOK,
      'T1.txt':
        '---\nparticipant: T1\ndiscipline: drama\n---\nI= Vraag.\n\nT1= {{Ik <script>alert(1)</script> wacht}}[[afstemmen/geduld | let op]] en dan. [[effect/band]]\n\nT1= Nog eens. [[afstemmen/geduld]]\n',
      'T2.txt': '---\nparticipant: T2\n---\nT2= Iets anders. [[effect/band]]\n',
    });
  });
  after(() => p.dispose());

  it('lists every code of the participant with quotes, lines and memos', async () => {
    const run = await runCli(['profile', 'T1', p.root, '--lang', 'en']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      run.stdout,
      [
        'Profile of T1',
        'T1.txt (discipline: drama)',
        '3 segments · 2 codes',
        '',
        'Attuning to the client',
        '  Patience (2)',
        '    "Ik <script>alert(1)</script> wacht" (T1.txt, line 7)',
        '      memo: let op',
        '    "Nog eens." (T1.txt, line 9)',
        '',
        'Effect of the working alliance',
        '  Bond (1)',
        '    "Ik <script>alert(1)</script> wacht en dan." (T1.txt, line 7)',
        '',
      ].join('\n'),
    );
  });

  it('escapes the words in HTML, and explains an unknown participant', async () => {
    const html = await runCli(['profile', 'T1', p.root, '--format', 'html']);
    assert.doesNotMatch(html.stdout, /<script/i);
    assert.ok(html.stdout.includes('<blockquote>Ik &lt;script&gt;alert(1)&lt;/script&gt; wacht</blockquote>'));
    const json = JSON.parse((await runCli(['profile', 'T2', p.root, '--format', 'json'])).stdout);
    assert.deepEqual(json.codes.map((c: { path: string }) => c.path), ['effect/band']);
    const unknown = await runCli(['profile', 'T3', p.root]);
    assert.equal(unknown.status, 2);
    assert.equal(unknown.stderr, "codeboom profile: No participant 'T3' in this project: the participants are T1 and T2.\n");
    const none = await runCli(['profile']);
    assert.match(none.stderr, /Name the participant: codeboom profile T9 \[dir\]\./);
    const swapped = await runCli(['profile', '.', 'T1'], { cwd: p.root });
    assert.equal(swapped.status, 2);
    assert.equal(swapped.stderr, 'codeboom profile: Name the participant first, then the folder: codeboom profile T1 .\n');
  });
});

describe('the full HTML report', () => {
  it('has the ranked lists, heat maps, groups, co-occurrences and quotes, in one file without scripts or remote resources', async () => {
    const p = tempProject({
      'codebook.yaml': SMALL_CODEBOOK,
      'T1.txt': '---\nparticipant: T1\ndiscipline: <b>drama</b>\n---\nT1= {{<script>alert(1)</script>}}[[afstemmen/geduld]][[effect/band]]\n\nT1= Tweede. [[effect/band]]\n',
      'T2.txt': '---\nparticipant: T2\n---\nT2= "Iets" & anders. [[effect/band]]\n',
    });
    try {
      const run = await runCli(['report', p.root, '--format', 'html', '--by', 'discipline', '--quotes', '2', '--lang', 'en']);
      assert.equal(run.status, 0, run.stderr);
      const html = run.stdout;
      assert.doesNotMatch(html, /<script/i);
      assert.doesNotMatch(html, /https?:\/\//);
      assert.doesNotMatch(html, /<b>drama/);
      for (const id of ['ranked', 'table', 'groups', 'cooccurrence', 'quotes']) assert.ok(html.includes(`<h2 id="${id}">`), id);
      // The co-occurrence map has a column per code: it scrolls by itself rather than widening the page.
      assert.match(html, /<div class="wide">\n<table class="heat">/);
      assert.match(html, /\.wide\{overflow-x:auto\}/);
      assert.ok(html.includes('<blockquote>&lt;script&gt;alert(1)&lt;/script&gt;</blockquote>'));
      assert.ok(html.includes('<p class="quote-meta">— T1 · T1.txt, line 5</p>'));
      assert.ok(html.includes('Bond <span class="cite">(2 of 3 quotes)</span>'), 'at most two quotes of band');
      assert.ok(html.includes('<blockquote>Tweede.</blockquote>'));
      assert.ok(!html.includes('anders.</blockquote>'), "band's third quote is left out");
      const all = await runCli(['report', p.root, '--format', 'html']);
      assert.ok(all.stdout.includes('<blockquote>&quot;Iets&quot; &amp; anders.</blockquote>'));
      assert.ok(html.includes('<th>&lt;b&gt;drama&lt;/b&gt;</th>'));
      const none = await runCli(['report', p.root, '--format', 'html', '--quotes', '0']);
      assert.ok(!none.stdout.includes('id="quotes"'));
    } finally {
      p.dispose();
    }
  });

  it('has a Memos section with the project\'s, the documents\', the codes\' and the codings\' memos, escaped', async () => {
    const codebook = SMALL_CODEBOOK.replace('        label: {nl: Geduld, en: Patience}\n', '        label: {nl: Geduld, en: Patience}\n        memo: Wachten <i>is</i> werk.\n');
    const p = tempProject({
      'codebook.yaml': codebook,
      'T1.txt': '---\nparticipant: T1\nmemo: |\n  Rustig gesprek.\n\n  Veel stiltes.\n---\nT1= Ik wacht. [[afstemmen/geduld | keerpunt]]\n',
      'memos/aanpak.md': '# Aanpak & opzet\n\nEerst alles lezen.\n',
    });
    try {
      const run = await runCli(['report', p.root, '--format', 'html', '--lang', 'en']);
      assert.equal(run.status, 0, run.stderr);
      const html = run.stdout;
      const memos = html.slice(html.indexOf('<h2 id="memos">Memos</h2>'));
      assert.ok(memos.length < html.length, 'the report has a Memos section');
      const headings = [...memos.matchAll(/<h3>(.*?)<\/h3>/g)].map((m) => m[1]);
      assert.deepEqual(headings, ['Project memos', 'Memos on documents', 'Memos on codes', 'Memos on codings']);
      assert.ok(memos.includes('<h4>Aanpak &amp; opzet</h4><p>Eerst alles lezen.</p><p class="quote-meta">— memos/aanpak.md, line 1</p>'));
      assert.ok(memos.includes('<p>Rustig gesprek.</p><p>Veel stiltes.</p><p class="quote-meta">— T1 · T1.txt, line 3</p>'));
      assert.ok(memos.includes('<p>Wachten &lt;i&gt;is&lt;/i&gt; werk.</p>'));
      assert.ok(memos.includes('<h4>Patience</h4><p>keerpunt</p><p class="quote-meta">— T1 · T1.txt, line 8</p>'));
      const profile = await runCli(['profile', 'T1', p.root, '--lang', 'en']);
      assert.match(profile.stdout, /^T1\.txt\n  memo: Rustig gesprek\. Veel stiltes\.\n/m);
    } finally {
      p.dispose();
    }
  });

  it('adds the agreement between coders with --compare', async () => {
    const files: Record<string, string> = {};
    for (const [coder, texts] of [['anna', ANNA], ['bram', BRAM]] as const) {
      files[`${coder}/codebook.yaml`] = SMALL_CODEBOOK;
      for (const [id, text] of Object.entries(texts)) files[`${coder}/${id}`] = text;
    }
    const p = tempProject(files);
    try {
      const run = await runCli(['report', 'anna', '--format', 'html', '--compare', 'bram', '--lang', 'en'], { cwd: p.root });
      assert.equal(run.status, 1, 'T4 differs, which is an error');
      assert.match(run.stderr, /^error: T4\.txt: the text differs between anna/);
      assert.ok(run.stdout.includes('<h2 id="agreement">Inter-coder agreement</h2>'));
      assert.match(run.stdout, /<td class="label"><strong>All codes<\/strong><\/td><td>6<\/td><td>5<\/td><td>83\.3%<\/td><td class="poor">0\.571<\/td>/);
    } finally {
      p.dispose();
    }
  });

  it('refuses options of the HTML report in other formats', async () => {
    const run = await runCli(['report', EXAMPLE, '--unit', 'turn', '--quotes', '3']);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'codeboom report: --unit, --quotes shape the HTML report: add --format html.\n');
  });
});
