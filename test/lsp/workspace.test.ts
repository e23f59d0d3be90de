import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { CompletionRequest, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest, ReferencesRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { CodebookTreeRequest, ProjectsRequest } from '../../server/src/lsp/protocol';
import { billionLaughs, EMPHASIS_CODEBOOK } from '../helpers/hostileYaml';
import { SMALL_CODEBOOK, tempProject, type TempProject } from '../helpers/tempProject';
import { lspProject, T2 } from './fixture';
import { TestClient, uriOf } from './lspClient';

describe('language server workspace', () => {
  let p: TempProject;
  let client: TestClient;
  beforeEach(async () => {
    p = lspProject();
    client = await TestClient.start([p.root]);
  });
  afterEach(() => {
    client.dispose();
    p.dispose();
  });

  it('follows transcripts created, changed and deleted on disk', async () => {
    const t3 = p.file('T3.txt');
    fs.writeFileSync(t3, '---\nparticipant: T3\n---\nT3= Nieuw. [[onbekend]]\n');
    await client.fileChanged(t3, 'created');
    const d = await client.diagnosticsFor(uriOf(t3));
    assert.deepEqual(d.map((x) => x.code), ['code.unknown']);
    fs.writeFileSync(t3, '---\nparticipant: T3\n---\nT3= Nieuw. [[effect/band]]\n');
    await client.fileChanged(t3, 'changed');
    await client.diagnosticsFor(uriOf(t3), (x) => x.length === 0);
    const tree = await client.connection.sendRequest(CodebookTreeRequest.type, { project: uriOf(p.root) });
    assert.deepEqual(tree!.participants, ['T1', 'T2', 'T3']);
    fs.rmSync(t3);
    await client.fileChanged(t3, 'deleted');
    await client.until(() => client.notifications.filter((n) => n.method === 'codeboom/indexChanged').length >= 3, 'the index to change');
    const after = await client.connection.sendRequest(CodebookTreeRequest.type, { project: uriOf(p.root) });
    assert.deepEqual(after!.participants, ['T1', 'T2']);
  });

  it('lets a deleted transcript go while an editor still holds its text, and takes it back when it is typed in', async () => {
    const t2 = p.file('T2.txt');
    const participants = async () => (await client.connection.sendRequest(CodebookTreeRequest.type, { project: uriOf(p.root) }))!.participants;
    const changes = () => client.notifications.filter((n) => n.method === 'codeboom/indexChanged').length;
    /** Asks again after each change of the index until the participants are `expected` (or times out). */
    const participantsBecome = async (expected: string[]) => {
      for (;;) {
        const seen = changes();
        if (JSON.stringify(await participants()) === JSON.stringify(expected)) return;
        await client.until(() => changes() > seen, `the participants to become ${expected.join(', ')}`);
      }
    };
    await client.openFile(t2);
    await participantsBecome(['T1', 'T2']);
    fs.rmSync(t2);
    await client.fileChanged(t2, 'deleted');
    await participantsBecome(['T1']);
    await client.change(uriOf(t2), T2.replace('komt.', 'komt weer.'));
    await participantsBecome(['T1', 'T2']);
  });

  it('reports a broken codebook in codebook.yaml and keeps the last good one until it is fixed', async () => {
    const codebook = uriOf(p.file('codebook.yaml'));
    const t2 = uriOf(p.file('T2.txt'));
    await client.diagnosticsFor(t2, (d) => d.length === 1);
    await client.openFile(p.file('codebook.yaml'));
    await client.change(codebook, SMALL_CODEBOOK.replace('codes:\n  afstemmen:', 'codes:\n  afstemmen: [oops\n'));
    const broken = await client.diagnosticsFor(codebook, (d) => d.length > 0);
    assert.equal(broken[0].code, 'codebook.syntax');
    assert.ok(broken[0].range.start.line >= 4);
    // Transcripts are still checked against the last good codebook: no flood of unknown codes.
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: t2 }, position: { line: 4, character: 36 } });
    assert.match((hover!.contents as MarkupContent).value, /Geduld/);
    const projects = await client.connection.sendRequest(ProjectsRequest.type, {});
    assert.equal(projects[0].codebookOk, false);
    // A schema error is an error too: the last good codebook stays.
    await client.change(codebook, SMALL_CODEBOOK.replace('        aliases: [afstemmen/wachten]', '        colour: red'));
    await client.diagnosticsFor(codebook, (d) => d.some((x) => x.code === 'codebook.schema'));
    assert.deepEqual((await client.diagnosticsFor(t2)).map((d) => d.code), ['code.alias']);
    // Repaired, with the alias gone: the transcript's old name is now unknown.
    await client.change(codebook, SMALL_CODEBOOK.replace('        aliases: [afstemmen/wachten]\n', ''));
    await client.diagnosticsFor(codebook, (d) => d.length === 0);
    const d2 = await client.diagnosticsFor(t2, (d) => d.some((x) => x.code === 'code.unknown'));
    assert.match(String(d2[0].message), /afstemmen\/wachten/);
    assert.equal((await client.connection.sendRequest(ProjectsRequest.type, {}))[0].codebookOk, true);
  });

  it('shows an alias without its anchor and a "billion laughs" in codebook.yaml, and keeps the last good codebook', async () => {
    const codebook = uriOf(p.file('codebook.yaml'));
    const t2 = uriOf(p.file('T2.txt'));
    await client.diagnosticsFor(t2, (d) => d.length === 1);
    await client.openFile(p.file('codebook.yaml'));
    const emphasis = SMALL_CODEBOOK.replace('label: {nl: Geduld, en: Patience}', 'label:\n          nl: *Geduld*\n          en: Patience');
    await client.change(codebook, emphasis);
    const shown = await client.diagnosticsFor(codebook, (d) => d.length > 0);
    assert.deepEqual(shown.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['codebook.syntax', 11, 14]]);
    assert.match(String(shown[0].message), /'\*Geduld\*' reads as a YAML alias .*put it in quotes: "\*Geduld\*"/);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: t2 }, position: { line: 4, character: 36 } });
    assert.match((hover!.contents as MarkupContent).value, /Geduld/);
    assert.equal((await client.connection.sendRequest(ProjectsRequest.type, {}))[0].codebookOk, false);

    await client.change(codebook, billionLaughs());
    const laughs = await client.diagnosticsFor(codebook, (d) => d.some((x) => String(x.message).includes('more than 1000 times')));
    assert.deepEqual(laughs.map((d) => d.code), ['codebook.syntax']);
    assert.deepEqual((await client.diagnosticsFor(t2)).map((d) => d.code), ['code.alias'], 'the transcripts still have the last good codebook');
  });

  it('starts with a codebook it cannot read, shows why, and indexes the transcripts once it is fixed', async () => {
    const broken = tempProject({ 'codebook.yaml': EMPHASIS_CODEBOOK, 'T1.txt': 'T1= Ik wacht af. [[geduld]]\n' });
    const other = await TestClient.start([broken.root]);
    try {
      const codebook = uriOf(broken.file('codebook.yaml'));
      const shown = await other.diagnosticsFor(codebook, (d) => d.length > 0);
      assert.deepEqual(shown.map((d) => [d.code, d.range.start.line]), [['codebook.syntax', 3]]);
      await other.openFile(broken.file('codebook.yaml'));
      await other.change(codebook, EMPHASIS_CODEBOOK.replace('*Geduld*', '"*Geduld*"'));
      await other.diagnosticsFor(codebook, (d) => d.length === 0);
      const tree = await other.connection.sendRequest(CodebookTreeRequest.type, { project: uriOf(broken.root) });
      assert.deepEqual(tree!.participants, ['T1']);
    } finally {
      other.dispose();
      broken.dispose();
    }
  });

  it('re-reads a transcript from disk when its editor closes without saving', async () => {
    const t2 = uriOf(p.file('T2.txt'));
    await client.openFile(p.file('T2.txt'));
    await client.change(t2, T2.replace('[[afstemmen/wachten]]', '[[nergens]]'));
    await client.diagnosticsFor(t2, (d) => d.some((x) => x.code === 'code.unknown'));
    await client.closeFile(t2);
    await client.diagnosticsFor(t2, (d) => d.length === 1 && d[0].code === 'code.alias');
  });

  it('never crashes, whatever a transcript contains, and keeps answering', async () => {
    const t1 = uriOf(p.file('T1.txt'));
    await client.openFile(p.file('T1.txt'));
    const garbage = fc.sample(fc.string({ unit: 'binary', maxLength: 400 }), { numRuns: 40, seed: 7 });
    for (const text of garbage) {
      await client.change(t1, `${text}\n[[${text.slice(0, 5)}]] {{${text.slice(5, 9)}}}[[effect/band]]\n`);
      const line = Math.floor(text.length / 80);
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: t1 }, position: { line, character: 3 } });
      await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: t1 }, position: { line: line + 1, character: 4 } });
      await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: t1 } });
      await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: t1 } });
      await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: t1 }, position: { line: line + 1, character: 3 }, context: { includeDeclaration: true } });
    }
    const errors = client.notifications.filter((n) => n.method === 'window/logMessage' && (n.params as { type: number }).type === 1);
    assert.deepEqual(errors, []);
  });

  it('keeps a 10 MB transcript editable', async () => {
    const big = p.file('big.txt');
    const turn = 'T1= Een lange zin over geduld en vertrouwen in de therapie, met een tag. [[afstemmen/geduld]]\n\n';
    const text = `---\nparticipant: T1\n---\n${turn.repeat(Math.ceil(10_000_000 / turn.length))}`;
    fs.writeFileSync(big, text);
    await client.fileChanged(big, 'created');
    const uri = await client.openFile(big, text);
    await client.edit(uri, [{ range: { start: { line: 3, character: 4 }, end: { line: 3, character: 4 } }, newText: 'X' }]);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 80 } });
    assert.match((hover!.contents as MarkupContent).value, /Geduld/);
    const list = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 3, character: 79 } });
    assert.ok(list && 'items' in list && list.items.length > 0);
  });
});

