/**
 * The extension in desktop VS Code (package.json's `main`, dist/extension.js): the language server is
 * dist/server.js in a Node process of its own, over node IPC, and git answers for comparing coders.
 */
import { execFile } from 'node:child_process';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateExtension, type ExtensionApi } from './extension';

export function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  return activateExtension(context, {
    languageClient: (id, name, options) => {
      const module = context.asAbsolutePath('dist/server.js');
      const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
      };
      return new LanguageClient(id, name, serverOptions, options);
    },
    serverReadsThroughClient: false,
    gitBranches: (folder) =>
      new Promise((resolve) => {
        execFile('git', ['branch', '-a', '--format=%(refname:short)'], { cwd: folder.fsPath }, (error, stdout) =>
          resolve(error ? [] : stdout.split('\n').map((s) => s.trim()).filter(Boolean)),
        );
      }),
  });
}

export function deactivate(): void {
  // Everything is disposed with the extension's subscriptions.
}
