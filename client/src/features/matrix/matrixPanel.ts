/**
 * The code matrix: codes × participants as a heat map (like MAXQDA's Code Matrix Browser), with the
 * category rows and their roll-ups on request. Clicking a cell lists its quotes, clicking a quote opens it;
 * the matrix exports as CSV and as a PNG image.
 */
import * as vscode from 'vscode';
import { base64ToBytes } from '../../../../server/src/engine/text/base64';
import type { Matrix, SegmentInfo } from '../../../../server/src/lsp/protocol';
import { toCsv } from '../../../../server/src/engine/report/csv';
import type { ServerConnection } from '../../server/serverConnection';
import { safeColor } from '../colorIcons';
import { createPanel, ProjectPanel, showPanel } from '../projectPanel';
import { webviewHtml } from '../webviewHtml';
import { formatCount } from '../codeTree/codeTreeProvider';

type FromPage =
  | { type: 'cell'; code: string; participant?: string }
  | { type: 'open'; uri: string; range: SegmentInfo['range'] }
  | { type: 'subcodes'; value: boolean }
  | { type: 'exportCsv' }
  | { type: 'image'; dataUrl: string };

export class MatrixPanel extends ProjectPanel<FromPage> {
  static current: MatrixPanel | undefined;
  private matrix: Matrix | null = null;
  private includeSubcodes = false;

  static show(context: vscode.ExtensionContext, server: ServerConnection, project: string, title: string): Promise<MatrixPanel> {
    return showPanel(MatrixPanel, project, () => new MatrixPanel(context, server, project, createPanel(context, 'codeboom.matrix', vscode.l10n.t('Code matrix — {0}', title))));
  }

  private strings() {
    return {
      code: vscode.l10n.t('Code'),
      total: vscode.l10n.t('Total'),
      segments: vscode.l10n.t('Segments'),
      participants: vscode.l10n.t('Participants'),
      withSubcodes: vscode.l10n.t('Include subcodes in their parents'),
      exportCsv: vscode.l10n.t('Export CSV'),
      exportImage: vscode.l10n.t('Export image'),
      hint: vscode.l10n.t('Click a cell to see its quotes; click a quote to open it.'),
      noQuotes: vscode.l10n.t('No quotes.'),
      empty: vscode.l10n.t('Nothing has been coded yet.'),
      // The separator the display language groups thousands with, as the Codes view writes counts.
      thousands: formatCount(1000).charAt(1),
    };
  }

  async load(): Promise<void> {
    this.matrix = await this.server.matrix(this.project, { includeSubcodes: this.includeSubcodes });
    this.panel.webview.html = webviewHtml({
      webview: this.panel.webview,
      extensionUri: this.context.extensionUri,
      title: this.panel.title,
      script: 'matrix.js',
      style: 'matrix.css',
      lang: vscode.env.language,
      data: { matrix: this.pageMatrix(), strings: this.strings(), includeSubcodes: this.includeSubcodes },
    });
  }

  /** The matrix as the page gets it: colours checked, so nothing else reaches an image source. */
  private pageMatrix(): Matrix | null {
    if (!this.matrix) return null;
    return { ...this.matrix, rows: this.matrix.rows.map((r) => ({ ...r, color: safeColor(r.color) })) };
  }

  protected async refresh(): Promise<void> {
    this.matrix = await this.server.matrix(this.project, { includeSubcodes: this.includeSubcodes });
    await this.panel.webview.postMessage({ type: 'data', matrix: this.pageMatrix(), includeSubcodes: this.includeSubcodes });
  }

  protected async receive(message: FromPage): Promise<void> {
    switch (message.type) {
      case 'cell': {
        const quotes = await this.server.segments({ project: this.project, code: message.code, participant: message.participant, includeSubcodes: this.includeSubcodes });
        const row = this.matrix?.rows.find((r) => r.path === message.code);
        const title = `${row?.label ?? message.code}${message.participant ? ` · ${message.participant}` : ''} (${formatCount(quotes.length)})`;
        await this.panel.webview.postMessage({
          type: 'quotes',
          title,
          quotes: quotes.map((q) => ({ ...q, file: `${vscode.workspace.asRelativePath(vscode.Uri.parse(q.uri), false)}:${q.range.start.line + 1}` })),
        });
        return;
      }
      case 'open': {
        const r = message.range;
        const selection = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
        await vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { selection, viewColumn: vscode.ViewColumn.Beside });
        return;
      }
      case 'subcodes':
        this.includeSubcodes = message.value;
        await this.refresh();
        return;
      case 'exportCsv': {
        if (!this.matrix) return;
        const target = await vscode.window.showSaveDialog({ filters: { CSV: ['csv'] }, defaultUri: this.defaultFile('code-matrix.csv') });
        if (!target) return;
        const m = this.matrix;
        const csv = toCsv(
          ['code', 'code_label', 'segments', 'participants', ...m.participants],
          m.rows.map((r) => [r.path, r.label, r.segments, r.participantCount, ...r.cells]),
        );
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(csv));
        void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}', vscode.workspace.asRelativePath(target)));
        return;
      }
      case 'image': {
        const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(message.dataUrl);
        if (!match) return;
        const target = await vscode.window.showSaveDialog({ filters: { PNG: ['png'] }, defaultUri: this.defaultFile('code-matrix.png') });
        if (!target) return;
        await vscode.workspace.fs.writeFile(target, base64ToBytes(match[1]));
        void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}', vscode.workspace.asRelativePath(target)));
        return;
      }
    }
  }

  private defaultFile(name: string): vscode.Uri {
    return vscode.Uri.joinPath(vscode.Uri.parse(this.project), name);
  }
}
