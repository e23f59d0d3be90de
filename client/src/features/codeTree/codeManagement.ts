/**
 * Managing codes from the Codes view: a new code (child or sibling), rename, move, merge, colour,
 * deprecate and delete, from its context menu, the command palette (on the selected code, or one picked)
 * and the keyboard (F2, Delete); dragging a code onto another moves or merges it, dragging it onto a
 * transcript codes the selection there. The server computes every change (manageCode); the client asks
 * for what is missing and applies the answer as one workspace edit, so one Undo takes it back.
 *
 * Each command takes its target and answers as arguments too (a tree node, or `{ project, path }`), so
 * tests and keybindings can run it without a prompt.
 */
import * as vscode from 'vscode';
import {
  CodingEditsRequest,
  ManageCodeRequest,
  ProposeSlugRequest,
  type CodeNode,
  type WorkspaceTextEdits,
} from '../../../../server/src/lsp/protocol';
import type { ServerConnection } from '../../server/serverConnection';
import type { ColorIcons } from '../colorIcons';
import { chooseProject } from '../projects';
import { TRANSCRIPT_LANGUAGE } from '../transcriptLanguage';
import type { TreeNode } from './treeNodes';

/** The mime type of a code dragged from the Codes view. */
export const CODE_MIME = 'application/vnd.code.tree.codeboom.codes';

export interface CodeRef {
  project: string;
  /** Absent for a new code at the top of the project's tree. */
  path: string;
}

type Arg = TreeNode | CodeRef | string | undefined;

/** A colour-blind-safe palette: Paul Tol's muted scheme and three colours of his light scheme. */
function palette(): { color: string; name: string }[] {
  return [
    { color: '#cc6677', name: vscode.l10n.t('rose') },
    { color: '#332288', name: vscode.l10n.t('indigo') },
    { color: '#ddcc77', name: vscode.l10n.t('sand') },
    { color: '#117733', name: vscode.l10n.t('green') },
    { color: '#88ccee', name: vscode.l10n.t('cyan') },
    { color: '#882255', name: vscode.l10n.t('wine') },
    { color: '#44aa99', name: vscode.l10n.t('teal') },
    { color: '#999933', name: vscode.l10n.t('olive') },
    { color: '#aa4499', name: vscode.l10n.t('purple') },
    { color: '#ee8866', name: vscode.l10n.t('orange') },
    { color: '#77aadd', name: vscode.l10n.t('light blue') },
    { color: '#bbcc33', name: vscode.l10n.t('pear') },
  ];
}

export class CodeManagement implements vscode.TreeDragAndDropController<TreeNode> {
  readonly dragMimeTypes = [CODE_MIME];
  readonly dropMimeTypes = [CODE_MIME];
  view: vscode.TreeView<TreeNode> | undefined;

  constructor(
    private readonly server: ServerConnection,
    private readonly icons: ColorIcons,
  ) {}

  activate(context: vscode.ExtensionContext): void {
    const command = (name: string, run: (...args: never[]) => Promise<unknown>) => vscode.commands.registerCommand(name, run);
    context.subscriptions.push(
      command('codeboom.code.new', (target?: Arg, label?: string, slug?: string) => this.newCode(target, 'child', label, slug)),
      command('codeboom.code.newSibling', (target?: Arg, label?: string, slug?: string) => this.newCode(target, 'sibling', label, slug)),
      command('codeboom.code.rename', (target?: Arg, change?: { label?: string; slug?: string }) => this.rename(target, change)),
      command('codeboom.code.move', (target?: Arg, parent?: string | null, keepAliases?: boolean) => this.move(target, parent, keepAliases)),
      command('codeboom.code.merge', (target?: Arg, into?: string) => this.merge(target, into)),
      command('codeboom.code.recolor', (target?: Arg, color?: string) => this.recolor(target, color)),
      command('codeboom.code.deprecate', (target?: Arg, reason?: string) => this.deprecate(target, reason)),
      command('codeboom.code.delete', (target?: Arg) => this.delete(target)),
      vscode.languages.registerDocumentDropEditProvider({ language: TRANSCRIPT_LANGUAGE }, new CodeDropProvider(this.server)),
    );
  }

  // -------------------------------------------------------------------------------------------------
  // Targets and the server

