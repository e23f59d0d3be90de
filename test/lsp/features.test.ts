import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  ErrorCodes,
  DidChangeConfigurationNotification,
  DefinitionRequest,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  HoverRequest,
  LSPErrorCodes,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  WorkspaceSymbolRequest,
  type CodeAction,
  type CompletionList,
  type DocumentSymbol,
  type MarkupContent,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { CodebookTreeRequest, CooccurrenceRequest, IndexChangedNotification, DocumentSegmentsRequest, CooccurringSegmentsRequest, MatrixRequest, SegmentsRequest, ServerCommands } from '../../server/src/lsp/protocol';
import type { TempProject } from '../helpers/tempProject';
import { lspProject, T1 } from './fixture';
import { TestClient, uriOf } from './lspClient';

/** The position of the n-th occurrence of `needle` in `text` (plus `delta` characters). */
function at(text: string, needle: string, delta = 0, nth = 0) {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} not found`);
  const before = text.slice(0, i + delta);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

describe('language server', () => {
  let p: TempProject;
  let client: TestClient;
  let t1: string;
  let t2: string;
  let codebook: string;

  beforeEach(async () => {
    p = lspProject();
    client = await TestClient.start([p.root]);
    t1 = uriOf(p.file('T1.txt'));
    t2 = uriOf(p.file('T2.txt'));
    codebook = uriOf(p.file('codebook.yaml'));
  });
  afterEach(() => {
    const errors = client.notifications.filter((n) => n.method === 'window/logMessage' && (n.params as { type: number }).type === 1);
    client.dispose();
    p.dispose();
    assert.deepEqual(errors, [], 'the server logged no error');
  });

  it('indexes the workspace with progress and publishes diagnostics of closed transcripts', async () => {
    const kindsNow = () => client.progress.map((x) => (x as { value: { kind: string } }).value.kind);
    // Indexing does not wait for the progress token: its reports follow once the client has granted it.
    await client.until(() => kindsNow().includes('end'), 'the indexing progress to end');
    const kinds = kindsNow();
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    const d1 = await client.diagnosticsFor(t1);
    assert.deepEqual(d1.map((d) => d.code), ['code.unknown']);
    // Positions count UTF-16 units on the CRLF line, after the emoji.
    assert.deepEqual(d1[0].range.start, at(T1, 'afstemmen/gedudl'));
    assert.match(String(d1[0].message), /Did you mean 'afstemmen\/geduld'\?/);
    assert.deepEqual((await client.diagnosticsFor(t2)).map((d) => d.code), ['code.alias']);
    assert.equal(client.diagnostics.has(uriOf(p.file('notes/readme.md'))), false, 'a file the globs do not match is not a transcript');
  });

  it('publishes diagnostics on every edit of an open transcript', async () => {
    await client.openFile(p.file('T1.txt'));
    const text = T1.replace('[[afstemmen/gedudl]]', '[[afstemmen/geduld]]');
    await client.change(t1, text);
    await client.diagnosticsFor(t1, (d) => d.length === 0);
    await client.change(t1, text + 'T1= {{open\r\n');
    const d = await client.diagnosticsFor(t1, (x) => x.length > 0);
    assert.deepEqual(d.map((x) => x.code), ['passage.unclosed']);
  });

  it('hovers a tag with the definition and the counts: labels in the codebook\'s language, words in the user\'s', async () => {
    // The codebook is Dutch (project.language: nl) and the client English: Dutch labels, English words.
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: t1 }, position: at(T1, 'afstemmen/geduld', 3) });
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /\*\*Geduld\*\*/);
    assert.match(value, /De therapeut wacht af\./);
    assert.match(value, /2 segments · 2 of 2 participants/, 'two tags of one code in one paragraph are one segment');
    assert.deepEqual(hover!.range!.start, at(T1, '[[afstemmen/geduld'));
    const memo = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: t1 }, position: at(T1, 'effect/band', 2) });
    assert.match((memo!.contents as MarkupContent).value, /\*\*Memo:\*\* eerste keer/);
    const dutch = await TestClient.start([p.root], { locale: 'nl' });
    try {
      const h = await dutch.connection.sendRequest(HoverRequest.type, { textDocument: { uri: t1 }, position: at(T1, 'afstemmen/geduld', 3) });
      assert.match((h!.contents as MarkupContent).value, /\*\*Geduld\*\*[\s\S]*2 segmenten · 2 van 2 deelnemers[\s\S]*De therapeut wacht af\./);
    } finally {
      dutch.dispose();
    }
  });

  it('shows labels in the language the client chose (labelLanguage), in hover, completion, tree, matrix and outline', async () => {
    const english = await TestClient.start([p.root], { initializationOptions: { language: 'nl', labelLanguage: 'en' } });
    try {
      const root = uriOf(p.root);
      const h = await english.connection.sendRequest(HoverRequest.type, { textDocument: { uri: t1 }, position: at(T1, 'afstemmen/geduld', 3) });
      assert.match((h!.contents as MarkupContent).value, /\*\*Patience\*\*[\s\S]*2 segmenten · 2 van 2 deelnemers[\s\S]*The therapist waits\./);
      const tree = await english.connection.sendRequest(CodebookTreeRequest.type, { project: root });
      assert.equal(tree!.nodes.find((n) => n.path === 'afstemmen')!.children[0].label, 'Patience');
      const matrix = await english.connection.sendRequest(MatrixRequest.type, { project: root });
      assert.equal(matrix!.rows.find((r) => r.path === 'afstemmen/geduld')!.label, 'Patience');
      await english.openFile(p.file('T1.txt'));
      const text = `${T1}T1= Nieuw [[gedu\r\n`;
      await english.change(t1, text);
      const list = (await english.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: t1 }, position: at(text, '[[gedu', 6) })) as CompletionList;
      assert.equal(list.items[0].detail, 'Patience');
      // Back to the codebook's language when the setting says so; the client hears that the views changed.
      await english.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { codeboom: { labelLanguage: 'codebook' } } });
      await english.until(() => english.notifications.some((n) => n.method === IndexChangedNotification.method), 'a notification that the labels changed');
      const back = await english.connection.sendRequest(CodebookTreeRequest.type, { project: root });
      assert.equal(back!.nodes.find((n) => n.path === 'afstemmen')!.children[0].label, 'Geduld');
    } finally {
      english.dispose();
    }
  });

  it('completes code paths inside [[ by path, by label in any language, narrowing after /', async () => {
    await client.openFile(p.file('T1.txt'));
    const complete = async (typed: string) => {
      const text = `T1= Nieuw ${typed}\r\n`;
      await client.change(t1, T1 + text);
      const list = (await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: t1 },
        position: at(T1 + text, `Nieuw ${typed}`, 6 + typed.length),
      })) as CompletionList;
      return list.items;
    };
    assert.equal((await complete('[[gedu'))[0].label, 'afstemmen/geduld');
    assert.equal((await complete('[[patien'))[0].label, 'afstemmen/geduld');
    // While the user types on, the client filters the last answer itself: by the path and every label, so
    // the answer to `[[pa` still holds afstemmen/geduld when `[[patien` has been typed.
    const early = (await complete('[[pa')).find((i) => i.label === 'afstemmen/geduld')!;
    for (const word of ['afstemmen/geduld', 'Patience', 'Geduld']) assert.ok(early.filterText!.split(' ').includes(word), `${word} in '${early.filterText}'`);
    const accented = (await complete('[[clien')).find((i) => i.label === 'afstemmen')!;
    assert.ok(accented.filterText!.includes('Afstemmen op cliënt') && accented.filterText!.includes('afstemmen op client'), accented.filterText);
    const narrowed = await complete('[[afstemmen/');
    assert.deepEqual(narrowed.map((i) => i.label), ['afstemmen/geduld', 'afstemmen/improvisatie']);
    const first = narrowed[0];
    assert.equal((first.textEdit as { newText: string }).newText, 'afstemmen/geduld]]', 'an unclosed tag is closed');
    const all = await complete('[[');
    const grouping = all.find((i) => i.label === 'afstemmen')!;
    assert.match(grouping.labelDetails!.description!, /groups codes/);
    const deprecated = all.find((i) => i.label === 'effect/verouderd')!;
    assert.deepEqual(deprecated.tags, [1]);
    assert.equal(all.some((i) => i.label === 'effect/oud'), false, 'a merged code is not offered');
    assert.equal(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: t1 }, position: at(T1, 'Ik wacht') }), null);
  });

  it('completes merge targets after merged_into: in the codebook', async () => {
    const text = fs.readFileSync(p.file('codebook.yaml'), 'utf8').replace('merged_into: effect/band', 'merged_into: effect/b');
    await client.openFile(p.file('codebook.yaml'), text);
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: codebook },
      position: at(text, 'merged_into: effect/b', 'merged_into: effect/b'.length),
    })) as CompletionList;
    assert.equal(list.items[0].label, 'effect/band');
  });

  it('goes from a tag to its definition, finds references and highlights', async () => {
    const cbText = fs.readFileSync(p.file('codebook.yaml'), 'utf8');
    const def = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: t1 }, position: at(T1, 'afstemmen/geduld', 2) });
    assert.deepEqual(def, { uri: codebook, range: { start: at(cbText, 'geduld:'), end: at(cbText, 'geduld:', 6) } });
    const refs = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: codebook },
      position: at(cbText, 'geduld:', 1),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(refs!.map((r) => r.uri).sort(), [t1, t2].sort(), 'every segment; the alias in T2 is in the same paragraph, so one segment');
    const highlights = await client.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri: t1 }, position: at(T1, 'effect/band', 1) });
    assert.equal(highlights!.length, 1);
  });

  it('renames a code from a tag across open and closed transcripts and the codebook', async () => {
    await client.openFile(p.file('T1.txt'));
    const prepare = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: t1 }, position: at(T1, 'afstemmen/geduld', 4) });
    assert.deepEqual(prepare, { range: { start: at(T1, 'afstemmen/geduld'), end: at(T1, 'afstemmen/geduld', 16) }, placeholder: 'afstemmen/geduld' });
    const edit = (await client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: t1 },
      position: at(T1, 'afstemmen/geduld', 4),
      newName: 'afstemmen/wachten-kunnen',
    })) as WorkspaceEdit;
    assert.deepEqual(Object.keys(edit.changes!).sort(), [codebook, t1, t2].sort());
    await client.applyEdit(edit);
    assert.match(client.text(t1)!, /\[\[afstemmen\/wachten-kunnen\]\]/);
    const t2Text = fs.readFileSync(p.file('T2.txt'), 'utf8');
    assert.match(t2Text, /\[\[afstemmen\/wachten-kunnen\]\] \[\[afstemmen\/wachten-kunnen\]\]/, 'the alias is rewritten too');
    assert.match(fs.readFileSync(p.file('codebook.yaml'), 'utf8'), /^ {6}wachten-kunnen:$/m);
    await client.fileChanged(p.file('codebook.yaml'), 'changed');
    await client.diagnosticsFor(t2, (d) => d.length === 0);
  });

  it('refuses a rename onto an existing code with a reason', async () => {
    await assert.rejects(
      client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: t1 }, position: at(T1, 'afstemmen/geduld', 4), newName: 'afstemmen/improvisatie' }),
      /'afstemmen\/improvisatie' already exists/,
    );
  });

  it('answers a refusal with the LSP error code that fits it, never 0', async () => {
    const rename = (newName: string) => client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: t1 }, position: at(T1, 'afstemmen/geduld', 4), newName });
    // A request the server understood but cannot carry out: RequestFailed.
    await assert.rejects(rename('afstemmen/improvisatie'), (e: { code: number }) => e.code === LSPErrorCodes.RequestFailed);
    await assert.rejects(
      client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: t1 }, position: at(T1, 'I= Hoe', 1) }),
      (e: { code: number; message: string }) => e.code === LSPErrorCodes.RequestFailed && /Put the cursor on a tag/.test(e.message),
    );
    // Parameters that cannot be right: InvalidParams.
    await assert.rejects(rename('afstemmen/Geen Pad!'), (e: { code: number; message: string }) => e.code === ErrorCodes.InvalidParams && /is not a code path/.test(e.message));
    await assert.rejects(
      client.connection.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.mergeCode, arguments: [uriOf(p.root), 'nergens', 'afstemmen/geduld'] }),
      (e: { code: number; message: string }) => e.code === ErrorCodes.InvalidParams && /'nergens' is not a code/.test(e.message),
    );
    await assert.rejects(
      client.connection.sendRequest(CooccurrenceRequest.type, { project: uriOf(p.root), unit: 'sentence' }),
      (e: { code: number }) => e.code === ErrorCodes.InvalidParams,
    );
    // A failure inside the server: InternalError, and the stack in the log.
    await assert.rejects(
      client.connection.sendRequest(HoverRequest.method, { position: { line: 0, character: 0 } }),
      (e: { code: number; message: string }) => e.code === ErrorCodes.InternalError && /^Codeboom could not answer hover \(.+\): this is a fault in Codeboom/.test(e.message),
    );
    const logged = client.notifications.findIndex((n) => n.method === 'window/logMessage' && /hover failed: TypeError.*\n\s+at /s.test((n.params as { message: string }).message));
    assert.ok(logged >= 0, 'the stack is in the log');
    client.notifications.splice(logged, 1); // the one error this test expects
  });

  it('renames from the codebook key, with the subcodes of a renamed parent', async () => {
    const cbText = fs.readFileSync(p.file('codebook.yaml'), 'utf8');
    const edit = (await client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: codebook },
      position: at(cbText, 'afstemmen:', 2),
      newName: 'attunement',
    })) as WorkspaceEdit;
    await client.applyEdit(edit);
    assert.match(fs.readFileSync(p.file('T1.txt'), 'utf8'), /\[\[attunement\/geduld\]\][\s\S]*\[\[attunement\/gedudl\]\]/, 'a tag under the renamed code moves with it, known or not');
    assert.match(fs.readFileSync(p.file('codebook.yaml'), 'utf8'), /^ {2}attunement:$/m);
  });

  it('offers quick fixes: the nearest code, adding the code, the current name here or everywhere', async () => {
    await client.openFile(p.file('T1.txt'));
    const d1 = await client.diagnosticsFor(t1);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: t1 },
      range: d1[0].range,
      context: { diagnostics: d1 },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title).slice(0, 2), ["Replace with 'afstemmen/geduld'", "Add 'afstemmen/gedudl' to the codebook"]);
    assert.equal(actions[0].isPreferred, true);
    await client.applyEdit(actions[1].edit!);
    await client.fileChanged(p.file('codebook.yaml'), 'changed');
    await client.diagnosticsFor(t1, (d) => d.length === 0);
    assert.match(fs.readFileSync(p.file('codebook.yaml'), 'utf8'), / {6}gedudl:\n {8}label: Gedudl/);

    const d2 = await client.diagnosticsFor(t2);
    const fixes = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: t2 }, range: d2[0].range, context: { diagnostics: d2 } })) as CodeAction[];
    assert.deepEqual(fixes.map((a) => a.title).slice(0, 2), ["Replace with 'afstemmen/geduld'", "Replace 'afstemmen/wachten' with 'afstemmen/geduld' in every transcript"]);
    await client.applyEdit(fixes[1].edit!);
    await client.diagnosticsFor(t2, (d) => d.length === 0);
  });

  it('merges a code into a sibling: every tag rewritten, the old code marked merged_into', async () => {
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: t2 },
      range: { start: at(fs.readFileSync(p.file('T2.txt'), 'utf8'), 'afstemmen/improvisatie', 2), end: at(fs.readFileSync(p.file('T2.txt'), 'utf8'), 'afstemmen/improvisatie', 2) },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const merge = actions.find((a) => a.title === "Merge 'afstemmen/improvisatie' into 'afstemmen/geduld'")!;
    assert.ok(merge, actions.map((a) => a.title).join(', '));
    const applied = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: merge.command!.command, arguments: merge.command!.arguments });
    assert.equal(applied, true);
    assert.match(fs.readFileSync(p.file('T2.txt'), 'utf8'), /Ik improviseer\. \[\[afstemmen\/geduld\]\]/);
    assert.match(fs.readFileSync(p.file('codebook.yaml'), 'utf8'), /improvisatie:\n\s+label: \{nl: Improvisatorisch vermogen, en: Improvisational ability\}\n\s+merged_into: afstemmen\/geduld/);
  });

  it('outlines transcripts and the codebook, folds turns, and shows counts above codes', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: t1 } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['participant: T1', 'I: Hoe begin je?', 'T1: Ik wacht af 😀 tot hij komt.', 'T1: Samen spelen we een scène en dan']);
    assert.deepEqual(symbols[2].children!.map((c) => [c.name, c.detail]), [['Geduld', 'Ik wacht af 😀 tot hij komt.']]);
    const codebookSymbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: codebook } })) as DocumentSymbol[];
    assert.deepEqual(codebookSymbols[0].children!.map((c) => c.detail), ['afstemmen/geduld', 'afstemmen/improvisatie']);
    const workspace = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'patien' });
    assert.deepEqual((workspace as { containerName: string }[]).map((s) => s.containerName), ['afstemmen/geduld']);
    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: t1 } });
    assert.deepEqual(folds![0], { startLine: 0, endLine: 3, kind: 'imports' });
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: codebook } });
    const geduld = lenses!.find((l) => (l.command!.arguments as string[])[1] === 'afstemmen/geduld')!;
    assert.equal(geduld.command!.title, '2 segments · 2 of 2 participants');
  });

  it('answers the client\'s requests: the code tree, the matrix and the segments', async () => {
    const root = uriOf(p.root);
    const tree = await client.connection.sendRequest(CodebookTreeRequest.type, { project: root });
    assert.deepEqual(tree!.participants, ['T1', 'T2']);
    const attune = tree!.nodes.find((n) => n.path === 'afstemmen')!;
    assert.deepEqual(attune.children.map((c) => [c.path, c.segments, c.byParticipant]), [
      ['afstemmen/geduld', 2, { T1: 1, T2: 1 }],
      ['afstemmen/improvisatie', 1, { T2: 1 }],
    ]);
    const rolled = await client.connection.sendRequest(CodebookTreeRequest.type, { project: root, includeSubcodes: true });
    assert.equal(rolled!.nodes.find((n) => n.path === 'afstemmen')!.segments, 3);
    // A category adds up its codes in the tree and in the matrix alike (one rule, in the engine).
    assert.deepEqual([attune.segments, attune.byParticipant], [3, { T1: 1, T2: 2 }]);
    const matrix = await client.connection.sendRequest(MatrixRequest.type, { project: root });
    assert.deepEqual(matrix!.rows.find((r) => r.path === 'afstemmen')!.cells, [1, 2]);
    assert.deepEqual(matrix!.rows.find((r) => r.path === 'effect/band')!.cells, [1, 0]);
    const segments = await client.connection.sendRequest(SegmentsRequest.type, { project: root, code: 'afstemmen/geduld', variable: { name: 'discipline', value: 'muziek' } });
    assert.deepEqual(segments.map((s) => [s.participant, s.text]), [['T2', 'Cliënten hebben tijd nodig.']]);
    const band = await client.connection.sendRequest(SegmentsRequest.type, { project: root, code: 'effect/band' });
    assert.deepEqual(band.map((s) => [s.text, s.memos, s.range]), [['spelen we een scène', ['eerste keer'], { start: at(T1, 'spelen we'), end: at(T1, 'spelen we een scène', 19) }]]);
  });

  it('gives the segments of an open transcript with their colours, of the version it has', async () => {
    await client.openFile(p.file('T1.txt'));
    const answer = await client.connection.sendRequest(DocumentSegmentsRequest.type, { uri: t1 });
    assert.equal(answer.version, 1);
    assert.deepEqual(
      answer.segments.map((s) => [s.code, s.label, s.color, s.passage, s.range.start]),
      [
        ['afstemmen/geduld', 'Geduld', '#2a9d8f', false, at(T1, 'Ik wacht')],
        ['effect/band', 'Band (samenwerking)', undefined, true, at(T1, 'spelen we')],
      ],
      'a code without a colour of its own and without a coloured parent has none',
    );
    await client.change(t1, T1.replace('[[afstemmen/geduld]]', ''));
    const after = await client.connection.sendRequest(DocumentSegmentsRequest.type, { uri: t1 });
    assert.deepEqual([after.version, after.segments.map((s) => s.code)], [2, ['effect/band']]);
  });

  it('answers co-occurrence: the matrix for a unit and the pairs behind a cell', async () => {
    const root = uriOf(p.root);
    const same = await client.connection.sendRequest(CooccurrenceRequest.type, { project: root, unit: 'paragraph' });
    assert.equal(same!.maxCell, 0, 'no two codes share a paragraph');
    const near = await client.connection.sendRequest(CooccurrenceRequest.type, { project: root, unit: 'window:2' });
    const at = (a: string, b: string) => near!.cells[near!.codes.findIndex((c) => c.path === a)][near!.codes.findIndex((c) => c.path === b)];
    assert.equal(at('afstemmen/geduld', 'effect/band'), 1);
    assert.equal(at('afstemmen/geduld', 'afstemmen/improvisatie'), 1);
    const pairs = await client.connection.sendRequest(CooccurringSegmentsRequest.type, { project: root, unit: 'window:2', first: 'effect/band', second: 'afstemmen/geduld' });
    assert.deepEqual(pairs.map((x) => [x.first.text, x.second.text, x.first.uri === t1]), [['spelen we een scène', 'Ik wacht af 😀 tot hij komt.', true]]);
    await assert.rejects(client.connection.sendRequest(CooccurrenceRequest.type, { project: root, unit: 'sentence' }), /not a unit/);
  });

  it('honours cancellation', async () => {
    const source = new CancellationTokenSource();
    source.cancel();
    await assert.rejects(
      client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: t1 }, position: at(T1, 'afstemmen/geduld', 2), context: { includeDeclaration: true } }, source.token),
      (e: { code: number }) => e.code === LSPErrorCodes.RequestCancelled,
    );
  });
});
