import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { billionLaughs, EMPHASIS_CODEBOOK } from '../helpers/hostileYaml';
import { SMALL_CODEBOOK, tempProject, type TempProject } from '../helpers/tempProject';
import { runCli } from './runCli';

const BIN = path.join(__dirname, '../../bin/codeboom.js');

describe('codeboom check', () => {
  let p: TempProject;
  beforeEach(() => {
    p = tempProject({
      'codebook.yaml': SMALL_CODEBOOK,
      'T1.txt': '---\nparticipant: T1\n---\nT1= Ik wacht af. [[afstemmen/gedud]]\n',
      'T2.txt': '---\nparticipant: T2\n---\nT2= Goed zo. [[afstemmen/wachten]]\n',
      'notes/ignored.md': 'not a transcript under these globs [[nonsense]]\n',
    });
  });
  afterEach(() => p.dispose());

  it('prints file:line:col: severity code: message and exits 1 on an error', async () => {
    const run = await runCli(['check', p.root], { cwd: p.root });
    assert.equal(run.status, 1);
    assert.deepEqual(run.stdout.trim().split('\n'), [
      "T1.txt:4:20: error code.unknown: Unknown code 'afstemmen/gedud'. Did you mean 'afstemmen/geduld'? Or add it to codebook.yaml.",
      "T2.txt:4:16: warning code.alias: 'afstemmen/wachten' is an old name of 'afstemmen/geduld': replace it with the current path.",
    ]);
    assert.match(run.stderr, /1 error, 1 warning in 2 transcripts/);
  });

  it('lists a thousand problems of a transcript and a line for the rest, and counts them all in its totals and exit status', async () => {
    p.write('T1.txt', '---\nparticipant: T1\n---\nT1= ' + '[[ '.repeat(1500) + '\n');
    p.write('T2.txt', '---\nparticipant: T2\n---\nT2= Goed zo.\n');
    const run = await runCli(['check', p.root], { cwd: p.root });
    assert.equal(run.status, 1);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, 1001);
    assert.match(lines[1000], /^T1\.txt:4:\d+: error diagnostics\.truncated: 500 more problems in this transcript \(500 errors\) are not listed/);
    assert.match(run.stderr, /1500 errors, 0 warnings in 2 transcripts/);
  });

  it('exits 0 when there are only warnings, and gives JSON on request', async () => {
    p.write('T1.txt', '---\nparticipant: T1\n---\nT1= Ik wacht af. [[afstemmen/geduld]]\n');
    const run = await runCli(['check', p.root, '--format', 'json'], { cwd: p.root });
    assert.equal(run.status, 0);
    const findings = JSON.parse(run.stdout);
    assert.deepEqual(findings.map((f: { code: string; line: number }) => [f.code, f.line]), [['code.alias', 4]]);
  });

  it('finds the project from a folder inside it, and counts columns in characters', async () => {
    p.write('interviews/a/T3.txt', '---\nparticipant: T3\n---\nT3= 😀 é [[x]]\n');
    const run = await runCli(['check', 'interviews/a'], { cwd: p.root });
    assert.ok(run.stdout.includes("interviews/a/T3.txt:4:11: error code.unknown: Unknown code 'x'"), run.stdout);
  });

  it('reports codebook problems in codebook.yaml', async () => {
    p.write('codebook.yaml', 'codes:\n  a:\n    label: [oops\n');
    const run = await runCli(['check', p.root], { cwd: p.root });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^codebook\.yaml:\d+:\d+: error codebook\.syntax: codebook\.yaml is not valid YAML/m);
  });

  it('skips binary and non-UTF-8 files with a warning', async () => {
    p.write('T3.txt', new Uint8Array([0x54, 0x33, 0x3d, 0x20, 0xe9, 0x0a]));
    p.write('T4.txt', new Uint8Array([0x00, 0x01, 0x02]));
    const run = await runCli(['check', p.root], { cwd: p.root });
    assert.match(run.stdout, /T3\.txt:1:1: warning file\.not-utf8: T3\.txt is not UTF-8 text and was skipped: save it as UTF-8\./);
    assert.match(run.stdout, /T4\.txt:1:1: warning file\.binary: T4\.txt is not a text file and was skipped\./);
  });

  it('fails when codebook.yaml itself cannot be read as text', async () => {
    p.write('codebook.yaml', new Uint8Array([0x00, 0x63, 0x6f]));
    const run = await runCli(['check', p.root], { cwd: p.root });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^codebook\.yaml:1:1: error file\.binary: codebook\.yaml is not a text file and was skipped\.$/m);
    // Listed once, with the other problems, not said again on stderr.
    assert.doesNotMatch(run.stderr, /not a text file/);
  });

  it('reports an alias without its anchor, and a "billion laughs", as one problem of codebook.yaml with exit status 1', async () => {
    for (const [codebook, line, words] of [
      [EMPHASIS_CODEBOOK, '4:11', /'\*Geduld\*' reads as a YAML alias .*put it in quotes: "\*Geduld\*"/],
      [billionLaughs(), '2:9', /repeats the values of its anchors .* more than 1000 times/],
    ] as const) {
      p.write('codebook.yaml', codebook);
      const run = await runCli(['check', p.root], { cwd: p.root });
      assert.equal(run.status, 1, run.stderr);
      const problems = run.stdout.split('\n').filter((l) => l.startsWith('codebook.yaml:'));
      assert.equal(problems.length, 1, run.stdout);
      assert.match(problems[0], new RegExp(`^codebook\\.yaml:${line}: error codebook\\.syntax: .*${words.source}`));
      assert.doesNotMatch(run.stderr, /inside Codeboom/);
    }
  });

  it('finishes with a speaker pattern that a backtracking engine would take years on', async () => {
    p.write('codebook.yaml', SMALL_CODEBOOK.replace('  language: nl\n', "  language: nl\n  speaker_pattern: '^(?<speaker>(a+)+)='\n"));
    p.write('T1.txt', `${'a'.repeat(28)}b\n`.repeat(3) + 'aaa= Ik wacht af. [[afstemmen/geduld]]\n');
    const run = await runCli(['check', p.root], { cwd: p.root });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const segments = await runCli(['segments', p.root, '--format', 'json'], { cwd: p.root });
    const inT1 = JSON.parse(segments.stdout).filter((s: { file: string }) => s.file === 'T1.txt');
    assert.deepEqual(inT1.map((s: { speaker: string }) => s.speaker), ['aaa']);
  });
});