  /** The code a command is about: its argument, the selected code in the view, or one the user picks. */
  private async target(arg: Arg, title: string): Promise<(CodeRef & { node?: CodeNode }) | undefined> {
    if (arg && typeof arg === 'object' && 'kind' in arg) return arg.kind === 'code' ? { project: arg.project, path: arg.code.path, node: arg.code } : undefined;
    if (arg && typeof arg === 'object') return { ...arg, node: await this.codeNode(arg.project, arg.path) };
    if (typeof arg === 'string') {
      const project = await chooseProject(this.server);
      return project ? { project: project.root, path: arg, node: await this.codeNode(project.root, arg) } : undefined;
    }
    const selected = this.view?.selection[0];
    if (selected?.kind === 'code') return { project: selected.project, path: selected.code.path, node: selected.code };
    const project = await chooseProject(this.server);
    if (!project) return undefined;
    const path = await this.pickCode(project.root, title, () => true);
    return path ? { project: project.root, path, node: await this.codeNode(project.root, path) } : undefined;
  }

  private async codes(project: string): Promise<CodeNode[]> {
    const tree = await this.server.codebookTree(project);
    const all: CodeNode[] = [];
    const visit = (n: CodeNode) => {
      all.push(n);
      n.children.forEach(visit);
    };
    tree?.nodes.forEach(visit);
    return all;
  }

  private async codeNode(project: string, path: string): Promise<CodeNode | undefined> {
    return (await this.codes(project)).find((c) => c.path === path);
  }

  private async pickCode(project: string, title: string, allowed: (c: CodeNode) => boolean, extra: (vscode.QuickPickItem & { path: string | null })[] = []): Promise<string | null | undefined> {
    const items = [
      ...extra,
      ...(await this.codes(project)).filter(allowed).map((c) => ({ label: c.label, description: c.path, path: c.path as string | null })),
    ];
    const pick = await vscode.window.showQuickPick(items, { title, matchOnDescription: true });
    return pick?.path;
  }

