/**
 * The code tree: the codebook's hierarchy with each code's segments and participants, coloured by the
 * code's colour; under a code its participants, under a participant the quotes. It can also be grouped
 * by participant or by a document variable, filtered by text and sorted by count; it refreshes as the
 * researcher types, keeping what is expanded.
 */
import * as vscode from 'vscode';
import type { CodeNode, CodebookTree, ProjectInfo } from '../../../../server/src/lsp/protocol';
import type { ServerConnection } from '../../server/serverConnection';
import type { ColorIcons } from '../colorIcons';
import { formatCount as formatIn, languageOf } from '../../../../server/src/engine/messages';
import { mark } from '../../timing';
import { filterCodes, firstWords, sortCodes, type Grouping, type SortOrder, type TreeNode, type VariableValue } from './treeNodes';

export class CodeTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private projects: Promise<ProjectInfo[]> | undefined;
  private readonly trees = new Map<string, Promise<CodebookTree | null>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  grouping: Grouping = { by: 'codes' };
  sort: SortOrder = 'codebook';
  filter = '';
  includeSubcodes = false;

  constructor(
    private readonly server: ServerConnection,
    private readonly icons: ColorIcons,
  ) {}

  /** Refreshes everything now (a new grouping, filter or order). */
  refresh(): void {
    this.trees.clear();
    this.projects = undefined;
    this.changed.fire(undefined);
  }

  /** Whether the tree has asked for these projects already (same roots), so a refresh would change nothing. */
  async shows(projects: ProjectInfo[]): Promise<boolean> {
    if (!this.projects) return false;
    const roots = (list: ProjectInfo[]) => list.map((p) => p.root).join('\n');
    return roots(await this.projects) === roots(projects);
  }

  /** Refreshes a moment after the last change, so typing does not make the tree flicker. */
  refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, 250);
  }

  private async projectList(): Promise<ProjectInfo[]> {
    // Asked once until the next refresh, also by calls that come while the first waits for its answer.
    const asked = (this.projects ??= this.server.projects());
    const projects = await asked;
    if (projects.length === 0 && this.projects === asked) this.projects = undefined;
    return projects;
  }

  private tree(project: string, variable?: VariableValue): Promise<CodebookTree | null> {
    const key = `${project}|${variable ? `${variable.name}=${variable.value}` : ''}`;
    let tree = this.trees.get(key);
    if (!tree) {
      tree = this.server.codebookTree(project, { includeSubcodes: this.includeSubcodes, variable });
      this.trees.set(key, tree);
    }
    return tree;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      mark('tree asked');
      const projects = await this.projectList();
      if (projects.length === 1) return this.projectChildren(projects[0]);
      return projects.map((p) => ({ kind: 'project', id: `p|${p.root}`, project: p.root, title: p.title ?? vscode.workspace.asRelativePath(vscode.Uri.parse(p.root)) }));
    }
    switch (node.kind) {
      case 'project': {
        const info = (await this.projectList()).find((p) => p.root === node.project);
        return info ? this.projectChildren(info) : [];
      }
      case 'code':
        return this.codeChildren(node);
      case 'participant':
        return this.participantChildren(node);
      case 'value': {
        const tree = await this.tree(node.project, node.variable);
        return tree ? this.codeNodes(node.project, tree.nodes, node.variable) : [];
      }
      default:
        return [];
    }
  }

  private async projectChildren(info: ProjectInfo): Promise<TreeNode[]> {
    const tree = await this.tree(info.root);
    if (!tree) return [];
    mark('tree counts');
    if (this.grouping.by === 'participants') {
      const totals = participantTotals(tree.nodes, this.includeSubcodes);
      return tree.participants.map((participant) => ({
        kind: 'participant',
        id: `${info.root}|who|${participant}`,
        project: info.root,
        participant,
        count: totals.get(participant) ?? 0,
      }));
    }
    if (this.grouping.by === 'variable') {
      const name = this.grouping.name;
      const values = info.variables.find((v) => v.name === name)?.values ?? [];
      return values.map((value) => ({ kind: 'value', id: `${info.root}|var|${name}|${value}`, project: info.root, variable: { name, value } }));
    }
    return this.codeNodes(info.root, tree.nodes);
  }

  private codeNodes(project: string, codes: CodeNode[], variable?: VariableValue, participant?: string): TreeNode[] {
    let list = sortCodes(filterCodes(codes, this.filter), this.sort);
    if (participant) list = list.filter((c) => hasParticipant(c, participant));
    const scope = variable ? `var|${variable.name}|${variable.value}|` : participant ? `who|${participant}|` : '';
    return list.map((code) => ({ kind: 'code', id: `${project}|${scope}code|${code.path}`, project, code, participant, variable }));
  }

  private async codeChildren(node: Extract<TreeNode, { kind: 'code' }>): Promise<TreeNode[]> {
    const children = this.codeNodes(node.project, node.code.children, node.variable, node.participant);
    // Grouped by participant: the subcodes this participant has, then the participant's quotes of this code.
    if (node.participant) {
      if ((node.code.byParticipant[node.participant] ?? 0) === 0) return children;
      return [...children, ...(await this.quotes(node.project, node.code.path, node.participant, node.variable))];
    }
    // The participants of the code: of its own segments, or with its subcodes' when those are rolled up.
    // A category's counts add up its codes (the engine's rule), whose rows list the participants.
    const own = node.code.codable || this.includeSubcodes ? node.code.byParticipant : {};
    const scope = node.variable ? `var|${node.variable.name}|${node.variable.value}|` : '';
    const participants = Object.entries(own)
      .filter(([, n]) => n > 0)
      .sort((a, b) => naturalCompare(a[0], b[0]))
      .map(([participant, count]): TreeNode => ({
        kind: 'participant',
        id: `${node.project}|${scope}code|${node.code.path}|who|${participant}`,
        project: node.project,
        participant,
        code: node.code,
        count,
        variable: node.variable,
      }));
    return [...children, ...participants];
  }

  private async participantChildren(node: Extract<TreeNode, { kind: 'participant' }>): Promise<TreeNode[]> {
    if (!node.code) {
      const tree = await this.tree(node.project);
      return tree ? this.codeNodes(node.project, tree.nodes, undefined, node.participant) : [];
    }
    return this.quotes(node.project, node.code.path, node.participant, node.variable);
  }

  private async quotes(project: string, code: string, participant: string, variable?: VariableValue): Promise<TreeNode[]> {
    const segments = await this.server.segments({ project, code, participant, variable, includeSubcodes: this.includeSubcodes });
    return segments.map((s) => ({
      kind: 'quote',
      id: `${project}|q|${code}|${participant}|${s.uri}|${s.range.start.line}:${s.range.start.character}`,
      project,
      uri: s.uri,
      range: s.range,
      text: s.text,
      code: s.code,
      codeLabel: s.codeLabel,
      participant: s.participant,
      line: s.range.start.line + 1,
      memos: s.memos,
      color: s.color,
    }));
  }

  async getTreeItem(node: TreeNode): Promise<vscode.TreeItem> {
    switch (node.kind) {
      case 'project': {
        const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('book');
        item.contextValue = 'project';
        return item;
      }
      case 'value': {
        const item = new vscode.TreeItem(node.variable.value, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        item.description = node.variable.name;
        item.iconPath = new vscode.ThemeIcon('symbol-enum-member');
        return item;
      }
      case 'code': {
        const c = node.code;
        // A category that cannot be coded itself comes with what its codes hold (the engine adds them up).
        const counts = c;
        const count = node.participant ? (counts.byParticipant[node.participant] ?? 0) : counts.segments;
        const expandable = c.children.length > 0 || count > 0;
        const item = new vscode.TreeItem(c.label, expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.description = node.participant
          ? formatCount(count)
          : counts.participants === 1
            ? vscode.l10n.t('{0} · 1 participant', formatCount(counts.segments))
            : vscode.l10n.t('{0} · {1} participants', formatCount(counts.segments), formatCount(counts.participants));
        item.tooltip = new vscode.MarkdownString(`**${escape(c.label)}** \`${c.path}\`${c.definition ? `\n\n${escape(c.definition)}` : ''}`);
        item.iconPath = c.codable ? await this.icons.swatch(c.color ?? '') : new vscode.ThemeIcon('folder');
        item.contextValue = c.codable ? 'code' : 'group';
        if (c.deprecated) item.description = `${item.description} · ${vscode.l10n.t('deprecated')}`;
        return item;
      }
      case 'participant': {
        const item = new vscode.TreeItem(node.participant, node.count > 0 || !node.code ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.description = formatCount(node.count);
        item.iconPath = new vscode.ThemeIcon('person');
        item.contextValue = 'participant';
        return item;
      }
      case 'quote': {
        const item = new vscode.TreeItem(firstWords(node.text), vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        const file = vscode.workspace.asRelativePath(vscode.Uri.parse(node.uri), false);
        item.description = `${file.split('/').pop()}:${node.line}`;
        item.tooltip = new vscode.MarkdownString(
          `“${escape(node.text)}” [${escape(node.participant)}]\n\n\`${file}:${node.line}\`${node.memos.length ? `\n\n_${node.memos.map(escape).join(' · ')}_` : ''}`,
        );
        item.iconPath = new vscode.ThemeIcon('quote');
        item.contextValue = 'quote';
        item.command = { title: vscode.l10n.t('Open quote'), command: 'codeboom.openSegment', arguments: [node.uri, node.range] };
        return item;
      }
      case 'message':
        return new vscode.TreeItem(node.text);
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
  }
}

function hasParticipant(code: CodeNode, participant: string): boolean {
  return (code.byParticipant[participant] ?? 0) > 0 || code.children.some((c) => hasParticipant(c, participant));
}

/**
 * Segments per participant over all codes; with rolled-up counts only the top codes are added, without
 * them every code but the categories (whose counts are their codes').
 */
function participantTotals(codes: CodeNode[], rolledUp: boolean): Map<string, number> {
  const totals = new Map<string, number>();
  const visit = (c: CodeNode) => {
    if (rolledUp || c.codable) for (const [p, n] of Object.entries(c.byParticipant)) totals.set(p, (totals.get(p) ?? 0) + n);
    if (!rolledUp) c.children.forEach(visit);
  };
  codes.forEach(visit);
  return totals;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b);
}

function escape(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

/** A count with the separators of VS Code's display language (`31,608`, `31 608`). */
export function formatCount(n: number): string {
  return formatIn(n, languageOf(vscode.env.language));
}
