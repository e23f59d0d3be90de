/**
 * The extension in a browser (package.json's `browser`, dist/web/extension.js), as in vscode.dev and
 * github.dev: the language server is dist/web/server.js in a web worker, which reads the workspace by
 * asking this client (server/hostRequests.ts). No Node here or below: the build checks it.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { activateExtension, type ExtensionApi } from './extension';

export function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  return activateExtension(context, {
    languageClient: (id, name, options) => new LanguageClient(id, name, () => serverTransports(context.extensionUri), options),
    serverReadsThroughClient: true,
  });
}

/**
 * The server's worker. From vscode.dev's or github.dev's extension gallery the script has an https: URI a
 * worker can load; an extension loaded from a remote folder (code-server, a development path) has a
 * vscode-remote: URI, from which the extension host cannot start a worker, so the worker is started from the
 * script's text instead.
 */
async function serverWorker(extensionUri: vscode.Uri): Promise<Worker> {
  const script = vscode.Uri.joinPath(extensionUri, 'dist/web/server.js');
  if (script.scheme === 'https' || script.scheme === 'http') return new Worker(script.toString(true));
  const code = await vscode.workspace.fs.readFile(script);
  return new Worker(URL.createObjectURL(new Blob([new TextDecoder().decode(code)], { type: 'text/javascript' })));
}

/**
 * The messages to and from the server's worker. Made here rather than by handing the client the worker:
 * the extension host replaces `Worker` with its own class, so the client's `instanceof Worker` fails.
 */
async function serverTransports(extensionUri: vscode.Uri): Promise<MessageTransports> {
  const worker = await serverWorker(extensionUri);
  return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
}

export function deactivate(): void {
  // Everything is disposed with the extension's subscriptions.
}