  /** Asks the server for a change and applies it as one edit; the path after it, or undefined when nothing was done. */
  private async manage(project: string, action: ManageCodeRequest.Action): Promise<string | undefined> {
    const answer = await this.server.send(ManageCodeRequest.type, { project, action });
    if (!answer) return undefined;
    if (!answer.ok) {
      if (answer.use && action.kind === 'delete') {
        const merge = vscode.l10n.t('Merge…');
        const deprecate = vscode.l10n.t('Deprecate…');
        // The command ends here; the offer stays until the user answers it.
        void vscode.window.showWarningMessage(answer.message, merge, deprecate).then(async (choice) => {
          if (choice === merge) await this.merge({ project, path: action.code });
          if (choice === deprecate) await this.deprecate({ project, path: action.code });
        });
      } else {
        void vscode.window.showWarningMessage(answer.message);
      }
      return undefined;
    }
    const applied = await applyTextEdits(answer.edit);
    if (!applied) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The files changed while Codeboom worked on them, so nothing was done: try again.'));
      return undefined;
    }
    return answer.path;
  }

  // -------------------------------------------------------------------------------------------------
  // Commands

  async newCode(arg: Arg, where: 'child' | 'sibling', label?: string, slug?: string): Promise<string | undefined> {
    let project: string | undefined;
    let parent: string | undefined;
    const node = arg ?? this.view?.selection[0];
    if (node && typeof node === 'object' && 'kind' in node && node.kind === 'project') project = node.project;
    else if (node && typeof node === 'object' && !('kind' in node) && !node.path) project = node.project;
    else if (node) {
      const target = await this.target(node, vscode.l10n.t('New code under which code?'));
      if (!target) return undefined;
      project = target.project;
      parent = where === 'child' ? target.path : target.path.includes('/') ? target.path.slice(0, target.path.lastIndexOf('/')) : undefined;
    } else {
      project = (await chooseProject(this.server))?.root;
    }
    if (!project) return undefined;
    const where_ = parent ? vscode.l10n.t('under {0}', parent) : vscode.l10n.t('at the top');
    const name =
      label ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('New code {0}', where_),
        prompt: vscode.l10n.t('The label of the new code, as coders will read it.'),
        validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A code needs a label: type one.')),
      }));
    if (!name) return undefined;
    let chosenSlug = slug;
    if (chosenSlug === undefined && label === undefined) {
      const proposal = await this.server.send(ProposeSlugRequest.type, { project, parent, label: name });
      chosenSlug = await vscode.window.showInputBox({
        title: vscode.l10n.t('New code {0}', where_),
        prompt: vscode.l10n.t('The slug: the last part of the code path in tags, [[{0}]].', parent ? `${parent}/…` : '…'),
        value: proposal?.slug ?? '',
      });
      if (chosenSlug === undefined) return undefined;
    }
    return this.manage(project, { kind: 'new', parent, label: name, slug: chosenSlug || undefined });
  }

  async rename(arg: Arg, change?: { label?: string; slug?: string }): Promise<string | undefined> {
    const target = await this.target(arg, vscode.l10n.t('Rename which code?'));
    if (!target) return undefined;
    let wanted = change;
    if (!wanted) {
      const slugNow = target.path.slice(target.path.lastIndexOf('/') + 1);
      const label = await vscode.window.showInputBox({
        title: vscode.l10n.t('Rename {0}', target.path),
        prompt: vscode.l10n.t('The label, as coders will read it.'),
        value: target.node?.label ?? '',
        validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A code needs a label: type one.')),
      });
      if (label === undefined) return undefined;
      const slug = await vscode.window.showInputBox({
        title: vscode.l10n.t('Rename {0}', target.path),
        prompt: vscode.l10n.t('The slug in the code path; a new one renames every tag of the code and its subcodes.'),
        value: slugNow,
      });
      if (slug === undefined) return undefined;
      wanted = { label: label === target.node?.label ? undefined : label, slug: slug === slugNow ? undefined : slug };
      if (wanted.label === undefined && wanted.slug === undefined) return undefined;
    }
    return this.manage(target.project, { kind: 'rename', code: target.path, ...wanted });
  }

  /** `parent`: a code path, null for the top, undefined to ask. */
  async move(arg: Arg, parent?: string | null, keepAliases?: boolean): Promise<string | undefined> {
    const target = await this.target(arg, vscode.l10n.t('Move which code?'));
    if (!target) return undefined;
    let destination = parent;
    if (destination === undefined) {
      const currentParent = target.path.includes('/') ? target.path.slice(0, target.path.lastIndexOf('/')) : null;
      const top = currentParent === null ? [] : [{ label: vscode.l10n.t('(the top of the code tree)'), path: null }];
      destination = await this.pickCode(
        target.project,
        vscode.l10n.t('Move {0} under…', target.path),
        (c) => c.path !== target.path && !c.path.startsWith(`${target.path}/`) && c.path !== currentParent,
        top,
      );
      if (destination === undefined) return undefined;
    }
    const keep = keepAliases ?? (await this.askAliases(target.path));
    if (keep === undefined) return undefined;
    return this.manage(target.project, { kind: 'move', code: target.path, parent: destination ?? undefined, keepAliases: keep });
  }

  private async askAliases(path: string): Promise<boolean | undefined> {
    const pick = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('Keep the old paths as aliases'), detail: vscode.l10n.t('Tags written with {0} elsewhere (another coder, another branch) keep counting.', path), keep: true },
        { label: vscode.l10n.t('Do not keep the old paths'), detail: vscode.l10n.t('Every tag in this project is rewritten; old paths become unknown codes.'), keep: false },
      ],
      { title: vscode.l10n.t('Move {0}: keep its old path?', path) },
    );
    return pick?.keep;
  }

  async merge(arg: Arg, into?: string): Promise<string | undefined> {
    const target = await this.target(arg, vscode.l10n.t('Merge which code?'));
    if (!target) return undefined;
    const destination =
      into ?? (await this.pickCode(target.project, vscode.l10n.t('Merge {0} into…', target.path), (c) => c.path !== target.path && !c.path.startsWith(`${target.path}/`)));
    if (!destination) return undefined;
    return this.manage(target.project, { kind: 'merge', code: target.path, into: destination });
  }

  async recolor(arg: Arg, color?: string): Promise<string | undefined> {
    const target = await this.target(arg, vscode.l10n.t('Change the colour of which code?'));
    if (!target) return undefined;
    let chosen = color;
    if (!chosen) {
      const custom = { label: `$(edit) ${vscode.l10n.t('Custom colour…')}`, color: '' };
      const items = await Promise.all(palette().map(async (p) => ({ label: p.name, description: p.color, iconPath: await this.icons.swatch(p.color), color: p.color })));
      const pick = await vscode.window.showQuickPick([...items, custom], { title: vscode.l10n.t('Colour of {0}', target.path) });
      if (!pick) return undefined;
      chosen =
        pick.color ||
        (await vscode.window.showInputBox({
          title: vscode.l10n.t('Colour of {0}', target.path),
          prompt: vscode.l10n.t('A colour as #RRGGBB, such as #2a9d8f.'),
          value: target.node?.color ?? '#',
          validateInput: (v) => (/^#[0-9a-fA-F]{6}$/.test(v.trim()) ? undefined : vscode.l10n.t('Write the colour as # and six hexadecimal digits, such as #2a9d8f.')),
        }));
      if (!chosen) return undefined;
    }
    return this.manage(target.project, { kind: 'recolor', code: target.path, color: chosen });
  }

  async deprecate(arg: Arg, reason?: string): Promise<string | undefined> {
    const target = await this.target(arg, vscode.l10n.t('Deprecate which code?'));
    if (!target) return undefined;
    const why =
      reason ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Deprecate {0}', target.path),
        prompt: vscode.l10n.t('Why, for the coders who meet its tags (may be empty).'),
      }));
    if (why === undefined) return undefined;
    return this.manage(target.project, { kind: 'deprecate', code: target.path, reason: why });
  }

  async delete(arg: Arg): Promise<string | undefined> {
    const target = await this.target(arg, vscode.l10n.t('Delete which code?'));
    if (!target) return undefined;
    return this.manage(target.project, { kind: 'delete', code: target.path });
  }

  // -------------------------------------------------------------------------------------------------
  // Drag and drop in the tree

  handleDrag(source: readonly TreeNode[], data: vscode.DataTransfer): void {
    const codes = source.filter((n): n is Extract<TreeNode, { kind: 'code' }> => n.kind === 'code').map((n) => ({ project: n.project, path: n.code.path }));
    if (codes.length > 0) data.set(CODE_MIME, new vscode.DataTransferItem(JSON.stringify(codes)));
  }

  async handleDrop(target: TreeNode | undefined, data: vscode.DataTransfer): Promise<void> {
    const codes = await draggedCodes(data);
    const code = codes?.[0];
    if (!code) return;
    if (!target || target.kind === 'project') {
      await this.move(code, null);
      return;
    }
    if (target.kind !== 'code' || target.project !== code.project || target.code.path === code.path) return;
    await this.dropOnCode(code, target.code.path);
  }

  /** A code dropped on another: move it under that code, or merge it into it, as the user chooses. */
  async dropOnCode(code: CodeRef, onto: string, choice?: 'move' | 'merge', keepAliases?: boolean): Promise<string | undefined> {
    let what = choice;
    if (!what) {
      const pick = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('Move under {0}', onto), detail: vscode.l10n.t('{0} becomes a subcode of {1}; every tag follows.', code.path, onto), what: 'move' as const },
          { label: vscode.l10n.t('Merge into {0}', onto), detail: vscode.l10n.t('Every tag of {0} becomes {1}.', code.path, onto), what: 'merge' as const },
        ],
        { title: vscode.l10n.t('{0} dropped on {1}', code.path, onto) },
      );
      what = pick?.what;
    }
    if (what === 'move') return this.move(code, onto, keepAliases);
    if (what === 'merge') return this.merge(code, onto);
    return undefined;
  }
}

