/**
 * Memos in VS Code on the example project: the commands, given their memo as an argument so that no
 * input box waits, set a memo on the coding at the cursor, on the document and on a code, each as one
 * change that one undo takes back; a new free memo is a file in memos/; the Memos view lists every kind
 * and opens a memo with its text selected.
 */
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import type { MemoInfo } from '../../../server/src/lsp/protocol';
import { codeboom, diskText, openTranscript, positionOf, projectFile, whenAsync } from './helpers';

describe('memos', () => {
  let api: ExtensionApi;
  let root: string;
  const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(command, ...args);
  const memos = () => api.memos.load();
  /** The memos once `check` holds for them, asked again after each change of the index. */
  const memosWhen = (check: (m: MemoInfo[]) => boolean, what: string) =>
    whenAsync(api.server.onIndexChanged, async () => {
      const now = await memos();
      return check(now) ? now : undefined;
    }, () => what);

  before(async () => {
    api = await codeboom();
    root = (await api.server.projects())[0].root;
  });

  it('adds a memo to the coding at the cursor, and one undo takes it back', async () => {
    const { document, editor } = await openTranscript('T09.txt');
    const original = document.getText();
    const at = positionOf(document, 'Die muziek is voor veel');
    editor.selection = new vscode.Selection(at, at);
    assert.equal(await run('codeboom.memo.coding', { memo: 'de studio\ntrekt ]]' }), true);
    assert.equal(document.lineAt(at.line).text.includes('[[medium/therapiemotivatie | de studio trekt ] ] ]]'), true, document.lineAt(at.line).text);
    await memosWhen((m) => m.some((x) => x.kind === 'coding' && x.text === 'de studio trekt ] ]'), 'the new coding memo is listed');
    await run('undo');
    assert.equal(document.getText(), original);
  });

  it('writes a memo on the document into its front matter, keeping the rest, and undoes it', async () => {
    const { document } = await openTranscript('T09.txt');
    const original = document.getText();
    assert.equal(await run('codeboom.memo.document', { memo: 'Open en rustig gesprek.' }), true);
    assert.equal(document.getText(), original.replace('interviewer: I\n', 'interviewer: I\nmemo: Open en rustig gesprek.\n'));
    const listed = await memosWhen((m) => m.some((x) => x.kind === 'document' && x.participant === 'T9'), 'the document memo is listed');
    const memo = listed.find((x) => x.kind === 'document')!;
    const editor = await run<vscode.TextEditor>('codeboom.memos.open', memo);
    assert.equal(editor.document.getText(editor.selection), 'Open en rustig gesprek.');
    await run('undo');
    assert.equal(document.getText(), original);
  });

  it('writes a memo on a code into codebook.yaml, and undoes it', async () => {
    const before = diskText('codebook.yaml');
    assert.equal(await run('codeboom.memo.code', { project: root, code: 'afstemmen/geduld', memo: 'Wachten is ook werk.' }), true);
    const codebook = await vscode.workspace.openTextDocument(projectFile('codebook.yaml'));
    assert.match(codebook.getText(), /\n {6}geduld:\n(?: {8}.*\n)*? {8}memo: Wachten is ook werk\.\n/);
    const listed = await memosWhen((m) => m.some((x) => x.kind === 'code' && x.code === 'afstemmen/geduld'), 'the code memo is listed');
    assert.equal(listed.find((x) => x.kind === 'code')!.text, 'Wachten is ook werk.');
    await vscode.window.showTextDocument(codebook);
    await run('undo');
    assert.equal(codebook.getText(), before);
    if (codebook.isDirty) await codebook.save();
  });

  it('makes a new free memo in memos/, never a transcript, and lists it', async () => {
    const projectsBefore = (await api.server.projects())[0].documents;
    const uri = await run<string>('codeboom.memo.new', { project: root, title: 'Eerste indrukken', memo: 'Veel jongeren testen eerst.' });
    assert.equal(uri, projectFile('memos/eerste-indrukken.md').toString());
    try {
      assert.equal(diskText('memos/eerste-indrukken.md'), '# Eerste indrukken\n\nVeel jongeren testen eerst.\n');
      const listed = await memosWhen((m) => m.some((x) => x.kind === 'project'), 'the free memo is listed');
      assert.deepEqual(
        listed.filter((x) => x.kind === 'project').map((x) => [x.title, x.text]),
        [['Eerste indrukken', 'Veel jongeren testen eerst.']],
      );
      assert.equal((await api.server.projects())[0].documents, projectsBefore, 'the memo is not a transcript');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      rmSync(projectFile('memos').fsPath, { recursive: true, force: true });
    }
  });

  it('filters the view by text, kind and participant', async () => {
    const all = await memos();
    assert.ok(all.some((m) => m.kind === 'coding' && m.participant === 'T2'), 'the example has coding memos');
    await run('codeboom.memos.filter', { kind: 'coding', participant: 'T2' });
    const groups = await api.memos.getChildren();
    assert.deepEqual(groups.map((g) => g.kind === 'group' && g.memoKind), ['coding']);
    const shown = await api.memos.getChildren(groups[0]);
    assert.ok(shown.length > 0 && shown.every((n) => n.kind === 'memo' && n.memo.participant === 'T2'));
    await run('codeboom.memos.filter', { text: 'niets dat in een memo staat' });
    assert.deepEqual((await api.memos.getChildren()).map((n) => n.kind), ['message']);
    await run('codeboom.memos.clearFilter');
    assert.equal((await api.memos.getChildren()).length > 0, true);
  });
});
