/**
 * No document blocks the server or floods the editor: a transcript with 200,000 unclosed tags gets its
 * problems as a thousand diagnostics and one that counts the rest, and the server answers requests on it.
 */
import { strict as assert } from 'node:assert';
import { DocumentSymbolRequest, HoverRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { ProjectsRequest } from '../../server/src/lsp/protocol';
import { SMALL_CODEBOOK, tempProject, type TempProject } from '../helpers/tempProject';
import { TestClient, uriOf } from './lspClient';

const FLOOD = `---\nparticipant: T1\n---\nT1= ${'[['.repeat(200_000)}\n\nT1= Ik wacht af. [[afstemmen/geduld]]\n`;

describe('language server with floods of problems', () => {
  let p: TempProject;
  let client: TestClient;
  beforeEach(async () => {
    p = tempProject({ 'codebook.yaml': SMALL_CODEBOOK, 'T1.txt': FLOOD, 'T2.txt': '---\nparticipant: T2\n---\nT2= Rustig.\n' });
    client = await TestClient.start([p.root]);
  });
  afterEach(() => {
    client.dispose();
    p.dispose();
  });

  function checkCapped(diagnostics: Diagnostic[], leftOut: number): void {
    assert.equal(diagnostics.length, 1001);
    assert.ok(diagnostics.slice(0, 1000).every((d) => d.code === 'tag.unclosed'));
    const last = diagnostics[1000];
    assert.equal(last.code, 'diagnostics.truncated');
    assert.match(String(last.message), new RegExp(`^${leftOut} more problems in this transcript \\(${leftOut} errors\\) are not listed`));
    assert.equal(last.severity, 1, 'an error, as the problems it stands for');
    // At the last tag listed: the thousandth `[[` of line 4.
    assert.deepEqual(last.range.start, { line: 3, character: 4 + 2 * 999 });
  }

  it('publishes at most a thousand and one diagnostics for a transcript read from disk', async () => {
    checkCapped(await client.diagnosticsFor(uriOf(p.file('T1.txt'))), 199_000);
  });

  it('answers requests on an open document with 200,000 unclosed tags', async () => {
    const uri = await client.openFile(p.file('T1.txt'), `${FLOOD}[[`);
    // Its unsaved text has one unclosed tag more than the file.
    checkCapped(await client.diagnosticsFor(uri, (d) => d.length > 1000 && /^199001 /.test(String(d[1000].message))), 199_001);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 22 } });
    assert.match(JSON.stringify(hover?.contents), /Geduld/);
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.ok(Array.isArray(symbols));
    const projects = await client.connection.sendRequest(ProjectsRequest.type, {});
    assert.equal(projects[0].documents, 2);
  });
});
