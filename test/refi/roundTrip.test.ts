/**
 * Round trips: importing what was exported gives the same segments (same code, same participant, same
 * text) as the original project, for the Stay Tuned example and for a project with nested and
 * overlapping passages, paragraph codings, non-ASCII text and CRLF line ends.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { exportQdc, exportQdpx, importQdc, importQdpx } from '../../server/src/engine/refi';
import { cleanDocument } from '../../server/src/engine/transcript/transcript';
import { loadProject } from '../../server/src/node/projectFiles';
import fc from 'fast-check';
import { tempProject } from '../helpers/tempProject';
import type { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { FIXTURES, indexOf, segmentLines, STAY_TUNED } from './helpers';

for (const [name, folder] of [
  ['the Stay Tuned example', STAY_TUNED],
  ['a project with overlapping and nested passages and non-ASCII text', path.join(FIXTURES, 'refi-overlap')],
] as const) {
  describe(`REFI-QDA round trip of ${name}`, () => {
    let original: ProjectIndex;
    let plan: ReturnType<typeof importQdpx>;
    let imported: ReturnType<typeof indexOf>;
    before(async () => {
      original = (await loadProject(folder)).index;
      plan = importQdpx(exportQdpx(original));
      imported = indexOf(plan.files);
    });

    it('gives the same segments: same code, same participant, same text', () => {
      assert.deepEqual(plan.skipped, []);
      const before = segmentLines(original);
      assert.ok(before.length > 5);
      assert.deepEqual(segmentLines(imported), before);
    });

    it('writes transcripts whose text without markup is the original text, and that have no problems', () => {
      for (const doc of original.documents()) {
        const parsed = original.parsed(doc.id)!;
        const clean = cleanDocument(parsed);
        const body = clean.text.slice(clean.toClean(parsed.bodyStart));
        const copy = imported.parsed(`transcripts/${doc.id.split('/').pop()}`)!;
        const copyClean = cleanDocument(copy);
        assert.equal(copyClean.text.slice(copyClean.toClean(copy.bodyStart)), body);
        assert.deepEqual(copy.problems, []);
        assert.deepEqual(copy.frontMatter?.variables ?? {}, parsed.frontMatter?.variables ?? {});
      }
    });

    it('keeps the code tree, its labels in the project language and the GUIDs', () => {
      const before = original.codebook;
      const after = imported.codebook;
      assert.equal(after.codes.size, before.codes.size);
      const tree = (cb: typeof before, lang: string) =>
        [...cb.codes.values()].map((c) => `${c.depth} ${c.codable} ${c.color ?? '-'} ${cb.codes.get(c.path)!.label[lang] ?? c.label['*']}`);
      assert.deepEqual(tree(after, '*'), tree(before, before.settings.language));
    });

    it('keeps the same code GUIDs when the imported codebook is exported again', () => {
      const guids = (qdc: string) => [...qdc.matchAll(/guid="([^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual(guids(exportQdc(imported)), guids(exportQdc(original)));
      const again = importQdc(new TextEncoder().encode(exportQdc(original)), undefined);
      assert.deepEqual(guids(exportQdc({ codebook: again.codebook })), guids(exportQdc(original)));
    });
  });
}

describe('REFI-QDA round trip with byte-order marks', () => {
  const codebookYaml = 'project:\n  transcripts: ["*.txt"]\ncodes:\n  a:\n    label: A\n  b:\n    label: B\n';

  it('keeps every U+FEFF after the first mark as a character: {{world}} stays world (property)', async () => {
    const piece = fc.constantFrom('\ufeff', 'T1= ', 'I= ', 'w', 'orld ', 'é', '😀', '\n', '\n\n', '\r\n', '{{\ufeffwor\ufeffld}}[[a]]', '{{x}}[[b]]', '{{#p \ufeffx', '}}#p[[a]]', ' zin\ufeff [[b]]');
    const project = tempProject({ 'codebook.yaml': codebookYaml });
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(piece, { maxLength: 25 }).map((p) => p.join('')), fc.constantFrom('', '\ufeff', '\ufeff\ufeff'), async (pieces, marks) => {
          const body = `${pieces}T9= x`;
          project.write('T.txt', Buffer.from(`${marks}---\nparticipant: P1\n---\n${body}`, 'utf8'));
          const original = (await loadProject(project.root)).index;
          // A coding of no text (a paragraph of markup only) has no selection to export: not this test's subject.
          if (original.get('T.txt')!.resolved.segments.some((s) => s.span.start === s.span.end)) return;
          const plan = importQdpx(exportQdpx(original));
          assert.deepEqual(plan.skipped, []);
          const imported = indexOf(plan.files);
          assert.deepEqual(segmentLines(imported), segmentLines(original));
          // The text without markup and front matter is the same: no U+FEFF lost, none added.
          const bodyOf = (index: typeof original, id: string) => {
            const parsed = index.parsed(id)!;
            const clean = cleanDocument(parsed);
            return clean.text.slice(clean.toClean(parsed.bodyStart));
          };
          assert.equal(bodyOf(imported, 'transcripts/T.txt'), bodyOf(original, 'T.txt'));
        }),
        { numRuns: 60 },
      );
    } finally {
      project.dispose();
    }
  });
});
