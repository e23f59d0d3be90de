/**
 * "Export report" (the frequency report as Markdown, HTML or CSV) and the REFI-QDA exports (.qdc, .qdpx)
 * for MAXQDA, NVivo, ATLAS.ti and others. The server writes them; the user chooses where they go.
 */
import * as vscode from 'vscode';
import { base64ToBytes } from '../../../server/src/engine/text/base64';
import { RefiExportRequest, ReportRequest } from '../../../server/src/lsp/protocol';
import type { ServerConnection } from '../server/serverConnection';
import { chooseProject } from './projects';

/** For scripts and tests: whether codes that share a name are named apart, without asking. */
interface RefiOptions {
  uniqueNames?: boolean;
}

export function activateReports(context: vscode.ExtensionContext, server: ServerConnection): void {
  const save = async (project: string, name: string, filters: Record<string, string[]>, bytes: Uint8Array) => {
    const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(vscode.Uri.parse(project), name), filters });
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, bytes);
    const open = vscode.l10n.t('Open');
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}', vscode.workspace.asRelativePath(target)), open).then((c) => {
      if (c === open) void vscode.env.openExternal(target);
    });
    return target;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('codeboom.exportReport', async (format?: ReportRequest.Params['format'], target?: vscode.Uri) => {
      const project = await chooseProject(server);
      if (!project) return;
      let chosen = format;
      if (!chosen) {
        const pick = await vscode.window.showQuickPick(
          [
            { label: 'HTML', description: vscode.l10n.t('one file to open in a browser or attach to a thesis'), format: 'html' as const },
            { label: 'Markdown', description: vscode.l10n.t('to paste into a text'), format: 'markdown' as const },
            { label: 'CSV', description: vscode.l10n.t('for R, SPSS or Excel'), format: 'csv' as const },
          ],
          { title: vscode.l10n.t('Export report as') },
        );
        if (!pick) return;
        chosen = pick.format;
      }
      const result = await server.send(ReportRequest.type, { project: project.root, format: chosen });
      if (!result) return;
      const ext = chosen === 'markdown' ? 'md' : chosen;
      const bytes = new TextEncoder().encode(result.text);
      if (target) {
        await vscode.workspace.fs.writeFile(target, bytes);
        return target;
      }
      return save(project.root, `codeboom-report.${ext}`, { [chosen.toUpperCase()]: [ext] }, bytes);
    }),
    vscode.commands.registerCommand('codeboom.exportQdc', (target?: vscode.Uri, options?: RefiOptions) => refi('qdc', target, options)),
    vscode.commands.registerCommand('codeboom.exportQdpx', (target?: vscode.Uri, options?: RefiOptions) => refi('qdpx', target, options)),
  );

  /**
   * Writes the export to `target`, or where the user chooses when there is none. Codes that share a name
   * are named apart when the user says so, or as `options` says without asking.
   */
  async function refi(format: 'qdc' | 'qdpx', target?: vscode.Uri, options?: RefiOptions): Promise<vscode.Uri | undefined> {
    const project = await chooseProject(server);
    if (!project) return undefined;
    const exported = async (uniqueNames: boolean) => server.send(RefiExportRequest.type, { project: project.root, format, uniqueNames });
    let result = await exported(options?.uniqueNames === true);
    if (!result) return undefined;
    if (result.nameClashes.length > 0 && options?.uniqueNames === undefined) {
      const [first] = result.nameClashes;
      const clash = vscode.l10n.t('{0} codes are named "{1}" ({2}).', first.paths.length, first.name, first.paths.join(', '));
      const more = result.nameClashes.length > 1 ? ' ' + vscode.l10n.t('{0} other names are shared too.', result.nameClashes.length - 1) : '';
      const apart = vscode.l10n.t('Name Them Apart');
      const choice = await vscode.window.showWarningMessage(
        clash + more + ' ' + vscode.l10n.t('QualCoder keeps one code per name and gives all their codings to the first. Name each such code after its parent too?'),
        { modal: true },
        apart,
        vscode.l10n.t('Export As They Are'),
      );
      if (choice === undefined) return undefined;
      if (choice === apart) result = await exported(true);
      if (!result) return undefined;
    }
    for (const w of result.warnings) server.output.warn(w);
    const bytes = base64ToBytes(result.base64);
    if (target) {
      await vscode.workspace.fs.writeFile(target, bytes);
      return target;
    }
    const name = format === 'qdc' ? 'codebook.qdc' : 'project.qdpx';
    return save(project.root, name, { 'REFI-QDA': [format] }, bytes);
  }
}
