/**
 * The language server seen from a client that shares none of its code: Neovim's built-in LSP client
 * starts the built server as users run it (`codeboom lsp --stdio`), opens a transcript (CRLF, Dutch
 * text, emoji) of a temporary project and asks for what a Neovim user would see. `lsp-check.lua` drives
 * Neovim and writes its findings as JSON; this file checks them.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SMALL_CODEBOOK, tempProject, type TempProject } from '../helpers/tempProject';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(__dirname, 'lsp-check.lua');
/** Each step in Neovim (start, indexing, every request and publish) gets this long. */
const STEP_TIMEOUT_MS = 10_000;
/** The whole Neovim run. */
const RUN_TIMEOUT_MS = 60_000;

/** The transcript opened in Neovim: CRLF line ends, an emoji before the tags, Dutch accents, an unknown code. */
const T1 = [
  '---',
  'participant: T1',
  'discipline: dramatherapie',
  '---',
  'I= Hoe begin je met een nieuwe cliënt?',
  '',
  'T1= Ik wacht af 😀 tot hij zelf komt, één week of twee. [[afstemmen/geduld]]',
  '',
  'T1= Daarna 🎭 {{spelen we een scène}}[[effect/band]] en dan [[afstemmen/gedudl]]',
  '',
].join('\r\n');

/** A transcript that stays closed: the rename must reach it on disk, and its diagnostics arrive too. */
const T2 = ['---', 'participant: T2', '---', 'T2= Cliënten hebben tijd nodig. [[afstemmen/geduld]]', '', 'T2= Soms wacht ik gewoon. [[afstemmen/wachten]]', ''].join('\n');

/** What Neovim types on a new last line of T1, and where it asks for completion. */
const TYPED = 'T1= Nieuw 🙂 [[gedu';

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Diagnostic {
  range: Range;
  severity: number;
  code: string;
  source: string;
  message: string;
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface CompletionItem {
  label: string;
  detail?: string;
  textEdit?: TextEdit;
}

/** What lsp-check.lua writes. */
interface Findings {
  failure?: string;
  uri: string;
  progress: { kind: string; title?: string }[];
  publishes: { uri: string; diagnostics: Diagnostic[] }[];
  logs: { type: number; message: string }[];
  diagnostics: Diagnostic[];
  hover: { position: Position; result: { contents: { kind: string; value: string }; range: Range } };
  rename: { position: Position; result: { changes: Record<string, TextEdit[]> } };
  completion: { position: Position; result: { isIncomplete: boolean; items: CompletionItem[] } };
  diagnosticsWhileTyping: Diagnostic[];
  acceptedLine: string;
  diagnosticsAfterCompletion: Diagnostic[];
  exit: { code: number; signal: number };
}

/** Where the `nth` `needle` starts in `text` (plus `delta`), in lines and UTF-16 columns. */
function at(text: string, needle: string, delta = 0, nth = 0): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `the fixture has no ${needle}`);
  const lines = text.slice(0, i + delta).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

function span(text: string, needle: string, nth = 0): Range {
  return { start: at(text, needle, 0, nth), end: at(text, needle, needle.length, nth) };
}

/** The version of `nvim` on the PATH; fails with what to do when there is none. */
function neovimVersion(): string {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `Neovim is needed for this test and 'nvim --version' failed (${probe.error?.message ?? `exit status ${probe.status}`}). ` +
        'npm test installs it first (scripts/e2e/setup.sh, Debian package neovim); or run that script, or apt-get install -y neovim.',
    );
  }
  const m = /NVIM v(\d+)\.(\d+)\.(\d+)/.exec(probe.stdout);
  assert.ok(m, `cannot read Neovim's version from: ${probe.stdout.split('\n')[0]}`);
  assert.ok(Number(m[1]) > 0 || Number(m[2]) >= 7, `Neovim 0.7 or newer is needed (its LSP client); found ${m[0]}`);
  return m[0];
}

