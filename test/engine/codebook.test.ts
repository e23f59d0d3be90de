import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeLineage, descendants, nearestCodes, parseCodebook, resolveCode } from '../../server/src/engine/codebook/codebook';
import { localize } from '../../server/src/engine/codebook/localized';
import { diagnosticMessage } from '../../server/src/engine/messages';
import { TextPositions } from '../../server/src/engine/text/positions';
import { SMALL_CODEBOOK } from '../helpers/tempProject';

const EXAMPLE = path.join(__dirname, '../../examples/stay-tuned/codebook.yaml');

/** The 1-based line and column where a diagnostic of `code` starts. */
function at(text: string, diagnostics: readonly { code: string; span: { start: number } }[], code: string) {
  const d = diagnostics.find((x) => x.code === code);
  assert.ok(d, `expected a ${code} diagnostic, got ${diagnostics.map((x) => x.code).join(', ') || 'none'}`);
  const p = new TextPositions(text).positionAt(d.span.start);
  return { line: p.line + 1, column: p.character + 1 };
}

describe('codebook', () => {
  it('reads the Stay Tuned codebook: every code, in order, without a problem', () => {
    const cb = parseCodebook(fs.readFileSync(EXAMPLE, 'utf8'));
    assert.deepEqual(cb.diagnostics, []);
    assert.equal(cb.codes.size, 46);
    assert.deepEqual(cb.roots, ['afstemmen', 'effect', 'medium', 'doelen', 'confrontatie', 'jongeren-volwassenen', 'kenmerken']);
    const geduld = cb.codes.get('afstemmen/geduld')!;
    assert.equal(localize(geduld.label, 'nl'), 'Geduld');
    assert.ok(localize(geduld.definition, 'en'));
    assert.equal(cb.codes.get('kenmerken/therapeut')!.codable, false);
    assert.equal(cb.settings.language, 'nl');
    assert.deepEqual(codeLineage(cb, 'kenmerken/therapeut/humor').map((c) => c.slug), ['kenmerken', 'therapeut', 'humor']);
    assert.equal(descendants(cb, 'kenmerken').length, 16);
  });

  it('reports a YAML syntax error at its line and column', () => {
    const text = 'codes:\n  a:\n    label: [open\n  b:\n    label: B\n';
    const cb = parseCodebook(text);
    assert.equal(cb.parsed, false);
    assert.deepEqual(at(text, cb.diagnostics, 'codebook.syntax').line >= 3, true);
  });

  it('reports a schema violation at the offending field, with a suggestion', () => {
    const text = 'codes:\n  a:\n    label: A\n    colour: "#ff0000"\n';
    const cb = parseCodebook(text);
    assert.deepEqual(at(text, cb.diagnostics, 'codebook.schema'), { line: 4, column: 5 });
    assert.match(diagnosticMessage(cb.diagnostics[0], 'en'), /'colour' is not a field here; did you mean 'color'\?/);
    const missing = 'codes:\n  a:\n    definition: x\n';
    assert.deepEqual(at(missing, parseCodebook(missing).diagnostics, 'codebook.schema'), { line: 2, column: 3 });
    const slug = 'codes:\n  a b:\n    label: A\n';
    assert.deepEqual(at(slug, parseCodebook(slug).diagnostics, 'codebook.schema'), { line: 2, column: 3 });
  });

  it('reports duplicate slugs, unknown merge targets, merge cycles, bad colours and alias conflicts', () => {
    const text = [
      'codes:',
      '  a:',
      '    label: A',
      '    color: red',
      '  a:',
      '    label: A again',
      '  b:',
      '    label: B',
      '    merged_into: nowhere',
      '  c:',
      '    label: C',
      '    merged_into: d',
      '  d:',
      '    label: D',
      '    merged_into: c',
      '  e:',
      '    label: E',
      '    aliases: [b]',
      '',
    ].join('\n');
    const cb = parseCodebook(text);
    assert.deepEqual(at(text, cb.diagnostics, 'codebook.duplicate'), { line: 5, column: 3 });
    assert.deepEqual(at(text, cb.diagnostics, 'codebook.color'), { line: 4, column: 12 });
    assert.deepEqual(at(text, cb.diagnostics, 'codebook.merge-target'), { line: 9, column: 18 });
    assert.deepEqual(at(text, cb.diagnostics, 'codebook.merge-cycle'), { line: 12, column: 18 });
    assert.deepEqual(at(text, cb.diagnostics, 'codebook.alias-conflict'), { line: 18, column: 15 });
    assert.equal(resolveCode(cb, 'c').kind, 'exact', 'a code in a merge cycle resolves to itself');
  });

  it('resolves aliases, merges and deprecated codes', () => {
    const cb = parseCodebook(SMALL_CODEBOOK);
    assert.deepEqual(cb.diagnostics, []);
    const alias = resolveCode(cb, 'afstemmen/wachten');
    assert.equal(alias.kind, 'alias');
    assert.equal(alias.kind === 'alias' && alias.code.path, 'afstemmen/geduld');
    const merged = resolveCode(cb, 'effect/oud');
    assert.equal(merged.kind === 'merged' && merged.code.path, 'effect/band');
    assert.equal(resolveCode(cb, 'effect/verouderd').kind, 'deprecated');
    assert.equal(resolveCode(cb, 'niets').kind, 'unknown');
  });

  it('finds the nearest codes by path, by slug and by label in any language', () => {
    const cb = parseCodebook(SMALL_CODEBOOK);
    assert.equal(nearestCodes(cb, 'afstemen/geduld')[0], 'afstemmen/geduld');
    assert.equal(nearestCodes(cb, 'geduld')[0], 'afstemmen/geduld');
    assert.equal(nearestCodes(cb, 'patience')[0], 'afstemmen/geduld');
    assert.equal(nearestCodes(cb, 'improvisation')[0], 'afstemmen/improvisatie');
    assert.deepEqual(nearestCodes(cb, 'qqqqqqqq'), []);
  });

  it('reads the project settings, and reports a bad speaker pattern', () => {
    const cb = parseCodebook('project:\n  interviewers: [Q]\n  speaker_pattern: "^(?<speaker>[A-Z]+)>"\ncodes: {}\n');
    assert.deepEqual([...cb.settings.interviewers], ['Q']);
    assert.equal(cb.settings.speakerPattern.source, '^(?<speaker>[A-Z]+)>');
    const bad = 'project:\n  speaker_pattern: "(unclosed"\ncodes: {}\n';
    assert.deepEqual(at(bad, parseCodebook(bad).diagnostics, 'codebook.pattern'), { line: 2, column: 20 });
  });

  it('says in Dutch what to do', () => {
    const cb = parseCodebook('codes:\n  a:\n    label: A\n    colour: "#ff0000"\n');
    assert.match(diagnosticMessage(cb.diagnostics[0], 'nl'), /'colour' is hier geen veld; bedoel je 'color'\?/);
  });
});

describe('codebook schema validator', () => {
  it('is compiled from the current codebook.schema.json', () => {
    const run = spawnSync(process.execPath, [path.join(__dirname, '../../scripts/generate-validator.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });
});
