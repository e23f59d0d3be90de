import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SMALL_CODEBOOK, tempProject, type TempProject } from '../helpers/tempProject';
import { runCli } from './runCli';

const BIN = path.join(__dirname, '../../bin/codeboom.js');

describe('words that say what happened', () => {
  let p: TempProject;
  beforeEach(() => {
    p = tempProject({
      'codebook.yaml': SMALL_CODEBOOK,
      'T1.txt': '---\nparticipant: T1\n---\nT1= Ik wacht af. {{Rustig}}[[afstemmen/geduld]]\n',
    });
  });
  afterEach(() => p.dispose());

  it('a negative or non-numeric --quotes says what --quotes takes, written either way', async () => {
    for (const args of [['--quotes', '-1'], ['--quotes=-1'], ['--quotes', '-0.5'], ['--quotes', 'veel']]) {
      const run = await runCli(['report', p.root, '--format', 'html', ...args]);
      const value = args.length === 2 ? args[1] : args[0].slice('--quotes='.length);
      assert.equal(run.status, 2, args.join(' '));
      assert.equal(run.stderr, `codeboom report: --quotes must be a whole number of 0 or more, not '${value}': the most quotes per code, 0 for none.\n`);
    }
  });

  it('a negative --overlap is refused by the command, not called ambiguous', async () => {
    const run = await runCli(['agreement', p.root, p.root, '--overlap', '-5']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--overlap must be a share of the longer segment .* not '-5'/);
  });
});

/** `text` as UTF-16, little- or big-endian, with or without a byte-order mark. */
function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  if (endian === 'le') return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

describe('UTF-16 files', () => {
  let p: TempProject;
  beforeEach(() => {
    p = tempProject({
      'codebook.yaml': SMALL_CODEBOOK,
      'T1.txt': '---\nparticipant: T1\n---\nT1= Ik wacht af. {{Rustig}}[[afstemmen/geduld]]\n',
    });
  });
  afterEach(() => p.dispose());

  it('a UTF-16 transcript is named as UTF-16, with how to save it as UTF-8, whatever its byte order and mark', async () => {
    const text = '---\nparticipant: T2\n---\nT2= Één zin. {{Samen}}[[effect/band]]\r\n';
    p.write('T2.txt', utf16(text, 'le', true));
    p.write('T3.txt', utf16(text, 'be', true));
    p.write('T4.txt', utf16(text, 'le', false));
    p.write('T5.txt', utf16(text, 'be', false));
    p.write('T6.txt', new Uint8Array([0x00, 0x01, 0x02, 0x03, 0x00, 0x00, 0x10, 0x00]));
    const run = await runCli(['check', p.root]);
    for (const file of ['T2.txt', 'T3.txt', 'T4.txt', 'T5.txt']) {
      assert.ok(
        run.stdout.includes(`${file}:1:1: warning file.not-utf8: ${file} is UTF-16 text (what Notepad calls "Unicode") and was skipped: save it as UTF-8: in Notepad, File > Save As, Encoding: UTF-8.\n`),
        run.stdout,
      );
    }
    assert.match(run.stdout, /T6\.txt:1:1: warning file\.binary: T6\.txt is not a text file and was skipped\./);
    const nl = await runCli(['check', p.root, '--lang', 'nl']);
    assert.match(nl.stdout, /T2\.txt is UTF-16-tekst \(wat Kladblok "Unicode" noemt\) en is overgeslagen: sla het op als UTF-8: in Kladblok via Bestand > Opslaan als, Codering: UTF-8\./);
  });

  it('a UTF-16 codebook is an error that names UTF-16', async () => {
    p.write('codebook.yaml', utf16(SMALL_CODEBOOK, 'le', true));
    const run = await runCli(['report', p.root], { cwd: p.root });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^codebook\.yaml:1:1: error file\.not-utf8: codebook\.yaml is UTF-16 text \(what Notepad calls "Unicode"\)/m);
  });
});

describe('a transcripts folder that cannot be read', () => {
  let p: TempProject;
  beforeEach(() => {
    p = tempProject({
      'codebook.yaml': SMALL_CODEBOOK.replace('transcripts: ["*.txt", "interviews/**/*.txt"]', 'transcripts: ["interviews/**/*.txt"]'),
      'interviews/T1.txt': '---\nparticipant: T1\n---\nT1= Ik wacht af. {{Rustig}}[[afstemmen/geduld]]\n',
    });
    fs.chmodSync(p.root, 0o755);
    fs.chmodSync(p.file('interviews'), 0o000);
  });
  afterEach(() => {
    fs.chmodSync(p.file('interviews'), 0o755);
    p.dispose();
  });

  it('is named as unreadable, not as a project whose patterns match nothing', () => {
    // Root reads every folder, so the command runs as an ordinary user there; a real EACCES either way. That
    // user may not reach this clone (a folder made by mktemp is its owner's alone), so it runs a copy of the
    // command line it can read.
    const asRoot = process.getuid?.() === 0;
    const asUser = asRoot ? { uid: 65534, gid: 65534 } : {};
    const bin = asRoot ? readableCopyOfCli() : BIN;
    const run = spawnSync(process.execPath, [bin, 'check', '.'], { cwd: p.root, encoding: 'utf8', ...asUser });
    if (bin !== BIN) fs.rmSync(path.dirname(path.dirname(bin)), { recursive: true, force: true });
    assert.equal(run.error, undefined);
    assert.match(run.stdout, /^interviews:1:1: warning file\.unreadable: The folder interviews could not be read \(EACCES\), so the transcripts in it were skipped: check that you may open it\.$/m);
    assert.doesNotMatch(run.stdout + run.stderr, /No file matches/);
  });
});

/** The built command line and the packages it loads at run time, copied into a folder every user can read. */
function readableCopyOfCli(): string {
  const repo = path.join(__dirname, '../..');
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'codeboom-cli-'));
  fs.chmodSync(copy, 0o755);
  fs.cpSync(path.join(repo, 'bin'), path.join(copy, 'bin'), { recursive: true });
  fs.mkdirSync(path.join(copy, 'dist'));
  fs.copyFileSync(path.join(repo, 'dist/cli.js'), path.join(copy, 'dist/cli.js'));
  for (const pkg of ['ajv', 'fast-deep-equal']) {
    fs.cpSync(path.join(repo, 'node_modules', pkg), path.join(copy, 'node_modules', pkg), { recursive: true });
  }
  return path.join(copy, 'bin/codeboom.js');
}
