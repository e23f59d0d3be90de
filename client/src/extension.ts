/**
 * The Codeboom extension: starts the language server and the features around it. Each feature is a
 * module under features/ with an activate function; they share the server connection.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateAgreement } from './features/agreement/agreementPanel';
import { activateCodeTree } from './features/codeTree';
import { activateCoding } from './features/coding';
import { ColorIcons } from './features/colorIcons';
import { activateDecorations } from './features/decorations';
import { CooccurrencePanel } from './features/cooccurrence/cooccurrencePanel';
import { MatrixPanel } from './features/matrix/matrixPanel';
import { chooseProject, projectTitle } from './features/projects';
import { activateReports } from './features/reports';
import { activateSegmentsPicker } from './features/segmentsPicker';
import { activateStarterProject } from './features/starterProject';
import { activateTranscriptImport } from './features/transcriptImport';
import { activateTranscriptLanguage } from './features/transcriptLanguage';
import { ServerConnection } from './server/serverConnection';
import type { CodeTreeProvider } from './features/codeTree/codeTreeProvider';
import { CODEBOOK_ID as CODEBOOK_FILE } from '../../server/src/engine/project/refactorings';
import { mark } from '../../server/src/node/timing';
import { codebookAtTop, EarlyServer } from './server/earlyServer';

mark('extension loaded');
/** The server, started as this module loads when a folder has a codebook at its top (earlyServer.ts). */
const earlyServer = EarlyServer.startIfProject(path.join(__dirname, 'server.js'), CODEBOOK_FILE);

export interface ExtensionApi {
  server: ServerConnection;
  codeTree: CodeTreeProvider;
  matrix(): MatrixPanel | undefined;
  cooccurrence(): CooccurrencePanel | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  mark('extension host started', performance.timeOrigin);
  mark('activate');
  const server = new ServerConnection(context, earlyServer);
  const icons = new ColorIcons(context.globalStorageUri);
  context.subscriptions.push(
    server,
    vscode.commands.registerCommand('codeboom.showLog', () => server.output.show()),
    vscode.commands.registerCommand('codeboom.restartServer', async () => {
      if (!server.isStarted) {
        await startWhenProject();
        if (!server.isStarted) void vscode.window.showInformationMessage(vscode.l10n.t('There is no codebook.yaml in this workspace, so the Codeboom server has not started.'));
        return;
      }
      await server.restart();
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Codeboom server restarted.'), 3000);
    }),
    vscode.commands.registerCommand('codeboom.openMatrix', async () => {
      const project = await chooseProject(server);
      if (project) await MatrixPanel.show(context, server, project.root, projectTitle(project));
      return MatrixPanel.current;
    }),
    vscode.commands.registerCommand('codeboom.openCooccurrence', async () => {
      const project = await chooseProject(server);
      if (project) await CooccurrencePanel.show(context, server, project.root, projectTitle(project));
      return CooccurrencePanel.current;
    }),
  );
  // The extension activates in every window (onStartupFinished) but starts the server only where there
  // is a project: at once when a codebook.yaml exists, otherwise as soon as one is written (by hand, by
  // the starter, an import or a checkout). From then on the server follows codebooks that come and go.
  // A codebook at the top of a folder is seen without searching the workspace, so the server starts (and
  // indexes) while the rest of the window is still loading; only without one is the workspace searched.
  const codebooks = vscode.workspace.createFileSystemWatcher(`**/${CODEBOOK_FILE}`, false, true, true);
  const projectInWorkspace = async () => {
    mark('codebook search');
    const found = codebookAtTop(CODEBOOK_FILE) || (await vscode.workspace.findFiles(`**/${CODEBOOK_FILE}`, '**/node_modules/**', 1)).length > 0;
    mark('codebook search done');
    return found;
  };
  const startWhenProject = async () => {
    if (server.isStarted) return;
    if (await server.startIf(projectInWorkspace())) return;
    await vscode.commands.executeCommand('setContext', 'codeboom.hasProject', false);
    // The Codes view says how to start a project only now: before the search it would say so in every window.
    await vscode.commands.executeCommand('setContext', 'codeboom.noProject', true);
  };
  // The search (and the start) goes on while the features below are set up.
  const startup = startWhenProject();
  context.subscriptions.push(
    codebooks,
    codebooks.onDidCreate(() => void startWhenProject()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void startWhenProject()),
  );
  activateTranscriptLanguage(context, server);
  const codeTree = activateCodeTree(context, server, icons);
  activateCoding(context, server);
  activateDecorations(context, server, icons);
  activateReports(context, server);
  activateSegmentsPicker(context, server);
  activateStarterProject(context);
  activateAgreement(context, server);
  activateTranscriptImport(context, server);

  await startup;
  return { server, codeTree, matrix: () => MatrixPanel.current, cooccurrence: () => CooccurrencePanel.current };
}

export function deactivate(): void {
  // Everything is disposed with the extension's subscriptions.
}
