/**
 * Retrieved segments: the command `codeboom.retrieveSegments` opens the view with the code of the tree's
 * node preselected and shows every quote of it; its `codeboom/retrieve` request answers them with their
 * context and ranges, and the view's export writes a Markdown file. What the page shows is checked
 * by the UI test (test/vscode/ui/retrieval.test.ts).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import type { RetrievalPanel } from '../../../client/src/features/retrieval/retrievalPanel';
import { exampleTags } from './exampleReading';
import { codeboom, projectFile, projectRoot } from './helpers';

const CODE = 'kenmerken/therapeut/geduld';

describe('retrieved segments', () => {
  let api: ExtensionApi;
  const root = () => projectRoot().toString();

  before(async () => {
    api = await codeboom();
  });

  afterEach(() => api.retrieval()?.panel.dispose());

  it("opens from a code's context menu with that code, and lists each of its quotes", async () => {
    const panel = await vscode.commands.executeCommand<RetrievalPanel>('codeboom.retrieveSegments', { project: root(), code: { path: CODE } });
    assert.ok(panel, 'the command returns its panel');
    assert.equal(api.retrieval(), panel);
    assert.equal(panel.panel.visible, true);
    const result = panel.lastResult;
    assert.ok(result, 'the quotes were retrieved');
    const expected = exampleTags().filter((t) => t.code === CODE);
    assert.deepEqual(
      result.quotes.map((q) => `${q.file}:${q.startLine}`),
      expected.map((t) => `transcripts/${t.file}:${t.line}`),
    );
    for (const t of expected.filter((x) => x.passage !== undefined)) {
      assert.ok(result.quotes.some((q) => q.text === t.passage), `the passage of ${t.file}:${t.line}`);
    }
  });

  it('answers codeboom/retrieve with context and the range of each quote, and narrows by participant', async () => {
    const expected = exampleTags().filter((t) => t.code === CODE);
    const participant = expected[0].participant;
    // Through the view, which asks the server with the extension's own request type (a second copy of the
    // protocol library in this bundle would not be the same type).
    const panel = await vscode.commands.executeCommand<RetrievalPanel>('codeboom.retrieveSegments', { project: root(), code: { path: CODE } });
    const result = await panel.retrieve({ context: 'paragraph', participant });
    assert.ok(result);
    assert.equal(result.quotes.length, expected.filter((t) => t.participant === participant).length);
    const quote = result.quotes[0];
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(quote.uri));
    const range = new vscode.Range(quote.range.start.line, quote.range.start.character, quote.range.end.line, quote.range.end.character);
    assert.equal(document.getText(range).replace(/\s+/g, ' ').trim(), quote.text, 'the range holds the quote (no markup inside it here)');
    const line = document.lineAt(quote.range.start.line).text;
    assert.ok(quote.before === '' || line.includes(quote.before.slice(0, 20)), 'the context comes from the same paragraph');
  });

  it('exports the quotes as Markdown to the file asked for', async () => {
    const panel = await vscode.commands.executeCommand<RetrievalPanel>('codeboom.retrieveSegments', { project: root(), code: { path: CODE } });
    const target = projectFile('retrieved-test.md');
    try {
      assert.equal((await panel.export('markdown', target))?.toString(), target.toString());
      const text = readFileSync(target.fsPath, 'utf8');
      assert.match(text, /^# (Retrieved segments|Opgehaalde segmenten)\n/);
      const first = panel.lastResult!.quotes[0];
      assert.ok(text.includes(`— ${first.participant}, ${first.file}:${first.startLine}`), text);
    } finally {
      await vscode.workspace.fs.delete(target);
    }
  });
});
