/**
 * `codeboom lsp --stdio`: the language server, for any editor with an LSP client (VS Code, Neovim, …).
 * The server and the LSP library are loaded only for this command, so that the others start sooner.
 */
import { UserError } from '../../node/projectFiles';
import type { Command } from '../command';

export const lsp: Command = {
  name: 'lsp',
  summary: 'Start the language server (for editors): --stdio, or --node-ipc from a Node parent.',
  usage: 'codeboom lsp --stdio | --node-ipc',
  options: {
    stdio: { type: 'boolean' },
    'node-ipc': { type: 'boolean' },
    clientProcessId: { type: 'string' },
  },
  async run(_ctx, { values }) {
    if (!values.stdio && !values['node-ipc']) throw new UserError("Say how the editor talks to the server: 'codeboom lsp --stdio'.");
    if (values.stdio) {
      const { startStdioServer } = await import('../../lsp/stdio');
      startStdioServer();
    } else {
      const { createConnection, IPCMessageReader, IPCMessageWriter } = await import('vscode-languageserver/node');
      const { startServer } = await import('../../lsp/server');
      const { serverHost } = await import('../../node/serverHost');
      const connection = createConnection(new IPCMessageReader(process), new IPCMessageWriter(process));
      process.on('uncaughtException', (e) => connection.console.error(`Unexpected error: ${e.stack ?? e.message}`));
      startServer(connection, serverHost());
    }
    // The connection ends the process when the editor sends `exit`.
    return new Promise<number>(() => undefined);
  },
};
