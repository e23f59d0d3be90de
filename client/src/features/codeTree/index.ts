/**
 * The Codes view: the code tree, its grouping, filter and order, opening a quote, and managing codes
 * (codeManagement.ts).
 */
import * as vscode from 'vscode';
import type { ServerConnection } from '../../server/serverConnection';
import type { ColorIcons } from '../colorIcons';
import { CodeManagement } from './codeManagement';
import { CodeTreeProvider } from './codeTreeProvider';
import type { QuoteRange, SortOrder } from './treeNodes';

export const CODE_TREE_VIEW = 'codeboom.codes';

export function activateCodeTree(context: vscode.ExtensionContext, server: ServerConnection, icons: ColorIcons): CodeTreeProvider {
  const provider = new CodeTreeProvider(server, icons);
  const management = new CodeManagement(server, icons);
  const view = vscode.window.createTreeView(CODE_TREE_VIEW, { treeDataProvider: provider, showCollapseAll: true, dragAndDropController: management, canSelectMany: false });
  management.view = view;
  management.activate(context);

  const describe = () => {
    const grouping =
      provider.grouping.by === 'codes'
        ? vscode.l10n.t('by code')
        : provider.grouping.by === 'participants'
          ? vscode.l10n.t('by participant')
          : vscode.l10n.t('by {0}', provider.grouping.name);
    view.description = provider.includeSubcodes ? `${grouping} · ${vscode.l10n.t('with subcodes')}` : grouping;
    view.message = provider.filter ? vscode.l10n.t('Showing codes that match “{0}”.', provider.filter) : undefined;
    void vscode.commands.executeCommand('setContext', 'codeboom.treeFiltered', provider.filter !== '');
  };
  const updateProjects = async (refresh = true) => {
    const projects = await server.projects();
    await vscode.commands.executeCommand('setContext', 'codeboom.hasProject', projects.length > 0);
    await vscode.commands.executeCommand('setContext', 'codeboom.noProject', projects.length === 0);
    if (refresh || !(await provider.shows(projects))) provider.refresh();
  };

  context.subscriptions.push(
    provider,
    view,
    server.onIndexChanged(() => provider.refreshSoon()),
    // A tree restored with the window asked while the server started, and has these projects already.
    server.onReady(({ first }) => void updateProjects(!first)),
    server.onProjectsChanged(() => void updateProjects()),
    vscode.commands.registerCommand('codeboom.openSegment', async (uri: string, range: QuoteRange) => {
      const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
      const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, preview: true });
      editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    vscode.commands.registerCommand('codeboom.tree.groupBy', async () => {
      const projects = await server.projects();
      const variables = [...new Set(projects.flatMap((p) => p.variables.map((v) => v.name)))];
      const items: (vscode.QuickPickItem & { grouping: typeof provider.grouping })[] = [
        { label: vscode.l10n.t('Codes'), description: vscode.l10n.t('code → participant → quote'), grouping: { by: 'codes' } },
        { label: vscode.l10n.t('Participants'), description: vscode.l10n.t('participant → code → quote'), grouping: { by: 'participants' } },
        ...variables.map((name) => ({ label: name, description: vscode.l10n.t('document variable → code → quote'), grouping: { by: 'variable' as const, name } })),
      ];
      const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Group the code tree by') });
      if (!pick) return;
      provider.grouping = pick.grouping;
      describe();
      provider.refresh();
    }),
    vscode.commands.registerCommand('codeboom.tree.filter', async () => {
      const text = await vscode.window.showInputBox({
        title: vscode.l10n.t('Filter codes'),
        prompt: vscode.l10n.t('Part of a label or path; empty shows every code.'),
        value: provider.filter,
      });
      if (text === undefined) return;
      provider.filter = text;
      describe();
      provider.refresh();
    }),
    vscode.commands.registerCommand('codeboom.tree.clearFilter', () => {
      provider.filter = '';
      describe();
      provider.refresh();
    }),
    vscode.commands.registerCommand('codeboom.tree.sort', async () => {
      const items: (vscode.QuickPickItem & { order: SortOrder })[] = [
        { label: vscode.l10n.t('Codebook order'), order: 'codebook' },
        { label: vscode.l10n.t('Most segments first'), order: 'segments' },
        { label: vscode.l10n.t('Most participants first'), order: 'participants' },
      ];
      const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Sort codes') });
      if (!pick) return;
      provider.sort = pick.order;
      provider.refresh();
    }),
    vscode.commands.registerCommand('codeboom.tree.toggleSubcodes', () => {
      provider.includeSubcodes = !provider.includeSubcodes;
      describe();
      provider.refresh();
    }),
  );
  describe();
  return provider;
}
