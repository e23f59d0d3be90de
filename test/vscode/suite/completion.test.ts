/** Completion: inside `[[`, part of a code's slug completes to its whole path and closes the tag. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeboom, insert, openTranscript, positionOf, remove } from './helpers';

describe('completion', () => {
  before(() => codeboom());

  it('completes [[gedu to afstemmen/geduld', async () => {
    const { document } = await openTranscript('T09.txt');
    const tag = '[[afstemmen/improvisatie]]';
    const typed = await insert(document, positionOf(document, tag, tag.length), ' [[gedu');
    try {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, typed.end);
      const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
      const item = list.items.find((i) => labelOf(i) === 'afstemmen/geduld');
      assert.ok(item, `afstemmen/geduld among ${JSON.stringify(list.items.map(labelOf).slice(0, 20))}`);
      const insertText = typeof item.insertText === 'string' ? item.insertText : item.insertText?.value;
      assert.equal(insertText, 'afstemmen/geduld]]', 'the path, and the brackets that close the tag');
      const range = item.range instanceof vscode.Range ? item.range : item.range?.replacing;
      assert.ok(range, 'the item replaces a range');
      assert.equal(document.getText(range), 'gedu', 'it replaces what was typed');
    } finally {
      await remove(document, typed);
    }
  });
});
