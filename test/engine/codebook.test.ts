import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { codeLineage, descendants, nearestCodes, parseCodebook, parseCodebookWithPositions, resolveCode, type Codebook } from '../../server/src/engine/codebook/codebook';
import { localize } from '../../server/src/engine/codebook/localized';
import { diagnosticMessage } from '../../server/src/engine/messages';
import { TextPositions } from '../../server/src/engine/text/positions';
import { parseTranscript } from '../../server/src/engine/transcript/transcript';
import { billionLaughs, EMPHASIS_CODEBOOK } from '../helpers/hostileYaml';
import { SMALL_CODEBOOK } from '../helpers/tempProject';

const EXAMPLE = path.join(__dirname, '../../examples/stay-tuned/codebook.yaml');

/** The 1-based line and column where a diagnostic of `code` starts. */
function at(text: string, diagnostics: readonly { code: string; span: { start: number } }[], code: string) {
  const d = diagnostics.find((x) => x.code === code);
  assert.ok(d, `expected a ${code} diagnostic, got ${diagnostics.map((x) => x.code).join(', ') || 'none'}`);
  const p = new TextPositions(text).positionAt(d.span.start);
  return { line: p.line + 1, column: p.character + 1 };
}

/** Everything a codebook holds, places included, as plain data that deepEqual can compare. */
function plain(cb: Codebook): unknown {
  return JSON.parse(
    JSON.stringify(cb, (_key, v: unknown) => {
      if (v instanceof Map) return [...v];
      if (v instanceof Set) return [...v];
      if (v instanceof RegExp) return `${v.source}/${v.flags}`;
      if (v instanceof RE2JS) return `re2:${v.pattern()}`;
      return v;
    }),
  );
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

describe('codebook read quickly when it has no problems', () => {
    const cases: Record<string, string> = {
      'the Stay Tuned codebook': fs.readFileSync(EXAMPLE, 'utf8'),
      'the small test codebook': SMALL_CODEBOOK,
      'the REFI-QDA fixture': fs.readFileSync(path.join(__dirname, '../fixtures/refi-overlap/codebook.yaml'), 'utf8'),
      'flow style, quoting, comments and block text': [
        '# Codeboek',
        'title: {nl: "Mijn studie", en: My study}',
        'project: {language: en, speaker_pattern: "^(?<speaker>[A-Z]+):", interviewers: [I], participants: [P1, P2], count_interviewers: true, severity: {code.alias: off}}',
        'codes:',
        '  "thema-a":   # a comment',
        '    label: |',
        '      Twee regels',
        '      tekst',
        '    color: "#ABC"',
        '    when_to_use: >',
        '      gevouwen',
        '      tekst',
        '    examples: [een, {nl: twee, en: two}]',
        '    codes: {sub: {label: Sub, aliases: [oud, "thema-a/ouder"]}, "sub.2": {label: S2, deprecated: true}}',
        "  'thema-b': {label: B, merged_into: thema-a/sub, guid: 0f9a2c1e-3b4d-4e5f-8a6b-7c8d9e0f1a2b}",
        '',
      ].join('\n'),
      'numbers as slugs, whose order a plain object would change': 'codes:\n  "10":\n    label: Tien\n  "2":\n    label: Twee\n',
    };
    /** Whether a codebook was read quickly: then its codes' places are worked out when first asked. */
    const readQuickly = (cb: Codebook) => [...cb.codes.values()].every((c) => Object.getOwnPropertyDescriptor(c, 'keySpan')?.get !== undefined);
    for (const [name, text] of Object.entries(cases)) {
      it(`gives the same codes, settings and places as the careful reading: ${name}`, () => {
        const careful = parseCodebookWithPositions(text);
        assert.deepEqual(careful.diagnostics, [], 'the case has no problems');
        const quick = parseCodebook(text);
        assert.equal(readQuickly(quick), !name.startsWith('numbers'), 'numeric slugs are read carefully, everything else quickly');
        assert.deepEqual(plain(quick), plain(careful));
      });
    }

    it('points at a code in the file only when asked, and at the same place', () => {
      const text = fs.readFileSync(EXAMPLE, 'utf8');
      const quick = parseCodebook(text).codes.get('afstemmen/geduld')!;
      const careful = parseCodebookWithPositions(text).codes.get('afstemmen/geduld')!;
      assert.deepEqual(quick.keySpan, careful.keySpan);
      assert.equal(text.slice(quick.keySpan.start, quick.keySpan.end), 'geduld');
      assert.deepEqual(quick.entrySpan, careful.entrySpan);
    });

    it('reads a codebook with a problem carefully, so the problem has its place', () => {
      const text = 'codes:\n  a:\n    label: A\n    color: rood\n  b:\n    label: B\n    merged_into: c\n';
      const cb = parseCodebook(text);
      assert.deepEqual(cb.diagnostics.map((d) => d.code).sort(), ['codebook.color', 'codebook.merge-target']);
      const color = cb.diagnostics.find((d) => d.code === 'codebook.color')!;
      assert.equal(text.slice(color.span.start, color.span.end), 'rood');
    });
  });

describe('codebook from hostile or careless YAML', () => {
  /** Every message of a codebook's problems, in English. */
  const messages = (cb: Codebook) => cb.diagnostics.map((d) => diagnosticMessage(d, 'en'));

  it('reads Markdown emphasis in a value as an alias that stands for nothing, and says to put it in quotes', () => {
    const text = EMPHASIS_CODEBOOK;
    const cb = parseCodebook(text);
    assert.equal(cb.parsed, false);
    assert.deepEqual(cb.diagnostics.map((d) => d.code), ['codebook.syntax']);
    assert.deepEqual(at(text, cb.diagnostics, 'codebook.syntax'), { line: 4, column: 11 });
    assert.match(messages(cb)[0], /'\*Geduld\*' reads as a YAML alias .*If it is text, put it in quotes: "\*Geduld\*"\./);
    assert.match(diagnosticMessage(cb.diagnostics[0], 'nl'), /wordt gelezen als YAML-alias .*zet het dan tussen aanhalingstekens: "\*Geduld\*"\./);
    // More text after it on the line is the same problem, said once; in a flow map the quotes end at the comma.
    const more = parseCodebook('codes:\n  geduld:\n    label:\n      nl: *Geduld* is fijn  # emphasis\n');
    assert.equal(more.diagnostics.length, 1);
    assert.match(messages(more)[0], /put it in quotes: "\*Geduld\* is fijn"\./);
    const flow = parseCodebook('codes:\n  geduld:\n    label: {nl: *Geduld*, en: Patience}\n');
    assert.match(messages(flow)[0], /put it in quotes: "\*Geduld\*"\./);
  });

  it('gives an alias the value of its anchor', () => {
    const cb = parseCodebook('codes:\n  a:\n    label: &same {nl: Zelfde, en: Same}\n  b:\n    label: *same\n');
    assert.deepEqual(cb.diagnostics, []);
    assert.deepEqual(cb.codes.get('b')!.label, { nl: 'Zelfde', en: 'Same' });
  });

  it('refuses an alias inside its own anchor, and a "billion laughs", in one sentence each', () => {
    const cycle = 'codes: &c\n  a:\n    codes: *c\n';
    const cb = parseCodebook(cycle);
    assert.deepEqual(cb.diagnostics.map((d) => d.code), ['codebook.syntax']);
    assert.deepEqual(at(cycle, cb.diagnostics, 'codebook.syntax'), { line: 3, column: 12 });
    assert.match(messages(cb)[0], /stands inside its own anchor '&c'/);

    const laughs = billionLaughs();
    const refused = parseCodebook(laughs);
    assert.equal(refused.parsed, false);
    assert.deepEqual(refused.diagnostics.map((d) => d.code), ['codebook.syntax']);
    assert.match(messages(refused)[0], /^codebook\.yaml repeats the values of its anchors \(&name\) through aliases \(\*name\) more than 1000 times/);
    assert.deepEqual(at(laughs, refused.diagnostics, 'codebook.syntax'), { line: 2, column: 9 });
  });

  it('names the whole key that appears twice', () => {
    const text = 'codes:\n  dup:\n    label: A\n  dup:\n    label: B\n';
    const cb = parseCodebook(text);
    assert.deepEqual(at(text, cb.diagnostics, 'codebook.duplicate'), { line: 4, column: 3 });
    assert.match(messages(cb)[0], /^'dup' appears twice at this level/);
    const d = cb.diagnostics[0];
    assert.equal(text.slice(d.span.start, d.span.end), 'dup');
  });

  it('names the second of two keys without a value, however deep', () => {
    const text = 'codes:\n  a:\n    codes:\n      b:\n      b:\n';
    const cb = parseCodebook(text);
    assert.deepEqual(at(text, cb.diagnostics, 'codebook.duplicate'), { line: 5, column: 7 });
    const d = cb.diagnostics.find((x) => x.code === 'codebook.duplicate')!;
    assert.equal(text.slice(d.span.start, d.span.end), 'b');
    assert.equal(d.args?.key, 'b');
  });

  it('ends a problem at the end of the file at the latest', () => {
    const text = 'codes:\n  x:\n    label: "abc';
    const cb = parseCodebook(text);
    assert.deepEqual(cb.diagnostics.map((d) => d.code), ['codebook.syntax']);
    assert.ok(cb.diagnostics[0].span.end <= text.length, JSON.stringify(cb.diagnostics[0].span));
  });

  it('never throws on YAML-ish text, and every problem lies inside it', () => {
    const token = fc.constantFrom(
      'codes:', 'project:', 'title:', 'label:', 'language: de', 'speaker_pattern: ', '"^(?<speaker>(a+)+)="', "'\\1'",
      'color:', 'merged_into:', 'aliases:', '\n', '\r\n', '\r', '  ', '    ', '\t', '- ', '? ', ': ', ':', ',', '[', ']', '{', '}',
      '"', "'", '*', '&', '*a', '&a ', '*Geduld*', '<<: *a', '!!binary ', '!tag ', '!!map ', '|', '>-', '#', '---', '...', '%YAML 1.2',
      'a', 'geduld', 'Geduld', '~', 'null', '0', '1e3', '\\', '\uFEFF', '\u2028', 'é', '😀', '\u0000',
    );
    const yamlish = fc.array(token, { maxLength: 60 }).map((t) => t.join(''));
    const mutated = fc
      .tuple(fc.nat(SMALL_CODEBOOK.length), fc.nat(40), fc.array(token, { maxLength: 6 }))
      .map(([at, cut, inserted]) => SMALL_CODEBOOK.slice(0, at) + inserted.join('') + SMALL_CODEBOOK.slice(at + cut));
    fc.assert(
      fc.property(fc.oneof(yamlish, mutated, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        const cb = parseCodebook(text);
        for (const d of cb.diagnostics) {
          assert.ok(0 <= d.span.start && d.span.start <= d.span.end && d.span.end <= text.length, `${d.code} ${JSON.stringify(d.span)} in ${text.length}`);
          assert.doesNotThrow(() => diagnosticMessage(d, 'en') + diagnosticMessage(d, 'nl'));
        }
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});

describe('codebook speaker patterns and language', () => {
  /** Speakers of the turns in `body` under a codebook with this speaker pattern. */
  function speakers(pattern: string, body: string): string[] {
    const cb = parseCodebook(`project:\n  speaker_pattern: '${pattern}'\ncodes: {}\n`);
    assert.deepEqual(cb.diagnostics, []);
    return parseTranscript(body, cb.settings).turns.map((t) => t.speaker);
  }

  it('reads the named group speaker, in both spellings, and JavaScript\'s \\u escapes', () => {
    assert.deepEqual(speakers('^(?<speaker>[A-Z]+)>', 'AB> hallo\nnee\nC> ja\n'), ['AB', 'C']);
    assert.deepEqual(speakers('^(?P<speaker>[A-Z]+)>', 'AB> hallo\n'), ['AB']);
    assert.deepEqual(speakers('^(?<speaker>\\u00c9[a-z]+):', 'Émile: bonjour\n'), ['Émile']);
    assert.deepEqual(speakers('^\\[(\\p{Lu}+)\\] ', '[ÉA] oui\n'), ['ÉA']);
  });

  it('runs a pattern that backtracks for ages in linear time', () => {
    const lines = `${'a'.repeat(28)}b\n`.repeat(3) + 'aaa= hallo\n';
    assert.deepEqual(speakers('^(?<speaker>(a+)+)=', lines), ['aaa']);
  });

  it('says what RE2 does not have, at the pattern, and what to write instead', () => {
    const backreference = "project:\n  speaker_pattern: '^(\\w)\\1='\ncodes: {}\n";
    const cb = parseCodebook(backreference);
    assert.deepEqual(at(backreference, cb.diagnostics, 'codebook.pattern'), { line: 2, column: 20 });
    assert.match(diagnosticMessage(cb.diagnostics[0], 'en'), /^speaker_pattern uses a backreference \(\\1\): .*RE2.*Write out what it should match instead; the default pattern is used until then\.$/);
    assert.equal(cb.settings.speakerPattern.custom, undefined, 'the default pattern is used');
    const lookahead = parseCodebook("project:\n  speaker_pattern: '^(?<speaker>[A-Z]+)(?==)'\ncodes: {}\n");
    assert.match(diagnosticMessage(lookahead.diagnostics[0], 'en'), /uses a lookahead or lookbehind \(\(\?=\): .*outside the group 'speaker'/);
    assert.match(diagnosticMessage(lookahead.diagnostics[0], 'nl'), /gebruikt een lookahead of lookbehind/);
    const lookbehind = parseCodebook("project:\n  speaker_pattern: '(?<=^)(?<speaker>[A-Z]+)='\ncodes: {}\n");
    assert.equal(lookbehind.diagnostics[0].args.unsupported, 'lookaround');
    // Brackets hold no lookaround; a pattern that is wrong anyway says so as before.
    const broken = parseCodebook("project:\n  speaker_pattern: '^[(?=](unclosed'\ncodes: {}\n");
    assert.match(diagnosticMessage(broken.diagnostics[0], 'en'), /^speaker_pattern is not a valid regular expression \(missing closing \)/);
  });

  it('warns about a language Codeboom does not speak, and says what it uses', () => {
    const text = 'project:\n  language: de\ncodes:\n  a:\n    label: {de: Geduld, en: Patience}\n';
    const cb = parseCodebook(text);
    assert.deepEqual(at(text, cb.diagnostics, 'codebook.language'), { line: 2, column: 13 });
    assert.equal(cb.diagnostics[0].severity, 'warning');
    assert.match(diagnosticMessage(cb.diagnostics[0], 'en'), /Dutch \(nl\) and English \(en\), not 'de': reports are written in English/);
    assert.match(diagnosticMessage(cb.diagnostics[0], 'nl'), /Nederlands \(nl\) en Engels \(en\), geen 'de'/);
    assert.equal(cb.codes.size, 1, 'the codebook is read all the same');
    for (const language of ['nl', 'en', 'nl-BE', 'en-GB']) {
      assert.deepEqual(parseCodebook(`project:\n  language: ${language}\ncodes: {}\n`).diagnostics, [], language);
    }
  });
});
