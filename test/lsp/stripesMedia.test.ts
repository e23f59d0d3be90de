import { strict as assert } from 'node:assert';
import { CodingStripesRequest, MediaRequest } from '../../server/src/lsp/protocol';
import { SMALL_CODEBOOK, tempProject, type TempProject } from '../helpers/tempProject';
import { TestClient, uriOf } from './lspClient';

const T9 = [
  '---',
  'participant: T9',
  'media: audio/T09.m4a',
  '---',
  '[00:10] I= Hoe begin je?',
  '',
  '[01:05] T9= Ik wacht 😀 af. [[afstemmen/geduld]] [[effect/band]]',
  'en {{speel mee}}[[afstemmen/improvisatie]].',
  '',
].join('\r\n');

describe('language server: coding stripes and the recording', () => {
  let p: TempProject;
  let client: TestClient;
  let t9: string;

  beforeEach(async () => {
    p = tempProject({ 'codebook.yaml': SMALL_CODEBOOK, 'T9.txt': T9, 'T2.txt': '---\nmedia: ../T2.mp3\n---\nT2= Ja.\n', 'audio/T09.m4a': new Uint8Array([0, 0, 0, 0]) });
    client = await TestClient.start([p.root]);
    t9 = uriOf(p.file('T9.txt'));
  });
  afterEach(() => {
    client.dispose();
    p.dispose();
  });

  it('gives the stripes of each line where segments start, of the version it has, in the asked label language', async () => {
    await client.openFile(p.file('T9.txt'));
    const answer = await client.connection.sendRequest(CodingStripesRequest.type, { uri: t9, language: 'en' });
    assert.equal(answer.version, 1);
    assert.deepEqual(
      answer.lines.map((l) => [l.line, l.codes.map((c) => [c.label, c.color ?? null, c.passage])]),
      [
        [6, [['Patience', '#2a9d8f', false], ['Bond', null, false]]],
        [7, [['Improvisational ability', '#2a9d8f', true]]],
      ],
    );
    await client.change(t9, T9.replace(' [[effect/band]]', ''));
    const after = await client.connection.sendRequest(CodingStripesRequest.type, { uri: t9 });
    assert.deepEqual([after.version, after.lines[0].codes.map((c) => c.label)], [2, ['Geduld']], 'the edit is taken in; labels in the codebook language');
    const codebook = await client.connection.sendRequest(CodingStripesRequest.type, { uri: uriOf(p.file('codebook.yaml')) });
    assert.deepEqual(codebook.lines, []);
  });

  it('resolves media: against the project, gives the timestamps and the moment to play from at the cursor', async () => {
    await client.openFile(p.file('T9.txt'));
    const answer = await client.connection.sendRequest(MediaRequest.type, { uri: t9, position: { line: 7, character: 4 } });
    assert.equal(answer.transcript, true);
    assert.equal(answer.named, true);
    assert.equal(answer.project, uriOf(p.root));
    assert.deepEqual(answer.media, { path: 'audio/T09.m4a', uri: uriOf(p.file('audio/T09.m4a')), kind: 'audio' });
    assert.equal(answer.problem, undefined);
    assert.deepEqual(answer.timestamps.map((t) => [t.range.start.line, t.range.start.character, t.range.end.character, t.seconds]), [[4, 0, 7, 10], [6, 0, 7, 65]]);
    assert.equal(answer.start, 65, 'the last timestamp before the cursor');
  });

  it('says why a recording cannot be played: missing, outside the project, or not named', async () => {
    await client.openFile(p.file('T9.txt'), T9.replace('T09.m4a', 'T10.m4a'));
    const missing = await client.connection.sendRequest(MediaRequest.type, { uri: t9 });
    assert.equal(missing.problem, 'audio/T10.m4a is not in the project folder: check media: in the front matter.');
    const outside = await client.connection.sendRequest(MediaRequest.type, { uri: uriOf(p.file('T2.txt')) });
    assert.match(outside.problem!, /^\.\.\/T2\.mp3 is not inside the project folder/);
    assert.equal(outside.media, undefined);
    await client.change(t9, T9.replace('media: audio/T09.m4a\r\n', ''));
    const none = await client.connection.sendRequest(MediaRequest.type, { uri: t9 });
    assert.match(none.problem!, /names no recording/);
    assert.equal(none.named, false);
    const other = await client.connection.sendRequest(MediaRequest.type, { uri: uriOf(p.file('codebook.yaml')) });
    assert.equal(other.transcript, false);
  });
});
