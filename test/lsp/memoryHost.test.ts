/**
 * The language server on an in-memory host, as it runs in a browser's web worker: a workspace folder that
 * is no `file:` URI, files read only through the host, and every change told by didChangeWatchedFiles.
 */
import { strict as assert } from 'node:assert';
import {
  CompletionRequest,
  HoverRequest,
  PrepareRenameRequest,
  RenameRequest,
  type CompletionList,
  type MarkupContent,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { MemoryHost } from '../../server/src/engine/host/memoryHost';
import { CodebookTreeRequest, ProjectsRequest, SegmentsRequest } from '../../server/src/lsp/protocol';
import { SMALL_CODEBOOK } from '../helpers/tempProject';
import { T1, T2 } from './fixture';
import { TestClient } from './lspClient';

/** The position of `needle` in `text`, plus `delta` characters. */
function at(text: string, needle: string, delta = 0) {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} not found`);
  const lines = text.slice(0, i + delta).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

const ROOT = 'memfs:/studie';
const uri = (id: string) => `${ROOT}/${id}`;

function studyHost(options: { synchronous?: boolean } = {}): MemoryHost {
  return new MemoryHost(
    { [uri('codebook.yaml')]: SMALL_CODEBOOK, [uri('T1.txt')]: T1, [uri('T2.txt')]: T2, [uri('notes/readme.md')]: 'not a transcript [[x]]\n' },
    options,
  );
}

describe('language server on an in-memory host', () => {
  let host: MemoryHost;
  let client: TestClient;
  beforeEach(async () => {
    host = studyHost();
    client = await TestClient.startInMemory(host, [ROOT]);
  });
  afterEach(() => client.dispose());

  it('finds the project under a memfs: folder and publishes the diagnostics of closed transcripts', async () => {
    const projects = await client.connection.sendRequest(ProjectsRequest.type, {});
    assert.deepEqual(
      projects.map((p) => [p.root, p.documents]),
      [[ROOT, 2]],
    );
    const d1 = await client.diagnosticsFor(uri('T1.txt'));
    assert.deepEqual(d1.map((d) => d.code), ['code.unknown']);
    assert.deepEqual(d1[0].range.start, at(T1, 'afstemmen/gedudl'));
    assert.deepEqual((await client.diagnosticsFor(uri('T2.txt'))).map((d) => d.code), ['code.alias']);
    assert.equal(client.diagnostics.has(uri('notes/readme.md')), false, 'a file the globs do not match is not a transcript');
  });

  it('hovers a tag with its definition and counts, and completes code paths inside [[', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('T1.txt') }, position: at(T1, 'afstemmen/geduld', 3) });
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /\*\*Geduld\*\*/);
    assert.match(value, /2 segments · 2 of 2 participants/);
    await client.openFile(uri('T1.txt'));
    const text = `${T1}T1= Nieuw [[gedu\r\n`;
    await client.change(uri('T1.txt'), text);
    const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri('T1.txt') }, position: at(text, '[[gedu', 6) })) as CompletionList;
    assert.equal(list.items[0].label, 'afstemmen/geduld');
  });

  it('counts segments per code and participant in the tree, and quotes closed transcripts', async () => {
    const tree = await client.connection.sendRequest(CodebookTreeRequest.type, { project: ROOT });
    assert.deepEqual(tree!.participants, ['T1', 'T2']);
    const geduld = tree!.nodes.find((n) => n.path === 'afstemmen')!.children.find((c) => c.path === 'afstemmen/geduld')!;
    assert.deepEqual(geduld.byParticipant, { T1: 1, T2: 1 });
    const segments = await client.connection.sendRequest(SegmentsRequest.type, { project: ROOT, code: 'afstemmen/geduld' });
    assert.deepEqual(segments.map((s) => [s.uri, s.text]).sort(), [
      [uri('T1.txt'), 'Ik wacht af 😀 tot hij komt.'],
      [uri('T2.txt'), 'Cliënten hebben tijd nodig.'],
    ]);
  });

  it('renames a code across an open and a closed transcript and the codebook, writing through the host', async () => {
    await client.openFile(uri('T1.txt'));
    const position = at(T1, 'afstemmen/geduld', 4);
    const prepare = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: uri('T1.txt') }, position });
    assert.deepEqual(prepare, { range: { start: at(T1, 'afstemmen/geduld'), end: at(T1, 'afstemmen/geduld', 16) }, placeholder: 'afstemmen/geduld' });
    const edit = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uri('T1.txt') }, position, newName: 'afstemmen/wachten-kunnen' })) as WorkspaceEdit;
    assert.deepEqual(Object.keys(edit.changes!).sort(), [uri('T1.txt'), uri('T2.txt'), uri('codebook.yaml')].sort());
    await client.applyEdit(edit);
    assert.match(client.text(uri('T1.txt'))!, /\[\[afstemmen\/wachten-kunnen\]\]/);
    assert.match(host.text(uri('T2.txt'))!, /\[\[afstemmen\/wachten-kunnen\]\] \[\[afstemmen\/wachten-kunnen\]\]/);
    assert.match(host.text(uri('codebook.yaml'))!, /^ {6}wachten-kunnen:$/m);
    await client.fileChanged(uri('codebook.yaml'), 'changed');
    await client.diagnosticsFor(uri('T2.txt'), (d) => d.length === 0);
  });

  it('follows a transcript created, changed, made unreadable and deleted through didChangeWatchedFiles', async () => {
    const t3 = uri('T3.txt');
    host.write(t3, '---\nparticipant: T3\n---\nT3= Nieuw. [[onbekend]]\n');
    await client.fileChanged(t3, 'created');
    assert.deepEqual((await client.diagnosticsFor(t3)).map((x) => x.code), ['code.unknown']);
    host.write(t3, '---\nparticipant: T3\n---\nT3= Nieuw. [[effect/band]]\n');
    await client.fileChanged(t3, 'changed');
    await client.diagnosticsFor(t3, (x) => x.length === 0);
    const participants = async () => (await client.connection.sendRequest(CodebookTreeRequest.type, { project: ROOT }))!.participants;
    assert.deepEqual(await participants(), ['T1', 'T2', 'T3']);
    host.deny(t3);
    await client.fileChanged(t3, 'changed');
    const [unreadable] = await client.diagnosticsFor(t3, (x) => x.length > 0);
    assert.equal(unreadable.code, 'file.unreadable');
    assert.match(String(unreadable.message), /EACCES/);
    assert.deepEqual(await participants(), ['T1', 'T2']);
    host.allow(t3);
    host.delete(t3);
    await client.fileChanged(t3, 'deleted');
    await client.diagnosticsFor(t3, (x) => x.length === 0);
    assert.deepEqual(await participants(), ['T1', 'T2']);
  });
});

describe('language server on an in-memory host that reads only by promise, as a browser does', () => {
  it('works in a vscode-vfs: folder and quotes closed transcripts from the bytes it kept', async () => {
    const root = 'vscode-vfs://github/onderzoek/studie';
    const host = new MemoryHost(
      { [`${root}/codebook.yaml`]: SMALL_CODEBOOK, [`${root}/T1.txt`]: T1, [`${root}/interviews/T%C3%A9.txt`]: T2 },
      { synchronous: false },
    );
    const client = await TestClient.startInMemory(host, [root]);
    try {
      assert.deepEqual((await client.diagnosticsFor(`${root}/T1.txt`)).map((d) => d.code), ['code.unknown']);
      // The client may spell a URI otherwise than the server (é escaped or not): both name the same file.
      assert.deepEqual((await client.diagnosticsFor(`${root}/interviews/T%C3%A9.txt`)).map((d) => d.code), ['code.alias']);
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: `${root}/interviews/Té.txt` }, position: at(T2, 'afstemmen/geduld', 3) });
      assert.match((hover!.contents as MarkupContent).value, /2 segments · 2 of 2 participants/);
      const segments = await client.connection.sendRequest(SegmentsRequest.type, { project: root, code: 'afstemmen/improvisatie' });
      assert.deepEqual(segments.map((s) => s.text), ['Ik improviseer.']);
    } finally {
      client.dispose();
    }
  });
});
