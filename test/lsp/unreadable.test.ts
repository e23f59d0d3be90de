/**
 * Files the server cannot read are shown in the editor, as the command line warns of them: a transcript
 * that is binary, not UTF-8 or unreadable gets its problem on its own URI, in the client's language, until it
 * can be read or goes; a codebook.yaml that cannot be read gets it on codebook.yaml.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { DiagnosticSeverity, HoverRequest } from 'vscode-languageserver-protocol/node';
import { ProjectsRequest } from '../../server/src/lsp/protocol';
import { runCli } from '../cli/runCli';
import { SMALL_CODEBOOK, tempProject, type TempProject } from '../helpers/tempProject';
import { TestClient, uriOf } from './lspClient';

const T1 = '---\nparticipant: T1\n---\nT1= Ik wacht af. [[afstemmen/geduld]]\n';

describe('language server: files it cannot read', () => {
  let p: TempProject;
  let client: TestClient | undefined;
  beforeEach(() => {
    p = tempProject({
      'codebook.yaml': SMALL_CODEBOOK,
      'T1.txt': T1,
      'binary.txt': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]),
      // "Café" in Latin-1, as an old editor saves it.
      'latin1.txt': Buffer.from('---\nparticipant: T3\n---\nT3= Caf\xe9.\n', 'latin1'),
    });
  });
  afterEach(() => {
    client?.dispose();
    client = undefined;
    p.dispose();
  });

  it('shows the problem the command line warns of on each file, with the same severity', async () => {
    client = await TestClient.start([p.root]);
    const cli = await runCli(['check', p.root, '--format', 'json']);
    const warned = (JSON.parse(cli.stdout) as { file: string; code: string; severity: string }[]).filter((f) => f.code.startsWith('file.'));
    assert.equal(warned.length, 2);
    for (const { file, code, severity } of warned) {
      const shown = await client.diagnosticsFor(uriOf(p.file(file.split('/').pop()!)), (d) => d.length > 0);
      assert.deepEqual(
        shown.map((d) => [d.code, d.severity, d.range]),
        [[code, severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]],
      );
    }
    assert.match(String((await client.diagnosticsFor(uriOf(p.file('binary.txt'))))[0].message), /binary\.txt is not a text file/);
    assert.match(String((await client.diagnosticsFor(uriOf(p.file('latin1.txt'))))[0].message), /latin1\.txt is not UTF-8 text.*save it as UTF-8/);
  });

  it('speaks the client\'s language and clears the problem when the file is readable or gone', async () => {
    client = await TestClient.start([p.root], { locale: 'nl' });
    const latin1 = uriOf(p.file('latin1.txt'));
    const binary = uriOf(p.file('binary.txt'));
    assert.match(String((await client.diagnosticsFor(latin1, (d) => d.length > 0))[0].message), /is geen UTF-8-tekst/);
    assert.match(String((await client.diagnosticsFor(binary, (d) => d.length > 0))[0].message), /is geen tekstbestand/);
    assert.equal((await client.connection.sendRequest(ProjectsRequest.type, {}))[0].documents, 1);

    // Saved again as UTF-8: read, indexed, and checked like any transcript.
    p.write('latin1.txt', '---\nparticipant: T3\n---\nT3= Café. [[onbekend]]\n');
    await client.fileChanged(p.file('latin1.txt'), 'changed');
    const after = await client.diagnosticsFor(latin1, (d) => !d.some((x) => String(x.code).startsWith('file.')));
    assert.deepEqual(after.map((d) => d.code), ['code.unknown']);
    assert.equal((await client.connection.sendRequest(ProjectsRequest.type, {}))[0].documents, 2);

    fs.rmSync(p.file('binary.txt'));
    await client.fileChanged(p.file('binary.txt'), 'deleted');
    await client.diagnosticsFor(binary, (d) => d.length === 0);
  });

  it('shows a transcript that cannot be read at all, and one that becomes unreadable', async () => {
    client = await TestClient.start([p.root]);
    // A folder with a transcript's name: opening it works, reading it fails (EISDIR).
    fs.mkdirSync(p.file('odd.txt'));
    await client.fileChanged(p.file('odd.txt'), 'created');
    const odd = await client.diagnosticsFor(uriOf(p.file('odd.txt')), (d) => d.length > 0);
    assert.deepEqual(odd.map((d) => d.code), ['file.unreadable']);
    assert.match(String(odd[0].message), /odd\.txt could not be read \(EISDIR\)/);
    fs.rmdirSync(p.file('odd.txt'));
    await client.fileChanged(p.file('odd.txt'), 'deleted');
    await client.diagnosticsFor(uriOf(p.file('odd.txt')), (d) => d.length === 0);

    // A transcript that was fine and is now binary: its tags are gone from the index, and the editor says why.
    const t1 = uriOf(p.file('T1.txt'));
    p.write('T1.txt', Buffer.from([0, 1, 2, 3]));
    await client.fileChanged(p.file('T1.txt'), 'changed');
    assert.deepEqual((await client.diagnosticsFor(t1, (d) => d.length > 0)).map((d) => d.code), ['file.binary']);
    assert.equal((await client.connection.sendRequest(ProjectsRequest.type, {}))[0].documents, 0);
  });

  it('shows a codebook.yaml that cannot be read on codebook.yaml, and keeps the last good codebook', async () => {
    client = await TestClient.start([p.root]);
    const codebook = uriOf(p.file('codebook.yaml'));
    p.write('codebook.yaml', Buffer.from(`${SMALL_CODEBOOK}# caf\xe9\n`, 'latin1'));
    await client.fileChanged(p.file('codebook.yaml'), 'changed');
    const shown = await client.diagnosticsFor(codebook, (d) => d.length > 0);
    assert.deepEqual(shown.map((d) => [d.code, d.severity]), [['file.not-utf8', DiagnosticSeverity.Error]]);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(p.file('T1.txt')) }, position: { line: 3, character: 22 } });
    assert.match(JSON.stringify(hover?.contents), /Geduld/, 'the last good codebook is still in use');
    p.write('codebook.yaml', SMALL_CODEBOOK);
    await client.fileChanged(p.file('codebook.yaml'), 'changed');
    await client.diagnosticsFor(codebook, (d) => d.length === 0);
  });
});
