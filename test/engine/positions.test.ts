import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeLineStarts, stripBom, TextPositions } from '../../server/src/engine/text/positions';
import { decodeUtf8, Utf8Offsets, Utf8Tally } from '../../server/src/engine/text/utf8';
import { SMALL_CODEBOOK, tempProject } from '../helpers/tempProject';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { digestBytes, digestParsed } from '../../server/src/engine/transcript/digest';
import { parseTranscript } from '../../server/src/engine/transcript/transcript';
import { readTranscriptNow } from '../../server/src/engine/project/projectLoader';
import { decodeText } from '../../server/src/engine/text/fileText';
import { NodeHost, pathToUri } from '../../server/src/node/nodeHost';
import { loadProject } from '../../server/src/node/projectFiles';

describe('positions', () => {
  it('counts lines across \\n, \\r\\n and a lone \\r', () => {
    const p = new TextPositions('a\nbb\r\nccc\rd');
    assert.deepEqual(p.lineStarts, [0, 2, 6, 10]);
    assert.deepEqual(p.positionAt(7), { line: 2, character: 1 });
    assert.equal(p.lineText(1), 'bb');
    assert.equal(p.offsetAt({ line: 1, character: 99 }), 4, 'a column past the end stops before the line break');
    assert.equal(p.lineAt(5), 1, 'the \\n of a \\r\\n belongs to the line it ends');
  });

  it('gives UTF-16 columns and code points for emoji and combining characters', () => {
    // "e" + combining acute is two code points; the emoji is two UTF-16 units but one code point.
    const text = 'Cliënt 😀 zei: cafe\u0301!';
    const p = new TextPositions(text);
    const bang = text.indexOf('!');
    assert.equal(bang, 20);
    assert.equal(p.toCodePoint(bang), 19);
    assert.equal(p.fromCodePoint(19), bang);
    assert.equal(p.codePointLength, [...text].length);
    assert.equal(p.toCodePoint(text.indexOf('😀') + 2), 8);
  });

  it('treats an offset inside a surrogate pair as the pair start', () => {
    const p = new TextPositions('a😀b');
    assert.equal(p.toCodePoint(2), 1);
    assert.equal(p.toCodePoint(3), 2);
  });

  it('strips a byte-order mark', () => {
    assert.deepEqual(stripBom('\ufeffT1= hoi'), { text: 'T1= hoi', hadBom: true });
    assert.deepEqual(stripBom('T1= hoi'), { text: 'T1= hoi', hadBom: false });
  });

  it('strips only the first of two byte-order marks: the second is a character', () => {
    assert.deepEqual(stripBom('\ufeff\ufeffT1= hoi'), { text: '\ufeffT1= hoi', hadBom: true });
    const twice = Buffer.from('\ufeff\ufeffT1= {{world}}[[a]]', 'utf8');
    const read = decodeText(twice, 'T.txt');
    assert.ok(read.ok);
    assert.equal(read.text, '\ufeffT1= {{world}}[[a]]');
    const project = tempProject({ 'T.txt': twice });
    try {
      const file = readTranscriptNow(new NodeHost(), pathToUri(project.file('T.txt')), 'T.txt')!;
      assert.ok(file.ok);
      assert.deepEqual([...file.bytes], [...Buffer.from(read.text, 'utf8')], 'the bytes path keeps what the text path keeps');
    } finally {
      project.dispose();
    }
  });

  it('decodes a U+FEFF at the start of any stretch of bytes as the character it is', () => {
    const bytes = Buffer.from('a\ufeffb', 'utf8');
    assert.equal(decodeUtf8(bytes, 1, bytes.length), '\ufeffb');
    assert.equal(decodeUtf8(new Uint8Array(bytes), 1, bytes.length), '\ufeffb');
  });

  it('after the first byte-order mark, every U+FEFF keeps its place: from bytes, from text and on disk (property)', async () => {
    const codebook = parseCodebook(SMALL_CODEBOOK);
    const piece = fc.constantFrom(
      '\ufeff', '\ufeff\ufeff', 'T1= ', 'I= ', '\n', '\r\n', ' ', 'woord ', 'cliënt', '😀',
      '[[effect/band]]', '[[\ufeffeffect/band]]', '[[afstemmen/geduld | \ufeffmemo]]', '{{', '}}', '{{#a ', '}}#a', '[[', '---\n', 'participant: T1\n',
    );
    const project = tempProject({ 'codebook.yaml': SMALL_CODEBOOK });
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), fc.boolean(), async (written, firstBom) => {
          const bytes = Buffer.from((firstBom ? '\ufeff' : '') + written, 'utf8');
          // The file's first mark is not text, whether it was added or the text starts with one.
          const text = firstBom ? written : written.replace(/^\ufeff/, '');
          const read = decodeText(bytes, 'T.txt');
          assert.ok(read.ok);
          assert.equal(read.text, text, 'only the first mark is taken off');
          project.write('T.txt', bytes);
          const file = readTranscriptNow(new NodeHost(), pathToUri(project.file('T.txt')), 'T.txt')!;
          assert.ok(file.ok);
          const parsed = parseTranscript(read.text, codebook.settings);
          // A transcript's one table of lines comes from its scan; a text that is not scanned finds the same.
          assert.deepEqual([...parsed.positions.lineStarts], computeLineStarts(text));
          const fromBytes = digestBytes(file.bytes, codebook.settings);
          const fromText = digestParsed(parsed);
          assert.deepEqual({ ...fromBytes, lineStarts: [...fromBytes.lineStarts] }, { ...fromText, lineStarts: [...fromText.lineStarts] });
          for (const tag of parsed.tags) {
            assert.equal(text.slice(tag.pathSpan.start, tag.pathSpan.end), tag.path, 'a tag path is the text at its span');
            if (tag.memoSpan) assert.equal(text.slice(tag.memoSpan.start, tag.memoSpan.end), tag.memo);
          }
          for (const turn of parsed.turns) assert.equal(text.slice(turn.labelSpan.start, turn.labelSpan.end).trim(), turn.speaker);
          const loaded = (await loadProject(project.root)).index;
          const doc = loaded.get('T.txt')!;
          assert.equal(loaded.parsed('T.txt')?.text, text);
          for (const s of doc.resolved.segments) assert.ok(s.span.end <= text.length);
        }),
        { numRuns: 300 },
      );
    } finally {
      project.dispose();
    }
  });

  it('round-trips every offset through code points and line/column', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }).map((s) => '\ufeff' + s + '\r\n😀\ufeffé\u0301\n'), (text) => {
        const p = new TextPositions(text);
        const cps = [...text];
        let utf16 = 0;
        for (let cp = 0; cp <= cps.length; cp++) {
          assert.equal(p.fromCodePoint(cp), utf16);
          assert.equal(p.toCodePoint(utf16), cp);
          if (cp < cps.length) utf16 += cps[cp].length;
        }
        for (let o = 0; o <= text.length; o++) {
          const pos = p.positionAt(o);
          const back = p.offsetAt(pos);
          // Offsets between \r and \n map to the line's end.
          assert.ok(back === o || (text[o - 1] === '\r' && text[o] === '\n' && back === o - 1));
        }
      }),
    );
  });
});

