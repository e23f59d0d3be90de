/**
 * Memos in VS Code: the Memos view, and the commands that add or edit a memo on the coding under the
 * cursor, on the document, on a code (also from the Codes view) and a new free memo in memos/. The server
 * computes every edit (service/memos.ts); each change is applied as one workspace edit that can be undone.
 * Every command takes its answers as arguments too, so that nothing has to be typed.
 */
import * as vscode from 'vscode';
import { MemoAtRequest, MemoEditsRequest, NewMemoRequest, type MemoInfo, type MemoKind, type MemoTarget } from '../../../../server/src/lsp/protocol';
import { MEMOS_FOLDER, MEMO_EXTENSION } from '../../../../server/src/engine/project/projectFiles';
import type { ServerConnection } from '../../server/serverConnection';
import type { TreeNode } from '../codeTree/treeNodes';
import { chooseProject } from '../projects';
import { describeFilter, kindLabel, MEMO_KINDS, MemosProvider, type MemoFilter } from './memosView';

export const MEMOS_VIEW = 'codeboom.memos';

/** Arguments the memo commands accept instead of asking. */
export interface MemoArgs {
  /** The new memo; empty removes it. Without it, an input box asks. */
  memo?: string;
  /** The transcript (a URI); default: the active editor's. */
  uri?: string;
  /** For a coding: where in the transcript (default: the cursor), and which code (default: the innermost). */
  position?: { line: number; character: number };
  code?: string;
  /** For a code or a new memo: the project's root URI. */
  project?: string;
  /** For a new free memo: its title. */
  title?: string;
}

