/**
 * Importing a REFI-QDA codebook (.qdc): a new codebook.yaml with slugs made from names, or an update of
 * the existing one that keeps slugs, comments and codes the file does not have.
 */
import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { readDescription, writeDescription } from '../../server/src/engine/refi/description';
import { exportQdc } from '../../server/src/engine/refi/qdcExport';
import { importQdc } from '../../server/src/engine/refi/qdcImport';
import { derivedCodeGuid } from '../../server/src/engine/refi/refiCodes';

const G = (n: number) => `7d0c5e8a-0000-4000-8000-${String(n).padStart(12, '0')}`;
const encode = (s: string) => new TextEncoder().encode(s);

function qdc(codes: string): Uint8Array {
  return encode(`<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Other"><Codes>${codes}</Codes></CodeBook>`);
}

describe('REFI-QDA codebook import', () => {
  it('creates a codebook with slugs made from names, unique among siblings, labels and descriptions as written', () => {
    const result = importQdc(
      qdc(`<Code guid="{${G(1).toUpperCase()}}" name="Topics" isCodable="false">
             <Code guid="${G(2)}" name="Économie &amp; werk" isCodable="true" color="#FF0"><Description>Anything about jobs.</Description></Code>
             <Code guid="${G(3)}" name="Économie en werk" isCodable="true"/>
           </Code>
           <Code guid="${G(4)}" name="中文 关键词" isCodable="true"/>`),
      undefined,
    );
    const cb = result.codebook;
    assert.deepEqual([...cb.codes.keys()], ['topics', 'topics/economie-werk', 'topics/economie-en-werk', '中文-关键词']);
    const economy = cb.codes.get('topics/economie-werk')!;
    assert.equal(economy.label['*'], 'Économie & werk');
    assert.equal(economy.definition?.['*'], 'Anything about jobs.');
    assert.equal(economy.color, '#ffff00');
    assert.equal(economy.guid, G(2));
    assert.equal(cb.codes.get('topics')!.codable, false);
    assert.equal(cb.codes.get('topics')!.guid, G(1));
    assert.deepEqual(cb.diagnostics, []);
    assert.deepEqual(result.summary, { added: 4, updated: 0, unchanged: 0, kept: 0, moved: 0 });
  });

  it('makes colliding slugs unique', () => {
    const cb = importQdc(qdc(`<Code guid="${G(1)}" name="Same" isCodable="true"/><Code guid="${G(2)}" name="same" isCodable="true"/><Code guid="${G(3)}" name="SAME!" isCodable="true"/>`), undefined).codebook;
    assert.deepEqual([...cb.codes.keys()], ['same', 'same-2', 'same-3']);
  });

  it('updates an existing codebook: matched codes keep their slug, comments stay, missing codes are kept', () => {
    const existing = [
      '# Our codebook: comments stay.',
      'project:',
      '  language: nl',
      'codes:',
      '  werk:',
      '    label: {nl: Werk, en: Work}',
      '    codes:',
      '      geld:',
      '        label: {nl: Geld, en: Money}',
      '        definition: {nl: Over geld., en: About money.}',
      '      tijd:',
      '        label: Tijd',
      '  oud:',
      '    label: Oud',
      '',
    ].join('\n');
    // As another program sends it back: geld renamed (same GUID, derived from its path), tijd moved to the top,
    // a new code, and no `oud`.
    const file = qdc(`<Code guid="${derivedCodeGuid('werk')}" name="Werk" isCodable="false">
        <Code guid="${derivedCodeGuid('werk/geld')}" name="Geld en inkomen" isCodable="true"><Description>Definitie: Over geld en loon.

Wanneer te gebruiken: Als iemand over inkomen praat.</Description></Code>
        <Code guid="${G(9)}" name="Nieuw ding" isCodable="true"/>
      </Code>
      <Code guid="${derivedCodeGuid('werk/tijd')}" name="Tijd" isCodable="true"/>`);
    const result = importQdc(file, existing);
    const cb = result.codebook;
    assert.ok(result.text.startsWith('# Our codebook: comments stay.\nproject:\n  language: nl\n'));
    assert.deepEqual([...cb.codes.keys()], ['werk', 'werk/geld', 'werk/nieuw-ding', 'tijd', 'oud']);
    const geld = cb.codes.get('werk/geld')!;
    assert.deepEqual(geld.label, { nl: 'Geld en inkomen', en: 'Money' });
    assert.deepEqual(geld.definition, { nl: 'Over geld en loon.', en: 'About money.' });
    assert.deepEqual(geld.whenToUse, { '*': 'Als iemand over inkomen praat.' });
    assert.equal(cb.codes.get('werk')!.codable, false);
    assert.deepEqual(cb.codes.get('tijd')!.aliases, ['werk/tijd'], 'the old path still resolves');
    assert.deepEqual(cb.diagnostics, []);
    assert.deepEqual(result.summary, { added: 1, updated: 3, unchanged: 0, kept: 1, moved: 1 });
    // Importing the same file again changes nothing more.
    const again = importQdc(file, result.text);
    assert.equal(again.text, result.text);
    assert.deepEqual(again.summary, { added: 0, updated: 0, unchanged: 4, kept: 1, moved: 0 });
  });

  it('matches codes by name when the other program made new GUIDs, and stores its GUIDs', () => {
    const existing = 'codes:\n  werk:\n    label: Werk\n    color: "#123456"\n';
    const result = importQdc(qdc(`<Code guid="${G(5)}" name="Werk" isCodable="true"/>`), existing);
    assert.deepEqual([...result.codebook.codes.keys()], ['werk']);
    assert.equal(result.codebook.codes.get('werk')!.guid, G(5));
    assert.equal(result.codebook.codes.get('werk')!.color, '#123456');
    assert.match(exportQdc(result), new RegExp(`guid="${G(5)}"`));
  });

  it('reads back the description fields it writes, in Dutch and in English', () => {
    const fields = { definition: 'Wat het is.', whenToUse: 'Wanneer wel.', whenNotToUse: 'Wanneer niet.', examples: ['Een.', 'Twee.'] };
    for (const lang of ['nl', 'en']) assert.deepEqual(readDescription(writeDescription(fields, lang)!), fields);
    assert.deepEqual(readDescription('Just a description\nover two lines.'), { definition: 'Just a description\nover two lines.', examples: [] });
  });

  it('refuses a file that is not a codebook, and an existing codebook that is not YAML', () => {
    assert.throws(() => importQdc(encode('<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>'), undefined), /is a REFI-QDA project, not a codebook/);
    assert.throws(() => importQdc(encode('<CodeBook xmlns="urn:QDA-XML:codebook:1.0">'), undefined), /not well-formed XML/);
    assert.throws(() => importQdc(qdc(`<Code guid="${G(1)}" name="A" isCodable="true"/>`), 'codes: [unclosed\n'), /cannot be read as YAML/);
    assert.ok(parseCodebook('codes: {}\n').parsed);
  });

  it('updates a codebook that already has problems of its own, keeping them as they are', () => {
    const existing = 'codes:\n  werk:\n    label: Werk\n    colour: red\n';
    const result = importQdc(qdc(`<Code guid="${G(1)}" name="Werk" isCodable="true"/><Code guid="${G(2)}" name="Nieuw" isCodable="true"/>`), existing);
    assert.deepEqual([...result.codebook.codes.keys()], ['werk', 'nieuw']);
    assert.match(result.text, /colour: red/);
  });
});
