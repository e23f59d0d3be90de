/**
 * Managing codes from the code tree, answered by the server (protocol.ts: manageCode, proposeSlug): the
 * edit the client applies changes codebook.yaml and the transcripts (open ones as the editor has them)
 * together, and the project then counts the same codings under the new paths.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { ErrorCodes } from 'vscode-languageserver-protocol/node';
import { CodebookTreeRequest, IndexChangedNotification, ManageCodeRequest, ProposeSlugRequest, type CodeNode } from '../../server/src/lsp/protocol';
import type { TempProject } from '../helpers/tempProject';
import { lspProject, T1 } from './fixture';
import { TestClient, uriOf } from './lspClient';

function find(nodes: CodeNode[], path: string): CodeNode | undefined {
  for (const n of nodes) {
    if (n.path === path) return n;
    const below = find(n.children, path);
    if (below) return below;
  }
  return undefined;
}

describe('code management requests', () => {
  let p: TempProject;
  let client: TestClient;
  let project: string;

  beforeEach(async () => {
    p = lspProject();
    client = await TestClient.start([p.root]);
    project = uriOf(p.root);
  });
  afterEach(() => {
    client.dispose();
    p.dispose();
  });

  const segmentsOf = async (path: string) => {
    const tree = await client.connection.sendRequest(CodebookTreeRequest.type, { project });
    return find(tree!.nodes, path)?.segments;
  };

  it('moves a code under another parent in one edit over the codebook and the transcripts, open ones as the editor has them', async () => {
    const t1 = await client.openFile(p.file('T1.txt'));
    const seen = client.notifications.length;
    await client.change(t1, `${T1}\r\nT1= Nog eens. [[afstemmen/geduld]]\r\n`);
    // The server applies a change a moment later; the tree counts it once the index says it changed.
    await client.until(() => client.notifications.slice(seen).some((n) => n.method === IndexChangedNotification.method), 'the change indexed');
    const before = await segmentsOf('afstemmen/geduld');
    assert.equal(before, 3, 'two in T1 as the editor has it, one in T2 (one by its alias)');

    const answer = await client.connection.sendRequest(ManageCodeRequest.type, { project, action: { kind: 'move', code: 'afstemmen/geduld', parent: 'effect', keepAliases: true } });
    assert.ok(answer.ok, JSON.stringify(answer));
    assert.equal(answer.path, 'effect/geduld');
    assert.deepEqual(Object.keys(answer.edit.changes).sort(), [uriOf(p.file('T1.txt')), uriOf(p.file('T2.txt')), uriOf(p.file('codebook.yaml'))].sort());
    await client.applyEdit(answer.edit);

    assert.equal(client.text(t1)!.match(/\[\[effect\/geduld\]\]/g)?.length, 2);
    assert.match(fs.readFileSync(p.file('T2.txt'), 'utf8'), /tijd nodig\. \[\[effect\/geduld\]\] \[\[effect\/geduld\]\]/);
    const codebook = fs.readFileSync(p.file('codebook.yaml'), 'utf8');
    assert.match(codebook, /\n {6}geduld:\n {8}label: \{nl: Geduld, en: Patience\}\n {8}definition: .*\n {8}aliases: \[afstemmen\/wachten, afstemmen\/geduld\]\n/);
    await client.diagnosticsFor(uriOf(p.file('T2.txt')), (d) => d.length === 0);
    assert.equal(await segmentsOf('effect/geduld'), before);
    assert.equal(await segmentsOf('afstemmen/geduld'), undefined);
  });

  it('refuses to delete a code in use with its codings, and deletes an unused one', async () => {
    const used = await client.connection.sendRequest(ManageCodeRequest.type, { project, action: { kind: 'delete', code: 'afstemmen/geduld' } });
    assert.deepEqual(used, {
      ok: false,
      message: "'afstemmen/geduld' has 3 codings in 2 transcripts, so it cannot be deleted: merge it into another code or deprecate it.",
      use: { codings: 3, documents: 2, mergedFrom: [] },
    });
    const unused = await client.connection.sendRequest(ManageCodeRequest.type, { project, action: { kind: 'delete', code: 'effect/verouderd' } });
    assert.ok(unused.ok);
    await client.applyEdit(unused.edit);
    assert.doesNotMatch(fs.readFileSync(p.file('codebook.yaml'), 'utf8'), /verouderd/);
  });

  it('proposes a slug among the siblings, merges with the engine\'s merge, and refuses an unknown project', async () => {
    assert.deepEqual(await client.connection.sendRequest(ProposeSlugRequest.type, { project, parent: 'afstemmen', label: 'Geduld' }), { slug: 'geduld-2' });
    const merged = await client.connection.sendRequest(ManageCodeRequest.type, { project, action: { kind: 'merge', code: 'afstemmen/improvisatie', into: 'afstemmen/geduld' } });
    assert.ok(merged.ok);
    assert.match(merged.edit.changes[uriOf(p.file('codebook.yaml'))][0].newText, /merged_into: afstemmen\/geduld/);
    await assert.rejects(
      client.connection.sendRequest(ManageCodeRequest.type, { project: uriOf(p.file('nergens')), action: { kind: 'delete', code: 'x' } }),
      (e: { code: number; message: string }) => e.code === ErrorCodes.InvalidParams && /knows no project/.test(e.message),
    );
  });
});
