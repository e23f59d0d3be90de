/**
 * The language server over stdin and stdout, as `codeboom lsp --stdio` and `dist/server.js --stdio` start it
 * for any editor. A message it cannot read ends it: one line on stderr, exit status 2, so that the editor
 * starts it again (a server that lived on would never answer again).
 */
import { format } from 'node:util';
import { createConnection, StreamMessageWriter } from 'vscode-languageserver/node';
import { FramedMessageReader, FramingError } from './framing';
import { serverHost } from '../node/serverHost';
import { startServer } from './server';

/** The exit status after a message the server cannot read. */
export const BROKEN_MESSAGE_STATUS = 2;

export function startStdioServer(): void {
  const reader = new FramedMessageReader(process.stdin);
  const connection = createConnection(reader, new StreamMessageWriter(process.stdout));
  process.on('uncaughtException', (e) => connection.console.error(`Unexpected error: ${e.stack ?? e.message}`));
  // stdout carries the protocol: anything a library prints goes to the editor's log instead.
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  const server = startServer(connection, serverHost());
  reader.onError((e) => {
    if (e instanceof FramingError) {
      process.stderr.write(`${e.line(server.language())}\n`);
      process.exit(BROKEN_MESSAGE_STATUS);
    }
    process.stderr.write(`codeboom lsp: ${e.message}\n`);
    process.exit(1);
  });
  // The editor closed the server's input: as the `exit` notification would, 0 after `shutdown`, else 1.
  reader.onClose(() => process.exit(reader.shutdownRequested ? 0 : 1));
}