export function activateMemos(context: vscode.ExtensionContext, server: ServerConnection): MemosProvider {
  const provider = new MemosProvider(server);
  const view = vscode.window.createTreeView(MEMOS_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  const describe = () => {
    view.message = describeFilter(provider.filter);
    void vscode.commands.executeCommand('setContext', 'codeboom.memosFiltered', view.message !== undefined);
  };

  /** Asks for the memo's text, starting from the one there is. */
  const askMemo = (title: string, current: string) =>
    vscode.window.showInputBox({
      title: vscode.l10n.t('Memo on {0}', title),
      prompt: vscode.l10n.t('The memo; leave it empty to remove it.'),
      value: current,
    });

  /** The memo's edits for a target, applied as one change; asked again once when the document changed meanwhile. */
  const setMemo = async (target: () => MemoTarget | undefined, given: string | undefined): Promise<boolean> => {
    const first = target();
    if (!first) return false;
    let memo = given;
    if (memo === undefined) {
      const at = await server.send(MemoAtRequest.type, { target: first });
      if (!at) return false;
      if (at.memo.includes('\n') && first.kind !== 'coding') {
        await openWhereItStands(first);
        void vscode.window.showInformationMessage(vscode.l10n.t('This memo has several lines: edit it where it stands.'));
        return false;
      }
      memo = await askMemo(at.title, at.memo);
      if (memo === undefined) return false;
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      const t = target();
      if (!t) return false;
      const answer = await server.send(MemoEditsRequest.type, { target: t, memo });
      if (!answer) return false;
      const uri = vscode.Uri.parse(answer.uri);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (answer.version !== null && open && open.version !== answer.version) continue;
      if (answer.edits.length === 0) return true;
      const edit = new vscode.WorkspaceEdit();
      for (const e of answer.edits) edit.replace(uri, toRange(e.range), e.newText);
      const applied = await vscode.workspace.applyEdit(edit);
      if (applied && answer.memo !== memo.trim()) {
        void vscode.window.setStatusBarMessage(vscode.l10n.t('The memo was written as: {0}', answer.memo), 5000);
      }
      return applied;
    }
    void vscode.window.showWarningMessage(vscode.l10n.t('The transcript changed while Codeboom worked on it, so nothing was done: try again.'));
    return false;
  };

  const openWhereItStands = async (target: MemoTarget) => {
    const memos = await provider.load();
    const found = memos.find((m) =>
      target.kind === 'code' ? m.kind === 'code' && m.code === target.code : target.kind === 'document' ? m.kind === 'document' && m.uri === target.uri : false,
    );
    if (found) await openMemo(found);
  };

  const editorOf = (uri: string | undefined): vscode.TextEditor | undefined => {
    const editor = uri ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri) : vscode.window.activeTextEditor;
    if (!editor) void vscode.window.showInformationMessage(vscode.l10n.t('Open a transcript to write a memo on it.'));
    return editor;
  };

  context.subscriptions.push(
    provider,
    view,
    server.onIndexChanged(() => provider.refreshSoon()),
    server.onReady(() => provider.refresh()),
    server.onProjectsChanged(() => provider.refresh()),
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (isMemoUri(d.uri)) provider.refreshSoon();
    }),
    ...memoFileWatchers(provider),

    vscode.commands.registerCommand('codeboom.memos.open', (memo: MemoInfo) => openMemo(memo)),
    vscode.commands.registerCommand('codeboom.memos.refresh', () => provider.refresh()),

    vscode.commands.registerCommand('codeboom.memos.filter', async (given?: MemoFilter) => {
      let filter = given;
      if (!filter) {
        const text = await vscode.window.showInputBox({
          title: vscode.l10n.t('Filter memos (1 of 3): text'),
          prompt: vscode.l10n.t('Part of a memo or its title; empty for any.'),
          value: provider.filter.text ?? '',
        });
        if (text === undefined) return;
        const any = vscode.l10n.t('Any');
        const kinds = [{ label: any, memoKind: undefined as MemoKind | undefined }, ...MEMO_KINDS.map((k) => ({ label: kindLabel(k), memoKind: k as MemoKind | undefined }))];
        const kind = await vscode.window.showQuickPick(kinds, { title: vscode.l10n.t('Filter memos (2 of 3): kind') });
        if (!kind) return;
        const memos = provider.memos.length > 0 ? provider.memos : await provider.load();
        const who = [...new Set(memos.flatMap((m) => [m.participant, m.document]).filter((x): x is string => !!x))].sort();
        const place = await vscode.window.showQuickPick([{ label: any, value: undefined as string | undefined }, ...who.map((w) => ({ label: w, value: w as string | undefined }))], {
          title: vscode.l10n.t('Filter memos (3 of 3): participant or document'),
        });
        if (!place) return;
        filter = { text: text || undefined, kind: kind.memoKind, participant: place.value };
      }
      provider.filter = filter;
      describe();
      provider.refresh();
    }),
    vscode.commands.registerCommand('codeboom.memos.clearFilter', () => {
      provider.filter = {};
      describe();
      provider.refresh();
    }),

    vscode.commands.registerCommand('codeboom.memo.coding', async (args: MemoArgs = {}) => {
      const editor = editorOf(args.uri);
      if (!editor) return false;
      const position = args.position ?? { line: editor.selection.active.line, character: editor.selection.active.character };
      return setMemo(() => ({ kind: 'coding', uri: editor.document.uri.toString(), version: editor.document.version, position, code: args.code }), args.memo);
    }),

    vscode.commands.registerCommand('codeboom.memo.document', async (args: MemoArgs = {}) => {
      const uri = args.uri ?? editorOf(undefined)?.document.uri.toString();
      if (!uri) return false;
      return setMemo(() => ({ kind: 'document', uri }), args.memo);
    }),

    vscode.commands.registerCommand('codeboom.memo.code', async (arg?: TreeNode | MemoArgs) => {
      let project: string | undefined;
      let code: string | undefined;
      let memo: string | undefined;
      if (arg && 'kind' in arg && arg.kind === 'code') {
        project = arg.project;
        code = arg.code.path;
      } else if (arg && !('kind' in arg)) {
        project = arg.project;
        code = arg.code;
        memo = arg.memo;
      }
      if (!project) project = (await chooseProject(server))?.root;
      if (!project) return false;
      if (!code) code = await pickCode(server, project);
      if (!code) return false;
      const target: MemoTarget = { kind: 'code', project, code };
      return setMemo(() => target, memo);
    }),

    vscode.commands.registerCommand('codeboom.memo.new', async (args: MemoArgs = {}) => {
      const project = args.project ?? (await chooseProject(server))?.root;
      if (!project) return undefined;
      const title =
        args.title ??
        (await vscode.window.showInputBox({
          title: vscode.l10n.t('New memo'),
          prompt: vscode.l10n.t('The memo’s title; it is written to a Markdown file in {0}/.', MEMOS_FOLDER),
          validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('A memo needs a title.') : undefined),
        }));
      if (!title?.trim()) return undefined;
      const answer = await server.send(NewMemoRequest.type, { project, title });
      if (!answer) return undefined;
      const uri = vscode.Uri.parse(answer.uri);
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(uri, { ignoreIfExists: false });
      edit.insert(uri, new vscode.Position(0, 0), answer.text + (args.memo ? `${args.memo}\n` : ''));
      if (!(await vscode.workspace.applyEdit(edit))) return undefined;
      const doc = await vscode.workspace.openTextDocument(uri);
      await doc.save();
      const editor = await vscode.window.showTextDocument(doc);
      const end = doc.lineAt(doc.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(end, end);
      provider.refreshSoon();
      return answer.uri;
    }),
  );
  describe();
  return provider;
}

/** Opens a memo where it stands, its text (or a free memo's title) selected. */
export async function openMemo(memo: MemoInfo): Promise<vscode.TextEditor> {
  const selection = toRange(memo.range);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(memo.uri), { selection, preview: true });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

function isMemoUri(uri: vscode.Uri): boolean {
  return new RegExp(`/${MEMOS_FOLDER}/[^/]+\\.${MEMO_EXTENSION}$`, 'i').test(uri.path);
}

/** Free memos that come, change or go on disk refresh the view. */
function memoFileWatchers(provider: MemosProvider): vscode.Disposable[] {
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${MEMOS_FOLDER}/**/*.${MEMO_EXTENSION}`);
  return [watcher, watcher.onDidCreate(() => provider.refreshSoon()), watcher.onDidChange(() => provider.refreshSoon()), watcher.onDidDelete(() => provider.refreshSoon())];
}

/** A code of the project, picked from a list of labels and paths. */
async function pickCode(server: ServerConnection, project: string): Promise<string | undefined> {
  const tree = await server.codebookTree(project);
  if (!tree) return undefined;
  const items: (vscode.QuickPickItem & { path: string })[] = [];
  const walk = (nodes: typeof tree.nodes) => {
    for (const n of nodes) {
      items.push({ label: n.label, description: n.path, path: n.path });
      walk(n.children);
    }
  };
  walk(tree.nodes);
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Memo on which code?'), matchOnDescription: true });
  return pick?.path;
}

function toRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
