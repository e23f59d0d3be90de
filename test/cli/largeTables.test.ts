import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempProject, type TempProject } from '../helpers/tempProject';
import { runCli } from './runCli';

/** A codebook of `n` root codes c0 … c(n-1). */
function codebook(n: number): string {
  const lines = ['codes:'];
  for (let i = 0; i < n; i++) lines.push(`  c${i}:`, `    label: Code ${i}`);
  return lines.join('\n') + '\n';
}

describe('tables as large as the user makes them', () => {
  let p: TempProject | undefined;
  afterEach(() => p?.dispose());

  it('cooccurrence --format html draws the heat map of 400 codes in use', async () => {
    const lines = ['---', 'participant: T1', '---'];
    for (let i = 0; i < 400; i++) lines.push(`T1= {{woord ${i}}}[[c${i}]]`, '');
    p = tempProject({ 'codebook.yaml': codebook(400), 'T1.txt': lines.join('\n') });
    const run = await runCli(['cooccurrence', p.root, '--format', 'html']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /<th class="vertical" title="Code 399">/);
  });

  it('report --format html shows a codebook of 20,000 codes for 12 participants', async () => {
    const files: Record<string, string> = { 'codebook.yaml': codebook(20_000) };
    for (let t = 1; t <= 12; t++) files[`T${t}.txt`] = `---\nparticipant: T${t}\n---\nT${t}= {{woord}}[[c${t}]]\n`;
    p = tempProject(files);
    const run = await runCli(['report', p.root, '--format', 'html']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Code 19999/);
  });

  it('no source spreads a list into Math.max or Math.min', () => {
    const root = path.join(__dirname, '../..');
    const found: string[] = [];
    const visit = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, e.name);
        if (e.isDirectory()) visit(file);
        else if (/\.(ts|js)$/.test(e.name)) {
          fs.readFileSync(file, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              if (!/^\s*(\*|\/\/|\/\*)/.test(line) && /Math\.(max|min)\([^;]*\.\.\./.test(line)) found.push(`${path.relative(root, file)}:${i + 1}`);
            });
        }
      }
    };
    for (const dir of ['server/src', 'client/src', 'media']) visit(path.join(root, dir));
    assert.deepEqual(found, []);
  });
});
