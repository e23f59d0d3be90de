/**
 * Label language: codes' labels follow the codebook (the example is Dutch, project.language: nl) whatever
 * VS Code's display language, unless codeboom.labelLanguage names another; the Codes view and hovers
 * change with the setting, without a restart.
 */
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import * as vscode from 'vscode';
import type { TreeNode } from '../../../client/src/features/codeTree/treeNodes';
import { codebookEntry, codeboom, diskText, hoverText, openTranscript, positionOf, whenAsync } from './helpers';

describe('label language', () => {
  const settings = () => vscode.workspace.getConfiguration('codeboom');

  after(async () => {
    await settings().update('labelLanguage', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it("shows the codebook's labels, and the other language's when codeboom.labelLanguage asks for it", async () => {
    const api = await codeboom();
    const codebook = parse(diskText('codebook.yaml')) as { project: { language: string } };
    assert.equal(codebook.project.language, 'nl', 'the example codebook is Dutch');
    const label = codebookEntry('afstemmen/improvisatie').label as Record<string, string>;
    const topLabels = async () => {
      const nodes = (await api.codeTree.getChildren()) as TreeNode[];
      const items = await Promise.all(nodes.map((n) => api.codeTree.getTreeItem(n)));
      return items.map((i) => (typeof i.label === 'string' ? i.label : (i.label?.label ?? '')));
    };
    const hover = async () => {
      const { document } = await openTranscript('T09.txt');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '[[afstemmen/improvisatie]]', 5));
      return hoverText(hovers);
    };
    const attune = codebookEntry('afstemmen').label as Record<string, string>;

    // Whatever the display language (the runner's is English), the labels are the codebook's Dutch ones.
    assert.ok((await topLabels()).includes(attune.nl), `'${attune.nl}' among ${JSON.stringify(await topLabels())}`);
    assert.ok((await hover()).includes(label.nl), `the Dutch label in: ${await hover()}`);

    await settings().update('labelLanguage', 'en', vscode.ConfigurationTarget.Workspace);
    await whenAsync(api.codeTree.onDidChangeTreeData, async () => ((await topLabels()).includes(attune.en) ? true : undefined), () => 'the Codes view shows the English labels');
    assert.ok((await hover()).includes(label.en), `the English label in: ${await hover()}`);

    await settings().update('labelLanguage', undefined, vscode.ConfigurationTarget.Workspace);
    await whenAsync(api.codeTree.onDidChangeTreeData, async () => ((await topLabels()).includes(attune.nl) ? true : undefined), () => 'the Codes view shows the Dutch labels again');
  });
});
