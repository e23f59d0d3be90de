import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import type { Span } from '../../server/src/engine/diagnostics';
import { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { parseTranscript } from '../../server/src/engine/transcript/transcript';
import { digestBytes, digestParsed } from '../../server/src/engine/transcript/digest';
import { speakerMatcher } from '../../server/src/engine/transcript/speakers';
import { compileSpeakerPattern, defaultSettings, DEFAULT_SPEAKER_PATTERN } from '../../server/src/engine/project/settings';
import { resolveTranscript } from '../../server/src/engine/transcript/resolve';
import { SMALL_CODEBOOK } from '../helpers/tempProject';
import { DOCUMENT_DIAGNOSTIC_LIMIT } from '../../server/src/engine/diagnosticLimit';

const codebook = parseCodebook(SMALL_CODEBOOK);

/** Pieces transcripts are made of, markup and its mistakes included, so random texts hit every path. */
const piece = fc.constantFrom(
  'T1= ', 'T2= ', 'I= ', 'Interviewer: ', '\n', '\n\n', '\r\n', '\r', ' ', 'woord ', 'cliënt ', '😀', 'e\u0301', '\ufeff',
  '[[effect/band]]', '[[afstemmen/geduld | memo]]', '[[afstemmen/wachten]]', '[[effect/oud]]', '[[onbekend/code]]',
  '[[afstemmen]]', '[[', ']]', '[[]]', '{{', '}}', '{{#a ', '}}#a', '{{#b ', '}}#b', '[32:56]', '(lacht)', '[inaudible]',
  '---\n', 'participant: T1\n', 'participant: [T1, T2]\n', 'discipline: drama\n', ': x\n',
);
const transcriptText = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
/** A few pieces, each repeated up to 1,500 times: more problems than a document lists. */
const pathologicalText = fc
  .array(fc.tuple(piece, fc.nat(1500)), { minLength: 1, maxLength: 4 })
  .map((runs) => runs.map(([p, n]) => p.repeat(n)).join(''));

function snapshot(index: ProjectIndex) {
  const docs = index.documents().map((d) => ({
    id: d.id,
    segments: d.resolved.segments.map((s) => [s.code, s.span.start, s.span.end, s.participant, s.role, s.memos.join('|')]),
    diagnostics: d.resolved.diagnostics.map((x) => [x.code, x.span.start, x.span.end, x.severity]),
  }));
  const counts = index.codedPaths().sort().map((p) => [p, [...index.countsOf(p, true)].sort()]);
  return { docs, counts, participants: index.participants(), interviewers: index.interviewers() };
}

type Edit =
  | { kind: 'set'; doc: number; text: string }
  | { kind: 'splice'; doc: number; at: number; remove: number; insert: string }
  | { kind: 'delete'; doc: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), doc: fc.nat(4), text: transcriptText }),
  fc.record({ kind: fc.constant('splice' as const), doc: fc.nat(4), at: fc.nat(400), remove: fc.nat(20), insert: transcriptText }),
  fc.record({ kind: fc.constant('delete' as const), doc: fc.nat(4) }),
);

