import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { LSPErrorCodes } from 'vscode-languageserver-protocol/node';
import { AgreementRequest } from '../../server/src/lsp/protocol';
import { tempProject } from '../helpers/tempProject';
import { lspProject, T1, T2 } from './fixture';
import { TestClient, uriOf } from './lspClient';

describe('language server: agreement between coders', () => {
  it('compares the project with another coder\'s folder and lists the disagreements with their places', async () => {
    const p = lspProject();
    const other = tempProject({
      'codebook.yaml': fs.readFileSync(p.file('codebook.yaml'), 'utf8'),
      // The other coder put improvisatie where this one put geduld, in T1 only.
      'T1.txt': T1.replace('komt. [[afstemmen/geduld]]', 'komt. [[afstemmen/improvisatie]]'),
      'T2.txt': T2,
    });
    const client = await TestClient.start([p.root]);
    try {
      const data = await client.connection.sendRequest(AgreementRequest.type, { project: uriOf(p.root), others: [{ folder: other.root }] });
      assert.equal(data!.coders.length, 2);
      assert.equal(data!.documents.compared, 2);
      const all = data!.rows.find((r) => r.code === null && r.level === 'segment')!;
      assert.ok(all.percent_agreement! < 100 && all.percent_agreement! > 0, String(all.percent_agreement));
      const places = data!.disagreements.map((d) => [d.file, d.code, d.coders.map((c) => [c.hasCode, c.startLine])]);
      assert.deepEqual(places, [
        ['T1.txt', 'afstemmen/geduld', [[true, 7], [false, 7]]],
        ['T1.txt', 'afstemmen/improvisatie', [[false, 7], [true, 7]]],
      ]);
      assert.equal(data!.disagreements[0].uri, uriOf(p.file('T1.txt')));
      await assert.rejects(
        client.connection.sendRequest(AgreementRequest.type, { project: uriOf(p.root), others: [{ folder: `${other.root}/nope` }] }),
        (e: { code: number; message: string }) => e.code === LSPErrorCodes.RequestFailed && /There is no folder/.test(e.message),
      );
    } finally {
      client.dispose();
      p.dispose();
      other.dispose();
    }
  });
});
