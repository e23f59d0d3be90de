/**
 * The Codeboom language server: a thin LSP front end of the engine. Its entry points give it a connection
 * and a ProjectHost, the only way it reaches files (main.ts and stdio.ts: stdio or node IPC over the
 * disk; tests: memory). It finds the projects in every workspace folder, keeps their indexes current and
 * answers each feature by asking the engine. Projects and documents are URIs throughout.
 */
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ProjectHost } from '../engine/host/projectHost';
import { isInside, parentUri, uriKey } from '../engine/host/uris';
import { languageOf, type Language } from '../engine/messages';
import { words } from '../engine/messages';
import { globsToWatch, WATCHED_GLOBS } from '../engine/project/projectFiles';
import { readCodebookText } from '../engine/project/projectLoader';
import { VERSION } from '../version';
import { nextTurn, notification, type ServerContext } from './context';
import { registerAgreement } from './features/agreement';
import { registerCodeActions } from './features/codeActions';
import { registerCodeManagement } from './features/codeManagement';
import { registerCoding } from './features/coding';
import { registerCodeLens } from './features/codeLens';
import { registerCompletion } from './features/completion';
import { registerCooccurrence } from './features/cooccurrence';
import { registerRetrieval } from './features/retrieval';
import { registerCustomRequests } from './features/customRequests';
import { DiagnosticsPublisher } from './features/diagnostics';
import { registerExports } from './features/exports';
import { registerFolding } from './features/folding';
import { registerMedia } from './features/media';
import { registerHover } from './features/hover';
import { registerMemos } from './features/memos';
import { registerNavigation } from './features/navigation';
import { registerRename } from './features/rename';
import { registerStripes } from './features/stripes';
import { registerSymbols } from './features/symbols';
import { registerTranscriptImport } from './features/transcriptImport';
import { IndexChangedNotification, IndexedNotification, ServerCommands } from './protocol';
import { findProjectRoots, isCodebookUri, Workspace, type Project } from './workspace';

/** Documents larger than this are re-indexed a moment after the last keystroke rather than at once. */
const LARGE_DOCUMENT = 1_000_000;

/** What the program around the server may ask it. */
export interface RunningServer {
  /** The user's language, as the client said at initialisation (English before). */
  language(): Language;
}

