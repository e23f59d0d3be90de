/**
 * The language server as it runs in a browser's web worker: its only way to files is the BrowserHost, which
 * asks the client (`codeboom/host/*`); here the client answers from a MemoryHost, as the extension answers
 * from `vscode.workspace.fs`. Everything a user sees must come through those requests.
 */
import { strict as assert } from 'node:assert';
import { HoverRequest, type MarkupContent, type ResponseError } from 'vscode-languageserver-protocol/node';
import { MemoryHost } from '../../server/src/engine/host/memoryHost';
import { words } from '../../server/src/engine/messages';
import {
  AgreementRequest,
  CodebookTreeRequest,
  HostListFilesRequest,
  HostReadFileRequest,
  IndexedNotification,
  RefiExportRequest,
  SegmentsRequest,
} from '../../server/src/lsp/protocol';
import { SMALL_CODEBOOK } from '../helpers/tempProject';
import { T1, T2 } from './fixture';
import { TestClient } from './lspClient';

const ROOT = 'vscode-vfs://github/onderzoek/studie';
const uri = (id: string) => `${ROOT}/${id}`;

function at(text: string, needle: string, delta = 0) {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} not found`);
  const lines = text.slice(0, i + delta).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

describe('language server over the browser host (files asked of the client)', () => {
  let files: MemoryHost;
  let client: TestClient;
  beforeEach(async () => {
    files = new MemoryHost({ [uri('codebook.yaml')]: SMALL_CODEBOOK, [uri('T1.txt')]: T1, [uri('interviews/T%C3%A9.txt')]: T2, [uri('notes/readme.md')]: 'geen transcript\n' });
    client = await TestClient.startAsInBrowser(files, [ROOT]);
  });
  afterEach(() => client.dispose());

  it('lists the folder and reads the codebook and each transcript through the client, then tells how long the first indexing took', async () => {
    const asked = (method: string) => client.hostRequests.filter((r) => r.method === method).map((r) => r.params);
    const listed = asked(HostListFilesRequest.method);
    assert.ok(listed.length > 0);
    assert.deepEqual(new Set(listed.map((p) => (p as { folder: string }).folder)), new Set([ROOT]));
    assert.deepEqual(
      asked(HostReadFileRequest.method).map((p) => (p as { uri: string }).uri).sort(),
      [uri('T1.txt'), uri('codebook.yaml'), uri('interviews/T%C3%A9.txt')].sort(),
    );
    await client.until(() => client.notifications.some((n) => n.method === IndexedNotification.method), 'the indexed notification');
    const indexed = client.notifications.find((n) => n.method === IndexedNotification.method)!.params as IndexedNotification.Params;
    assert.equal(indexed.transcripts, 2);
    assert.ok(indexed.milliseconds >= 0);
  });

  it('publishes diagnostics, hovers a tag with its counts and counts the tree from what the client sent', async () => {
    assert.deepEqual((await client.diagnosticsFor(uri('T1.txt'))).map((d) => d.code), ['code.unknown']);
    assert.deepEqual((await client.diagnosticsFor(uri('interviews/T%C3%A9.txt'))).map((d) => d.code), ['code.alias']);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('T1.txt') }, position: at(T1, 'afstemmen/geduld', 3) });
    assert.match((hover!.contents as MarkupContent).value, /2 segments · 2 of 2 participants/);
    const tree = await client.connection.sendRequest(CodebookTreeRequest.type, { project: ROOT });
    const geduld = tree!.nodes.find((n) => n.path === 'afstemmen')!.children.find((c) => c.path === 'afstemmen/geduld')!;
    assert.deepEqual(geduld.byParticipant, { T1: 1, T2: 1 });
    // Quotes of closed transcripts come from the bytes the server kept: it cannot read again at once.
    const segments = await client.connection.sendRequest(SegmentsRequest.type, { project: ROOT, code: 'afstemmen/improvisatie' });
    assert.deepEqual(segments.map((s) => s.text), ['Ik improviseer.']);
  });

  it('reads a changed file again through the client, and shows a file the client cannot read as unreadable, with its reason', async () => {
    const t3 = uri('T3.txt');
    files.write(t3, '---\nparticipant: T3\n---\nT3= Nieuw. [[onbekend]]\n');
    await client.fileChanged(t3, 'created');
    assert.deepEqual((await client.diagnosticsFor(t3)).map((d) => d.code), ['code.unknown']);
    assert.ok(client.hostRequests.some((r) => r.method === HostReadFileRequest.method && (r.params as { uri: string }).uri === t3));
    files.deny(t3, 'NoPermissions');
    await client.fileChanged(t3, 'changed');
    const [unreadable] = await client.diagnosticsFor(t3, (d) => d.length > 0 && d[0].code === 'file.unreadable');
    assert.match(String(unreadable.message), /NoPermissions/);
    const tree = await client.connection.sendRequest(CodebookTreeRequest.type, { project: ROOT });
    assert.deepEqual(tree!.participants, ['T1', 'T2']);
  });

  it('exports the project as REFI-QDA (base64 without Node) and refuses agreement between coders with the reason', async () => {
    const qdc = await client.connection.sendRequest(RefiExportRequest.type, { project: ROOT, format: 'qdc' });
    assert.match(new TextDecoder().decode(Uint8Array.from(atob(qdc!.base64), (c) => c.charCodeAt(0))), /<Code [^>]*name="Geduld"/);
    await assert.rejects(
      client.connection.sendRequest(AgreementRequest.type, { project: ROOT, others: [{ revision: 'main' }] }),
      (e: ResponseError) => e.message === words('en', 'refuse.agreement-needs-disk'),
    );
  });
});