async function draggedCodes(data: vscode.DataTransfer): Promise<CodeRef[] | undefined> {
  const item = data.get(CODE_MIME);
  if (!item) return undefined;
  try {
    const value: unknown = typeof item.value === 'string' ? JSON.parse(item.value) : JSON.parse(await item.asString());
    return Array.isArray(value) ? (value as CodeRef[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Applies the server's edits as one workspace edit (one Undo); false when VS Code could not. */
export function applyTextEdits(edits: WorkspaceTextEdits): Thenable<boolean> {
  const edit = new vscode.WorkspaceEdit();
  for (const [uri, list] of Object.entries(edits.changes)) {
    for (const e of list) edit.replace(vscode.Uri.parse(uri), toRange(e.range), e.newText);
  }
  return vscode.workspace.applyEdit(edit, { isRefactoring: true });
}

function toRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/**
 * A code dragged from the Codes view onto a transcript codes the selection there when the drop falls in
 * it, otherwise the paragraph where it falls, with the server's coding edits.
 */
class CodeDropProvider implements vscode.DocumentDropEditProvider {
  constructor(private readonly server: ServerConnection) {}

  async provideDocumentDropEdits(document: vscode.TextDocument, position: vscode.Position, data: vscode.DataTransfer, token: vscode.CancellationToken): Promise<vscode.DocumentDropEdit | undefined> {
    const codes = await draggedCodes(data);
    if (!codes || codes.length === 0 || token.isCancellationRequested) return undefined;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const selection = editor?.selection;
    const range = selection && !selection.isEmpty && selection.contains(position) ? selection : new vscode.Range(position, position);
    const answer = await this.server.send(CodingEditsRequest.type, {
      uri: document.uri.toString(),
      version: document.version,
      range: { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } },
      codes: codes.map((c) => c.path),
    });
    if (!answer || answer.version !== document.version || token.isCancellationRequested) return undefined;
    const edit = new vscode.WorkspaceEdit();
    for (const e of answer.edits) edit.replace(document.uri, toRange(e.range), e.newText);
    const drop = new vscode.DocumentDropEdit('');
    drop.additionalEdit = edit;
    return drop;
  }
}
