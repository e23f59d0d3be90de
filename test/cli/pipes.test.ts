import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { tempProject, type TempProject } from '../helpers/tempProject';

const BIN = path.join(__dirname, '../../bin/codeboom.js');

describe('a reader that stops early', () => {
  let p: TempProject;
  before(() => {
    const files: Record<string, string> = { 'codebook.yaml': 'codes:\n  a:\n    label: A\n' };
    // Enough rows that the output is far larger than a pipe's buffer.
    const lines = ['---', 'participant: T1', '---'];
    for (let i = 0; i < 20_000; i++) lines.push(`T1= {{een zin met wat woorden ${i}}}[[a]]`, '');
    files['T1.txt'] = lines.join('\n');
    p = tempProject(files);
  });
  after(() => p.dispose());

  it('segments --format json | head: the command ends quietly with status 0 when its output is closed', async () => {
    const child = spawn(process.execPath, [BIN, 'segments', p.root, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (t: string) => (stderr += t));
    let first = '';
    child.stdout.once('data', (chunk: Buffer) => {
      first = chunk.toString('utf8');
      child.stdout.destroy();
    });
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    assert.match(first, /^\[/);
    assert.equal(stderr, '');
    assert.equal(signal, null);
    assert.equal(code, 0);
  });
});
