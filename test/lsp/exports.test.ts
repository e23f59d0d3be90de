import { strict as assert } from 'node:assert';
import { unzipSync } from 'fflate';
import { RefiExportRequest } from '../../server/src/lsp/protocol';
import { tempProject } from '../helpers/tempProject';
import { TestClient, uriOf } from './lspClient';

const CODEBOOK = `project:
  language: nl
codes:
  afstemmen:
    label: Afstemmen
    codes:
      geduld:
        label: Geduld
  therapeut:
    label: Therapeut
    codes:
      geduld:
        label: Geduld
`;

describe('language server: REFI-QDA export', () => {
  it('names the codes that share a name, and names them apart when asked', async () => {
    const p = tempProject({
      'codebook.yaml': CODEBOOK,
      'T1.txt': '---\nparticipant: T1\n---\nT1= Ik wacht. [[afstemmen/geduld]] [[therapeut/geduld]]\n',
    });
    const client = await TestClient.start([p.root]);
    try {
      const plain = await client.connection.sendRequest(RefiExportRequest.type, { project: uriOf(p.root), format: 'qdpx' });
      assert.deepEqual(plain!.nameClashes, [{ name: 'Geduld', paths: ['afstemmen/geduld', 'therapeut/geduld'] }]);
      assert.deepEqual(plain!.warnings, [], 'the clash comes back as data, not also as a sentence');
      const apart = await client.connection.sendRequest(RefiExportRequest.type, { project: uriOf(p.root), format: 'qdpx', uniqueNames: true });
      assert.deepEqual(apart!.nameClashes, []);
      const qde = Buffer.from(unzipSync(Buffer.from(apart!.base64, 'base64'))['project.qde']).toString('utf8');
      assert.match(qde, /name="Geduld \(Afstemmen\)"/);
      assert.match(qde, /name="Geduld \(Therapeut\)"/);
    } finally {
      client.dispose();
      p.dispose();
    }
  });
});
