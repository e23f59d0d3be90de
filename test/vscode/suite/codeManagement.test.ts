/**
 * Managing codes from the Codes view, run as its commands with their answers as arguments (so no prompt
 * waits): a new code and a new colour land in codebook.yaml and one Undo takes each back; a move keeps
 * the counts under the new path and the old path as an alias.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CodeNode } from '../../../server/src/lsp/protocol';
import { codeboom, diskText, projectFile, whenAsync } from './helpers';

function find(nodes: readonly CodeNode[], path: string): CodeNode | undefined {
  for (const node of nodes) {
    if (node.path === path) return node;
    const inner = find(node.children, path);
    if (inner) return inner;
  }
  return undefined;
}

const transcripts = Array.from({ length: 12 }, (_, i) => `transcripts/T${String(i + 1).padStart(2, '0')}.txt`);

describe('managing codes from the Codes view', () => {
  let project: string;
  let original: Map<string, string>;

  before(async () => {
    const { server } = await codeboom();
    project = (await server.projects())[0].root;
    original = new Map([...transcripts, 'codebook.yaml'].map((f) => [f, diskText(f)]));
  });

  /** Puts every file back as it was (as one edit per file) and saves it. */
  after(async () => {
    const edit = new vscode.WorkspaceEdit();
    const changed: vscode.TextDocument[] = [];
    for (const [file, text] of original) {
      const doc = await vscode.workspace.openTextDocument(projectFile(file));
      if (doc.getText() === text) continue;
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
      changed.push(doc);
    }
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    for (const doc of changed) await doc.save();
    for (const [file, text] of original) assert.equal(diskText(file), text, `${file} is as it was on disk`);
  });

  const node = async (path: string) => {
    const { server } = await codeboom();
    const tree = await server.codebookTree(project);
    return tree ? find(tree.nodes, path) : undefined;
  };

  /** The codebook in an editor, so that Undo applies to it. */
  const codebookEditor = async () => vscode.window.showTextDocument(await vscode.workspace.openTextDocument(projectFile('codebook.yaml')));

  it('adds a new code under a code, and one Undo takes it back', async () => {
    const editor = await codebookEditor();
    const before = editor.document.getText();
    const path = await vscode.commands.executeCommand<string>('codeboom.code.new', { project, path: 'afstemmen' }, 'Wachten kunnen', 'wachten-kunnen');
    assert.equal(path, 'afstemmen/wachten-kunnen');
    assert.match(editor.document.getText(), /\n {6}wachten-kunnen:\r?\n {8}label: Wachten kunnen\r?\n/);
    const { server } = await codeboom();
    await whenAsync(server.onIndexChanged, () => node('afstemmen/wachten-kunnen'), () => 'the new code in the tree');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
  });

  it('gives a code a colour of the palette, and one Undo takes it back', async () => {
    const editor = await codebookEditor();
    const before = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand('codeboom.code.recolor', { project, path: 'afstemmen/geduld' }, '#CC6677'), 'afstemmen/geduld');
    const { server } = await codeboom();
    await whenAsync(server.onIndexChanged, async () => ((await node('afstemmen/geduld'))?.color === '#cc6677' ? true : undefined), () => 'the new colour in the tree');
    assert.equal(editor.document.getText(), before.replace('color: "#7fd1c7"', 'color: "#cc6677"'), 'only the colour changed');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
  });

  it('refuses to delete a code that has codings, and changes nothing', async () => {
    const before = diskText('codebook.yaml');
    const editor = await codebookEditor();
    const text = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand('codeboom.code.delete', { project, path: 'afstemmen/geduld' }), undefined);
    assert.equal(editor.document.getText(), text);
    assert.equal(diskText('codebook.yaml'), before);
  });

  it('moves a code with its tags to the top, keeping its old path as an alias and its counts', async () => {
    const { server } = await codeboom();
    const before = await node('kenmerken/therapeut/geduld');
    assert.ok(before && before.segments > 0, 'the code is used');
    const path = await vscode.commands.executeCommand<string>('codeboom.code.move', { project, path: 'kenmerken/therapeut/geduld' }, null, true);
    assert.equal(path, 'geduld');
    const codebook = (await vscode.workspace.openTextDocument(projectFile('codebook.yaml'))).getText();
    assert.match(codebook, /\n {2}geduld:\r?\n(?: {4}.*\r?\n)*? {4}aliases: \[kenmerken\/therapeut\/geduld\]/);
    assert.match(codebook, /\(gebruik geduld\)/, "the mention in afstemmen/geduld's when_not_to_use follows the move");
    const moved = await whenAsync(
      server.onIndexChanged,
      async () => {
        const now = await node('geduld');
        return now && now.segments === before.segments && now.participants === before.participants ? now : undefined;
      },
      () => 'the counts of kenmerken/therapeut/geduld under geduld',
    );
    assert.equal(moved.segments, before.segments);
    for (const file of transcripts) {
      const text = (await vscode.workspace.openTextDocument(projectFile(file))).getText();
      assert.doesNotMatch(text, /\[\[kenmerken\/therapeut\/geduld[\]| ]/, `${file} keeps no old tag`);
    }
  });
});