describe('UTF-8 offsets', () => {
  it('convert every character boundary of the bytes to the UTF-16 offset of the same place', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), fc.nat(7), (text, pad) => {
        // A buffer at an odd place in memory, as Node's pooled buffers often are.
        const whole = Buffer.from('x'.repeat(pad) + text, 'utf8');
        const bytes = whole.subarray(pad);
        const offsets = new Utf8Offsets(bytes);
        let byte = 0;
        let unit = 0;
        for (const ch of text) {
          assert.equal(offsets.toUtf16(byte), unit);
          const len = Buffer.byteLength(ch, 'utf8');
          for (let k = 1; k < len; k++) assert.equal(offsets.toUtf16(byte + k), unit, 'inside a character');
          byte += len;
          unit += ch.length === 2 || ch.codePointAt(0)! > 0xffff ? 2 : 1;
        }
        assert.equal(offsets.toUtf16(byte), unit);
      }),
      { numRuns: 2000 },
    );
  });

  it('convert as they do alone when converters of several texts are used in turn', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 60 }), { minLength: 2, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 40 }), (texts, picks) => {
        const bytes = texts.map((t) => Buffer.from(t, 'utf8'));
        // Each text converted alone (the test above checks that against the characters).
        const alone = bytes.map((b) => {
          const offsets = new Utf8Offsets(b);
          return Array.from({ length: b.length + 1 }, (_, i) => offsets.toUtf16(i));
        });
        // One project's converters share their lists (the index's workspace); each takes them back in turn.
        const tally = new Utf8Tally();
        const converters = bytes.map((b) => new Utf8Offsets(b, tally));
        for (const pick of picks) {
          const t = pick % texts.length;
          const at = (pick >> 2) % (bytes[t].length + 1);
          assert.equal(converters[t].toUtf16(at), alone[t][at]);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
