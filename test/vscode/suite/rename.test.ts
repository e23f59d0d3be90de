/**
 * Rename from a tag: one workspace edit for every transcript that uses the code and for codebook.yaml;
 * after it the code's counts are under its new path. Renamed back from its key in the codebook, every
 * file is as it was.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CodeNode } from '../../../server/src/lsp/protocol';
import { apply, codeboom, diskText, openTranscript, positionOf, projectFile, projectRoot, whenAsync } from './helpers';

const transcripts = Array.from({ length: 12 }, (_, i) => `transcripts/T${String(i + 1).padStart(2, '0')}.txt`);

function find(nodes: readonly CodeNode[], path: string): CodeNode | undefined {
  for (const node of nodes) {
    if (node.path === path) return node;
    const inner = find(node.children, path);
    if (inner) return inner;
  }
  return undefined;
}

describe('rename', () => {
  it('renames a code from a tag in every transcript and in codebook.yaml, and back from its key', async () => {
    const { server } = await codeboom();
    const [project] = await server.projects();
    const counts = async (path: string) => {
      const tree = await server.codebookTree(project.root);
      const node = tree && find(tree.nodes, path);
      return node ? { segments: node.segments, participants: node.participants } : undefined;
    };
    const before = await counts('effect/doel');
    // The edit reaches the server as one change per file, so the counts settle once the last has been indexed.
    let seen: unknown;
    const countsOnceEqual = (path: string) => async () => {
      const now = await counts(path);
      seen = now;
      return now && now.segments === before?.segments && now.participants === before.participants ? now : undefined;
    };
    assert.ok(before && before.participants === 12, `effect/doel is used by all twelve participants: ${JSON.stringify(before)}`);
    const original = new Map([...transcripts, 'codebook.yaml'].map((f) => [f, diskText(f)]));

    const { document } = await openTranscript('T09.txt');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      document.uri,
      positionOf(document, '[[effect/doel', 4),
      'effect/behandelresultaat',
    );
    const root = projectRoot().path;
    const files = edit.entries().map(([uri]) => uri.path.slice(root.length + 1)).sort();
    assert.deepEqual(files, ['codebook.yaml', ...transcripts]);
    await apply(edit);

    for (const file of transcripts) {
      const text = (await vscode.workspace.openTextDocument(projectFile(file))).getText();
      assert.doesNotMatch(text, /\[\[effect\/doel[\]| ]/, `${file} keeps no old tag`);
      assert.match(text, /\[\[effect\/behandelresultaat[\]| ]/, `${file} has the new tag`);
    }
    const codebook = await vscode.workspace.openTextDocument(projectFile('codebook.yaml'));
    assert.match(codebook.getText(), /^ {6}behandelresultaat:$/m);
    assert.doesNotMatch(codebook.getText(), /^ {6}doel:$/m);

    await whenAsync(
      server.onIndexChanged,
      countsOnceEqual('effect/behandelresultaat'),
      () => `the segments of effect/doel (${JSON.stringify(before)}) under effect/behandelresultaat; last seen ${JSON.stringify(seen)}`,
    );

    const back = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      codebook.uri,
      positionOf(codebook, '      behandelresultaat:', 8),
      'doel',
    );
    await apply(back);
    for (const [file, text] of original) {
      assert.equal((await vscode.workspace.openTextDocument(projectFile(file))).getText(), text, `${file} is as it was`);
    }
    await whenAsync(
      server.onIndexChanged,
      countsOnceEqual('effect/doel'),
      () => `the segments back under effect/doel (${JSON.stringify(before)}); last seen ${JSON.stringify(seen)}`,
    );
    // The files' text equals what is on disk; saving leaves no editor dirty for the tests after this one.
    assert.equal(await vscode.workspace.saveAll(false), true);
  });
});