describe('project index', () => {
  it('after random edits, the incrementally updated index equals one rebuilt from scratch', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), (edits) => {
        const incremental = new ProjectIndex(codebook);
        const texts = new Map<string, string>();
        for (const e of edits) {
          const id = `T${e.doc}.txt`;
          if (e.kind === 'set') {
            incremental.set(id, e.text);
            texts.set(id, e.text);
          } else if (e.kind === 'splice') {
            const old = texts.get(id) ?? '';
            const at = Math.min(e.at, old.length);
            const next = old.slice(0, at) + e.insert + old.slice(at + e.remove);
            incremental.set(id, next);
            texts.set(id, next);
          } else {
            incremental.delete(id);
            texts.delete(id);
          }
        }
        const rebuilt = new ProjectIndex(codebook);
        for (const [id, text] of texts) rebuilt.set(id, text);
        assert.deepEqual(snapshot(incremental), snapshot(rebuilt));
      }),
      { numRuns: 300 },
    );
  });

  it('stays equal to a rebuild when the codebook changes under it', () => {
    fc.assert(
      fc.property(fc.array(transcriptText, { maxLength: 5 }), (texts) => {
        const index = new ProjectIndex(codebook);
        texts.forEach((t, i) => index.set(`d${i}.txt`, t));
        const changed = parseCodebook(SMALL_CODEBOOK.replace('      oud:\n', '      oud2:\n').replace('project:\n', 'project:\n  interviewers: [T2]\n'));
        index.setCodebook(changed);
        const rebuilt = new ProjectIndex(changed);
        texts.forEach((t, i) => rebuilt.set(`d${i}.txt`, t));
        assert.deepEqual(snapshot(index), snapshot(rebuilt));
      }),
      { numRuns: 100 },
    );
  });

  it('never throws and never puts a position outside the document, whatever the input', () => {
    const inside = (span: Span, length: number) => {
      assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `span ${span.start}-${span.end} in ${length}`);
    };
    fc.assert(
      fc.property(fc.oneof(transcriptText, fc.string({ unit: 'binary', maxLength: 300 }), pathologicalText), (text) => {
        const parsed = parseTranscript(text, codebook.settings);
        const resolved = resolveTranscript(digestParsed(parsed), codebook, 'doc');
        const n = text.length;
        assert.ok(resolved.diagnostics.length <= DOCUMENT_DIAGNOSTIC_LIMIT + 1, 'at most a thousand diagnostics and one that counts the rest');
        for (const t of parsed.turns) (inside(t.span, n), inside(t.labelSpan, n));
        for (const p of parsed.paragraphs) inside(p.span, n);
        for (const t of parsed.tags) (inside(t.span, n), inside(t.pathSpan, n));
        for (const p of parsed.passages) (inside(p.openSpan, n), inside(p.closeSpan, n), inside(p.content, n));
        for (const m of parsed.markup) inside(m, n);
        for (const s of resolved.segments) inside(s.span, n);
        for (const d of resolved.diagnostics) inside(d.span, n);
        for (let i = 1; i < parsed.markup.length; i++) assert.ok(parsed.markup[i - 1].end <= parsed.markup[i].start, 'markup does not overlap');
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps counts per code and participant as documents come and go', () => {
    const index = new ProjectIndex(codebook);
    index.set('a.txt', '---\nparticipant: T1\n---\nT1= x [[effect/band]]\n\nT1= y [[effect/band]]\n\nI= vraag [[effect/band]]\n');
    index.set('b.txt', '---\nparticipant: T2\n---\nT2= z [[effect/band]] [[afstemmen/geduld]]\n');
    assert.deepEqual([...index.countsOf('effect/band')], [['T1', 2], ['T2', 1]]);
    assert.deepEqual([...index.countsOf('effect/band', true)].sort(), [['I', 1], ['T1', 2], ['T2', 1]]);
    assert.deepEqual(index.participants(), ['T1', 'T2']);
    index.set('b.txt', '---\nparticipant: T2\n---\nT2= z\n');
    assert.deepEqual([...index.countsOf('effect/band')], [['T1', 2]]);
    assert.equal(index.countsOf('afstemmen/geduld').size, 0);
    index.delete('a.txt');
    assert.equal(index.countsOf('effect/band').size, 0);
    assert.deepEqual(index.participants(), ['T2'], 'a participant without segments still counts as one');
  });
});

describe('indexing from bytes', () => {
  it('a digest made from bytes equals the digest of the parsed text', () => {
    fc.assert(
      fc.property(fc.oneof(transcriptText, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        const bytes = Buffer.from(text, 'utf8');
        const fromBytes = digestBytes(bytes, codebook.settings);
        const fromText = digestParsed(parseTranscript(text, codebook.settings));
        assert.deepEqual(
          { ...fromBytes, lineStarts: [...fromBytes.lineStarts] },
          { ...fromText, lineStarts: [...fromText.lineStarts] },
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('a document set from bytes counts and checks exactly as one set from text, and reads its words on demand', () => {
    fc.assert(
      fc.property(fc.array(transcriptText, { maxLength: 4 }), (texts) => {
        const files = new Map(texts.map((t, i) => [`d${i}.txt`, t]));
        const fromText = new ProjectIndex(codebook);
        const fromBytes = new ProjectIndex(codebook, { readText: (id) => files.get(id) });
        for (const [id, t] of files) {
          fromText.set(id, t);
          fromBytes.setBytes(id, Buffer.from(t, 'utf8'));
        }
        assert.deepEqual(snapshot(fromBytes), snapshot(fromText));
        for (const id of files.keys()) assert.equal(fromBytes.parsed(id)?.text, files.get(id));
      }),
      { numRuns: 200 },
    );
  });

  it('the byte matcher for the default speaker pattern agrees with the regular expression', () => {
    const line = fc
      .array(fc.constantFrom('T', '1', '2', 'I', 'NT', 'Interviewer', 'Onderzoeker', 'É', 'x', ' ', '\t', '=', ':', '[', ']', '12', ':34', '[1:02:03] ', '[32:56]', '²', 'ẞ'), { maxLength: 10 })
      .map((p) => p.join(''));
    // The same pattern written differently is a codebook's own, and runs in RE2.
    const custom = compileSpeakerPattern(DEFAULT_SPEAKER_PATTERN + '(?:)');
    assert.ok('custom' in custom && custom.custom);
    const fallback = speakerMatcher({ speakerPattern: custom });
    const fast = speakerMatcher(defaultSettings());
    fc.assert(
      fc.property(line, (text) => {
        const bytes = Buffer.from(text, 'utf8');
        assert.deepEqual(fast(bytes, 0, bytes.length), fallback(bytes, 0, bytes.length), JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });
});
