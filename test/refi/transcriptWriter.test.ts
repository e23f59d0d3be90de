/**
 * Writing codings as passages: nested ones nest, overlapping ones get labels, and the transcript reads
 * back as exactly the planned codings over exactly the original text, for any text and any codings.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { defaultSettings } from '../../server/src/engine/project/settings';
import { writeTranscript, type PlannedCoding } from '../../server/src/engine/refi/transcriptWriter';
import { cleanDocument, parseTranscript } from '../../server/src/engine/transcript/transcript';

const settings = defaultSettings();

function write(text: string, codings: PlannedCoding[], participant?: string, variables: [string, string][] = []): string {
  const result = writeTranscript({ text, participant, variables, codings }, settings);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.text;
}

/** The codings a transcript makes, as "start:end:code" in offsets of its body without markup. */
function readBack(transcript: string): { body: string; codings: string[] } {
  const parsed = parseTranscript(transcript, settings);
  const clean = cleanDocument(parsed);
  const base = clean.toClean(parsed.bodyStart);
  return {
    body: clean.text.slice(base),
    codings: parsed.codings.map((c) => `${clean.toClean(c.span.start) - base}:${clean.toClean(c.span.end) - base}:${parsed.tags[c.tag].path}`).sort(),
  };
}

const at = (text: string, part: string, code: string, from = 0): PlannedCoding => {
  const start = text.indexOf(part, from);
  return { start, end: start + part.length, code };
};

describe('writing codings as passages', () => {
  it('nests nested codings and shares one passage between codes of the same text', () => {
    const text = 'Ik was bang maar ook blij.';
    const out = write(text, [at(text, 'Ik was bang maar ook blij', 'a'), at(text, 'bang', 'b'), at(text, 'bang', 'c')]);
    assert.equal(out, '{{Ik was {{bang}}[[b]][[c]] maar ook blij}}[[a]].');
  });

  it('labels only the passage that overlaps another without nesting', () => {
    const text = 'one two three four';
    const out = write(text, [at(text, 'one two', 'a'), at(text, 'two three', 'b'), at(text, 'four', 'c')]);
    assert.equal(out, '{{one {{#p1 two}}[[a]] three}}#p1[[b]] {{four}}[[c]]');
  });

  it('closes before it opens where one passage ends and the next begins, and handles empty codings', () => {
    const text = 'abcdef';
    const out = write(text, [{ start: 0, end: 3, code: 'a' }, { start: 3, end: 6, code: 'b' }, { start: 3, end: 3, code: 'c' }]);
    assert.equal(out, '{{abc}}[[a]]{{{{}}[[c]]def}}[[b]]');
    assert.deepEqual(readBack(out).codings, ['0:3:a', '3:3:c', '3:6:b']);
  });

  it('writes memos on one line, without anything that would end the tag early', () => {
    const text = 'Zo was het.';
    const out = write(text, [{ ...at(text, 'Zo', 'a'), memo: 'eerste regel\r\ntweede]] regel [x]' }]);
    assert.equal(out, '{{Zo}}[[a | eerste regel tweede] ] regel [x] ]] was het.');
    const parsed = parseTranscript(out, settings);
    assert.equal(parsed.tags[0].memo, 'eerste regel tweede] ] regel [x]');
  });

  it('writes front matter that reads back as the same texts, quoting only when it must', () => {
    const plain = write('Tekst.\n', [], 'T1', [['leeftijd', '34'], ['datum', '2016-03-14']]);
    assert.equal(plain, '---\nparticipant: T1\nleeftijd: 34\ndatum: 2016-03-14\n---\nTekst.\n');
    const quoted = write('Tekst.\n', [], 'Zoë de Vries', [['Age group', '007'], ['note', 'a: b # c'], ['empty', ''], ['flag', 'true']]);
    const parsed = parseTranscript(quoted, settings);
    assert.equal(parsed.frontMatter?.participant, 'Zoë de Vries');
    assert.deepEqual(parsed.frontMatter?.variables, { 'Age group': '007', note: 'a: b # c', empty: '', flag: 'true' });
  });

  it('keeps a text that starts with --- from being read as front matter', () => {
    const text = '---\nnot front matter\n---\nrest\n';
    const out = write(text, [at(text, 'rest', 'a')]);
    assert.deepEqual(readBack(out), { body: text, codings: [`${text.indexOf('rest')}:${text.indexOf('rest') + 4}:a`] });
  });

  it('labels a passage whose text starts like a label', () => {
    const text = 'x #tag here';
    const out = write(text, [at(text, '#tag here', 'a')]);
    assert.equal(out, 'x {{#p1 #tag here}}#p1[[a]]');
  });

  it('refuses a text that already holds markup, or braces that would merge with it, saying why', () => {
    const refused = (text: string, codings: PlannedCoding[]) => {
      const result = writeTranscript({ text, variables: [], codings }, settings);
      assert.equal(result.ok, false);
      return result.ok ? '' : result.reason;
    };
    assert.match(refused('a {{b}} c', []), /contains "\{\{" \(at character 2\), which Codeboom would read as markup/);
  });

  it('keeps the text and leaves out, by name, only the codings whose text meets a brace or bracket at its edge', () => {
    const codings = [
      { start: 2, end: 5, code: 'a' },
      { start: 6, end: 7, code: 'b' },
    ];
    const result = writeTranscript({ text: 'x {y} z', variables: [], codings }, settings);
    assert.ok(result.ok);
    assert.deepEqual(result.dropped, [codings[0]]);
    const back = readBack(result.text);
    assert.equal(back.body, 'x {y} z');
    assert.deepEqual(back.codings, ['6:7:b']);
  });

  it('writes any codings of any text so that they read back exactly (property)', () => {
    const chars = fc.constantFrom('a', 'b', ' ', '\n', '\r\n', 'é', '東', '😀', '\ufeff', '.', '#', 'T1: ', '-', '[', '}');
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 60 }).map((parts) => parts.join('')),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('a', 'b/c', 'd')), { maxLength: 8 }),
        (text, raw) => {
          // Offsets on code-point boundaries, as imports produce them.
          const bounds = [0];
          for (const ch of text) bounds.push(bounds[bounds.length - 1] + ch.length);
          const codings = raw.map(([x, y, code]) => {
            const [s, e] = [bounds[x % bounds.length], bounds[y % bounds.length]].sort((p, q) => p - q);
            return { start: s, end: e, code };
          });
          const result = writeTranscript({ text, variables: [], codings }, settings);
          if (!result.ok) {
            // Only a text with braces or brackets of its own may be refused.
            assert.match(text, /[{}[\]]/);
            assert.match(result.reason, /markup/);
            return;
          }
          // A coding may be left out only when a brace or bracket stands at its edge, and it is named.
          for (const c of result.dropped) assert.match(text.slice(Math.max(0, c.start - 1), c.end + 1), /[{}[\]]/);
          const kept = codings.filter((c) => !result.dropped.includes(c));
          const back = readBack(result.text);
          assert.equal(back.body, text);
          assert.deepEqual(back.codings, [...new Set(kept.map((c) => `${c.start}:${c.end}:${c.code}`))].sort());
        },
      ),
      { numRuns: 400, seed: 5 },
    );
  });
});
