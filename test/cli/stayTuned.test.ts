/**
 * The Stay Tuned example reproduces the thesis's results: who mentioned which code.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { runCli } from './runCli';

const EXAMPLE = path.join(__dirname, '../../examples/stay-tuned');

/** The who-mentioned-what table of the thesis's results chapter. */
const THESIS: Record<string, string> = {
  'afstemmen/improvisatie': 'T2 T3 T4 T5 T6 T9 T10 T11 T12',
  'afstemmen/tegenoverdracht': 'T1 T2 T3 T4 T5 T6 T7 T10 T11',
  'afstemmen/hulpvraag': 'T1 T2 T3 T4 T7 T8 T9 T10 T11 T12',
  'afstemmen/tacit-knowledge': 'T2 T3 T4 T9 T12',
  'afstemmen/geduld': 'T9',
  'doelen/eigen-invulling': 'T1 T2 T3 T5 T6 T7 T8 T9 T10 T11 T12',
  'doelen/weerstand': 'T1 T2 T7 T10',
  'confrontatie/doorwerken': 'T2 T3 T4 T7 T10',
  'confrontatie/pushen': 'T2 T3 T4 T7 T8',
  'confrontatie/keerpunt': 'T2 T7 T8 T12',
  'confrontatie/sterkte-relatie': 'T6',
  'confrontatie/binnen-medium': 'T3 T10',
  'medium/beweging': 'T1 T2 T3 T8 T10 T11 T12',
  'medium/therapiemotivatie': 'T1 T2 T9 T10 T11 T12',
  'medium/succeservaringen': 'T9 T12',
  'medium/containment': 'T2 T3 T4 T5 T6 T11 T12',
  'medium/ervaringsgericht': 'T2 T5 T6 T9 T12',
  'effect/zelfinzicht': 'T1 T2 T3 T5 T6 T11 T12',
  'effect/band': 'T1 T2 T3 T4 T5 T6 T7 T8 T9 T11 T12',
  'effect/taak': 'T1 T4 T11 T12',
  'effect/doel': 'T1 T2 T3 T4 T5 T6 T7 T8 T9 T10 T11 T12',
  'jongeren-volwassenen/interpersoonlijke-relatie': 'T2 T8 T9 T11',
  'jongeren-volwassenen/ontwikkelingsleeftijd': 'T1 T4 T5 T6',
  'kenmerken/therapeut/afstemmen': 'T2 T3 T4 T5 T6 T9 T10 T11 T12',
  'kenmerken/therapeut/oprechtheid': 'T1 T2 T3 T5 T6 T7',
  'kenmerken/therapeut/betrouwbaar': 'T1 T3 T7 T8',
  'kenmerken/therapeut/enthousiasmeren': 'T1 T4 T8',
  'kenmerken/therapeut/empathie': 'T2 T4 T6',
  'kenmerken/therapeut/geduld': 'T1 T2 T7',
  'kenmerken/therapeut/begripvol': 'T2 T8',
  'kenmerken/therapeut/humor': 'T5',
  'kenmerken/therapeut/grenzen': 'T8',
  'kenmerken/therapeut/onderzoekend': 'T12',
  'kenmerken/therapeut/steunend': 'T12',
  'kenmerken/client/onderzoekend': 'T8',
  'kenmerken/client/motivatie-medium': 'T1 T2',
  'kenmerken/client/vertrouwen': 'T1',
};

describe('the Stay Tuned example', () => {
  it('reproduces the thesis table of who mentioned what, exactly', async () => {
    const run = await runCli(['report', EXAMPLE, '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { participants: string[]; rows: { path: string; cells: number[]; segments: number }[] };
    assert.deepEqual(report.participants, ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12']);
    const mentioned: Record<string, string> = {};
    for (const row of report.rows) {
      const who = report.participants.filter((_, i) => row.cells[i] > 0);
      if (who.length > 0) mentioned[row.path] = who.join(' ');
    }
    assert.deepEqual(mentioned, THESIS);
  });

  it('prints the thesis-style ranked lists', async () => {
    const run = await runCli(['report', EXAMPLE]);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.includes('Improvisatorisch vermogen (T2, T3, T4, T5, T6, T9, T10, T11 en T12)'), run.stdout);
    assert.ok(run.stdout.includes('Geduld (T9)'));
    const english = await runCli(['report', EXAMPLE, '--lang', 'en']);
    assert.match(english.stdout, /\(T2, T3, T4, T5, T6, T9, T10, T11 and T12\)/);
  });

  it('has twelve realistic transcripts of at least 800 words, and no problem', async () => {
    const run = await runCli(['check', EXAMPLE]);
    assert.equal(run.stdout, '');
    assert.equal(run.status, 0);
    assert.match(run.stderr, /0 errors, 0 warnings in 12 transcripts/);
    const segments = JSON.parse((await runCli(['segments', EXAMPLE, '--format', 'json'])).stdout) as { file: string }[];
    assert.deepEqual([...new Set(segments.map((s) => s.file))].length, 12);
    const fs = await import('node:fs');
    for (let i = 1; i <= 12; i++) {
      const file = path.join(EXAMPLE, 'transcripts', `T${String(i).padStart(2, '0')}.txt`);
      const words = fs.readFileSync(file, 'utf8').split(/\s+/).filter(Boolean).length;
      assert.ok(words >= 800, `${file} has ${words} words`);
    }
  });
});
