/**
 * The extension in desktop VS Code (package.json's `main`, dist/extension.js): the language server is
 * dist/server.js in a Node process of its own, over node IPC, and git answers for comparing coders.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { CODEBOOK_FILE } from '../../server/src/engine/project/projectFiles';
import { mark as markToFile } from '../../server/src/node/timing';
import { activateExtension, type ExtensionApi } from './extension';
import { EarlyServer } from './server/earlyServer';
import { mark, markTo } from './timing';

markTo(markToFile);
mark('extension loaded');
/** The server, started as this module loads when a folder has a codebook at its top (earlyServer.ts). */
const earlyServer = EarlyServer.startIfProject(path.join(__dirname, 'server.js'), CODEBOOK_FILE);

export function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  mark('extension host started', performance.timeOrigin);
  if (earlyServer) context.subscriptions.push(earlyServer);
  return activateExtension(context, {
    languageClient: (id, name, options) => {
      const module = context.asAbsolutePath('dist/server.js');
      const early = earlyServer;
      const serverOptions: ServerOptions = early
        ? () => early.transports((text) => options.outputChannel?.append(text))
        : {
            run: { module, transport: TransportKind.ipc },
            debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
          };
      return new LanguageClient(id, name, serverOptions, options);
    },
    serverReadsThroughClient: false,
    serverStopped: () => earlyServer?.endLast(),
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