describe('a project in which no file matches the transcript patterns', () => {
  const codebook = SMALL_CODEBOOK.replace('transcripts: ["*.txt", "interviews/**/*.txt"]', 'transcripts: ["transcripts/*.txt"]');
  let p: TempProject;
  beforeEach(() => {
    p = tempProject({ 'codebook.yaml': codebook });
  });
  afterEach(() => p.dispose());

  it('check points at transcripts: in codebook.yaml and names a text file the patterns leave out', async () => {
    p.write('interviews/T2.md', 'T2= Ja.\n');
    p.write('interviews/T1.txt', 'T1= Nee.\n');
    p.write('README.md', 'Over dit project.\n');
    const run = await runCli(['check', p.root], { cwd: p.root });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.stdout.trim().split('\n'), [
      "codebook.yaml:3:3: warning project.no-transcripts: No file matches project.transcripts ('transcripts/*.txt'), but the project has 2 other text files, such as 'interviews/T1.txt': add their folder to project.transcripts in codebook.yaml.",
    ]);
    assert.match(run.stderr, /0 errors, 1 warning in 0 transcripts/);
  });

  it('tells to import word-processor files or save them as plain text, in Dutch too', async () => {
    p.write('T1.docx', 'PK');
    p.write('~$T1.docx', 'lock');
    const run = await runCli(['check', p.root, '--lang', 'nl'], { cwd: p.root });
    assert.match(
      run.stdout,
      /^codebook\.yaml:3:3: warning project\.no-transcripts: Geen enkel bestand past bij project\.transcripts \('transcripts\/\*\.txt'\)\. Het project heeft 1 tekstverwerkerbestand, zoals 'T1\.docx': Codeboom leest platte tekst, dus importeer het met 'codeboom import' of Transcripten importeren… in de editor \(\.docx\), of sla het op als \.txt \(UTF-8\)\.$/m,
    );
  });

  it('report still writes its table, with the warning on stderr', async () => {
    const run = await runCli(['report', p.root, '--lang', 'en'], { cwd: p.root });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /0 transcripts · 0 participants · 0 coded segments/);
    assert.equal(
      run.stderr.trim(),
      "warning: No file matches project.transcripts ('transcripts/*.txt'): put transcripts there as .txt or .md files, or change the patterns in codebook.yaml.",
    );
  });

  it('says nothing once a transcript matches', async () => {
    p.write('transcripts/T1.txt', '---\nparticipant: T1\n---\nT1= Ik wacht af. [[afstemmen/geduld]]\n');
    const run = await runCli(['check', p.root], { cwd: p.root });
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^0 errors, 0 warnings in 1 transcript\.$/m);
  });
});

