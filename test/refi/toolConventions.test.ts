/**
 * Files of our own, made the way other tools write theirs (what test/refi-samples checks on their real
 * exports, which stay outside the repository): qc's bare source names and whole-line codings, NVivo for
 * Mac's .docx sources beside an empty plain text, ATLAS.ti's upper-case GUIDs, CRLF XML and codes named
 * by timestamps.
 */
import { strict as assert } from 'node:assert';
import { importQdpx } from '../../server/src/engine/refi/qdpxImport';
import { cleanText } from '../../server/src/engine/transcript/transcript';
import { indexOf, qdpx } from './helpers';

describe('REFI-QDA import of files made as other tools make them', () => {
  it('qc: bare plainTextPath names, a user, nested codes, and lines coded end to end with exclusive ends', () => {
    const text = 'Q: first question\nA: the first answer\nQ: second\n';
    const line = (n: number) => {
      const lines = text.split('\n');
      const start = lines.slice(0, n).join('\n').length + (n > 0 ? 1 : 0);
      return [start, start + lines[n].length + 1];
    };
    const [s1, e1] = line(1);
    const [s2, e2] = line(2);
    const qde = `<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" origin="qc 1.3.2" name="qc project"><Users><User name="cp" guid="39633935-3331-3962-6632-000000000001" /></Users><CodeBook><Codes><Code name="topic" guid="34653336-3766-3235-6466-000000000002" isCodable="true"><Code name="answers" guid="31366536-3938-3831-6231-000000000003" isCodable="true" /></Code></Codes></CodeBook><Sources><TextSource plainTextPath="interview.txt" guid="33663939-3636-3632-3038-000000000004"><PlainTextSelection guid="a0000000-0000-4000-8000-000000000005" startPosition="${s1}" endPosition="${e1}"><Coding guid="a0000000-0000-4000-8000-000000000006"><CodeRef targetGUID="31366536-3938-3831-6231-000000000003" /></Coding></PlainTextSelection><PlainTextSelection guid="a0000000-0000-4000-8000-000000000007" startPosition="${s2}" endPosition="${e2}"><Coding guid="a0000000-0000-4000-8000-000000000008"><CodeRef targetGUID="34653336-3766-3235-6466-000000000002" /></Coding></PlainTextSelection></TextSource></Sources></Project>`;
    const plan = importQdpx(qdpx(qde, { 'sources/interview.txt': text }));
    assert.deepEqual(plan.files.map((f) => f.path), ['codebook.yaml', 'transcripts/interview.txt']);
    const index = indexOf(plan.files);
    const doc = index.documents()[0];
    const parsed = index.parsed(doc.id)!;
    const coded = doc.resolved.segments.map((s) => `${s.code}: ${JSON.stringify(cleanText(parsed, s.span))}`);
    // Back to back: the end of one line's coding is where the next one starts, nothing of it spills over.
    assert.deepEqual(coded, ['topic/answers: "A: the first answer\\n"', 'topic: "Q: second\\n"']);
  });

  it('NVivo for Mac: a text source with only a .docx and a one-byte plain text is skipped with the reason', () => {
    const qde = `<?xml version="1.0" encoding="UTF-8" standalone="no" ?><Project basePath="" creatingUserGUID="1b0b1791-be46-4557-9957-000000000001" name="nv" origin="NVivo for Mac 15.0.0" xmlns="urn:QDA-XML:project:1.0"><Users><User guid="1b0b1791-be46-4557-9957-000000000001" id="CP" name="someone"/></Users><CodeBook><Codes><Code guid="34653336-3766-3235-6466-000000000002" isCodable="true" name="topic"/></Codes></CodeBook><Sources><TextSource creatingUser="1b0b1791-be46-4557-9957-000000000001" creationDateTime="2024-09-15T15:36:47Z" guid="d097e6fd-7671-4d95-a8b6-000000000003" name="Interview" plainTextPath="internal://d097e6fd-7671-4d95-a8b6-000000000003.txt" richTextPath="internal://d097e6fd-7671-4d95-a8b6-000000000003.docx"/></Sources></Project>`;
    const plan = importQdpx(
      qdpx(qde, { 'sources/d097e6fd-7671-4d95-a8b6-000000000003.txt': '\n', 'sources/d097e6fd-7671-4d95-a8b6-000000000003.docx': new Uint8Array([0x50, 0x4b, 3, 4]), 'sources/.root': '' }),
    );
    assert.deepEqual(plan.skipped, [{ source: 'Interview', reason: 'its plain text is empty (the text is only in its .docx)' }]);
    assert.deepEqual(plan.files.map((f) => f.path), ['codebook.yaml']);
  });

  it('ATLAS.ti: upper-case GUIDs, CRLF line ends in the XML, a schema location and codes named by timestamps', () => {
    const qde = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<Project xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd" origin="ATLAS.ti for Windows 23.2" name="atlas-project" xmlns="urn:QDA-XML:project:1.0">',
      '  <CodeBook>',
      '    <Codes>',
      '      <Code guid="A182CD3A-D83C-4D8C-BC80-000000000001" name="Commits" isCodable="true">',
      '        <Code guid="2D2466F0-D77F-4F8C-BDF9-000000000002" name="2022-05-10T02:05:59Z 19e4dce" isCodable="true" />',
      '      </Code>',
      '    </Codes>',
      '  </CodeBook>',
      '</Project>',
    ].join('\r\n');
    const plan = importQdpx(qdpx(qde));
    const index = indexOf(plan.files);
    assert.deepEqual([...index.codebook.codes.keys()], ['commits', 'commits/2022-05-10t02-05-59z-19e4dce']);
    assert.equal(index.codebook.codes.get('commits/2022-05-10t02-05-59z-19e4dce')!.guid, '2d2466f0-d77f-4f8c-bdf9-000000000002');
    assert.match(plan.files[0].content, /^title: atlas-project\n/);
  });
});
