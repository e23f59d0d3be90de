/**
 * `codeboom import` with transcripts as they arrive: into a project's transcripts folder, checked and
 * reported on afterwards; existing files kept without --force; files that are not what their names say
 * refused with one sentence while the others still go.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeDocx } from '../helpers/docx';
import { tempProject, type TempProject } from '../helpers/tempProject';
import { runCli } from './runCli';

const FIXTURES = path.join(__dirname, '../fixtures/import');
const fixture = (name: string): Buffer => fs.readFileSync(path.join(FIXTURES, name));

describe('codeboom import with transcripts', () => {
  let p: TempProject;
  beforeEach(() => {
    p = tempProject({});
  });
  afterEach(() => p.dispose());

  it('imports into the transcripts folder of a new project; check passes and the turns are the speakers', async () => {
    assert.equal((await runCli(['init', '--lang', 'en'], { cwd: p.root })).status, 0);
    p.write('in/Interview 3.vtt', fixture('teams.vtt'));
    p.write(
      'in/Interview 4.docx',
      makeDocx([[{ bold: 'Interviewer:' }, ' Hoe begon het?'], [{ bold: 'Pieter de Vries:' }, ' Langzaam.', 'br', 'Heel langzaam.']]),
    );
    const run = await runCli(['import', 'in/Interview 3.vtt', 'in/Interview 4.docx'], { cwd: p.root });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      run.stderr,
      [
        'Wrote transcripts/Interview 3.txt (2 speakers: PDV = Pieter de Vries, AJ = Anna Jansen).',
        'Wrote transcripts/Interview 4.txt (2 speakers: Interviewer, PDV = Pieter de Vries).',
        '2 of 2 files imported; set participant: in the front matter of each new transcript.',
        '',
      ].join('\n'),
    );
    assert.match(p.read('transcripts/Interview 4.txt'), /\nInterviewer: Hoe begon het\?\n\nPDV: Langzaam\.\nHeel langzaam\.\n$/);

    const check = await runCli(['check'], { cwd: p.root });
    assert.equal(check.status, 0, check.stdout);
    assert.equal(check.stdout, '');

    // The researcher codes a passage of each speaker and says who the participant is.
    const file = 'transcripts/Interview 3.txt';
    p.write(
      file,
      p
        .read(file)
        .replace('participant:\n', 'participant: AJ\n')
        .replace('met die jongens deed & dat bleef.', 'met die jongens deed & dat bleef. [[relationship/trust]]')
        .replace('Mooi. En nu?', 'Mooi. En nu? [[experience/change]]'),
    );
    const segments = await runCli(['segments', '--format', 'json'], { cwd: p.root });
    assert.equal(segments.status, 0, segments.stderr);
    const rows = (JSON.parse(segments.stdout) as { file: string; speaker: string; participant: string; code: string }[]).filter((r) => r.file === file);
    assert.deepEqual(
      rows.map((r) => [r.speaker, r.code]),
      [
        ['AJ', 'relationship/trust'],
        ['PDV', 'experience/change'],
      ],
    );
    const report = await runCli(['report', '--format', 'csv'], { cwd: p.root });
    assert.equal(report.stdout.split('\r\n')[0], 'code,code_label,depth,codable,segments,participants,AJ,Interview 4,P1');
  });

  it('never overwrites without --force: one sentence, exit 2, the file as it was, and the other files still imported', async () => {
    p.write('teams.vtt', fixture('teams.vtt'));
    p.write('zoom.vtt', fixture('zoom.vtt'));
    p.write('teams.txt', 'my own notes\n');
    const run = await runCli(['import', 'teams.vtt', 'zoom.vtt'], { cwd: p.root });
    assert.equal(run.status, 2);
    assert.equal(
      run.stderr,
      [
        'error: teams.txt already exists, so teams.vtt was not imported: add --force to overwrite it, or import into another folder with --into.',
        'Wrote zoom.txt (2 speakers: PDV = Pieter de Vries, AJ = Anna Jansen).',
        '1 of 2 files imported; set participant: in the front matter of each new transcript.',
        '',
      ].join('\n'),
    );
    assert.equal(p.read('teams.txt'), 'my own notes\n');
    const forced = await runCli(['import', 'teams.vtt', '--force'], { cwd: p.root });
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(p.read('teams.txt'), /^\[00:03\] PDV: Goedemiddag/m);
    assert.deepEqual(fs.readdirSync(p.root).filter((f) => f.includes('.tmp') || f.includes('.old')), []);
  });

  it('refuses files that are not what their names say, writing nothing for them, in Dutch too', async () => {
    p.write('kapot.docx', 'dit is geen zip');
    p.write('leeg.srt', 'geen ondertitels hier\n');
    p.write('plaatje.vtt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]));
    const run = await runCli(['import', 'kapot.docx', 'leeg.srt', 'plaatje.vtt', 'weg.vtt', '--lang', 'nl'], { cwd: p.root });
    assert.equal(run.status, 2);
    assert.equal(
      run.stderr,
      [
        'error: kapot.docx is geen leesbaar Word-document (.docx): open het in Word en sla het opnieuw op als .docx.',
        'error: leeg.srt heeft geen cues (geen regel met een tijd zoals 00:00:01,000 --> 00:00:04,000): exporteer de ondertitels opnieuw.',
        'error: plaatje.vtt is geen tekstbestand: exporteer het opnieuw uit het programma dat het maakte.',
        'error: Er is geen bestand weg.vtt: controleer de naam en de map.',
        '0 van 4 bestanden geïmporteerd.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(fs.readdirSync(p.root).sort(), ['kapot.docx', 'leeg.srt', 'plaatje.vtt']);
  });

  it('writes into --into only, with a name made safe, and refuses a folder that does not exist', async () => {
    p.write('bron/..\\..\\weg.srt', fixture('subtitles.srt'));
    p.write('uit/.keep', '');
    const run = await runCli(['import', 'bron/..\\..\\weg.srt', '--into', 'uit'], { cwd: p.root });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(fs.readdirSync(path.join(p.root, 'uit')).sort(), ['.keep', 'weg.txt']);
    const missing = await runCli(['import', 'bron/..\\..\\weg.srt', '--into', 'nergens'], { cwd: p.root });
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'codeboom import: There is no folder nergens: create it first, or give another --into.\n');
  });

  it('says when the transcript lands where project.transcripts does not look', async () => {
    p.write('codebook.yaml', 'project:\n  transcripts: ["interviews/*.txt"]\ncodes:\n  a:\n    label: A\n');
    p.write('notes/x.srt', fixture('subtitles.srt'));
    const run = await runCli(['import', 'notes/x.srt', '--into', 'notes'], { cwd: p.root });
    assert.equal(run.status, 0);
    assert.match(run.stderr, /^warning: notes\/x\.txt is not a transcript of the project, since project\.transcripts in codebook\.yaml \(interviews\/\*\.txt\) leaves it out/m);
    const defaulted = await runCli(['import', 'x.srt'], { cwd: path.join(p.root, 'notes') });
    assert.equal(defaulted.status, 0, defaulted.stderr);
    assert.ok(fs.existsSync(path.join(p.root, 'interviews/x.txt')));
  });
});
