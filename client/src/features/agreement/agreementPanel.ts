/**
 * Agreement between coders: this project's transcripts against another coder's copy (a folder) or a git
 * branch, with percent agreement, Cohen's kappa and Krippendorff's alpha per code at the document and
 * segment levels, and the list of disagreements; clicking one opens the transcript at its lines.
 */
import * as vscode from 'vscode';
import { AgreementRequest } from '../../../../server/src/lsp/protocol';
import type { Platform } from '../../platform';
import type { ServerConnection } from '../../server/serverConnection';
import { chooseProject, projectTitle } from '../projects';
import { webviewHtml } from '../webviewHtml';

export class AgreementPanel implements vscode.Disposable {
  static current: AgreementPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly panel: vscode.WebviewPanel) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: { type: 'open'; uri: string; line: number; endLine: number }) => {
        if (m.type !== 'open') return;
        const range = new vscode.Range(Math.max(0, m.line - 1), 0, Math.max(0, m.endLine - 1), Number.MAX_SAFE_INTEGER);
        void vscode.window.showTextDocument(vscode.Uri.parse(m.uri), { selection: range, viewColumn: vscode.ViewColumn.Beside });
      }),
    );
  }

  dispose(): void {
    if (AgreementPanel.current === this) AgreementPanel.current = undefined;
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
  }
}

export function activateAgreement(context: vscode.ExtensionContext, server: ServerConnection, platform: Pick<Platform, 'gitBranches'>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('codeboom.compareCoders', async (preset?: AgreementRequest.Params['others']) => {
      const gitBranches = platform.gitBranches;
      if (!gitBranches) {
        // A browser reaches neither other folders nor git: say so rather than offer what cannot work.
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Agreement between coders reads other folders and git, which this editor cannot reach: run it in desktop VS Code or with codeboom agreement.'),
        );
        return undefined;
      }
      // git runs with the repository's own settings (hooks, fsmonitor): not in a workspace the user has not trusted.
      const trusted = vscode.workspace.isTrusted;
      const needsGit = preset?.some((o) => 'revision' in o) === true;
      if (!trusted && needsGit) {
        void vscode.window.showInformationMessage(vscode.l10n.t('In Restricted Mode Codeboom does not run git, so it compares coders only with folders: trust this workspace to compare git branches.'));
        return undefined;
      }
      const project = await chooseProject(server);
      if (!project) return undefined;
      let others = preset;
      if (!others) {
        const folder = vscode.l10n.t('Another coder’s folder…');
        const revs = trusted ? await gitBranches(vscode.Uri.parse(project.root)) : [];
        const pick = await vscode.window.showQuickPick(
          [{ label: folder, source: 'folder' as const }, ...revs.map((r) => ({ label: r, description: vscode.l10n.t('git branch'), source: 'revision' as const }))],
          { title: vscode.l10n.t('Compare this project’s coding with') },
        );
        if (!pick) return undefined;
        if (pick.source === 'folder') {
          const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: vscode.l10n.t('Compare') });
          if (!chosen?.[0]) return undefined;
          others = [{ folder: chosen[0].fsPath }];
        } else {
          others = [{ revision: pick.label }];
        }
      }
      const data = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Comparing coders…') }, () =>
        server.send(AgreementRequest.type, { project: project.root, others: others! }),
      );
      if (!data) return undefined;
      AgreementPanel.current?.dispose();
      const panel = vscode.window.createWebviewPanel('codeboom.agreement', vscode.l10n.t('Agreement — {0}', projectTitle(project)), vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
      });
      AgreementPanel.current = new AgreementPanel(panel);
      panel.webview.html = webviewHtml({
        webview: panel.webview,
        extensionUri: context.extensionUri,
        title: panel.title,
        script: 'agreement.js',
        style: 'matrix.css',
        lang: vscode.env.language,
        data: {
          data,
          strings: {
            allCodes: vscode.l10n.t('All codes'),
            code: vscode.l10n.t('Code'),
            documentLevel: vscode.l10n.t('Document level: is the code present in the transcript?'),
            segmentLevel: vscode.l10n.t('Segment level: do the coders code the same passages?'),
            units: vscode.l10n.t('Units'),
            percent: vscode.l10n.t('Agreement %'),
            kappa: vscode.l10n.t('Cohen’s κ'),
            alpha: vscode.l10n.t('Krippendorff’s α'),
            disagreements: vscode.l10n.t('Disagreements ({0})'),
            textDifferences: vscode.l10n.t('Transcripts whose words differ between coders (not compared)'),
            summary: vscode.l10n.t('{0} transcripts compared; segments match when they overlap by at least {1}% of the longer one.'),
            summaryOne: vscode.l10n.t('1 transcript compared; segments match when they overlap by at least {0}% of the longer one.'),
            has: vscode.l10n.t('coded it'),
            hasNot: vscode.l10n.t('did not'),
            none: vscode.l10n.t('The coders agree everywhere.'),
          },
        },
      });
      return AgreementPanel.current;
    }),
  );
}
