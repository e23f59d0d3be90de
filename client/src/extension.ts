/**
 * The Codeboom extension: starts the language server and the features around it. Each feature is a
 * module under features/ with an activate function; they share the server connection.
 */
import * as vscode from 'vscode';
import { ServerConnection } from './server/serverConnection';
import { activateTranscriptLanguage } from './features/transcriptLanguage';

export interface ExtensionApi {
  server: ServerConnection;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const server = new ServerConnection(context);
  context.subscriptions.push(
    server,
    vscode.commands.registerCommand('codeboom.showLog', () => server.output.show()),
    vscode.commands.registerCommand('codeboom.restartServer', async () => {
      await server.restart();
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Codeboom server restarted.'), 3000);
    }),
  );
  activateTranscriptLanguage(context, server);
  await server.start();
  return { server };
}

export function deactivate(): void {
  // The server connection is disposed with the extension's subscriptions.
}