describe('Neovim as the language client', () => {
  let project: TempProject;
  let scratch: string;
  let found: Findings;
  let t1: string;
  let t2: string;
  let codebook: string;

  before(function () {
    this.timeout(RUN_TIMEOUT_MS + 120_000);
    neovimVersion();
    // The test runs what users run: the bundle. `npm test` builds it first; a lone run builds it if missing.
    if (!fs.existsSync(path.join(ROOT, 'dist/cli.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });

    project = tempProject({ 'codebook.yaml': SMALL_CODEBOOK, 'T1.txt': T1, 'T2.txt': T2 });
    t1 = pathToFileURL(project.file('T1.txt')).href;
    t2 = pathToFileURL(project.file('T2.txt')).href;
    codebook = pathToFileURL(project.file('codebook.yaml')).href;
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'codeboom-nvim-'));
    const out = path.join(scratch, 'findings.json');
    const config = path.join(scratch, 'config.json');
    fs.writeFileSync(
      config,
      JSON.stringify({
        cmd: [process.execPath, path.join(ROOT, 'bin/codeboom.js'), 'lsp', '--stdio'],
        root: project.root,
        file: project.file('T1.txt'),
        out,
        language: 'nl',
        hover: { needle: '[[afstemmen/geduld]]', offset: 4 },
        rename: { needle: '[[afstemmen/geduld]]', offset: 4, newName: 'afstemmen/afwachten' },
        completion: { line: TYPED, after: '[[gedu' },
        timeout: STEP_TIMEOUT_MS,
      }),
    );
    const xdg = (name: string) => {
      const dir = path.join(scratch, name);
      fs.mkdirSync(dir);
      return dir;
    };
    const env = {
      ...process.env,
      CODEBOOM_NVIM_CONFIG: config,
      XDG_CONFIG_HOME: xdg('config'),
      XDG_CACHE_HOME: xdg('cache'),
      XDG_STATE_HOME: xdg('state'),
      XDG_DATA_HOME: xdg('data'),
    };
    const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${SCRIPT}`, '-c', 'cquit 2'], {
      cwd: project.root,
      env,
      encoding: 'utf8',
      timeout: RUN_TIMEOUT_MS,
      killSignal: 'SIGKILL',
    });
    const findings = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as Findings) : undefined;
    if (run.status !== 0 || !findings || findings.failure) {
      const log = path.join(env.XDG_CACHE_HOME, 'nvim', 'lsp.log');
      const logTail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-3000) : '(no lsp.log)';
      const why = run.error
        ? `Neovim did not finish: ${run.error.message}`
        : run.status === 2
          ? 'lsp-check.lua did not load'
          : (findings?.failure ?? `Neovim exited with status ${run.status} and wrote no findings`);
      throw new Error(`${why}\nstderr: ${run.stderr}\nNeovim's LSP log (end):\n${logTail}`);
    }
    found = findings;
  });

  after(() => {
    project?.dispose();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('indexes the workspace with progress, then publishes the open transcript\'s unknown code at its UTF-16 column', () => {
    const kinds = found.progress.map((p) => p.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    assert.equal(found.progress[0].title, 'Transcripten indexeren');
    assert.equal(found.uri, t1);
    assert.equal(found.diagnostics.length, 1, JSON.stringify(found.diagnostics));
    const [d] = found.diagnostics;
    assert.equal(d.code, 'code.unknown');
    assert.equal(d.severity, 1, 'an error');
    assert.equal(d.source, 'codeboom');
    assert.deepEqual(d.range, span(T1, 'afstemmen/gedudl'));
    // The line has an emoji and accents before the tag: UTF-16 columns differ from bytes and from code points.
    const line = T1.split('\r\n')[d.range.start.line];
    assert.equal(line.slice(d.range.start.character, d.range.end.character), 'afstemmen/gedudl');
    assert.notEqual(Buffer.byteLength(line.slice(0, d.range.start.character)), d.range.start.character);
    assert.equal(d.message, "Onbekende code 'afstemmen/gedudl'. Bedoel je 'afstemmen/geduld'? Of voeg hem toe aan codebook.yaml.");
  });

  it('publishes the diagnostics of a transcript that is not open', () => {
    const forT2 = found.publishes.filter((p) => p.uri === t2);
    assert.ok(forT2.length > 0, 'diagnostics for T2.txt');
    assert.deepEqual(
      forT2[forT2.length - 1].diagnostics.map((d) => [d.code, d.range]),
      [['code.alias', span(T2, 'afstemmen/wachten')]],
    );
  });

  it('hovers a tag with the code\'s label, definition and counts, in Dutch', () => {
    assert.deepEqual(found.hover.position, at(T1, '[[afstemmen/geduld]]', 4), 'Neovim sent the cursor as a UTF-16 position');
    const { contents, range } = found.hover.result;
    assert.equal(contents.kind, 'markdown');
    assert.match(contents.value, /^\*\*Geduld\*\* `afstemmen\/geduld`/);
    assert.match(contents.value, /\n3 segmenten · 2 van 2 deelnemers\n/, 'one segment in T1, two paragraphs in T2 (one through the alias)');
    assert.match(contents.value, /\nDe therapeut wacht af\.$/);
    assert.deepEqual(range, span(T1, '[[afstemmen/geduld]]'));
  });

  it('renames a tag\'s code in the open transcript, the closed one (alias included) and the codebook', () => {
    const renamed = 'afstemmen/afwachten';
    assert.deepEqual(found.rename.result.changes, {
      [t1]: [{ range: span(T1, 'afstemmen/geduld'), newText: renamed }],
      [t2]: [
        { range: span(T2, 'afstemmen/geduld'), newText: renamed },
        { range: span(T2, 'afstemmen/wachten'), newText: renamed },
      ],
      [codebook]: [{ range: { start: at(SMALL_CODEBOOK, 'geduld:'), end: at(SMALL_CODEBOOK, 'geduld:', 'geduld'.length) }, newText: 'afwachten' }],
    });
  });

  it('completes a code inside [[gedu, and accepting it closes the tag and clears the problem', () => {
    const row = T1.split('\r\n').length - 1; // Neovim appended the typed line after the last one
    assert.deepEqual(found.completion.position, { line: row, character: TYPED.length }, 'the cursor right after [[gedu, in UTF-16');
    const item = found.completion.result.items.find((i) => i.label === 'afstemmen/geduld');
    assert.ok(item, `afstemmen/geduld among ${found.completion.result.items.map((i) => i.label).join(', ')}`);
    assert.equal(found.completion.result.items[0].label, 'afstemmen/geduld', 'the best match first');
    assert.equal(item.detail, 'Geduld');
    assert.deepEqual(item.textEdit, {
      range: { start: { line: row, character: TYPED.indexOf('gedu') }, end: { line: row, character: TYPED.length } },
      newText: 'afstemmen/geduld]]',
    });
    assert.deepEqual(
      found.diagnosticsWhileTyping.map((d) => [d.code, d.range.start.line]),
      [
        ['tag.unclosed', row],
        ['code.unknown', at(T1, 'afstemmen/gedudl').line],
      ],
    );
    assert.equal(found.acceptedLine, 'T1= Nieuw 🙂 [[afstemmen/geduld]]');
    assert.deepEqual(found.diagnosticsAfterCompletion, found.diagnostics);
  });

  it('logs no error and exits cleanly when Neovim stops it', () => {
    assert.deepEqual(found.logs.filter((l) => l.type === 1), []);
    assert.deepEqual(found.exit, { code: 0, signal: 0 });
  });
});
