/**
 * Coding in the editor on T09.txt: "Code selection…" with a preset code (a passage, the whole paragraph,
 * a labelled passage where it crosses another), one undo for each, "Remove code", moving between coded
 * segments, and copying a quote with its attribution. The transcript is as it was afterwards.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import { exampleTags } from './exampleReading';
import { codeboom, openTranscript, positionOf, whenAsync } from './helpers';

const code = 'afstemmen/geduld';

describe('coding commands', () => {
  let api: ExtensionApi;
  let document: vscode.TextDocument;
  let editor: vscode.TextEditor;
  let original: string;

  const run = (command: string, ...args: unknown[]) => vscode.commands.executeCommand(command, ...args);
  const select = (anchor: vscode.Position, active = anchor) => {
    editor.selection = new vscode.Selection(anchor, active);
  };
  /** Selects the `nth` occurrence of `words` and returns the text of its line. */
  const selectWords = (words: string, nth = 0) => {
    const start = positionOf(document, words, 0, nth);
    select(start, start.translate(0, words.length));
    return document.lineAt(start.line).text;
  };
  const undo = async () => {
    await run('undo');
    assert.equal(document.getText(), original, 'one undo restores the text');
  };

  before(async () => {
    api = await codeboom();
    ({ document, editor } = await openTranscript('T09.txt'));
    original = document.getText();
  });

  after(async () => {
    assert.equal(document.getText(), original, 'T09.txt is as it was');
    if (document.isDirty) assert.equal(await document.save(), true);
  });

  it('codes selected words as a passage, in one step that one undo takes back', async () => {
    const words = 'Ik ben muziektherapeut';
    const line = selectWords(words);
    await run('codeboom.codeSelection', code);
    assert.equal(document.lineAt(editor.selection.start.line).text, line.replace(words, `{{${words}}}[[${code}]]`));
    await undo();
  });

  it('codes the whole paragraph when nothing is selected, and removes the code again', async () => {
    const at = positionOf(document, 'muziektherapeut', 4);
    const line = document.lineAt(at.line).text;
    assert.ok(!line.includes('[['), 'the paragraph has no code yet');
    select(at);
    await run('codeboom.codeSelection', code);
    assert.equal(document.lineAt(at.line).text, `${line} [[${code}]]`, 'the tag after a space at the end of the paragraph');

    // The only code of this paragraph, so there is nothing to choose.
    select(at);
    await run('codeboom.removeCode');
    assert.equal(document.getText(), original);
  });

  it('labels a new passage that crosses a passage', async () => {
    // From before `{{Die muziek ...}}[[medium/therapiemotivatie]]` to inside it. T09 has passages
    // labelled a and b already, so the new one is c.
    const words = 'dan zijn we binnen. {{Die muziek';
    const line = selectWords(words);
    await run('codeboom.codeSelection', code);
    const coded = `{{#c dan zijn we binnen. {{Die muziek}}#c[[${code}]]`;
    assert.equal(document.lineAt(editor.selection.start.line).text, line.replace(words, coded));

    // The server reads it as a passage of exactly those words, coded for T9.
    const { server } = api;
    const [project] = await server.projects();
    const segment = await whenAsync(
      server.onIndexChanged,
      async () => (await server.segments({ project: project.root, code, participant: 'T9' })).find((s) => s.uri === document.uri.toString() && s.text.startsWith('dan zijn')),
      () => `a segment of ${code} for T9 in T09.txt`,
    );
    assert.equal(segment.text, 'dan zijn we binnen. Die muziek');
    await undo();
  });

  it('moves to the next and the previous coded segment', async () => {
    const [first, second] = exampleTags().filter((t) => t.file === 'T09.txt');
    assert.ok(first.passage, 'T09 first codes a passage');
    select(new vscode.Position(0, 0));
    await run('codeboom.nextSegment');
    assert.equal(document.getText(editor.selection), first.passage);
    assert.equal(editor.selection.start.line + 1, first.line);

    await run('codeboom.nextSegment');
    // The second is a paragraph: its words, without the speaker label and the tag.
    const paragraph = document.lineAt(second.line - 1).text;
    const words = paragraph.replace(/^T9= /, '').replace(/\s*\[\[[^\]]*\]\]/g, '');
    assert.equal(document.getText(editor.selection), words);

    await run('codeboom.previousSegment');
    assert.equal(document.getText(editor.selection), first.passage);
  });

  it('copies the quote at the cursor with its participant', async () => {
    const first = exampleTags().find((t) => t.file === 'T09.txt' && t.passage)!;
    select(positionOf(document, first.passage!, 5));
    await vscode.env.clipboard.writeText('');
    await run('codeboom.copyQuote');
    assert.equal(await vscode.env.clipboard.readText(), `“${first.passage}” [T9]`);
  });
});
