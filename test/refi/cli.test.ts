/**
 * `codeboom export` and `codeboom import` as a user runs them.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { runCli } from '../cli/runCli';
import { tempProject, type TempProject } from '../helpers/tempProject';
import { STAY_TUNED } from './helpers';

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/')).sort();
}

describe('codeboom export and import', () => {
  let tmp: TempProject;
  beforeEach(() => {
    tmp = tempProject({});
  });
  afterEach(() => tmp.dispose());

  it('exports the codebook as .qdc to standard output or a file, the format taken from --out', async () => {
    const stdout = await runCli(['export', STAY_TUNED, '--format', 'qdc']);
    assert.equal(stdout.status, 0, stdout.stderr);
    assert.match(stdout.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Codeboom \d/);
    const file = await runCli(['export', STAY_TUNED, '--out', 'codes.qdc', '--lang', 'en'], { cwd: tmp.root });
    assert.equal(file.status, 0, file.stderr);
    assert.match(file.stderr, /\nWrote codes\.qdc: 46 codes\.\n$/);
    assert.ok(tmp.read('codes.qdc').includes('name="Attuning to the client"'));
  });

  it('says what is wrong with the options in one sentence', async () => {
    assert.equal((await runCli(['export', STAY_TUNED, '--out', 'stay.qdpx'], { cwd: tmp.root })).status, 0);
    const cases: [string[], RegExp][] = [
      [['export', STAY_TUNED], /Say what to export: --format qdc \(the codebook\) or --format qdpx/],
      [['export', STAY_TUNED, '--format', 'qdpx'], /A \.qdpx is a zip file: say where to write it with --out FILE\.qdpx\./],
      [['export', STAY_TUNED, '--format', 'pdf'], /--format must be qdc or qdpx, not 'pdf'/],
      [['export', STAY_TUNED, '--out', 'x.qdc', '--lang', 'Dutch!'], /--lang must be a language code/],
      [['export', STAY_TUNED, '--out', '.', '--format', 'qdc'], /is a folder: choose another name/],
      [['import', 'stay.qdpx', '--into', 'x', '--lang', '../x'], /--lang must be a language code/],
      [['import'], /Give one file to import/],
      [['import', 'missing.qdpx', '--into', 'x'], /There is no file missing\.qdpx/],
      [['import', 'stay.qdpx'], /Say which folder the project goes into: --into DIR\./],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args, { cwd: tmp.root });
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split('\n').length, 1);
    }
  });

  it('counts one of a kind in the singular when it says what it wrote', async () => {
    tmp.write('one/codebook.yaml', 'codes:\n  ja:\n    label: Ja\n');
    tmp.write('one/T1.txt', '---\nparticipant: T1\n---\nT1= Zeker. [[ja]]\n');
    const exported = await runCli(['export', 'one', '--out', 'one.qdpx'], { cwd: tmp.root });
    assert.equal(exported.stderr, 'Wrote one.qdpx: 1 transcript, 1 code, 1 coded selection with 1 coding, 1 case.\n');
    const imported = await runCli(['import', 'one.qdpx', '--into', 'copy'], { cwd: tmp.root });
    assert.equal(imported.stderr, 'Imported into copy: 1 code, 1 transcript with 1 coded passage and 1 coding.\n');
    const codebook = await runCli(['export', 'one', '--out', 'one.qdc'], { cwd: tmp.root });
    assert.equal(codebook.stderr, 'Wrote one.qdc: 1 code.\n');
  });

  it('exports a .qdpx and imports it into a new project that passes check with the same report', async () => {
    const exported = await runCli(['export', STAY_TUNED, '--out', 'stay.qdpx'], { cwd: tmp.root });
    assert.equal(exported.status, 0, exported.stderr);
    assert.equal(exported.stderr.split('\n').filter((l) => l.startsWith('warning: 2 codes are named')).length, 2);
    assert.match(exported.stderr, /\nWrote stay\.qdpx: 12 transcripts, 46 codes, 203 coded selections with 208 codings, 12 cases\.\n$/);
    const imported = await runCli(['import', 'stay.qdpx', '--into', 'copy'], { cwd: tmp.root });
    assert.equal(imported.status, 0, imported.stderr);
    assert.equal(imported.stderr, 'Imported into copy: 46 codes, 12 transcripts with 203 coded passages and 208 codings.\n');
    assert.deepEqual(listFiles(tmp.file('copy')).filter((f) => f.endsWith('.txt')).length, 12);
    const check = await runCli(['check', tmp.file('copy')]);
    assert.equal(check.status, 0, check.stdout);
    const report = async (dir: string) => {
      const run = await runCli(['report', dir, '--format', 'json']);
      const data = JSON.parse(run.stdout) as { participants: string[]; rows: { label: string; cells: number[] }[] };
      return { participants: data.participants, rows: data.rows.map((r) => `${r.label}: ${r.cells.join(' ')}`) };
    };
    const before = await report(STAY_TUNED);
    const after = await report(tmp.file('copy'));
    assert.deepEqual(after.participants, before.participants);
    assert.deepEqual(after.rows, before.rows);
  });

  it('names codes that share a name in a warning, and apart with --unique-names', async () => {
    const warned = await runCli(['export', STAY_TUNED, '--out', 'codes.qdc'], { cwd: tmp.root });
    assert.equal(warned.status, 0);
    assert.match(warned.stderr, /^warning: 2 codes are named "Geduld" \(afstemmen\/geduld, kenmerken\/therapeut\/geduld\): QualCoder keeps one code per name .* export with --unique-names to name them apart\.$/m);
    const unique = await runCli(['export', STAY_TUNED, '--out', 'unique.qdpx', '--unique-names'], { cwd: tmp.root });
    assert.equal(unique.status, 0, unique.stderr);
    assert.doesNotMatch(unique.stderr, /warning/);
    const qde = new TextDecoder().decode(unzipSync(fs.readFileSync(tmp.file('unique.qdpx')))['project.qde']);
    assert.ok(qde.includes('name="Geduld (Afstemmen op cliënt)"'));
    assert.ok(qde.includes('name="Geduld (Therapeut)"') || /name="Geduld \([^"]+\)"[\s\S]*name="Geduld \([^"]+\)"/.test(qde));
  });

  it('never overwrites without --force, and replaces the files with it', async () => {
    await runCli(['export', STAY_TUNED, '--out', 'stay.qdpx'], { cwd: tmp.root });
    tmp.write('copy/codebook.yaml', 'codes: {}\n');
    const refused = await runCli(['import', 'stay.qdpx', '--into', 'copy'], { cwd: tmp.root });
    assert.equal(refused.status, 2);
    assert.equal(refused.stderr, 'codeboom import: copy already has codebook.yaml: import into a new folder, or add --force to overwrite.\n');
    assert.deepEqual(listFiles(tmp.file('copy')), ['codebook.yaml']);
    assert.equal(tmp.read('copy/codebook.yaml'), 'codes: {}\n');
    const forced = await runCli(['import', 'stay.qdpx', '--into', 'copy', '--force'], { cwd: tmp.root });
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(tmp.read('copy/codebook.yaml'), /afstemmen-op-client:/);
  });

  it('writes nothing when a write fails half-way', async () => {
    await runCli(['export', STAY_TUNED, '--out', 'stay.qdpx'], { cwd: tmp.root });
    tmp.write('copy/transcripts', 'a file where the folder of transcripts should go');
    const run = await runCli(['import', 'stay.qdpx', '--into', 'copy'], { cwd: tmp.root });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^codeboom import: Could not write into copy \(\w+\), so nothing was imported/);
    assert.deepEqual(listFiles(tmp.file('copy')), ['transcripts']);
  });

  it('imports a .qdc into a new codebook, then updates it with a changed one only when asked to merge', async () => {
    await runCli(['export', STAY_TUNED, '--out', 'codes.qdc'], { cwd: tmp.root });
    const created = await runCli(['import', 'codes.qdc'], { cwd: tmp.root });
    assert.equal(created.status, 0, created.stderr);
    assert.equal(created.stderr, 'Wrote codebook.yaml: 46 codes.\n');
    const changed = tmp.read('codes.qdc').replace('name="Geduld"', 'name="Geduld en wachten"');
    tmp.write('codes.qdc', changed);
    const before = tmp.read('codebook.yaml');
    const refused = await runCli(['import', 'codes.qdc'], { cwd: tmp.root });
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /codebook\.yaml exists: add --merge to update it/);
    assert.equal(tmp.read('codebook.yaml'), before);
    const updated = await runCli(['import', 'codes.qdc', '--merge'], { cwd: tmp.root });
    assert.equal(updated.stderr, 'Updated codebook.yaml: 0 added, 1 updated, 45 unchanged.\n');
    assert.match(tmp.read('codebook.yaml'), /label: Geduld en wachten/);
  });
});
