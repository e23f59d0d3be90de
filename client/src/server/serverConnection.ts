/**
 * The extension's one way to the language server: it starts the bundled server, shows its state in the
 * status bar, logs to one output channel, restarts on request, and turns failures into one clear sentence
 * with a button to the log. Features and panels ask the server through `send` with a request type of
 * protocol.ts (or the few shorthands here, which use it), never through raw method names.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type RequestParam,
  type RequestType,
  DidChangeWatchedFilesNotification,
  ErrorAction,
  FileChangeType,
  State,
  type BaseLanguageClient,
  type LanguageClientOptions,
} from 'vscode-languageclient';
import {
  CodebookTreeRequest,
  DocumentKindRequest,
  DocumentSegmentsRequest,
  IndexChangedNotification,
  IndexedNotification,
  MatrixRequest,
  ProjectsRequest,
  SegmentsRequest,
  type CodebookTree,
  type CountOptions,
  type Matrix,
  type ProjectInfo,
  type SegmentInfo,
  type SegmentQuery,
} from '../../../server/src/lsp/protocol';
import { CODEBOOK_FILE, globsToWatch, WATCHED_GLOBS } from '../../../server/src/engine/project/projectFiles';
import type { Platform } from '../platform';
import { answerHostRequests } from './hostRequests';
import { mark } from '../timing';

export class ServerConnection implements vscode.Disposable {
  private client: BaseLanguageClient | undefined;
  private readonly status: vscode.StatusBarItem;
  readonly output: vscode.LogOutputChannel;
  private readonly changed = new vscode.EventEmitter<{ project: string; revision: number }>();
  /** Fires when a project's index changed (a transcript or the codebook was edited). */
  readonly onIndexChanged = this.changed.event;
  private readonly started = new vscode.EventEmitter<{ first: boolean }>();
  /** Fires each time the server (re)started and finished indexing; `first` the first time. */
  readonly onReady = this.started.event;
  private readonly projectsChanged = new vscode.EventEmitter<void>();
  /** Fires when a project appeared or went (its codebook.yaml was written or deleted) after the start. */
  readonly onProjectsChanged = this.projectsChanged.event;
  /** The roots of the projects the server has told of, to notice a new one or one that went. */
  private readonly known = new Set<string>();
  /** Watchers of the files that projects' own `transcripts:` globs match beyond the usual extensions. */
  private readonly transcriptWatchers = new Map<string, vscode.Disposable>();
  private starting: Promise<void> | undefined;
  /** The search for a project and the start it leads to, while they go on (see startIf). */
  private deciding: Promise<unknown> | undefined;
  private starts = 0;
  private failures = 0;
  /** Whether the server has finished its first indexing since it (re)started. */
  private indexed = false;

  constructor(
    context: vscode.ExtensionContext,
    private readonly platform: Platform,
  ) {
    this.output = vscode.window.createOutputChannel('Codeboom', { log: true });
    this.status = vscode.window.createStatusBarItem('codeboom.status', vscode.StatusBarAlignment.Left, 10);
    this.status.name = 'Codeboom';
    this.status.command = 'codeboom.showLog';
    context.subscriptions.push(this.output, this.status, this.changed, this.started, this.projectsChanged);
  }

  /** Whether the server has been started (it may still be indexing). */
  get isStarted(): boolean {
    return this.client !== undefined;
  }

  /**
   * Starts the server once; a second call while it starts waits for the same start. The extension calls
   * it when the workspace has a codebook.yaml, at activation or when one is written.
   */
  start(): Promise<void> {
    if (this.client) return this.starting ?? Promise.resolve();
    this.starting = this.startClient().finally(() => (this.starting = undefined));
    return this.starting;
  }

  /**
   * Starts the server when `found` (a search for a codebook) says there is a project, and resolves with
   * whether it did. Requests made meanwhile, by a view restored with the window, wait for the search and the
   * start instead of answering nothing at once.
   */
  startIf(found: Promise<boolean>): Promise<boolean> {
    const decided = found.then(async (yes) => {
      if (yes) await this.start();
      return yes;
    });
    const settled = decided.catch(() => false);
    this.deciding = settled;
    void settled.then(() => {
      if (this.deciding === settled) this.deciding = undefined;
    });
    return decided;
  }

  private async startClient(): Promise<void> {
    mark('server starting');
    const clientOptions: LanguageClientOptions = {
      documentSelector: workspaceSchemes().flatMap((scheme) => [
        { scheme, language: 'codeboom-transcript' },
        { scheme, language: 'plaintext' },
        { scheme, language: 'markdown' },
        { scheme, pattern: `**/${CODEBOOK_FILE}` },
      ]),
      outputChannel: this.output,
      traceOutputChannel: this.output,
      initializationOptions: { language: vscode.env.language, labelLanguage: labelLanguageSetting() },
      synchronize: {
        // Sent again when it changes, so that labels change in every view without a restart.
        configurationSection: 'codeboom.labelLanguage',
        fileEvents: WATCHED_GLOBS.map((glob) => vscode.workspace.createFileSystemWatcher(glob)),
      },
      errorHandler: {
        error: (error) => {
          this.output.error(error);
          return { action: ErrorAction.Continue, handled: true };
        },
        closed: () => {
          this.failures++;
          if (this.failures <= 3) return { action: CloseAction.Restart, handled: true };
          this.showFailure(vscode.l10n.t('The Codeboom server stopped several times and was not restarted.'));
          return { action: CloseAction.DoNotRestart, handled: true };
        },
      },
    };
    this.indexed = false;
    this.client = this.platform.languageClient('codeboom', 'Codeboom', clientOptions);
    if (this.platform.serverReadsThroughClient) answerHostRequests(this.client);
    this.client.onNotification(IndexedNotification.type, (p) =>
      this.output.info(`Indexed ${p.transcripts} transcripts in ${p.milliseconds} ms from the server's start.`),
    );
    this.client.onDidChangeState((e) => this.showState(e.newState));
    this.showState(State.Starting);
    try {
      await this.client.start();
      mark('server initialized');
    } catch (e) {
      this.output.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      this.showFailure(vscode.l10n.t('The Codeboom server could not start.'));
      return;
    }
    this.client.onNotification(IndexChangedNotification.type, (p) => this.indexChanged(p));
    // The projects request answers once the first indexing is done.
    const projects = await this.projects();
    mark('server indexed');
    this.known.clear();
    for (const p of projects) this.known.add(p.root);
    this.watchTranscripts(projects);
    this.indexed = true;
    this.showState(State.Running);
    this.started.fire({ first: ++this.starts === 1 });
  }

  private indexChanged(p: { project: string; revision: number }): void {
    // The first indexing after a start is announced by onReady, with the projects it found.
    if (!this.indexed) return;
    const gone = p.revision < 0;
    const isNew = !gone && !this.known.has(p.project);
    if (gone) this.known.delete(p.project);
    else this.known.add(p.project);
    this.changed.fire(p);
    if (gone || isNew) {
      void this.projects().then((projects) => this.watchTranscripts(projects));
      this.projectsChanged.fire();
    }
  }

  /**
   * The client watches codebook.yaml and text files (WATCHED_GLOBS) everywhere; a project whose
   * `transcripts:` names other files (`interviews/*.tr`) gets a watcher of its own for them, whose events
   * go to the server as the others do.
   */
  private watchTranscripts(projects: ProjectInfo[]): void {
    const wanted = new Map<string, vscode.RelativePattern>();
    for (const p of projects) {
      for (const glob of globsToWatch(p.transcripts ?? [])) {
        wanted.set(`${p.root}|${glob}`, new vscode.RelativePattern(vscode.Uri.parse(p.root), glob));
      }
    }
    for (const [key, watcher] of this.transcriptWatchers) {
      if (wanted.has(key)) continue;
      watcher.dispose();
      this.transcriptWatchers.delete(key);
    }
    for (const [key, pattern] of wanted) {
      if (this.transcriptWatchers.has(key)) continue;
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const send = (uri: vscode.Uri, type: FileChangeType) =>
        void this.client?.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri.toString(), type }] });
      watcher.onDidCreate((uri) => send(uri, FileChangeType.Created));
      watcher.onDidChange((uri) => send(uri, FileChangeType.Changed));
      watcher.onDidDelete((uri) => send(uri, FileChangeType.Deleted));
      this.transcriptWatchers.set(key, watcher);
    }
  }

  async restart(): Promise<void> {
    this.failures = 0;
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.stop().catch((e) => this.output.error(String(e)));
    this.platform.serverStopped?.();
  }

  get running(): boolean {
    return this.client?.state === State.Running;
  }

  private showState(state: State): void {
    const indexing = state === State.Starting || (state === State.Running && !this.indexed);
    this.status.text = indexing ? `$(sync~spin) Codeboom` : state === State.Running ? `$(symbol-keyword) Codeboom` : `$(error) Codeboom`;
    this.status.tooltip =
      state === State.Running
        ? vscode.l10n.t('Codeboom is running. Click to show its log.')
        : indexing
          ? vscode.l10n.t('Codeboom is starting and indexing transcripts…')
          : vscode.l10n.t('Codeboom has stopped. Click to show its log.');
    this.status.show();
  }

  /** One sentence for the user, with a button to the log where the details are. */
  showFailure(sentence: string): void {
    const show = vscode.l10n.t('Show log');
    void vscode.window.showErrorMessage(sentence, show).then((choice) => {
      if (choice === show) this.output.show();
    });
  }

  /** Whether requests reach the server: it runs, or is starting and will answer once it runs. */
  private get reachable(): boolean {
    return this.client !== undefined && this.client.state !== State.Stopped;
  }

  /**
   * Sends a request of protocol.ts; every feature and panel asks the server through here, under one
   * policy. A refusal meant for the user (RequestFailed, InvalidParams) is shown as its sentence, any other
   * failure as one sentence with a button to the log, and a server that is not running as a warning that
   * says how to start one. A cancelled request, and one whose document changed while the server worked on
   * it (ContentModified, which the caller may ask again with the new version), are quiet. Each gives
   * undefined.
   */
  async send<P, R>(type: RequestType<P, R, void>, params: P): Promise<R | undefined> {
    // A request made while the extension looks for a project and starts the server waits for that.
    if (!this.client && this.deciding) await this.deciding;
    const client = this.client;
    const notRunning = () =>
      void vscode.window.showWarningMessage(vscode.l10n.t('The Codeboom server is not running: open a folder with a codebook.yaml, or restart it.'));
    if (!client || !this.reachable) {
      notRunning();
      return undefined;
    }
    try {
      return await client.sendRequest(type, params as RequestParam<P>);
    } catch (e) {
      if (e instanceof ResponseError && (e.code === LSPErrorCodes.RequestCancelled || e.code === LSPErrorCodes.ContentModified)) return undefined;
      this.output.error(`${type.method}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (e instanceof ResponseError && e.code === ErrorCodes.ConnectionInactive) notRunning();
      else if (e instanceof ResponseError && (e.code === LSPErrorCodes.RequestFailed || e.code === ErrorCodes.InvalidParams)) void vscode.window.showErrorMessage(e.message);
      else this.showFailure(vscode.l10n.t('Codeboom could not do that; the log says why.'));
      return undefined;
    }
  }

  /** The projects the server found; none while no server runs, since a project is what starts one. */
  async projects(): Promise<ProjectInfo[]> {
    if (!this.client && this.deciding) await this.deciding;
    if (!this.reachable) return [];
    return (await this.send(ProjectsRequest.type, {})) ?? [];
  }

  async codebookTree(project: string, options: Omit<CodebookTreeRequest.Params, 'project'> = {}): Promise<CodebookTree | null> {
    return (await this.send(CodebookTreeRequest.type, { project, ...options })) ?? null;
  }

  async matrix(project: string, options: CountOptions = {}): Promise<Matrix | null> {
    return (await this.send(MatrixRequest.type, { project, ...options })) ?? null;
  }

  async segments(query: SegmentQuery): Promise<SegmentInfo[]> {
    return (await this.send(SegmentsRequest.type, query)) ?? [];
  }

  /** The coded segments of an open transcript, for its highlights; none while no server runs. */
  async documentSegments(uri: vscode.Uri): Promise<DocumentSegmentsRequest.Result> {
    const none = { version: null, segments: [] };
    if (!this.reachable) return none;
    return (await this.send(DocumentSegmentsRequest.type, { uri: uri.toString() })) ?? none;
  }

  /** Whether a document is a transcript or codebook of a project; `other` while no server runs. */
  async documentKind(uri: vscode.Uri): Promise<DocumentKindRequest.Result> {
    const other = { kind: 'other' as const };
    if (!this.reachable) return other;
    return (await this.send(DocumentKindRequest.type, { uri: uri.toString() })) ?? other;
  }

  dispose(): void {
    for (const watcher of this.transcriptWatchers.values()) watcher.dispose();
    void this.stop();
  }
}

/**
 * The schemes of the workspace's files, whose documents go to the server: `file` on the desktop, and the
 * workspace folders' own in a browser (`vscode-vfs` in github.dev, `vscode-remote` in code-server).
 */
export function workspaceSchemes(): string[] {
  return [...new Set(['file', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)])];
}

/** `codeboom.labelLanguage`: `codebook` (labels follow project.language), `nl` or `en`. */
export function labelLanguageSetting(): string {
  return vscode.workspace.getConfiguration('codeboom').get<string>('labelLanguage', 'codebook');
}
