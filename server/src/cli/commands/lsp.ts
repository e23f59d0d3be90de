/**
 * `codeboom lsp --stdio`: the language server, for any editor with an LSP client (VS Code, Neovim, …).
 */
import { createConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-languageserver/node';
import { startServer } from '../../lsp/server';
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
  run(_ctx, { values }) {
    let connection;
    if (values.stdio) connection = createConnection(process.stdin, process.stdout);
    else if (values['node-ipc']) connection = createConnection(new IPCMessageReader(process), new IPCMessageWriter(process));
    else throw new UserError("Say how the editor talks to the server: 'codeboom lsp --stdio'.");
    process.on('uncaughtException', (e) => connection.console.error(`Unexpected error: ${e.stack ?? e.message}`));
    startServer(connection);
    // The connection ends the process when the editor sends `exit`.
    return new Promise<number>(() => undefined);
  },
};
