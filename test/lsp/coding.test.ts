/**
 * Coding in the editor, answered by the server (protocol.ts: codingEdits, removeCodingEdits,
 * segmentNavigation, quote): the edits a client applies give the text a researcher expects, on the version
 * of the text the client named, under the last good codebook while codebook.yaml is broken.
 */
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import {
  CodingEditsRequest,
  ProjectsRequest,
  QuoteRequest,
  RemoveCodingEditsRequest,
  SegmentNavigationRequest,
  type Position,
  type Range,
} from '../../server/src/lsp/protocol';
import { SMALL_CODEBOOK, type TempProject } from '../helpers/tempProject';
import { lspProject, T1, T2 } from './fixture';
import { TestClient } from './lspClient';

describe('coding requests', () => {
  let p: TempProject;
  let client: TestClient;
  let t1: string;
  let version = 1;

  /** Where the `nth` occurrence of `words` starts in the client's text of `uri`, and where it ends. */
  const rangeOf = (words: string, uri = t1, nth = 0): Range => {
    const text = client.text(uri)!;
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(words, at + 1);
    assert.ok(at >= 0, `"${words}" is in the text`);
    const d = TextDocument.create(uri, 'text', 0, text);
    return { start: d.positionAt(at), end: d.positionAt(at + words.length) };
  };
  const textOf = (range: Range | null, uri = t1) => {
    assert.ok(range, 'a range');
    const d = TextDocument.create(uri, 'text', 0, client.text(uri)!);
    return d.getText(range);
  };
  const lineOf = (line: number, uri = t1) => client.text(uri)!.split(/\r?\n/)[line];
  const edit = async (edits: { range: Range; newText: string }[]) => {
    await client.edit(t1, edits);
    version++;
  };
  const restore = async () => {
    if (client.text(t1) === T1) return;
    await client.change(t1, T1);
    version++;
  };
  const navigate = (position: Position, direction: SegmentNavigationRequest.Params['direction']) =>
    client.connection.sendRequest(SegmentNavigationRequest.type, { uri: t1, version, position, direction });

  before(async () => {
    p = lspProject();
    client = await TestClient.start([p.root]);
    t1 = await client.openFile(p.file('T1.txt'));
  });
  after(() => {
    client.dispose();
    p.dispose();
  });
  afterEach(restore);

  it('codes selected words as a passage, positions counted in UTF-16 after an emoji on a CRLF line', async () => {
    const answer = await client.connection.sendRequest(CodingEditsRequest.type, { uri: t1, version, range: rangeOf('tot hij komt'), codes: ['effect/band'] });
    assert.equal(answer.version, version);
    await edit(answer.edits);
    assert.equal(lineOf(6), 'T1= Ik wacht af 😀 {{tot hij komt}}[[effect/band]]. [[afstemmen/geduld]]');
  });

  it('codes the whole paragraph when nothing is selected, and gives no edits when it has the code already', async () => {
    const at = rangeOf('wacht').start;
    const already = await client.connection.sendRequest(CodingEditsRequest.type, { uri: t1, version, range: { start: at, end: at }, codes: ['afstemmen/geduld'] });
    assert.deepEqual(already.edits, []);
    const answer = await client.connection.sendRequest(CodingEditsRequest.type, {
      uri: t1,
      version,
      range: { start: at, end: at },
      codes: ['afstemmen/geduld', 'afstemmen/improvisatie'],
    });
    await edit(answer.edits);
    assert.equal(lineOf(6), 'T1= Ik wacht af 😀 tot hij komt. [[afstemmen/geduld]] [[afstemmen/improvisatie]]');
  });

  it('labels a new passage that crosses a passage', async () => {
    const answer = await client.connection.sendRequest(CodingEditsRequest.type, { uri: t1, version, range: rangeOf('Samen {{spelen'), codes: ['afstemmen/geduld'] });
    await edit(answer.edits);
    assert.ok(lineOf(8).startsWith('T1= {{#a Samen {{spelen}}#a[[afstemmen/geduld]] we een scène}}'), lineOf(8));
  });

  it('lists the codings at the cursor innermost first, each with the edits that remove it', async () => {
    const answer = await client.connection.sendRequest(RemoveCodingEditsRequest.type, { uri: t1, version, position: rangeOf('spelen').start });
    assert.equal(answer.version, version);
    assert.deepEqual(answer.codings.map((c) => [c.code, c.passage]).slice(0, 1), [['effect/band', true]]);
    assert.equal(textOf(answer.codings[0].range), 'spelen we een scène');
    await edit(answer.codings[0].edits);
    assert.equal(lineOf(8), 'T1= Samen spelen we een scène en dan [[afstemmen/gedudl]]');

    const none = await client.connection.sendRequest(RemoveCodingEditsRequest.type, { uri: t1, version, position: rangeOf('Hoe').start });
    assert.deepEqual(none.codings, []);
  });

  it('moves to the next and previous coded segment, wrapping around, and to the next uncoded paragraph', async () => {
    const start = { line: 0, character: 0 };
    const first = await navigate(start, 'next');
    assert.equal(first.version, version);
    assert.equal(textOf(first.range), 'Ik wacht af 😀 tot hij komt.');
    const second = await navigate(first.range!.start, 'next');
    assert.equal(textOf(second.range), 'spelen we een scène');
    const back = await navigate(second.range!.start, 'previous');
    assert.deepEqual(back.range, first.range);

    // Every paragraph of T1 is coded; the interviewer's question does not count.
    assert.equal((await navigate(start, 'nextUncoded')).range, null);
    await edit([{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, newText: 'T1= Nog niets gecodeerd.\r\n' }]);
    assert.equal(textOf((await navigate(start, 'nextUncoded')).range), 'Nog niets gecodeerd.');
  });

  it('quotes the coded passage at the cursor with its participant, and nothing where there are no words', async () => {
    const at = rangeOf('een scène').start;
    const answer = await client.connection.sendRequest(QuoteRequest.type, { uri: t1, version, range: { start: at, end: at } });
    assert.equal(answer.quote?.formatted, '“spelen we een scène” [T1]');
    const empty = { line: 5, character: 0 };
    assert.equal((await client.connection.sendRequest(QuoteRequest.type, { uri: t1, version, range: { start: empty, end: empty } })).quote, null);
  });

  it('refuses a request about an older version than the server has, so that the client asks again', async () => {
    const old = version;
    await edit([{ range: { start: { line: 4, character: 3 }, end: { line: 4, character: 3 } }, newText: 'En, ' }]);
    const range = rangeOf('tot hij komt');
    await assert.rejects(client.connection.sendRequest(CodingEditsRequest.type, { uri: t1, version: old, range, codes: ['effect/band'] }), (e: unknown) => {
      assert.ok(e instanceof ResponseError);
      assert.equal(e.code, LSPErrorCodes.ContentModified);
      assert.match(e.message, /changed while Codeboom worked on it/);
      return true;
    });
  });

  it('answers a request that overtakes the change it names on the changed text', async () => {
    const next = version + 1;
    const position = rangeOf('tot hij komt').start;
    const asked = client.connection.sendRequest(CodingEditsRequest.type, {
      uri: t1,
      version: next,
      range: { start: { line: position.line, character: position.character + 4 }, end: { line: position.line, character: position.character + 4 + 'tot hij komt'.length } },
      codes: ['effect/band'],
    });
    await edit([{ range: { start: position, end: position }, newText: 'dan ' }]);
    const answer = await asked;
    assert.equal(answer.version, next);
    await edit(answer.edits);
    assert.equal(lineOf(6), 'T1= Ik wacht af 😀 dan {{tot hij komt}}[[effect/band]]. [[afstemmen/geduld]]');
  });

  it('refuses a file that is not a transcript with the reason', async () => {
    const notes = await client.openFile(p.file('notes/readme.md'));
    await assert.rejects(
      client.connection.sendRequest(SegmentNavigationRequest.type, { uri: notes, version: 1, position: { line: 0, character: 0 }, direction: 'next' }),
      (e: unknown) => e instanceof ResponseError && e.code === LSPErrorCodes.RequestFailed && /not a transcript of a project/.test(e.message),
    );
    await client.closeFile(notes);
  });

  it('answers under the last good codebook while codebook.yaml is broken', async () => {
    const codebook = await client.openFile(p.file('codebook.yaml'));
    await client.change(codebook, `${SMALL_CODEBOOK}\n  broken: [unclosed\n`);
    await client.diagnosticsFor(codebook, (ds) => ds.some((d) => d.severity === 1));
    const [project] = await client.connection.sendRequest(ProjectsRequest.type, {});
    assert.equal(project.codebookOk, false, 'the codebook is broken');

    // T2 codes one paragraph with geduld and with its alias wachten: one coding under the codebook.
    const t2 = await client.openFile(p.file('T2.txt'), T2);
    const d = TextDocument.create(t2, 'text', 1, T2);
    const answer = await client.connection.sendRequest(RemoveCodingEditsRequest.type, { uri: t2, version: 1, position: d.positionAt(T2.indexOf('tijd')) });
    assert.deepEqual(answer.codings.map((c) => c.code), ['afstemmen/geduld']);
    await client.edit(t2, answer.codings[0].edits);
    // Both tags go (a space is left where two tags stood apart).
    assert.equal(lineOf(4, t2).trimEnd(), 'T2= Cliënten hebben tijd nodig.');
    await client.closeFile(t2);
    await client.closeFile(codebook);
  });
});
