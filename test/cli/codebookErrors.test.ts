import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { diagnosticMessage } from '../../server/src/engine/messages';
import { SMALL_CODEBOOK, tempProject, type TempProject } from '../helpers/tempProject';
import { runCli } from './runCli';

const TRANSCRIPT = '---\nparticipant: T1\n---\nT1= Ik wacht af. {{Rustig}}[[afstemmen/geduld]]\n';

/** Codebooks with errors, and the first line each must get on stderr. */
const BROKEN: [string, string, RegExp][] = [
  ['empty', '', /^codebook\.yaml:1:1: error codebook\.schema: codebook\.yaml must be a map with at least 'codes:'\.$/m],
  ['codes: 5', 'codes: 5\n', /^codebook\.yaml:1:8: error codebook\.schema: 'codes' must be a map of keys and values\.$/m],
  ['a typo', 'kodes:\n  geduld:\n    label: Geduld\n', /^codebook\.yaml:1:1: error codebook\.schema: 'kodes' is not a field here; did you mean 'codes'\?$/m],
  ['not YAML', 'codes:\n  a: [\n', /^codebook\.yaml:\d+:\d+: error codebook\.syntax: codebook\.yaml is not valid YAML: [^\n]*\.$/m],
];

/** Every command that reports on the codebook, with the arguments it needs besides the project folder. */
const COMMANDS: [string, (root: string, other: string) => string[]][] = [
  ['report', (root) => ['report', root]],
  ['report --format html', (root) => ['report', root, '--format', 'html']],
  ['segments', (root) => ['segments', root]],
  ['export', (root) => ['export', root, '--format', 'qdc']],
  ['cooccurrence', (root) => ['cooccurrence', root]],
  ['profile', (root) => ['profile', 'T1', root]],
  ['agreement', (root, other) => ['agreement', other, root]],
];

describe('a codebook with errors is not reported on', () => {
  let p: TempProject;
  let other: TempProject;
  beforeEach(() => {
    p = tempProject({ 'codebook.yaml': SMALL_CODEBOOK, 'T1.txt': TRANSCRIPT });
    other = tempProject({ 'codebook.yaml': SMALL_CODEBOOK, 'T1.txt': TRANSCRIPT });
  });
  afterEach(() => {
    p.dispose();
    other.dispose();
  });

  for (const [what, text, first] of BROKEN) {
    for (const [name, args] of COMMANDS) {
      it(`${name} with a codebook that is ${what}: its errors on stderr, nothing on stdout, exit status 1`, async () => {
        p.write('codebook.yaml', text);
        const run = await runCli(args(p.root, other.root), { cwd: p.root });
        assert.equal(run.status, 1, run.stderr);
        assert.equal(run.stdout, '');
        assert.match(run.stderr, first);
        assert.match(run.stderr, /codebook\.yaml has \d+ errors? \(above\), so it was not used: fix (it|them) and run the command again\.\n$/);
        assert.doesNotMatch(run.stderr, /last valid version/);
      });
    }
  }

  it('says so in Dutch with --lang nl', async () => {
    p.write('codebook.yaml', 'kodes:\n');
    const run = await runCli(['report', p.root, '--lang', 'nl'], { cwd: p.root });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^codebook\.yaml:1:1: error codebook\.schema: 'kodes' is hier geen veld; bedoel je 'codes'\?$/m);
    assert.match(run.stderr, /codebook\.yaml bevat 2 fouten \(hierboven\) en is daarom niet gebruikt: los ze op en voer de opdracht opnieuw uit\.\n$/);
  });

  it('the editor, which keeps the last valid codebook, still says so', () => {
    const d = parseCodebook('codes:\n  a: [\n').diagnostics[0];
    assert.match(diagnosticMessage(d, 'en'), /Codes from the last valid version are used until it is fixed\.$/);
    assert.match(diagnosticMessage(d, 'nl'), /De codes van de laatste geldige versie blijven in gebruik tot dit is opgelost\.$/);
    assert.doesNotMatch(diagnosticMessage(d, 'en', 'command-line'), /last valid/);
  });

  it('check still lists the errors, without saying that codes of an earlier version are used', async () => {
    p.write('codebook.yaml', 'codes:\n  a: [\n');
    const run = await runCli(['check', p.root], { cwd: p.root });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^codebook\.yaml:\d+:\d+: error codebook\.syntax: codebook\.yaml is not valid YAML: [^\n]*\.$/m);
    assert.doesNotMatch(run.stdout + run.stderr, /last valid version/);
  });
});

describe('tags with unknown codes', () => {
  let p: TempProject;
  beforeEach(() => {
    p = tempProject({
      'codebook.yaml': SMALL_CODEBOOK,
      'T1.txt': `${TRANSCRIPT}T1= Nog meer. {{Iets}}[[afstemmen/gedud]] en {{ander}}[[nergens]]\n`,
      'T2.txt': '---\nparticipant: T2\n---\nT2= Ja. {{Zo}}[[effect/bnd]]\n',
    });
  });
  afterEach(() => p.dispose());

  it('are counted on stderr with a pointer to check, by every command that reports', async () => {
    for (const args of [['report'], ['segments'], ['cooccurrence'], ['profile', 'T1'], ['export', '--format', 'qdc']]) {
      const run = await runCli([...args, p.root], { cwd: p.root });
      assert.equal(run.status, 0, `${args[0]}: ${run.stderr}`);
      assert.match(run.stderr, /^warning: 3 tags with unknown codes were left out: run 'codeboom check' to see them\.$/m, args[0]);
    }
  });

  it('one, in Dutch', async () => {
    p.write('T1.txt', TRANSCRIPT);
    const run = await runCli(['report', p.root, '--lang', 'nl'], { cwd: p.root });
    assert.match(run.stderr, /^warning: 1 tag met een onbekende code is weggelaten: voer 'codeboom check' uit om hem te zien\.$/m);
  });

  it('leave the report as it was: only known codes are counted', async () => {
    const run = await runCli(['segments', p.root, '--format', 'json'], { cwd: p.root });
    assert.deepEqual(JSON.parse(run.stdout).map((r: { code: string }) => r.code), ['afstemmen/geduld']);
  });
});
