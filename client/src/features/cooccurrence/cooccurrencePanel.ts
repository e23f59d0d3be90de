/**
 * Code co-occurrence (like MAXQDA's Code Relations Browser): a code × code heat map of how often two codes
 * come together, in overlapping passages, the same paragraph, the same turn, or within N paragraphs.
 * Clicking a cell lists the pairs of segments; clicking one opens it.
 */
import * as vscode from 'vscode';
import { CooccurrenceRequest, CooccurringSegmentsRequest, type CooccurrenceData, type PairSide } from '../../../../server/src/lsp/protocol';
import type { ServerConnection } from '../../server/serverConnection';
import { safeColor } from '../colorIcons';
import { createPanel, ProjectPanel, showPanel } from '../projectPanel';
import { webviewHtml } from '../webviewHtml';

type FromPage = { type: 'unit'; unit: string } | { type: 'cell'; first: string; second: string } | { type: 'open'; side: PairSide };

export class CooccurrencePanel extends ProjectPanel<FromPage> {
  static current: CooccurrencePanel | undefined;
  private unit = 'paragraph';

  static show(context: vscode.ExtensionContext, server: ServerConnection, project: string, title: string): Promise<CooccurrencePanel> {
    return showPanel(CooccurrencePanel, project, () =>
      new CooccurrencePanel(context, server, project, createPanel(context, 'codeboom.cooccurrence', vscode.l10n.t('Code co-occurrence — {0}', title))),
    );
  }

  private async data(): Promise<CooccurrenceData | null> {
    const d = await this.server.send(CooccurrenceRequest.type, { project: this.project, unit: this.unit });
    return d ? { ...d, codes: d.codes.map((c) => ({ ...c, color: safeColor(c.color) })) } : null;
  }

  async load(): Promise<void> {
    this.panel.webview.html = webviewHtml({
      webview: this.panel.webview,
      extensionUri: this.context.extensionUri,
      title: this.panel.title,
      script: 'cooccurrence.js',
      style: 'matrix.css',
      lang: vscode.env.language,
      data: {
        data: await this.data(),
        unit: this.unit,
        strings: {
          unit: vscode.l10n.t('Together in'),
          overlap: vscode.l10n.t('overlapping passages'),
          paragraph: vscode.l10n.t('the same paragraph'),
          turn: vscode.l10n.t('the same turn'),
          window: vscode.l10n.t('within N paragraphs'),
          hint: vscode.l10n.t('Click a cell to see the pairs of segments; click one to open it.'),
          // A cell's title: how many pairs, and in how many participants.
          pair: vscode.l10n.t('1 pair'),
          pairs: vscode.l10n.t('{0} pairs'),
          inParticipant: vscode.l10n.t('in 1 participant'),
          inParticipants: vscode.l10n.t('in {0} participants'),
          empty: vscode.l10n.t('No two codes occur together in this unit.'),
          noPairs: vscode.l10n.t('No pairs.'),
        },
      },
    });
  }

  protected async refresh(): Promise<void> {
    await this.panel.webview.postMessage({ type: 'data', data: await this.data(), unit: this.unit });
  }

  protected async receive(m: FromPage): Promise<void> {
    if (m.type === 'unit') {
      if (!/^(overlap|paragraph|turn|window:\d{1,4})$/.test(m.unit)) return;
      this.unit = m.unit;
      await this.refresh();
    } else if (m.type === 'cell') {
      const pairs = await this.server.send(CooccurringSegmentsRequest.type, { project: this.project, unit: this.unit, first: m.first, second: m.second });
      if (!pairs) return;
      const where = (s: PairSide) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(s.uri), false)}:${s.range.start.line + 1}`;
      await this.panel.webview.postMessage({
        type: 'pairs',
        first: m.first,
        second: m.second,
        pairs: pairs.map((p) => ({ first: { ...p.first, where: where(p.first) }, second: { ...p.second, where: where(p.second) } })),
      });
    } else if (m.type === 'open') {
      const r = m.side.range;
      await vscode.window.showTextDocument(vscode.Uri.parse(m.side.uri), {
        selection: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character),
        viewColumn: vscode.ViewColumn.Beside,
      });
    }
  }
}
