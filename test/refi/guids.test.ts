/**
 * An export is always valid and importable, whatever the codebook's slugs and stored GUIDs: every GUID
 * in it is different, and the same codebook gives the same GUIDs.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { exportQdc } from '../../server/src/engine/refi/qdcExport';
import { importQdc } from '../../server/src/engine/refi/qdcImport';
import { buildQdpx } from '../../server/src/engine/refi/qdpxExport';
import { importQdpx } from '../../server/src/engine/refi/qdpxImport';
import { derivedCodeGuid } from '../../server/src/engine/refi/refiCodes';
import { qdpx, validate } from './helpers';

const guidsOf = (xml: string) => [...xml.matchAll(/ guid="([^"]+)"/g)].map((m) => m[1]);

function assertDistinct(guids: string[], what: string): void {
  const seen = new Set<string>();
  for (const g of guids) {
    assert.ok(!seen.has(g), `${what}: the GUID ${g} is written twice`);
    seen.add(g);
  }
}

/** A codebook tree: slugs from a small set that includes ones with a slash, so paths collide. */
const SLUGS = ['a', 'b', 'a/b', 'b/a', 'c', 'Geduld'];
const GUIDS = [derivedCodeGuid('a'), derivedCodeGuid('a/b'), derivedCodeGuid('b'), '{0E9D1F5A-1111-4C2B-9A1E-000000000001}', '0e9d1f5a-1111-4c2b-9a1e-000000000001', 'not a guid'];

type Tree = Record<string, { label: string; guid?: string; codable?: boolean; codes?: Tree }>;
const tree: fc.Memo<Tree> = fc.memo((depth) =>
  fc.dictionary(
    fc.constantFrom(...SLUGS),
    fc.record(
      {
        label: fc.constantFrom('Geduld', 'Rust', 'Wachten', 'A & B <c>'),
        guid: fc.constantFrom(...GUIDS),
        codable: fc.boolean(),
        codes: depth > 1 ? tree(depth - 1) : fc.constant({}),
      },
      { requiredKeys: ['label'] },
    ),
    { maxKeys: 4 },
  ),
);

describe('REFI-QDA GUIDs', () => {
  it('writes a root slug a/b beside a nested a: codes: b: as two codes with their own GUIDs, and imports it again', async () => {
    const codebook = parseCodebook('codes:\n  a/b:\n    label: Root\n  a:\n    label: A\n    codes:\n      b:\n        label: B\n');
    const qdc = exportQdc({ codebook });
    assertDistinct(guidsOf(qdc), 'qdc');
    assert.deepEqual((await validate(qdc, 'Codebook')).errors, []);
    assert.doesNotThrow(() => importQdc(new TextEncoder().encode(qdc), undefined));
  });

  it('gives every code and element its own GUID, valid and importable, for any codebook, the same each time', async function () {
    // Each run validates two files with libxml2 compiled to WebAssembly, a few hundred milliseconds.
    this.timeout(120000);
    await fc.assert(
      fc.asyncProperty(tree(3), async (codes) => {
        const text = stringify({ codes });
        const codebook = parseCodebook(text);
        if (codebook.codes.size === 0) return;
        const qdc = exportQdc({ codebook });
        assertDistinct(guidsOf(qdc), 'qdc');
        assert.equal(exportQdc({ codebook: parseCodebook(text) }), qdc, 'stable');
        assert.deepEqual((await validate(qdc, 'Codebook')).errors, []);
        importQdc(new TextEncoder().encode(qdc), undefined);

        const index = new ProjectIndex(codebook);
        const tags = [...codebook.codes.keys()].map((p) => `{{woord}}[[${p}]]`).join(' ');
        index.set('T1.txt', `---\nparticipant: T1\n---\nT1= ${tags}\n`);
        const content = buildQdpx(index);
        // A Case has the GUID of the code that stands for it (for QualCoder); everything else its own.
        assertDistinct(guidsOf(content.qde.replace(/<Case [^>]*>/g, '')), 'qdpx');
        assert.deepEqual((await validate(content.qde, 'Project')).errors, []);
        importQdpx(qdpx(content.qde, Object.fromEntries(content.sources.map((s) => [s.name, s.data]))));
      }),
      { numRuns: 40 },
    );
  });
});
