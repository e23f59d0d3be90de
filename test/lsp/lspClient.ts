/**
 * A language client for tests: it runs the real server in this process over a pair of streams, speaks
 * LSP to it, records what the server sends (diagnostics, progress, edits to apply) and lets tests await
 * those messages instead of sleeping. `start` serves folders on disk through the Node host; `startInMemory`
 * serves a MemoryHost, whose files the tests name by URI (`memfs:/…`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createConnection, type Connection } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import type { MemoryHost } from '../../server/src/engine/host/memoryHost';
import { HostError, type ProjectHost } from '../../server/src/engine/host/projectHost';
import { BrowserHost } from '../../server/src/lsp/browserHost';
import { startServer } from '../../server/src/lsp/server';
import { serverHost } from '../../server/src/node/serverHost';
import {
  HostListFilesRequest,
  HostReadFileRequest,
  HostStatRequest,
  IndexChangedNotification,
  IndexedNotification,
  ProjectsRequest,
} from '../../server/src/lsp/protocol';

export const uriOf = (file: string): string => pathToFileURL(file).href;

type Waiter = { test: () => boolean; resolve: () => void };

interface StartOptions {
  locale?: string;
  watch?: boolean;
  initializationOptions?: Record<string, unknown>;
}

export class TestClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly progress: unknown[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly registrations: unknown[] = [];
  /** The requests for files a server in browser mode sent this client (startAsInBrowser). */
  readonly hostRequests: { method: string; params: unknown }[] = [];
  private readonly open = new Map<string, TextDocument>();
  private waiters: Waiter[] = [];
  private streams: PassThrough[] = [];

  private constructor(
    readonly connection: ProtocolConnection,
    /** The host of a server started in memory, whose files are named by URI. */
    readonly memory?: MemoryHost,
  ) {}

  /** Starts a server on `folders` (paths on disk) and waits until it has indexed them. */
  static start(folders: string[], options: StartOptions = {}): Promise<TestClient> {
    return TestClient.startWith(serverHost(), folders.map(uriOf), options);
  }

  /** Starts a server on a MemoryHost with the workspace folders `folderUris` and waits until it has indexed them. */
  static startInMemory(host: MemoryHost, folderUris: string[], options: StartOptions = {}): Promise<TestClient> {
    return TestClient.startWith(host, folderUris, options, host);
  }

  /**
   * Starts a server as it runs in a browser's worker: its host is a BrowserHost that asks this client for
   * every file (`codeboom/host/*`), and this client answers from `memory`, as the extension answers from
   * `vscode.workspace.fs`. `hostRequests` records what the server asked.
   */
  static startAsInBrowser(memory: MemoryHost, folderUris: string[], options: StartOptions = {}): Promise<TestClient> {
    return TestClient.startWith((connection) => new BrowserHost(connection), folderUris, options, memory, (client) => {
      const record = (method: string, params: unknown) => {
        client.hostRequests.push({ method, params });
        client.wake();
      };
      client.connection.onRequest(HostReadFileRequest.type, async ({ uri }): Promise<HostReadFileRequest.Result> => {
        record(HostReadFileRequest.method, { uri });
        try {
          return { ok: true, base64: Buffer.from(await memory.readFile(uri)).toString('base64') };
        } catch (e) {
          if (e instanceof HostError) return { ok: false, code: e.code, detail: e.detail };
          throw e;
        }
      });
      client.connection.onRequest(HostStatRequest.type, async ({ uri }) => {
        record(HostStatRequest.method, { uri });
        return (await memory.stat(uri)) ?? null;
      });
      client.connection.onRequest(HostListFilesRequest.type, ({ folder }) => {
        record(HostListFilesRequest.method, { folder });
        return memory.listFiles(folder);
      });
    });
  }

  private static async startWith(
    host: ProjectHost | ((connection: Connection) => ProjectHost),
    folders: string[],
    options: StartOptions,
    memory?: MemoryHost,
    answer?: (client: TestClient) => void,
  ): Promise<TestClient> {
    const up = new PassThrough();
    const down = new PassThrough();
    const serverConnection = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
    startServer(serverConnection, typeof host === 'function' ? host(serverConnection) : host);
    const connection = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    const client = new TestClient(connection, memory);
    answer?.(client);
    client.streams = [up, down];
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      client.diagnostics.set(p.uri, p.diagnostics);
      client.wake();
    });
    connection.onNotification('$/progress', (p) => {
      client.progress.push(p);
      client.wake();
    });
    for (const method of [IndexChangedNotification.method, IndexedNotification.method, 'window/logMessage', 'window/showMessage']) {
      connection.onNotification(method, (params: unknown) => {
        client.notifications.push({ method, params });
        client.wake();
      });
    }
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('client/registerCapability', (p) => {
      client.registrations.push(p);
      return null;
    });
    connection.onRequest('workspace/applyEdit', async (p: { edit: WorkspaceEdit }) => {
      await client.applyEdit(p.edit);
      return { applied: true };
    });
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: folders[0] ?? null,
      workspaceFolders: folders.map((uri) => ({ uri, name: path.posix.basename(uri) })),
      locale: options.locale ?? 'en',
      initializationOptions: options.initializationOptions,
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { didChangeWatchedFiles: { dynamicRegistration: options.watch ?? true }, workspaceFolders: true },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendRequest(ProjectsRequest.type, {});
    return client;
  }

  /** Resolves when `test` holds, checked after every message from the server. */
  until(test: () => boolean, what = 'a condition'): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 10_000);
      this.waiters.push({
        test,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** The next diagnostics published for `uri` that satisfy `test`. */
  async diagnosticsFor(uri: string, test: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    await this.until(() => this.diagnostics.has(uri) && test(this.diagnostics.get(uri)!), `diagnostics for ${uri}`);
    return this.diagnostics.get(uri)!;
  }

  private wake(): void {
    const ready = this.waiters.filter((w) => w.test());
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }

  /** A file's URI: a path on disk, or for a server in memory the URI itself. */
  uriOf(file: string): string {
    return this.memory ? file : uriOf(file);
  }

  /** Opens a file (a path, or a URI in memory) in the editor, with its text or `text`. */
  async openFile(file: string, text?: string): Promise<string> {
    const uri = this.uriOf(file);
    text ??= this.memory ? this.memory.text(uri)! : fs.readFileSync(file, 'utf8');
    const languageId = file.endsWith('.yaml') ? 'yaml' : 'codeboom-transcript';
    this.open.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  text(uri: string): string | undefined {
    return this.open.get(uri)?.getText();
  }

  /** Replaces the whole text of an open document, as an incremental change. */
  async change(uri: string, text: string): Promise<void> {
    const doc = this.open.get(uri)!;
    const range = { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
    await this.edit(uri, [{ range, newText: text }]);
  }

  async edit(uri: string, edits: TextEdit[]): Promise<void> {
    const doc = this.open.get(uri)!;
    const version = doc.version + 1;
    // Incremental changes apply one after the other, so send them from the end of the document backwards.
    const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
    const next = TextDocument.update(doc, sorted.map((e) => ({ range: e.range, text: e.newText })), version);
    this.open.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: sorted.map((e) => ({ range: e.range, text: e.newText })),
    });
  }

  async closeFile(uri: string): Promise<void> {
    this.open.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Tells the server a file (a path, or a URI in memory) changed on disk. */
  async fileChanged(file: string, type: 'created' | 'changed' | 'deleted'): Promise<void> {
    const t = type === 'created' ? FileChangeType.Created : type === 'changed' ? FileChangeType.Changed : FileChangeType.Deleted;
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: this.uriOf(file), type: t }] });
  }

  /** Applies a workspace edit as an editor would: open documents in the editor, closed ones on disk. */
  async applyEdit(edit: WorkspaceEdit): Promise<void> {
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      if (this.open.has(uri)) {
        await this.edit(uri, edits);
      } else if (this.memory) {
        const doc = TextDocument.create(uri, 'text', 0, this.memory.text(uri)!);
        this.memory.write(uri, TextDocument.applyEdits(doc, edits));
        await this.fileChanged(uri, 'changed');
      } else {
        const file = new URL(uri).pathname;
        const doc = TextDocument.create(uri, 'text', 0, fs.readFileSync(decodeURIComponent(file), 'utf8'));
        fs.writeFileSync(decodeURIComponent(file), TextDocument.applyEdits(doc, edits));
        await this.fileChanged(decodeURIComponent(file), 'changed');
      }
    }
  }

  dispose(): void {
    this.connection.dispose();
    for (const s of this.streams) s.destroy();
  }
}