describe('language server on a project without transcripts', () => {
  it('warns on transcripts: in codebook.yaml until a transcript appears, and again when it goes', async () => {
    const p = tempProject({
      'codebook.yaml': SMALL_CODEBOOK.replace('transcripts: ["*.txt", "interviews/**/*.txt"]', 'transcripts: ["transcripts/*.txt"]'),
      'interviews/T1.txt': '---\nparticipant: T1\n---\nT1= Ik wacht af. [[afstemmen/geduld]]\n',
    });
    const client = await TestClient.start([p.root]);
    try {
      const codebook = uriOf(p.file('codebook.yaml'));
      const [warning] = await client.diagnosticsFor(codebook, (d) => d.length > 0);
      assert.equal(warning.code, 'project.no-transcripts');
      assert.equal(warning.severity, 2);
      assert.deepEqual(warning.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 13 } });
      assert.match(String(warning.message), /has 1 other text file, such as 'interviews\/T1\.txt': add its folder to project\.transcripts/);
      // Another file the patterns leave out: the warning counts it.
      const t0 = p.file('interviews/T0.txt');
      p.write('interviews/T0.txt', 'T0= Hallo.\n');
      await client.fileChanged(t0, 'created');
      const [again] = await client.diagnosticsFor(codebook, (d) => /2 other text files/.test(String(d[0]?.message)));
      assert.match(String(again.message), /such as 'interviews\/T0\.txt': add their folder/);
      const t2 = p.file('transcripts/T2.txt');
      p.write('transcripts/T2.txt', '---\nparticipant: T2\n---\nT2= Goed zo. [[afstemmen/geduld]]\n');
      await client.fileChanged(t2, 'created');
      await client.diagnosticsFor(codebook, (d) => d.length === 0);
      fs.rmSync(t2);
      await client.fileChanged(t2, 'deleted');
      await client.diagnosticsFor(codebook, (d) => d.some((x) => x.code === 'project.no-transcripts'));
    } finally {
      client.dispose();
      p.dispose();
    }
  });
});

describe('language server with several workspace folders', () => {
  it('finds a project in each folder and keeps them apart', async () => {
    const a = tempProject({ 'codebook.yaml': SMALL_CODEBOOK, 'A.txt': '---\nparticipant: A1\n---\nA1= x [[effect/band]]\n' });
    const b = tempProject({ 'sub/codebook.yaml': SMALL_CODEBOOK.replace('band:', 'bond:'), 'sub/B.txt': '---\nparticipant: B1\n---\nB1= y [[effect/band]]\n' });
    const client = await TestClient.start([a.root, b.root]);
    try {
      const projects = await client.connection.sendRequest(ProjectsRequest.type, {});
      assert.deepEqual(projects.map((x) => x.participants).sort(), [['A1'], ['B1']]);
      await client.diagnosticsFor(uriOf(b.file('sub/B.txt')), (d) => d.some((x) => x.code === 'code.unknown'));
      assert.equal(client.diagnostics.get(uriOf(a.file('A.txt')))?.length ?? 0, 0);
    } finally {
      client.dispose();
      a.dispose();
      b.dispose();
    }
  });
});
