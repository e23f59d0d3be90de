import { strict as assert } from 'node:assert';
import { ByteStrings } from '../../server/src/engine/text/byteStrings';

const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('strings for recurring byte runs', () => {
  it('gives the decoded text of a run, the same string object each time it recurs', () => {
    let facts = 0;
    const table = new ByteStrings((text) => (facts++, text.length));
    const a = table.get(bytes('xx afstemmen/geduld yy'), 3, 19);
    const b = table.get(bytes('afstemmen/geduld'), 0, 16);
    assert.equal(a.text, 'afstemmen/geduld');
    assert.equal(a.fact, 16);
    assert.equal(b, a, 'the second occurrence is the first entry');
    assert.equal(facts, 1, 'the fact is worked out once');
  });

  it('keeps its own copy, so a buffer the caller reuses cannot change a known run', () => {
    const table = new ByteStrings(() => undefined);
    const buffer = bytes('geduld');
    assert.equal(table.get(buffer, 0, 6).text, 'geduld');
    buffer.write('humor!');
    assert.equal(table.get(buffer, 0, 6).text, 'humor!');
    assert.equal(table.get(bytes('geduld'), 0, 6).text, 'geduld');
  });

  it('tells apart runs that differ in one byte or in length, and decodes UTF-8', () => {
    const table = new ByteStrings(() => undefined);
    const words = ['a', 'b', 'ab', 'ba', 'abc', 'naïef', 'naief', 'café/crème', '😀', 'T1', 'T10', 'T11'];
    for (let round = 0; round < 2; round++) {
      for (const w of words) assert.equal(table.get(bytes(`[${w}]`), 1, 1 + Buffer.byteLength(w)).text, w);
    }
  });

  it('still decodes correctly when it is full, and for empty and long runs', () => {
    const table = new ByteStrings(() => undefined, 4);
    for (let i = 0; i < 50; i++) assert.equal(table.get(bytes(`code-${i}`), 0, `code-${i}`.length).text, `code-${i}`);
    assert.equal(table.get(bytes('x'), 0, 0).text, '');
    const long = 'lang/'.repeat(60);
    assert.equal(table.get(bytes(long), 0, long.length).text, long);
  });
});