describe('codeboom segments', () => {
  it('writes the documented CSV columns, with code-point offsets and RFC 4180 quoting', async () => {
    const p = tempProject({
      'codebook.yaml': SMALL_CODEBOOK,
      'T1.txt': '\ufeff---\r\nparticipant: T1\r\n---\r\nT1= Hij zei 😀 "nee, {{echt niet}}[[effect/band | memo]]".\r\nEn toen. [[afstemmen/geduld]]\r\n',
    });
    try {
      const run = await runCli(['segments', p.root]);
      assert.equal(run.status, 0, run.stderr);
      const lines = run.stdout.split('\r\n');
      assert.equal(lines[0], 'file,participant,speaker,code,code_label,start_line,end_line,start_offset,end_offset,text');
      const text = p.read('T1.txt').replace(/^\ufeff/, '');
      const cps = [...text];
      const band = lines.find((l) => l.includes('effect/band'))!;
      const start = cps.join('').indexOf('echt niet');
      const startCp = [...text.slice(0, start)].length;
      assert.equal(band, `T1.txt,T1,T1,effect/band,Band (samenwerking),4,4,${startCp},${startCp + 9},echt niet`);
      assert.equal(cps.slice(startCp, startCp + 9).join(''), 'echt niet');
      const geduld = run.stdout.slice(run.stdout.indexOf('afstemmen/geduld'));
      assert.ok(geduld.startsWith('afstemmen/geduld,Geduld,4,5,'), geduld);
      assert.ok(geduld.includes(',"Hij zei 😀 ""nee, echt niet"".\r\nEn toen."\r\n'), JSON.stringify(geduld));
      const json = JSON.parse((await runCli(['segments', p.root, '--format', 'json'])).stdout);
      assert.deepEqual(json.find((r: { code: string }) => r.code === "effect/band").memos, ["memo"]);
    } finally {
      p.dispose();
    }
  });
});

