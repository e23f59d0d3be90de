import { strict as assert } from 'node:assert';
import { SMALL_CODEBOOK, tempProject, type TempProject } from '../helpers/tempProject';
import { runCli } from './runCli';

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
