import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';
import { SMALL_CODEBOOK, tempProject, type TempProject } from '../helpers/tempProject';
import { runCli } from './runCli';

const T1 = '---\nparticipant: T1\n---\nT1= Ik wacht af. {{Rustig}}[[afstemmen/geduld]]\n';
const T2 = '---\nparticipant: T2\n---\nT2= Goed zo. {{Samen}}[[effect/band]]\n';

describe('outputs never overwrite what the project reads', () => {
  let p: TempProject;
  let other: TempProject;
  let before: Map<string, string>;
  beforeEach(() => {
    p = tempProject({ 'codebook.yaml': SMALL_CODEBOOK, 'T1.txt': T1, 'interviews/T2.txt': T2, 'out/.keep': '' });
    other = tempProject({ 'codebook.yaml': SMALL_CODEBOOK, 'T1.txt': T1, 'interviews/T2.txt': T2 });
    before = snapshot();
  });
  afterEach(() => {
    p.dispose();
    other.dispose();
  });

  /** Every file of both projects, with its content. */
  function snapshot(): Map<string, string> {
    const files = new Map<string, string>();
    const visit = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, e.name);
        if (e.isDirectory()) visit(file);
        else if (e.isFile()) files.set(file, fs.readFileSync(file, 'latin1'));
      }
    };
    visit(p.root);
    visit(other.root);
    return files;
  }

  async function refused(args: string[], message: RegExp, cwd = p.root): Promise<void> {
    const run = await runCli(args, { cwd });
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr.trimEnd(), message, args.join(' '));
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    const after = snapshot();
    for (const [file, content] of after) assert.equal(content, before.get(file), `${args.join(' ')}: ${file}`);
    assert.deepEqual([...after.keys()], [...before.keys()], args.join(' '));
  }

  const CODEBOOK = /^codeboom \w+: --out .* is the project's codebook: choose another file, so that it is not overwritten\.$/;
  const TRANSCRIPT = /^codeboom \w+: --out .* is one of the project's transcripts: choose another file, so that it is not overwritten\.$/;

  it('every command that writes refuses the codebook and a transcript as --out', async () => {
    const commands = [['report'], ['report', '--format', 'html'], ['segments'], ['cooccurrence'], ['profile', 'T1'], ['check'], ['export', '--format', 'qdc'], ['export', '--format', 'qdpx']];
    for (const command of commands) {
      await refused([...command, '.', '--out', 'codebook.yaml'], CODEBOOK);
      await refused([...command, '.', '--out', 'interviews/T2.txt'], TRANSCRIPT);
    }
  });

  it('sees through .. and absolute paths', async () => {
    await refused(['report', '.', '--out', 'interviews/../codebook.yaml'], CODEBOOK);
    await refused(['segments', '..', '--out', '../T1.txt'], TRANSCRIPT, p.file('interviews'));
    await refused(['segments', '.', '--out', p.file('interviews/T2.txt')], TRANSCRIPT);
  });

  it('sees through symbolic links, to the file and to its folder', async () => {
    fs.symlinkSync(p.file('codebook.yaml'), p.file('out/codes.csv'));
    fs.symlinkSync(p.root, p.file('out/project'));
    fs.symlinkSync(p.file('interviews'), p.file('out/interviews'));
    before = snapshot();
    await refused(['report', '.', '--out', 'out/codes.csv'], CODEBOOK);
    await refused(['report', '.', '--out', 'out/project/codebook.yaml'], CODEBOOK);
    await refused(['segments', '.', '--out', 'out/interviews/T2.txt'], TRANSCRIPT);
  });

  it('refuses a new file that the project would read as a transcript', async () => {
    await refused(['segments', '.', '--out', 'interviews/segments.txt'], /^codeboom segments: --out interviews\/segments\.txt would be read as a transcript, since it matches project\.transcripts in codebook\.yaml: choose another name or folder\.$/);
    assert.equal(fs.existsSync(p.file('interviews/segments.txt')), false);
  });

  it("agreement and report --compare refuse the other coder's files too", async () => {
    await refused(['agreement', '.', other.root, '--out', path.join(other.root, 'codebook.yaml')], CODEBOOK);
    await refused(['agreement', '.', other.root, '--out', path.join(other.root, 'interviews/T2.txt')], TRANSCRIPT);
    await refused(['report', '.', '--format', 'html', '--compare', other.root, '--out', path.join(other.root, 'T1.txt')], TRANSCRIPT);
  });

  it('in Dutch for a Dutch user', async () => {
    let stderr = '';
    const status = await main(['report', '.', '--out', 'codebook.yaml'], { cwd: p.root, stdout: () => undefined, stderr: (t) => (stderr += t), interactive: false, locale: 'nl_NL.UTF-8' });
    assert.equal(status, 2);
    assert.equal(stderr, 'codeboom report: --out codebook.yaml is het codeboek van het project: kies een ander bestand, zodat het niet wordt overschreven.\n');
  });

  it('writes a file elsewhere whole, replacing an older one, and leaves no temporary file', async () => {
    p.write('out/segments.csv', 'an older export that is much longer than the new one will be'.repeat(1000));
    const run = await runCli(['segments', '.', '--out', 'out/segments.csv'], { cwd: p.root });
    assert.equal(run.status, 0, run.stderr);
    assert.match(p.read('out/segments.csv'), /^file,participant,speaker,code,code_label,start_line,end_line,start_offset,end_offset,text\r\n[^]*Rustig\r\n$/);
    assert.deepEqual(fs.readdirSync(p.file('out')).sort(), ['.keep', 'segments.csv']);
    const zip = await runCli(['export', '.', '--out', 'out/project.qdpx'], { cwd: p.root });
    assert.equal(zip.status, 0, zip.stderr);
    assert.deepEqual([...fs.readFileSync(p.file('out/project.qdpx')).subarray(0, 2)], [0x50, 0x4b]);
    assert.deepEqual(fs.readdirSync(p.file('out')).sort(), ['.keep', 'project.qdpx', 'segments.csv']);
  });
});