describe('codeboom report', () => {
  it('counts one of a kind in the singular and never cuts the Total row short', async () => {
    const p = tempProject({ 'codebook.yaml': 'codes:\n  ja:\n    label: Ja\n', 'T1.txt': '---\nparticipant: T1\n---\nT1= Zeker. [[ja]]\n' });
    try {
      const en = await runCli(['report', p.root, '--lang', 'en']);
      assert.equal(en.status, 0, en.stderr);
      assert.ok(en.stdout.startsWith('1 transcript · 1 participant · 1 coded segment\n'), en.stdout);
      assert.match(en.stdout, /^Total {2,}1 {2,}1$/m);
      const nl = await runCli(['report', p.root, '--lang', 'nl']);
      assert.ok(nl.stdout.startsWith('1 transcript · 1 deelnemer · 1 gecodeerd segment\n'), nl.stdout);
      assert.match(nl.stdout, /^Totaal {2,}1 {2,}1$/m);
    } finally {
      p.dispose();
    }
  });

  it('writes every format, and to a file with --out', async () => {
    const p = tempProject({ 'codebook.yaml': SMALL_CODEBOOK, 'T1.txt': '---\nparticipant: T1\n---\nT1= <script>alert(1)</script> [[afstemmen/geduld]]\n' });
    try {
      const md = await runCli(['report', p.root, '--format', 'markdown', '--lang', 'en']);
      assert.match(md.stdout, /^# Coding report/);
      assert.match(md.stdout, /- Patience \(T1\)/);
      const csv = await runCli(['report', p.root, '--format', 'csv']);
      assert.equal(csv.stdout.split('\r\n')[0], 'code,code_label,depth,codable,segments,participants,T1');
      const html = await runCli(['report', p.root, '--format', 'html', '--out', 'out.html'], { cwd: p.root });
      assert.equal(html.status, 0);
      const written = p.read('out.html');
      assert.match(written, /<td class="label"[^>]*>Geduld<\/td>/);
      assert.doesNotMatch(written, /https?:\/\//);
    } finally {
      p.dispose();
    }
  });
});

describe('bad input', () => {
  it('a missing folder, no codebook, a codebook that is not YAML, a bad option: one sentence, no stack', async () => {
    const p = tempProject({ 'T1.txt': 'T1= hoi\n' });
    try {
      const missing = await runCli(['report', path.join(p.root, 'nope')]);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /^codeboom report: There is no folder .*nope: give the folder of a project/);
      const none = await runCli(['report', p.root]);
      assert.equal(none.status, 2);
      assert.match(none.stderr, /No codebook\.yaml in .* or any folder above it/);
      p.write('codebook.yaml', 'codes:\n  a: [\n');
      const broken = await runCli(['report', p.root], { cwd: p.root });
      assert.equal(broken.status, 1);
      assert.match(broken.stderr, /^codebook\.yaml:\d+:\d+: error codebook\.syntax: codebook\.yaml is not valid YAML/);
      assert.match(broken.stderr, /\ncodeboom report: codebook\.yaml has 1 error \(above\), so it was not used: fix it and run the command again\.\n$/);
      const format = await runCli(['report', p.root, '--format', 'pdf']);
      assert.match(format.stderr, /--format must be one of text, markdown, csv, json, html, not 'pdf'/);
      const option = await runCli(['report', '--colour']);
      assert.equal(option.status, 2);
      assert.match(option.stderr, /Unknown option '--colour'/);
      const command = await runCli(['raport']);
      assert.equal(command.status, 2);
      assert.match(command.stderr, /'raport' is not a command/);
      const server = await runCli(['lsp']);
      assert.equal(server.status, 2);
      assert.match(server.stderr, /Say how the editor talks to the server: 'codeboom lsp --stdio'/);
      for (const r of [missing, none, broken, format, option, command, server]) assert.doesNotMatch(r.stderr, /\n\s+at /);
    } finally {
      p.dispose();
    }
  });

  it('the bundle runs as a program of its own, without starting the language server', () => {
    const run = spawnSync(process.execPath, [path.join(__dirname, '../../dist/cli.js'), 'check', path.join(__dirname, '../../examples/stay-tuned')], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /0 errors, 0 warnings in 12 transcripts/);
  });

  it('the installed binary exits non-zero with one sentence', () => {
    const run = spawnSync(process.execPath, [BIN, 'check', '/no/such/folder'], { encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.equal(run.stderr.trim().split('\n').length, 1);
    assert.match(run.stderr, /There is no folder \/no\/such\/folder/);
  });

  it('shows progress on a terminal only', async () => {
    const files: Record<string, string> = { 'codebook.yaml': SMALL_CODEBOOK };
    for (let i = 0; i < 60; i++) files[`T${i}.txt`] = `---\nparticipant: T${i}\n---\nT${i}= x [[effect/band]]\n`;
    const p = tempProject(files);
    try {
      assert.match((await runCli(['report', p.root], { interactive: true })).stderr, /Reading transcripts \d+\/60/);
      assert.equal((await runCli(['report', p.root], { interactive: false })).stderr, '');
    } finally {
      p.dispose();
    }
  });
});

describe('codeboom --version', () => {
  it('prints the version of package.json', async () => {
    const pkg = JSON.parse(require('node:fs').readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    assert.equal((await runCli(['--version'])).stdout.trim(), pkg.version);
  });
});
