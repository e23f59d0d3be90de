/**
 * The language server as a program of its own (dist/server.js), as the VS Code client starts it over
 * node IPC, or any editor with `--stdio`, over the disk (the Node host). `codeboom lsp` starts the same
 * server from the command line.
 */
import { createConnection } from 'vscode-languageserver/node';
import { serverHost } from '../node/serverHost';
import { startServer } from './server';
import { startStdioServer } from './stdio';
import { mark } from '../node/timing';

mark('server process started', performance.timeOrigin);
mark('server loaded');

if (process.argv.includes('--stdio')) {
  startStdioServer();
} else {
  const connection = createConnection();
  // An exception that escapes a handler is logged; the server goes on.
  process.on('uncaughtException', (e) => connection.console.error(`Unexpected error: ${e.stack ?? e.message}`));
  startServer(connection, serverHost());
}
