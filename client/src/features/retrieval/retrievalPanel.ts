/**
 * Retrieved segments (what MAXQDA calls them): pick one or more codes (any or all of them), narrow by
 * participant or by a document variable, choose the context, and read each quote with its context,
 * participant, place and memos; a click opens the quote selected in its transcript. The server retrieves
 * and renders the exports (Word, Markdown, HTML, CSV); this panel asks and saves where the user chooses.
 */
import * as vscode from 'vscode';
import {
  RetrieveExportRequest,
  RetrieveRequest,
  type CodeNode,
  type ProjectInfo,
  type Range,
  type RetrievalParams,
} from '../../../../server/src/lsp/protocol';
import type { ServerConnection } from '../../server/serverConnection';
import { safeColor } from '../colorIcons';
import { createPanel, ProjectPanel, showPanel } from '../projectPanel';
import { webviewHtml } from '../webviewHtml';
import { formatCount } from '../codeTree/codeTreeProvider';

/** What the view is asked: the protocol's query without its project. */
export type RetrievalQuery = Omit<RetrievalParams, 'project' | 'language'>;

type ExportFormat = 'docx' | 'markdown' | 'html' | 'csv';

type FromPage =
  | { type: 'query'; query: RetrievalQuery }
  | { type: 'open'; uri: string; range: Range }
  | { type: 'export'; format: ExportFormat };

/** A code as the page lists it for picking. */
interface PickableCode {
  path: string;
  label: string;
  color: string;
  depth: number;
  segments: number;
  codable: boolean;
}

const EXTENSIONS: Record<ExportFormat, { ext: string; name: string }> = {
  docx: { ext: 'docx', name: 'Word' },
  markdown: { ext: 'md', name: 'Markdown' },
  html: { ext: 'html', name: 'HTML' },
  csv: { ext: 'csv', name: 'CSV' },
};

export class RetrievalPanel extends ProjectPanel<FromPage> {
  static current: RetrievalPanel | undefined;
  private query: RetrievalQuery = { codes: [], mode: 'any', subcodes: true, context: 'sentence' };
  /** The last answer the page shows, for tests and for the exports. */
  lastResult: RetrieveRequest.Result | null = null;
  private readonly loaded = new vscode.EventEmitter<RetrieveRequest.Result | null>();
  /** Fires each time the page was given new quotes. */
  readonly onDidShowResult = this.loaded.event;

  static async show(
    context: vscode.ExtensionContext,
    server: ServerConnection,
    project: ProjectInfo,
    title: string,
    preset: Partial<RetrievalQuery> = {},
  ): Promise<RetrievalPanel> {
    const shown = await showPanel(RetrievalPanel, project.root, () => {
      const panel = new RetrievalPanel(context, server, project.root, createPanel(context, 'codeboom.retrieval', vscode.l10n.t('Retrieved segments — {0}', title)));
      panel.query = { ...panel.query, ...preset };
      return panel;
    });
    // An open panel asked for another code shows that code's quotes.
    if (preset.codes && preset.codes.join('\n') !== shown.query.codes.join('\n')) {
      shown.query = { ...shown.query, ...preset };
      await shown.refresh();
    }
    return shown;
  }

  private strings() {
    return {
      codes: vscode.l10n.t('Codes'),
      filter: vscode.l10n.t('Filter codes'),
      mode: vscode.l10n.t('Quotes'),
      any: vscode.l10n.t('Any of the codes'),
      all: vscode.l10n.t('Where all codes meet'),
      subcodes: vscode.l10n.t('Include subcodes'),
      participant: vscode.l10n.t('Participant'),
      variable: vscode.l10n.t('Document variable'),
      everyone: vscode.l10n.t('All'),
      context: vscode.l10n.t('Context'),
      contexts: {
        none: vscode.l10n.t('None'),
        sentence: vscode.l10n.t('Sentence before and after'),
        paragraph: vscode.l10n.t('Paragraph'),
        turn: vscode.l10n.t('Speaker turn'),
      },
      exportAs: vscode.l10n.t('Export'),
      memo: vscode.l10n.t('Memo'),
      alsoCoded: vscode.l10n.t('Also coded'),
      pickCodes: vscode.l10n.t('Choose one or more codes to see their quotes.'),
      none: vscode.l10n.t('No quotes match.'),
      open: vscode.l10n.t('Open in its transcript'),
      thousands: formatCount(1000).charAt(1),
    };
  }

