/**
 * The language server in a browser's web worker (dist/web/server.js), as the web extension starts it in
 * vscode.dev and github.dev: messages come and go with postMessage on the worker's own scope, and files
 * are read by asking the client (BrowserHost). Nothing here or below may need Node: the build checks it.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { BrowserHost } from './browserHost';
import { startServer } from './server';

/** The worker's global scope (typed loosely: the server's types are not the DOM's). */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, new BrowserHost(connection));
