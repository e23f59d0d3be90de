/**
 * The Memos view: every memo of the open projects, grouped by kind (project, documents, codes, codings),
 * narrowed by a filter of text, kind and participant or document. The server lists them; the view only
 * groups, filters and shows them.
 */
import * as vscode from 'vscode';
import { MemosRequest, type MemoInfo, type MemoKind } from '../../../../server/src/lsp/protocol';
import type { ServerConnection } from '../../server/serverConnection';

export const MEMO_KINDS: readonly MemoKind[] = ['project', 'document', 'code', 'coding'];

export interface MemoFilter {
  /** Part of a memo's text or title (case and accents ignored). */
  text?: string;
  kind?: MemoKind;
  /** A participant's label, or a document's id. */
  participant?: string;
}

export type MemoNode = { kind: 'group'; memoKind: MemoKind; memos: MemoInfo[] } | { kind: 'memo'; memo: MemoInfo } | { kind: 'message'; text: string };

export function kindLabel(kind: MemoKind): string {
  switch (kind) {
    case 'project':
      return vscode.l10n.t('Project memos');
    case 'document':
      return vscode.l10n.t('Document memos');
    case 'code':
      return vscode.l10n.t('Code memos');
    case 'coding':
      return vscode.l10n.t('Coding memos');
  }
}

const ICONS: Record<MemoKind, string> = { project: 'notebook', document: 'file-text', code: 'symbol-class', coding: 'comment' };

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether a memo passes the filter. */
export function matches(memo: MemoInfo, filter: MemoFilter): boolean {
  if (filter.kind && memo.kind !== filter.kind) return false;
  if (filter.participant && memo.participant !== filter.participant && memo.document !== filter.participant) return false;
  const f = fold(filter.text?.trim() ?? '');
  return f === '' || fold(memo.text).includes(f) || fold(memo.title).includes(f) || fold(memo.code ?? '').includes(f);
}

export function describeFilter(filter: MemoFilter): string | undefined {
  const parts: string[] = [];
  if (filter.text) parts.push(`“${filter.text}”`);
  if (filter.kind) parts.push(kindLabel(filter.kind));
  if (filter.participant) parts.push(filter.participant);
  return parts.length > 0 ? vscode.l10n.t('Showing memos that match {0}.', parts.join(' · ')) : undefined;
}

function firstWords(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export class MemosProvider implements vscode.TreeDataProvider<MemoNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<MemoNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  filter: MemoFilter = {};
  /** The memos of the last answer, for the filter's choices and for tests. */
  memos: MemoInfo[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly server: ServerConnection) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** Refreshes once typing pauses. */
  refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), 300);
  }

  /** Asks the server for every memo of the open projects. */
  async load(): Promise<MemoInfo[]> {
    if (!this.server.isStarted) return (this.memos = []);
    const answer = await this.server.send(MemosRequest.type, {});
    this.memos = answer?.memos ?? [];
    return this.memos;
  }

  async getChildren(node?: MemoNode): Promise<MemoNode[]> {
    if (node?.kind === 'group') return node.memos.map((memo) => ({ kind: 'memo', memo }));
    if (node) return [];
    const memos = await this.load();
    if (memos.length === 0) return [];
    const shown = memos.filter((m) => matches(m, this.filter));
    if (shown.length === 0) return [{ kind: 'message', text: vscode.l10n.t('No memo matches the filter.') }];
    return MEMO_KINDS.map((k) => ({ kind: 'group' as const, memoKind: k, memos: shown.filter((m) => m.kind === k) })).filter((g) => g.memos.length > 0);
  }

  getTreeItem(node: MemoNode): vscode.TreeItem {
    if (node.kind === 'message') return new vscode.TreeItem(node.text);
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(kindLabel(node.memoKind), vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.memoKind}`;
      item.description = String(node.memos.length);
      item.iconPath = new vscode.ThemeIcon(ICONS[node.memoKind]);
      item.contextValue = 'memoGroup';
      return item;
    }
    const m = node.memo;
    const item = new vscode.TreeItem(m.title, vscode.TreeItemCollapsibleState.None);
    item.id = `memo:${m.uri}:${m.range.start.line}:${m.range.start.character}:${m.kind}`;
    const where = m.kind === 'coding' ? [m.participant, m.document].filter(Boolean).join(' · ') : m.kind === 'document' ? (m.participant ?? '') : '';
    item.description = [firstWords(m.text), where && `(${where})`].filter(Boolean).join(' ');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(m.title)}**`);
    if (where) tooltip.appendMarkdown(` — ${escapeMarkdown(where)}`);
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(m.text);
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(ICONS[m.kind]);
    item.contextValue = `memo.${m.kind}`;
    item.accessibilityInformation = { label: `${kindLabel(m.kind)}: ${m.title}. ${m.text}${where ? `. ${where}` : ''}` };
    item.command = { command: 'codeboom.memos.open', title: vscode.l10n.t('Open memo'), arguments: [m] };
    return item;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