  async load(): Promise<void> {
    const [tree, projects] = await Promise.all([this.server.codebookTree(this.project), this.server.projects()]);
    const info = projects.find((p) => p.root === this.project);
    this.lastResult = await this.ask();
    this.panel.webview.html = webviewHtml({
      webview: this.panel.webview,
      extensionUri: this.context.extensionUri,
      title: this.panel.title,
      script: 'retrieval.js',
      style: 'retrieval.css',
      lang: vscode.env.language,
      data: {
        strings: this.strings(),
        codes: flatten(tree?.nodes ?? []),
        participants: info?.participants ?? [],
        variables: info?.variables ?? [],
        query: this.query,
        result: this.lastResult,
      },
    });
    this.loaded.fire(this.lastResult);
  }

  /** The quotes of the current query; none while no code is chosen. */
  private async ask(): Promise<RetrieveRequest.Result | null> {
    if (this.query.codes.length === 0) return null;
    const result = (await this.server.send(RetrieveRequest.type, { project: this.project, ...this.query })) ?? null;
    return result && { ...result, codes: result.codes.map((c) => ({ ...c, color: safeColor(c.color) })) };
  }

  protected async refresh(): Promise<void> {
    const [tree, result] = await Promise.all([this.server.codebookTree(this.project), this.ask()]);
    this.lastResult = result;
    await this.panel.webview.postMessage({ type: 'data', codes: flatten(tree?.nodes ?? []), query: this.query, result });
    this.loaded.fire(result);
  }

  /** Asks for the quotes of `query` and shows them, as the page does when a control changes. */
  async retrieve(query: Partial<RetrievalQuery>): Promise<RetrieveRequest.Result | null> {
    this.query = { ...this.query, ...query };
    const result = await this.ask();
    this.lastResult = result;
    await this.panel.webview.postMessage({ type: 'result', query: this.query, result });
    this.loaded.fire(result);
    return result;
  }

  protected async receive(message: FromPage): Promise<void> {
    switch (message.type) {
      case 'query':
        await this.retrieve(message.query);
        return;
      case 'open': {
        const r = message.range;
        const selection = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
        await vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { selection, viewColumn: vscode.ViewColumn.Beside });
        return;
      }
      case 'export':
        await this.export(message.format);
        return;
    }
  }

  /** Saves the quotes as Word, Markdown, HTML or CSV where the user chooses; returns where, or undefined. */
  async export(format: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (this.query.codes.length === 0) {
      void vscode.window.showInformationMessage(this.strings().pickCodes);
      return undefined;
    }
    const { ext, name } = EXTENSIONS[format];
    const answer = await this.server.send(RetrieveExportRequest.type, { project: this.project, ...this.query, format });
    if (!answer) return undefined;
    target ??= await vscode.window.showSaveDialog({
      filters: { [name]: [ext] },
      defaultUri: vscode.Uri.joinPath(vscode.Uri.parse(this.project), `${vscode.l10n.t('retrieved-segments')}.${ext}`),
    });
    if (!target) return undefined;
    const bytes = 'base64' in answer ? fromBase64(answer.base64) : new TextEncoder().encode(answer.text);
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}', vscode.workspace.asRelativePath(target)));
    return target;
  }

  override dispose(): void {
    super.dispose();
    this.loaded.dispose();
  }
}

/** The code tree as a list in codebook order, each code with its depth. */
function flatten(nodes: CodeNode[], depth = 0, out: PickableCode[] = []): PickableCode[] {
  for (const n of nodes) {
    out.push({ path: n.path, label: n.label, color: safeColor(n.color), depth, segments: n.segments, codable: n.codable });
    flatten(n.children, depth + 1, out);
  }
  return out;
}

/** Bytes of base64, without Node's Buffer, so it works in VS Code for the web too. */
function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The command `codeboom.retrieveSegments`: from the palette or the Codes view's toolbar, or from a code's
 * context menu in the tree (that code preselected, and the participant or document value the tree is
 * grouped by).
 */
export function activateRetrieval(
  context: vscode.ExtensionContext,
  server: ServerConnection,
  chooseProject: () => Promise<ProjectInfo | undefined>,
  projectTitle: (p: ProjectInfo) => string,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      'codeboom.retrieveSegments',
      async (node?: { project?: string; code?: { path: string }; participant?: string; variable?: { name: string; value: string } }) => {
        let project: ProjectInfo | undefined;
        if (node?.project) project = (await server.projects()).find((p) => p.root === node.project);
        project ??= await chooseProject();
        if (!project) return undefined;
        const preset: Partial<RetrievalQuery> = {};
        if (node?.code) preset.codes = [node.code.path];
        if (node?.participant) preset.participant = node.participant;
        if (node?.variable) preset.where = [{ variable: node.variable.name, value: node.variable.value }];
        return RetrievalPanel.show(context, server, project, projectTitle(project), preset);
      },
    ),
  );
}
