/**
 * `codeboom init`: the editor's starter project from the command line, in English and Dutch; a folder
 * with a codebook is refused and nothing is overwritten.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { starterProjectFiles } from '../../server/src/engine/starter/starterProject';
import { tempProject, type TempProject } from '../helpers/tempProject';
import { runCli, type CliRun } from './runCli';
import { main } from '../../server/src/cli/main';

/** Runs the command line with a given locale. */
async function runWithLocale(args: string[], cwd: string, locale: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), interactive: false, locale });
  return { status, stdout, stderr };
}

describe('codeboom init', () => {
  let p: TempProject;
  beforeEach(() => {
    p = tempProject({});
  });
  afterEach(() => p.dispose());

  it('makes the starter project in a new folder, which check passes and report counts', async () => {
    const run = await runCli(['init', 'study'], { cwd: p.root });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, 'Created a starter project in study: codebook.yaml, transcripts/P1.txt. Next: codeboom check study, or open the folder in VS Code.\n');
    for (const f of starterProjectFiles('en')) assert.equal(p.read(`study/${f.path}`), f.content);
    const check = await runCli(['check', 'study'], { cwd: p.root });
    assert.equal(check.status, 0);
    assert.equal(check.stdout, '');
    assert.match(check.stderr, /^0 errors, 0 warnings in 1 transcript\.$/m);
    const report = await runCli(['report', 'study', '--format', 'csv'], { cwd: p.root });
    assert.deepEqual(report.stdout.trim().split('\r\n').slice(1).map((l) => l.split(',').slice(0, 1).concat(l.split(',').slice(-1))), [
      ['experience', '0'],
      ['experience/turning-point', '1'],
      ['experience/change', '1'],
      ['relationship', '0'],
      ['relationship/trust', '1'],
    ]);
  });

  it('speaks Dutch by --lang or by the locale, and makes the Dutch project', async () => {
    const run = await runWithLocale(['init'], p.root, 'nl_NL.UTF-8');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /^Startproject gemaakt in \.: codebook\.yaml, transcripts\/P1\.txt\./);
    assert.match(p.read('codebook.yaml'), /language: nl/);
    const english = await runWithLocale(['init', 'en', '--lang', 'en'], p.root, 'nl_NL.UTF-8');
    assert.equal(english.status, 0);
    assert.match(p.read('en/codebook.yaml'), /language: en/);
  });

  it('refuses a folder that has a codebook, or the example transcript, and changes nothing', async () => {
    p.write('codebook.yaml', 'codes: {}\n');
    const run = await runCli(['init'], { cwd: p.root });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'codeboom init: . already has a codebook.yaml, so nothing was created: choose an empty folder for a new project.\n');
    assert.equal(p.read('codebook.yaml'), 'codes: {}\n');
    assert.deepEqual(fs.readdirSync(p.root), ['codebook.yaml']);

    p.write('other/transcripts/P1.txt', 'mine\n');
    const nl = await runWithLocale(['init', 'other'], p.root, 'nl_BE.UTF-8');
    assert.equal(nl.status, 2);
    assert.equal(nl.stderr, 'codeboom init: other/transcripts/P1.txt bestaat al, dus er is niets gemaakt: verplaats het, of kies een andere map.\n');
    assert.deepEqual(fs.readdirSync(path.join(p.root, 'other')), ['transcripts']);
  });

  it('in either language, the example transcript uses only codes of its codebook', () => {
    for (const lang of ['en', 'nl'] as const) {
      const [codebook, transcript] = starterProjectFiles(lang);
      const codes = parseCodebook(codebook.content).codes;
      const tags = [...transcript.content.matchAll(/\[\[([^\]|]+)/g)].map((m) => m[1].trim());
      assert.ok(tags.length >= 3);
      for (const tag of tags) assert.ok(codes.get(tag)?.codable !== false && codes.has(tag), `${lang}: ${tag}`);
    }
  });
});
