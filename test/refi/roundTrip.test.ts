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