export function startServer(connection: Connection, host: ProjectHost): RunningServer {
  const started = performance.now();
  const documents = new TextDocuments(TextDocument);
  /** The URI each open document was opened with, by its uriKey, so that any spelling of a URI finds it. */
  const openUris = new Map<string, string>();
  const openDocument = (uri: string) => documents.get(openUris.get(uriKey(uri)) ?? uri);
  let locale = 'en';
  /** `codebook` (labels follow project.language) or a language the client chose for labels. */
  let labelChoice = 'codebook';
  /** The workspace folders' URIs. */
  let folders: string[] = [];
  let canReportProgress = false;
  let canWatchFiles = false;
  let canWatchRelative = false;
  /** The watchers registered for projects' own transcript globs, and the registration to undo for new ones. */
  let extraWatchers = '[]';
  let extraRegistration: Promise<{ dispose(): void }> | undefined;
  let hasWorkspaceFolders = false;
  let ready: Promise<void> = Promise.resolve();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  const workspace = new Workspace(host, (uri) => openDocument(uri)?.getText());
  const publisher = new DiagnosticsPublisher({ connection, language: () => languageOf(locale) });

  const ctx: ServerContext = {
    connection,
    documents,
    workspace,
    language: () => languageOf(locale),
    labelLanguage: (project) =>
      labelChoice !== 'codebook' ? labelChoice : (project?.codebook.settings.language ?? locale.split('-')[0].toLowerCase()),
    flush: (uri) => {
      const timer = pending.get(uri);
      if (timer === undefined) return;
      clearTimeout(timer);
      pending.delete(uri);
      apply(uri);
    },
    locate: (uri) => {
      ctx.flush(uri);
      return workspace.locate(uri);
    },
    changed: (project, ids) => {
      if (ids === 'all') publisher.publishProject(project);
      else {
        for (const id of ids) publisher.publishDocument(project, id);
        publisher.publishWhetherEmpty(project);
      }
      void connection.sendNotification(IndexChangedNotification.type, { project: project.rootUri, revision: project.index.revision });
    },
  };

  /**
   * Runs work on the projects after what was asked before it; requests wait for it (`ready`), so that
   * they answer from an index that has taken in every change sent before them.
   */
  function queue(work: () => Promise<void>): Promise<void> {
    const run = ready.then(work);
    ready = run.catch((e) => connection.console.error(`Indexing failed: ${e instanceof Error ? e.stack : String(e)}`));
    return run;
  }

  /** Takes a new codebook text into a project; when its transcript globs changed, reads the files they now match. */
  function codebookChanged(project: Project, text: string): void {
    if (!project.updateCodebook(text)) {
      publisher.publishCodebook(project);
      return;
    }
    ctx.changed(project, 'all');
    void queue(async () => {
      if (await project.rescan()) ctx.changed(project, 'all');
      watchTranscriptGlobs();
    });
  }

  /** Brings the index up to date with an open document's text. */
  function apply(uri: string): void {
    const doc = documents.get(uri);
    if (!doc) return;
    const place = workspace.locate(uri);
    if (!place) return;
    if (place.kind === 'codebook') {
      codebookChanged(place.project, doc.getText());
    } else if (place.kind === 'transcript') {
      place.project.index.set(place.id, doc.getText());
      ctx.changed(place.project, [place.id]);
    }
  }

  function schedule(uri: string): void {
    const existing = pending.get(uri);
    if (existing !== undefined) clearTimeout(existing);
    const size = documents.get(uri)?.getText().length ?? 0;
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        // A timer has no caller to hand a failure to: it is logged (unless the connection is gone).
        void notification(ctx, 'indexing an edit', () => apply(uri));
      }, size > LARGE_DOCUMENT ? 300 : 0),
    );
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as { language?: string; labelLanguage?: string };
    locale = options.language ?? params.locale ?? 'en';
    labelChoice = labelChoiceOf(options.labelLanguage);
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
    canReportProgress = params.capabilities.window?.workDoneProgress === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canWatchRelative = params.capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
    hasWorkspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['[', '/'] },
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [ServerCommands.mergeCode] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'codeboom', version: VERSION },
    };
  });

  async function indexFolders(folderUris: string[]): Promise<void> {
    const roots: string[] = [];
    for (const folder of folderUris) roots.push(...(await findProjectRoots(host, folder)));
    const projects: Project[] = [];
    for (const root of roots) projects.push(await workspace.addProject(root));
    if (projects.length === 0) return;
    const lang = languageOf(locale);
    // Indexing does not wait for the client to grant the progress token: the reports follow once it has, and
    // the end once both are done.
    const progress = canReportProgress ? connection.window.createWorkDoneProgress().catch(() => undefined) : Promise.resolve(undefined);
    void progress.then((p) => p?.begin(words(lang, 'indexing'), 0, undefined, false));
    for (const project of projects) {
      await project.load({
        onProgress: (done, total) => {
          if (done % 64 === 0 || done === total) void progress.then((p) => p?.report(Math.round((done / Math.max(total, 1)) * 100), words(lang, 'indexingProgress', { done, total })));
        },
        pause: nextTurn,
      });
      ctx.changed(project, 'all');
    }
    void progress.then((p) => p?.done());
    watchTranscriptGlobs();
  }

  /**
   * Asks the client to watch what the projects' own transcript globs match beyond the files every client
   * watches (WATCHED_GLOBS): `interviews/*.tr` relative to its project where the client can, else anywhere.
   */
  function watchTranscriptGlobs(): void {
    if (!canWatchFiles) return;
    const watchers = workspace.all().flatMap((p) =>
      globsToWatch(p.codebook.settings.transcripts).map((pattern) => ({
        globPattern: canWatchRelative ? { baseUri: p.rootUri, pattern } : `**/${pattern.replace(/^(\*\*\/)+/, '')}`,
      })),
    );
    const key = JSON.stringify(watchers);
    if (key === extraWatchers) return;
    extraWatchers = key;
    const previous = extraRegistration;
    extraRegistration = watchers.length > 0 ? connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }) : undefined;
    void previous?.then((r) => r.dispose());
  }

  connection.onInitialized(() => {
    if (canWatchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })),
      });
    }
    // Only clients that declare workspace folders may be asked for their changes; the library throws otherwise.
    if (hasWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = event.removed.map((f) => f.uri);
        folders = folders.filter((f) => !removed.some((r) => uriKey(r) === uriKey(f)));
        for (const folder of removed) {
          for (const p of workspace.projectsUnder(folder)) {
            workspace.closeProject(p.rootUri);
            publisher.clearProject(p.rootUri);
          }
        }
        const added = event.added.map((f) => f.uri);
        folders.push(...added);
        void queue(() => indexFolders(added));
      });
    }
    void queue(async () => {
      await indexFolders(folders);
      // How long the first indexing took from the start, for the log (and the browser's benchmark).
      const transcripts = workspace.all().reduce((n, p) => n + p.index.size, 0);
      void connection.sendNotification(IndexedNotification.type, { milliseconds: Math.round(performance.now() - started), transcripts });
    });
  });

  // The client sends `codeboom.labelLanguage` when it changes: every project's labels change with it.
  connection.onDidChangeConfiguration((params) => {
    const settings = (params.settings ?? {}) as { codeboom?: { labelLanguage?: string } };
    const next = labelChoiceOf(settings.codeboom?.labelLanguage);
    if (next === labelChoice) return;
    labelChoice = next;
    for (const project of workspace.all()) void connection.sendNotification(IndexChangedNotification.type, { project: project.rootUri, revision: project.index.revision });
  });

  documents.onDidOpen((event) => openUris.set(uriKey(event.document.uri), event.document.uri));
  documents.onDidChangeContent((event) => schedule(event.document.uri));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    openUris.delete(uriKey(uri));
    const timer = pending.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    pending.delete(uri);
    const place = workspace.locate(uri);
    if (!place) return;
    // Unsaved changes are gone with the editor: the file is the truth again.
    if (place.kind === 'transcript') {
      place.project.index.release(place.id);
      void queue(async () => {
        await place.project.loadFile(place.id);
        ctx.changed(place.project, [place.id]);
      });
    } else if (place.kind === 'codebook') {
      void queue(() => reloadCodebookFromDisk(place.project));
    }
  });

  async function reloadCodebookFromDisk(project: Project): Promise<void> {
    const read = await readCodebookText(host, project.rootUri);
    if (!read.ok) {
      project.codebookUnreadable(read.problem);
      publisher.publishCodebook(project);
      return;
    }
    codebookChanged(project, read.text);
  }

  connection.onDidChangeWatchedFiles((params) =>
    notification(ctx, 'watched files', () => queue(async () => {
      for (const change of params.changes) {
        // A codebook that comes or goes makes or ends a project, also while it is open in an editor.
        if (isCodebookUri(change.uri)) {
          const root = parentUri(change.uri);
          const known = workspace.byRootUri(root);
          if (change.type === FileChangeType.Deleted) {
            if (known) {
              workspace.closeProject(root);
              publisher.clearProject(known.rootUri);
              // Tells the client the project is gone: its revision no longer exists.
              void connection.sendNotification(IndexChangedNotification.type, { project: known.rootUri, revision: -1 });
            }
          } else if (!known) {
            if (folders.some((f) => isInside(f, root))) await indexFolders([root]);
          } else if (!openDocument(change.uri)) {
            await reloadCodebookFromDisk(known);
          }
          continue;
        }
        // Open documents follow their editor, except that a deleted file is no transcript any more even while
        // an editor still holds its text (typing in it again brings it back).
        if (openDocument(change.uri) && change.type !== FileChangeType.Deleted) continue;
        const place = workspace.locate(change.uri);
        if (!place || place.kind === 'codebook') continue;
        if (change.type === FileChangeType.Deleted) {
          // A change the editor made before the file was deleted does not bring it back; the next one does.
          const open = openDocument(change.uri);
          const timer = open && pending.get(open.uri);
          if (open && timer !== undefined) {
            clearTimeout(timer);
            pending.delete(open.uri);
          }
          if (place.project.remove(place.id)) ctx.changed(place.project, [place.id]);
          publisher.clear(change.uri);
        } else if (place.kind === 'transcript') {
          await place.project.loadFile(place.id);
          ctx.changed(place.project, [place.id]);
        } else {
          place.project.fileCame(place.id);
        }
        if (place.kind === 'other' && place.project.empty) {
          // A text file the patterns leave out: it may be one the no-transcripts warning should name.
          await place.project.relist();
          publisher.publishCodebook(place.project);
        }
      }
    })),
  );

  const features = { ctx, ready: () => ready };
  registerHover(features);
  registerCompletion(features);
  registerNavigation(features);
  registerRename(features);
  registerCodeActions(features);
  registerSymbols(features);
  registerFolding(features);
  registerCodeLens(features);
  registerCustomRequests(features);
  registerExports(features);
  registerCooccurrence(features);
  registerRetrieval(features);
  registerAgreement(features);
  registerTranscriptImport(features);
  registerCoding(features);
  registerMemos(features);
  registerCodeManagement(features);
  registerStripes(features);
  registerMedia(features);

  documents.listen(connection);
  connection.listen();
  return { language: () => languageOf(locale) };
}

/** The label language a client asked for: `nl`, `en` or any language tag, else `codebook`. */
function labelChoiceOf(value: unknown): string {
  return typeof value === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(value) ? value : 'codebook';
}
