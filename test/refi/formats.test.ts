/**
 * The building blocks: GUIDs, XML writing and reading, and the zip container.
 */
import { strict as assert } from 'node:assert';
import { nameGuid, normalizeGuid } from '../../server/src/engine/refi/guid';
import { parseXml, XmlWriter } from '../../server/src/engine/refi/xml';
import { writeZip, ZipReader } from '../../server/src/engine/refi/zip';

describe('REFI-QDA building blocks', () => {
  it('derives name-based GUIDs as RFC 4122 version 5 does', () => {
    // The RFC's DNS namespace and the usual test name.
    assert.equal(nameGuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
    assert.equal(nameGuid('code:a/b'), nameGuid('code:a/b'));
    assert.notEqual(nameGuid('code:a/b'), nameGuid('code:a/c'));
  });

  it('reads GUIDs in every spelling tools use, and nothing else', () => {
    for (const g of ['A182CD3A-D83C-4D8C-BC80-26D9103EC6D6', '{a182cd3a-d83c-4d8c-bc80-26d9103ec6d6}', ' a182cd3a-d83c-4d8c-bc80-26d9103ec6d6 ']) {
      assert.equal(normalizeGuid(g), 'a182cd3a-d83c-4d8c-bc80-26d9103ec6d6');
    }
    for (const g of ['{a182cd3a-d83c-4d8c-bc80-26d9103ec6d6', 'a182cd3a', '', 'g182cd3a-d83c-4d8c-bc80-26d9103ec6d6']) assert.equal(normalizeGuid(g), undefined);
  });

  it('writes XML that reads back as the same texts: markup characters, CR, tabs, newlines and astral characters', () => {
    const text = 'a < b & c > "d" \'e\'\r\nline\ttab 😀 \u0001gone';
    const w = new XmlWriter();
    w.start('Root', [['name', text]]).textElement('Text', text).end();
    const root = parseXml(w.toString(), 'test');
    const expected = text.replace('\u0001', '');
    assert.equal(root.attrs.name, expected);
    assert.equal(root.children[0].text, expected);
  });

  it('zips deterministically and reads its own zips back', () => {
    const files = [
      { name: 'project.qde', data: new TextEncoder().encode('<Project/>') },
      { name: 'sources/x.txt', data: new TextEncoder().encode('😀'.repeat(1000)) },
    ];
    const a = writeZip(files);
    assert.deepEqual(Buffer.from(writeZip(files)), Buffer.from(a));
    const zip = ZipReader.open(a, 'test.qdpx');
    assert.deepEqual(zip.names, ['project.qde', 'sources/x.txt']);
    assert.equal(new TextDecoder().decode(zip.read('sources/x.txt')), '😀'.repeat(1000));
    assert.equal(zip.findIgnoringCase('SOURCES/X.TXT'), 'sources/x.txt');
  });
});
