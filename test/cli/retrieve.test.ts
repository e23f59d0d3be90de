import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { main } from '../../server/src/cli/main';
import { SMALL_CODEBOOK, tempProject, type TempProject } from '../helpers/tempProject';
import { runCli } from './runCli';

const GEDULD = 'afstemmen/geduld';
const BAND = 'effect/band';

describe('codeboom retrieve', () => {
  let p: TempProject;
  before(() => {
    p = tempProject({
      'codebook.yaml': SMALL_CODEBOOK,
      'T1.txt':
        '---\nparticipant: T1\ndiscipline: dramatherapie\n---\nI= Hoe begin je?\n\nT1= Eerst kijk ik. {{Ik wacht af}}[[afstemmen/geduld | het wachten]] en speel mee. Dan zie ik meer.\n\nNieuwe alinea. [[effect/band]]\n',
      'T2.txt': '---\nparticipant: T2\ndiscipline: muziektherapie\n---\nT2= Voor. {{Rustig blijven}}[[afstemmen/geduld]][[effect/band]], dat is het.\n',
    });
  });
  after(() => p.dispose());

  it('prints the quotes of a code with the sentence before and after by default', async () => {
    const run = await runCli(['retrieve', p.root, '--code', GEDULD, '--lang', 'en']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Retrieved segments\nPatience · context: sentence before and after · 2 segments\n/);
    assert.ok(run.stdout.includes('T1.txt:7 · T1\n    [before] Eerst kijk ik.\n    “Ik wacht af”\n    [after] en speel mee. Dan zie ik meer.\n    Memo: het wachten\n'), run.stdout);
    assert.ok(run.stdout.includes('T2.txt:5 · T2\n    [before] Voor.\n    “Rustig blijven”\n    [after] , dat is het.\n'), run.stdout);
  });

  it('--code twice lists both; --all only where they meet; --subcodes takes in the subcodes', async () => {
    const any = await runCli(['retrieve', p.root, '--code', GEDULD, '--code', BAND, '--format', 'csv']);
    assert.deepEqual(any.stdout.trim().split('\r\n').slice(1).map((l) => l.split(',').slice(0, 4).join(',')), [
      `${GEDULD},${GEDULD},Geduld,T1.txt`,
      `${GEDULD},${GEDULD},Geduld,T2.txt`,
      `${BAND},${BAND},Band (samenwerking),T1.txt`,
      `${BAND},${BAND},Band (samenwerking),T2.txt`,
    ]);
    const all = await runCli(['retrieve', p.root, '--code', GEDULD, '--code', BAND, '--all', '--format', 'csv']);
    assert.deepEqual(all.stdout.trim().split('\r\n').slice(1).map((l) => l.split(',').slice(0, 4).join(',')), [
      `${GEDULD},${GEDULD},Geduld,T2.txt`,
      `${BAND},${BAND},Band (samenwerking),T2.txt`,
    ]);
    const category = await runCli(['retrieve', p.root, '--code', 'afstemmen', '--subcodes', '--format', 'csv']);
    assert.equal(category.stdout.trim().split('\r\n').length, 3);
    const without = await runCli(['retrieve', p.root, '--code', 'afstemmen', '--format', 'csv']);
    assert.equal(without.stdout.trim().split('\r\n').length, 1, 'only the header: a category has no quotes of its own');
  });

  it('--participant and --where narrow; --context paragraph, turn and none', async () => {
    const t2 = await runCli(['retrieve', p.root, '--code', GEDULD, '--participant', 'T2', '--format', 'csv']);
    assert.equal(t2.stdout.trim().split('\r\n').length, 2);
    assert.ok(t2.stdout.includes('T2.txt,T2'));
    const drama = await runCli(['retrieve', p.root, '--code', GEDULD, '--where', 'discipline=dramatherapie', '--format', 'csv']);
    assert.equal(drama.stdout.trim().split('\r\n').length, 2);
    assert.ok(drama.stdout.includes('T1.txt,T1'));
    const turn = await runCli(['retrieve', p.root, '--code', GEDULD, '--participant', 'T1', '--context', 'turn', '--lang', 'en']);
    assert.ok(turn.stdout.includes('[after] en speel mee. Dan zie ik meer.\n\n    Nieuwe alinea.\n'), turn.stdout);
    const paragraph = await runCli(['retrieve', p.root, '--code', GEDULD, '--participant', 'T1', '--context', 'paragraph', '--lang', 'en']);
    assert.ok(paragraph.stdout.includes('[after] en speel mee. Dan zie ik meer.\n    Memo'), paragraph.stdout);
    const none = await runCli(['retrieve', p.root, '--code', GEDULD, '--context', 'none', '--lang', 'en']);
    assert.ok(!none.stdout.includes('[before]') && !none.stdout.includes('[after]'));
  });

  it('writes Markdown and HTML, and a Word document with --out', async () => {
    const md = await runCli(['retrieve', p.root, '--code', GEDULD, '--format', 'markdown', '--lang', 'en']);
    assert.match(md.stdout, /\n## Patience\n/);
    assert.ok(md.stdout.includes('> Ik wacht af\n>\n> — T1, T1.txt:7\n'));
    const html = await runCli(['retrieve', p.root, '--code', GEDULD, '--format', 'html']);
    assert.match(html.stdout, /^<!DOCTYPE html>/);
    const out = p.file('quotes.docx');
    const run = await runCli(['retrieve', p.root, '--code', GEDULD, '--format', 'docx', '--out', out]);
    assert.equal(run.status, 0, run.stderr);
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(out)))['word/document.xml']);
    assert.ok(xml.includes('Ik wacht af') && xml.includes('Rustig blijven'));
  });

  it('refuses an unknown code with the nearest ones, exit 2', async () => {
    const run = await runCli(['retrieve', p.root, '--code', 'afstemmen/gedult']);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, "codeboom retrieve: 'afstemmen/gedult' is not a code in codebook.yaml; did you mean 'afstemmen/geduld'?\n");
  });

  it('refuses in Dutch for a Dutch user', async () => {
    let stderr = '';
    const status = await main(['retrieve', p.root, '--code', 'afstemmen/gedult'], { cwd: p.root, stdout: () => {}, stderr: (t) => (stderr += t), interactive: false, locale: 'nl_NL.UTF-8' });
    assert.equal(status, 2);
    assert.equal(stderr, "codeboom retrieve: 'afstemmen/gedult' is geen code in codebook.yaml; bedoelde je 'afstemmen/geduld'?\n");
  });

  it('refuses what cannot be done, each with one sentence and exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [[], /Give at least one code with --code PATH/],
      [['--code', GEDULD, '--all'], /--all keeps the quotes where several codes meet/],
      [['--code', GEDULD, '--context', 'page'], /--context must be none, sentence, paragraph or turn, not 'page'/],
      [['--code', GEDULD, '--where', 'discipline'], /--where must be VARIABLE=VALUE/],
      [['--code', GEDULD, '--where', 'disciplne=x'], /did you mean 'discipline'\?/],
      [['--code', GEDULD, '--where', 'discipline=beeldend'], /its values are 'dramatherapie' and 'muziektherapie'/],
      [['--code', GEDULD, '--participant', 'T9'], /No transcript has participant 'T9': the participants are 'T1' and 'T2'/],
      [['--code', GEDULD, '--format', 'docx'], /give --out FILE\.docx/],
      [['--code', GEDULD, '--format', 'pdf'], /--format must be one of text, markdown, html, csv, docx/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(['retrieve', p.root, ...args]);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    }
  });

  it('never writes over a transcript or the codebook', async () => {
    const before = p.read('T1.txt');
    const run = await runCli(['retrieve', p.root, '--code', GEDULD, '--format', 'docx', '--out', p.file('T1.txt')]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /is one of the project's transcripts/);
    assert.equal(p.read('T1.txt'), before);
    const codebook = await runCli(['retrieve', p.root, '--code', GEDULD, '--format', 'markdown', '--out', p.file('codebook.yaml')]);
    assert.match(codebook.stderr, /is the project's codebook/);
    assert.equal(p.read('codebook.yaml'), SMALL_CODEBOOK);
  });

  it('refuses a codebook with errors as the other reports do, exit 1', async () => {
    const broken = tempProject({ 'codebook.yaml': 'codes:\n  a:\n    label: [unclosed\n', 'T1.txt': 'T1= Hallo. [[a]]\n' });
    try {
      const run = await runCli(['retrieve', broken.root, '--code', 'a']);
      assert.equal(run.status, 1);
      assert.match(run.stderr, /codebook\.yaml has 1 error/);
    } finally {
      broken.dispose();
    }
  });
});
