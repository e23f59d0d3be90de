/**
 * The Codes view, through the extension's tree provider: the codebook's categories in order, a code's
 * counts, its participants and their quotes; grouped by participant and by a document variable; filtered;
 * and a quote that opens its transcript with exactly its words selected. Expected values come from
 * reading the example's files (exampleReading.ts).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CodeTreeProvider } from '../../../client/src/features/codeTree/codeTreeProvider';
import type { TreeNode } from '../../../client/src/features/codeTree/treeNodes';
import { countsOf, codebookChildren, exampleTags, naturalOrder, transcriptNames } from './exampleReading';
import { codeboom, projectFile } from './helpers';

interface Row {
  node: TreeNode;
  item: vscode.TreeItem;
  label: string;
  description: string;
}

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** `10 · 9 participants` (or `deelnemers` in a Dutch VS Code). */
function countsDescription(segments: number, participants: number): RegExp {
  return new RegExp(`^${segments} · ${participants} (participants|deelnemers)$`);
}

const improvisatie = 'afstemmen/improvisatie';

describe('code tree', () => {
  let tree: CodeTreeProvider;

  const rows = async (parent?: TreeNode): Promise<Row[]> => {
    const nodes = await tree.getChildren(parent);
    return Promise.all(
      nodes.map(async (node) => {
        const item = await tree.getTreeItem(node);
        return { node, item, label: labelOf(item), description: String(item.description ?? '') };
      }),
    );
  };
  const row = async (parent: TreeNode | undefined, label: string): Promise<Row> => {
    const all = await rows(parent);
    const found = all.find((r) => r.label === label);
    assert.ok(found, `a row '${label}' among ${JSON.stringify(all.map((r) => r.label))}`);
    return found;
  };
  const codeLabel = (path: string) => {
    const parent = path.split('/').slice(0, -1).join('/');
    return codebookChildren(parent).find((c) => c.path === path)!.label;
  };

  before(async () => {
    tree = (await codeboom()).codeTree;
  });

  beforeEach(() => tree.refresh());

  afterEach(() => {
    tree.grouping = { by: 'codes' };
    tree.filter = '';
    tree.refresh();
  });

  it('lists the top-level categories in codebook order, and a category its codes', async () => {
    const top = await rows();
    assert.deepEqual(
      top.map((r) => r.label),
      codebookChildren().map((c) => c.label),
    );
    assert.ok(top.every((r) => r.item.collapsibleState === vscode.TreeItemCollapsibleState.Collapsed));
    // A category is not coded itself: it shows what its codes hold.
    const tags = exampleTags();
    for (const [i, category] of codebookChildren().entries()) {
      const inside = tags.filter((t) => t.code.startsWith(`${category.path}/`));
      assert.match(top[i].description, countsDescription(inside.length, new Set(inside.map((t) => t.participant)).size), category.path);
    }
    const afstemmen = await row(undefined, codeLabel('afstemmen'));
    const codes = (await rows(afstemmen.node)).filter((r) => r.node.kind === 'code');
    assert.deepEqual(
      codes.map((r) => r.label),
      codebookChildren('afstemmen').map((c) => c.label),
    );
  });

  it("shows a code's segments and participants, each participant's count, and a participant's quotes", async () => {
    const expected = countsOf(improvisatie);
    // Ten segments from nine of the twelve participants (T5 twice).
    assert.equal(expected.segments, 10);
    assert.equal(expected.byParticipant.length, 9);

    const afstemmen = await row(undefined, codeLabel('afstemmen'));
    const code = await row(afstemmen.node, codeLabel(improvisatie));
    assert.match(code.description, countsDescription(expected.segments, expected.byParticipant.length));
    assert.equal(code.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.match((code.item.tooltip as vscode.MarkdownString).value, /afstemmen\/improvisatie/);

    const participants = await rows(code.node);
    assert.deepEqual(
      participants.map((r) => [r.label, r.description]),
      expected.byParticipant.map(([p, n]) => [p, String(n)]),
    );

    const t5 = participants.find((r) => r.label === 'T5')!;
    const quotes = await rows(t5.node);
    const tags = exampleTags().filter((t) => t.code === improvisatie && t.participant === 'T5');
    assert.deepEqual(
      quotes.map((r) => r.description),
      tags.map((t) => `${t.file}:${t.line}`),
    );
    // The first words of the passage: T5's second quote is a passage, `{{je voorbereiding ...}}`.
    const passage = tags[1].passage;
    assert.ok(passage, 'T5 codes a passage on the second line');
    assert.ok(quotes[1].label.length <= 60 && passage.startsWith(quotes[1].label.replace(/…$/, '')), `'${quotes[1].label}' begins '${passage}'`);
    assert.ok(quotes.every((r) => r.node.kind === 'quote' && r.item.command?.command === 'codeboom.openSegment'));
  });

  it('opens a quote with its words selected', async () => {
    const afstemmen = await row(undefined, codeLabel('afstemmen'));
    const code = await row(afstemmen.node, codeLabel(improvisatie));
    const t5 = await row(code.node, 'T5');
    const passage = exampleTags().find((t) => t.code === improvisatie && t.participant === 'T5' && t.passage)!;
    const quote = (await rows(t5.node)).find((r) => r.description === `${passage.file}:${passage.line}`);
    assert.ok(quote?.item.command, `a quote at ${passage.file}:${passage.line} with a command`);
    const command = quote.item.command;

    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is active');
    assert.equal(editor.document.uri.fsPath, projectFile(`transcripts/${passage.file}`).fsPath);
    const selection = editor.selection;
    assert.equal(selection.start.line + 1, passage.line);
    assert.equal(editor.document.getText(selection), passage.passage, 'the selection is exactly the quoted words');
    assert.equal(editor.document.getText(new vscode.Range(selection.start.translate(0, -2), selection.start)), '{{');
    assert.equal(editor.document.getText(new vscode.Range(selection.end, selection.end.translate(0, 2))), '}}');
  });

  it('groups by participant: participant → code → quotes', async () => {
    tree.grouping = { by: 'participants' };
    tree.refresh();
    const tags = exampleTags();
    const people = await rows();
    const participants = naturalOrder(new Set(tags.map((t) => t.participant)));
    assert.equal(participants.length, transcriptNames().length);
    assert.deepEqual(
      people.map((r) => [r.label, r.description]),
      participants.map((p) => [p, String(tags.filter((t) => t.participant === p).length)]),
    );

    // T9's categories are those with at least one of T9's codes, in codebook order.
    const t9 = people.find((r) => r.label === 'T9')!;
    const mine = tags.filter((t) => t.participant === 'T9');
    const categories = await rows(t9.node);
    assert.deepEqual(
      categories.map((r) => r.label),
      codebookChildren()
        .filter((c) => mine.some((t) => t.code.startsWith(`${c.path}/`)))
        .map((c) => c.label),
    );
    const afstemmen = categories.find((r) => r.label === codeLabel('afstemmen'))!;
    assert.equal(afstemmen.description, String(mine.filter((t) => t.code.startsWith('afstemmen/')).length));
    const codes = await rows(afstemmen.node);
    assert.deepEqual(
      codes.map((r) => [r.label, r.description]),
      codebookChildren('afstemmen')
        .filter((c) => mine.some((t) => t.code === c.path))
        .map((c) => [c.label, String(mine.filter((t) => t.code === c.path).length)]),
    );
    const code = codes.find((r) => r.label === codeLabel(improvisatie))!;
    assert.equal(code.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const quotes = await rows(code.node);
    assert.deepEqual(
      quotes.map((r) => [r.node.kind, r.description]),
      mine.filter((t) => t.code === improvisatie).map((t) => ['quote', `${t.file}:${t.line}`]),
    );
  });

  it('groups by the discipline variable: value → code → participants', async () => {
    tree.grouping = { by: 'variable', name: 'discipline' };
    tree.refresh();
    const tags = exampleTags();
    const values = await rows();
    assert.deepEqual(
      values.map((r) => r.label).sort(),
      [...new Set(tags.map((t) => t.variables.discipline))].sort(),
    );
    assert.ok(values.every((r) => r.description === 'discipline'));

    const music = (t: { variables: Record<string, string> }) => t.variables.discipline === 'muziektherapie';
    const expected = countsOf(improvisatie, music);
    const group = values.find((r) => r.label === 'muziektherapie')!;
    const afstemmen = await row(group.node, codeLabel('afstemmen'));
    const code = await row(afstemmen.node, codeLabel(improvisatie));
    assert.match(code.description, countsDescription(expected.segments, expected.byParticipant.length));
    assert.deepEqual(
      (await rows(code.node)).map((r) => [r.label, r.description]),
      expected.byParticipant.map(([p, n]) => [p, String(n)]),
    );
  });

  it('filters codes by text, keeping the categories that lead to them', async () => {
    tree.filter = 'improvisatie';
    tree.refresh();
    const top = await rows();
    assert.deepEqual(
      top.map((r) => r.label),
      [codeLabel('afstemmen')],
    );
    assert.deepEqual(
      (await rows(top[0].node)).map((r) => r.label),
      [codeLabel(improvisatie)],
    );
    tree.filter = '';
    tree.refresh();
    assert.equal((await rows()).length, codebookChildren().length, 'every category again without the filter');
  });
});
