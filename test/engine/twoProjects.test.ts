import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { scanColumns, structureOf } from '../../server/src/engine/transcript/scan';
import { ScanWorkspace } from '../../server/src/engine/transcript/scanWorkspace';
import { SMALL_CODEBOOK } from '../helpers/tempProject';

/**
 * One process holds two projects (a web worker that outlives a folder, the tests, a server with two
 * workspace folders): neither's indexing may change what the other finds, however their work interleaves.
 */

// Two projects that read the same bytes differently: the second has its own speaker labels (`who>`), its
// own interviewers and no alias, so a scan or a verdict carried over from the first would show.
const codebookA = parseCodebook(SMALL_CODEBOOK);
const codebookB = parseCodebook(
  SMALL_CODEBOOK.replace('  language: nl\n', '  language: nl\n  speaker_pattern: "^(?<speaker>[a-zé]+)>"\n  interviewers: [vraag]\n').replace(
    '        aliases: [afstemmen/wachten]\n',
    '',
  ),
);

const piece = fc.constantFrom(
  'T1= ', 'I= ', 'vraag> ', 'anné> ', '\n', '\n\n', '\r\n', ' ', 'woord ', 'cliënt ', '😀', '\u00a0',
  '[[effect/band]]', '[[afstemmen/geduld | memo]]', '[[afstemmen/wachten]]', '[[effect/oud]]', '[[onbekend/code]]', '[[pad/😀]]',
  '[[', ']]', '{{', '}}', '{{#a ', '}}#a', '---\n', 'participant: T1\n',
);
const text = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));

/** Everything a user sees of an index: each document's segments and problems, and the counts. */
function snapshot(index: ProjectIndex) {
  const docs = index.documents().map((d) => ({
    id: d.id,
    lines: [...d.digest.lineStarts],
    tags: d.digest.tags.map((t) => [t.path, t.span.start, t.span.end, t.memo]),
    segments: d.resolved.segments.map((s) => [s.code, s.span.start, s.span.end, s.participant, s.role, s.speaker]),
    diagnostics: d.resolved.diagnostics.map((x) => [x.code, x.span.start, x.span.end]),
  }));
  const counts = index.codedPaths().sort().map((p) => [p, [...index.countsOf(p, true)].sort()]);
  return { docs, counts, participants: index.participants() };
}

/** Adds a document as the loader does (bytes) or as an editor does (text), by its number. */
function add(index: ProjectIndex, i: number, t: string): void {
  if (i % 2 === 0) index.setBytes(`T${i}.txt`, Buffer.from(t, 'utf8'));
  else index.set(`T${i}.txt`, t);
}

describe('two projects in one process', () => {
  it('index interleaved as each does alone', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 6 }), (pairs) => {
        const aloneA = new ProjectIndex(codebookA);
        pairs.forEach(([a], i) => add(aloneA, i, a));
        const aloneB = new ProjectIndex(codebookB);
        pairs.forEach(([, b], i) => add(aloneB, i, b));

        const a = new ProjectIndex(codebookA);
        const b = new ProjectIndex(codebookB);
        pairs.forEach(([ta, tb], i) => {
          add(a, i, ta);
          add(b, i, tb);
        });
        // Each reads its open documents' words again, in turn, while the other indexes.
        pairs.forEach(([ta, tb], i) => {
          a.parsed(`T${i}.txt`);
          add(b, i, tb + ta);
          add(aloneB, i, tb + ta);
          b.parsed(`T${i}.txt`);
        });
        assert.deepEqual(snapshot(a), snapshot(aloneA));
        assert.deepEqual(snapshot(b), snapshot(aloneB));
      }),
      { numRuns: 200 },
    );
  });

  it('keep a scan’s records while another project scans, each in its own workspace', () => {
    const first = Buffer.from('T1= Hij wacht. [[afstemmen/geduld]]\n\nI= En dan? {{Dan speelt hij}}[[effect/band]]\n', 'utf8');
    const second = Buffer.from('anné> iets anders [[x/y]] [[a]]\n'.repeat(40), 'utf8');
    const settings = codebookA.settings;
    const expected = structureOf(scanColumns(first, settings, new ScanWorkspace()));

    const mine = new ScanWorkspace();
    const theirs = new ScanWorkspace();
    const columns = scanColumns(first, settings, mine);
    scanColumns(second, codebookB.settings, theirs);
    assert.deepEqual(structureOf(columns), expected);
  });
});
