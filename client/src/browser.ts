/**
 * The extension in a browser (package.json's `browser`, dist/web/extension.js), as in vscode.dev and
 * github.dev: the language server is dist/web/server.js in a web worker, which reads the workspace by
 * asking this client (server/hostRequests.ts). No Node here or below: the build checks it.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateExtension, type ExtensionApi } from './extension';

export function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  return activateExtension(context, {
    languageClient: (id, name, options) => {
      const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js').toString(true));
      return new LanguageClient(id, name, worker, options);
    },
    serverReadsThroughClient: true,
  });
}

export function deactivate(): void {
  // Everything is disposed with the extension's subscriptions.
}
