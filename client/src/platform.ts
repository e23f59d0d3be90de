/**
 * What differs between the places the extension runs: desktop VS Code (client/src/node.ts) and a browser
 * such as vscode.dev or github.dev (client/src/browser.ts). Everything else in client/src is shared.
 */
import type * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';

export interface Platform {
  /** Starts the language server (a Node process, or a web worker) and gives the client that speaks to it. */
  languageClient(id: string, name: string, options: LanguageClientOptions): BaseLanguageClient;
  /**
   * Whether the server reads the workspace by asking the client (`codeboom/host/*` requests), as it does in a
   * browser's worker, which cannot reach the files itself.
   */
  serverReadsThroughClient: boolean;
  /**
   * The git branches of the repository a folder is in, for comparing coders; absent where the extension
   * cannot run git (a browser), and there agreement between coders says it needs desktop VS Code.
   */
  gitBranches?(folder: vscode.Uri): Promise<string[]>;
  /** After the language client stopped its server: ends a server process the client did not start itself. */
  serverStopped?(): void;
}
