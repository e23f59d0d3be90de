/**
 * The Codeboom extension: starts the language server and the features around it. Each feature is a
 * module under features/ with an activate function; they share the server connection. The same code runs
 * on the desktop and in a browser: node.ts and browser.ts, the two entry points, only say how the server
 * starts and what the platform can do (platform.ts).
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
import { activateMemos } from './features/memos';
import type { MemosProvider } from './features/memos/memosView';
import { activateMedia, type MediaPanel } from './features/media/mediaPanel';
import { chooseProject, projectTitle } from './features/projects';
import { activateReports } from './features/reports';
import { activateRetrieval, RetrievalPanel } from './features/retrieval/retrievalPanel';
import { activateSegmentsPicker } from './features/segmentsPicker';
import { activateStripes, type CodingStripes } from './features/stripes';
import { activateStarterProject } from './features/starterProject';
import { activateTranscriptImport } from './features/transcriptImport';
import { activateTranscriptLanguage } from './features/transcriptLanguage';
import type { Platform } from './platform';
import { ServerConnection } from './server/serverConnection';
import type { CodeTreeProvider } from './features/codeTree/codeTreeProvider';
import { CODEBOOK_FILE } from '../../server/src/engine/project/projectFiles';
import { mark } from './timing';

export interface ExtensionApi {
  server: ServerConnection;
  codeTree: CodeTreeProvider;
  memos: MemosProvider;
  matrix(): MatrixPanel | undefined;
  cooccurrence(): CooccurrencePanel | undefined;
  retrieval(): RetrievalPanel | undefined;
  /** What the coding stripes show in an editor. */
  stripes: CodingStripes;
  /** The open media panel, with what it plays. */
  media(): MediaPanel | undefined;
}

export async function activateExtension(context: vscode.ExtensionContext, platform: Platform): Promise<ExtensionApi> {
  mark('activate');
  const server = new ServerConnection(context, platform);
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
    const found = (await codebookAtTop()) || (await vscode.workspace.findFiles(`**/${CODEBOOK_FILE}`, '**/node_modules/**', 1)).length > 0;
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
  const memos = activateMemos(context, server);
  activateDecorations(context, server, icons);
  const stripes = activateStripes(context, server);
  const media = activateMedia(context, server);
  activateReports(context, server);
  activateRetrieval(context, server, () => chooseProject(server), projectTitle);
  activateSegmentsPicker(context, server);
  activateStarterProject(context);
  activateAgreement(context, server, platform);
  activateTranscriptImport(context, server);

  await startup;
  return { server, codeTree, memos, matrix: () => MatrixPanel.current, cooccurrence: () => CooccurrencePanel.current, retrieval: () => RetrievalPanel.current, stripes, media };
}

/** Whether a workspace folder has a codebook.yaml at its top: one look per folder, no search of the workspace. */
async function codebookAtTop(): Promise<boolean> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const found = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, CODEBOOK_FILE)).then(
      () => true,
      () => false,
    );
    if (found) return true;
  }
  return false;
}
