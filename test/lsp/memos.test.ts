/**
 * Memos through the language server (protocol.ts: memos, memoAt, memoEdits, newMemo): the list of every
 * memo with the place to open, and edits that a client applies to set a memo on a coding, a document or
 * a code, each giving the text a researcher expects.
 */
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MemoAtRequest, MemoEditsRequest, MemosRequest, NewMemoRequest, ProjectsRequest, type Range } from '../../server/src/lsp/protocol';
import { SMALL_CODEBOOK, type TempProject } from '../helpers/tempProject';
import { lspProject, T2 } from './fixture';
import { TestClient } from './lspClient';

describe('memo requests', () => {
  let p: TempProject;
  let client: TestClient;
  let root: string;

  const textAt = (uri: string, text: string, range: Range) => TextDocument.create(uri, 'text', 0, text).getText(range);

  before(async () => {
    p = lspProject();
    p.write('codebook.yaml', SMALL_CODEBOOK.replace('        label: {nl: Geduld, en: Patience}\n', '        label: {nl: Geduld, en: Patience}\n        memo: Wachten is werk.\n'));
    p.write('memos/aanpak.md', '# Aanpak\n\nEerst alles lezen.\n');
    p.write('memos/notes.txt', 'T9= geen transcript [[effect/band]]\n');
    client = await TestClient.start([p.root]);
    root = (await client.connection.sendRequest(ProjectsRequest.type, {}))[0].root;
  });
  after(() => {
    client.dispose();
    p.dispose();
  });

  it('lists every memo by kind with the place it stands, and no file in memos/ is a transcript', async () => {
    const { memos } = await client.connection.sendRequest(MemosRequest.type, { project: root });
    assert.deepEqual(
      memos.map((m) => [m.kind, m.title, m.text, m.participant ?? null, m.code ?? null]),
      [
        ['project', 'Aanpak', 'Eerst alles lezen.', null, null],
        ['code', 'Geduld', 'Wachten is werk.', null, 'afstemmen/geduld'],
        ['coding', 'Band (samenwerking)', 'eerste keer', 'T1', 'effect/band'],
      ],
    );
    const coding = memos[2];
    assert.equal(textAt(coding.uri, p.read('T1.txt'), coding.range), 'eerste keer');
    assert.equal(textAt(memos[1].uri, p.read('codebook.yaml'), memos[1].range), 'Wachten is werk.');
    assert.equal(textAt(memos[0].uri, p.read('memos/aanpak.md'), memos[0].range), 'Aanpak');
    const projects = await client.connection.sendRequest(ProjectsRequest.type, {});
    assert.equal(projects[0].documents, 2, 'memos/notes.txt is not read as a transcript');
  });

  it('edits the memo of the coding at the cursor in an open transcript', async () => {
    const t2 = await client.openFile(p.file('T2.txt'));
    const position = { line: 6, character: 6 };
    const target = { kind: 'coding' as const, uri: t2, version: 1, position };
    assert.deepEqual(await client.connection.sendRequest(MemoAtRequest.type, { target }), { memo: '', title: 'Improvisatorisch vermogen' });
    const answer = await client.connection.sendRequest(MemoEditsRequest.type, { target, memo: 'speelt [[vrij]]' });
    assert.equal(answer.version, 1);
    await client.edit(t2, answer.edits);
    assert.equal(client.text(t2)!.split('\n')[6], 'T2= Ik improviseer. [[afstemmen/improvisatie | speelt [ [vrij] ] ]]');
    await client.change(t2, T2);
    await client.closeFile(t2);
  });

  it('sets a document memo in the front matter and a code memo in codebook.yaml', async () => {
    const t1 = p.file('T1.txt');
    const uri = client.uriOf(t1);
    const doc = await client.connection.sendRequest(MemoEditsRequest.type, { target: { kind: 'document', uri }, memo: 'Rustig.\nVeel stiltes.' });
    assert.equal(doc.version, null, 'the transcript is not open: the edit is of its file');
    const edited = TextDocument.applyEdits(TextDocument.create(uri, 'text', 0, p.read('T1.txt')), doc.edits);
    assert.ok(edited.startsWith('---\r\nparticipant: T1\r\ndiscipline: drama\r\nmemo: |\r\n  Rustig.\r\n  Veel stiltes.\r\n---\r\nI= Hoe begin je?'), edited);

    const code = await client.connection.sendRequest(MemoEditsRequest.type, { target: { kind: 'code', project: root, code: 'effect/band' }, memo: 'Samen.' });
    const codebook = TextDocument.applyEdits(TextDocument.create(code.uri, 'yaml', 0, p.read('codebook.yaml')), code.edits);
    assert.match(codebook, /      band:\n        label: \{nl: Band \(samenwerking\), en: Bond\}\n        memo: Samen\.\n/);
    await assert.rejects(
      client.connection.sendRequest(MemoEditsRequest.type, { target: { kind: 'code', project: root, code: 'niet/er' }, memo: 'x' }),
      /not a code of the codebook/,
    );
  });

  it('names a new free memo after its title, beside the ones there are', async () => {
    const answer = await client.connection.sendRequest(NewMemoRequest.type, { project: root, title: 'Aanpak' });
    assert.equal(answer.uri, client.uriOf(p.file('memos/aanpak-2.md')));
    assert.equal(answer.text, '# Aanpak\n\n');
  });
});
