/**
 * A client that declares no optional capabilities at all (no workspace folders, no progress, no file
 * watching), as small editors' clients and scripts do: the server still indexes the workspace and
 * publishes diagnostics.
 */
import { strict as assert } from 'node:assert';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { createConnection } from 'vscode-languageserver/node';
import { ProjectsRequest } from '../../server/src/lsp/protocol';
import { startServer } from '../../server/src/lsp/server';
import { serverHost } from '../../server/src/node/serverHost';
import { lspProject } from './fixture';

describe('language server with a minimal client', () => {
  it('indexes the workspace and publishes diagnostics without workspace-folder support', async () => {
    const p = lspProject();
    const up = new PassThrough();
    const down = new PassThrough();
    startServer(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)), serverHost());
    const connection = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    const published: PublishDiagnosticsParams[] = [];
    const errors: string[] = [];
    connection.onNotification(PublishDiagnosticsNotification.type, (d) => {
      published.push(d);
    });
    connection.onNotification('window/logMessage', (m: { type: number; message: string }) => {
      if (m.type === 1) errors.push(m.message);
    });
    connection.listen();
    try {
      await connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: pathToFileURL(p.root).href, capabilities: {} });
      await connection.sendNotification(InitializedNotification.type, {});
      const projects = await connection.sendRequest(ProjectsRequest.type, {});
      assert.deepEqual(errors, [], 'the server logged no error');
      assert.deepEqual(
        projects.map((x) => [x.root, x.documents]),
        [[pathToFileURL(p.root).href, 2]],
      );
      const t1 = published.find((d) => d.uri === pathToFileURL(p.file('T1.txt')).href);
      assert.deepEqual(t1?.diagnostics.map((d) => d.code), ['code.unknown']);
    } finally {
      connection.dispose();
      up.destroy();
      down.destroy();
      p.dispose();
    }
  });
});
