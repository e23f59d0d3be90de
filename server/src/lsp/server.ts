/**
 * The Codeboom language server: a thin LSP front end of the engine. It starts over stdio
 * (`codeboom lsp --stdio`) or node IPC (from the VS Code client), finds the projects in every workspace
 * folder, keeps their indexes current and answers each feature by asking the engine.
 */
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { languageOf, type Language } from '../engine/messages';
import { words } from '../engine/messages';
import { CODEBOOK_FILE, readText } from '../node/projectFiles';
import { mark } from '../node/timing';
import { VERSION } from '../version';
import { notification, type ServerContext } from './context';
import { pathToUri, uriToPath } from './convert';
import { registerAgreement } from './features/agreement';
import { registerCodeActions } from './features/codeActions';
import { registerCodeLens } from './features/codeLens';
import { registerCompletion } from './features/completion';
import { registerCooccurrence } from './features/cooccurrence';
import { registerCustomRequests } from './features/customRequests';
import { DiagnosticsPublisher } from './features/diagnostics';
import { registerExports } from './features/exports';
import { registerFolding } from './features/folding';
import { registerHover } from './features/hover';
import { registerNavigation } from './features/navigation';
import { registerRename } from './features/rename';
import { registerSymbols } from './features/symbols';
import { registerTranscriptImport } from './features/transcriptImport';
import { IndexChangedNotification, ServerCommands } from './protocol';
import { findProjectRoots, Workspace, type Project } from './workspace';


/** Documents larger than this are re-indexed a moment after the last keystroke rather than at once. */
const LARGE_DOCUMENT = 1_000_000;

/** What the program around the server may ask it. */
export interface RunningServer {
  /** The user's language, as the client said at initialisation (English before). */
  language(): Language;
}

export function startServer(connection: Connection): RunningServer {
  const documents = new TextDocuments(TextDocument);
  let locale = 'en';
  /** `codebook` (labels follow project.language) or a language the client chose for labels. */
  let labelChoice = 'codebook';
  let folders: string[] = [];
  let canReportProgress = false;
  let canWatchFiles = false;
  let hasWorkspaceFolders = false;
  let ready: Promise<void> = Promise.resolve();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  const workspace = new Workspace((file) => documents.get(pathToUri(file))?.getText());
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
      const file = uriToPath(uri);
      return file ? workspace.locate(file) : undefined;
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

  /** Brings the index up to date with an open document's text. */
  function apply(uri: string): void {
    const file = uriToPath(uri);
    const doc = documents.get(uri);
    if (!file || !doc) return;
    const place = workspace.locate(file);
    if (!place) return;
    if (place.kind === 'codebook') {
      if (place.project.updateCodebook(doc.getText())) ctx.changed(place.project, 'all');
      else publisher.publishCodebook(place.project);
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
        apply(uri);
      }, size > LARGE_DOCUMENT ? 300 : 0),
    );
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as { language?: string; labelLanguage?: string };
    locale = options.language ?? params.locale ?? 'en';
    labelChoice = labelChoiceOf(options.labelLanguage);
    folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((f): f is string => f !== undefined);
    if (folders.length === 0 && params.rootUri) {
      const root = uriToPath(params.rootUri);
      if (root) folders = [root];
    }
    canReportProgress = params.capabilities.window?.workDoneProgress === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
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

  async function indexFolders(roots: string[]): Promise<void> {
    const projects = roots.flatMap(findProjectRoots).map((root) => workspace.addProject(root));
    if (projects.length === 0) return;
    const lang = languageOf(locale);
    // Indexing does not wait for the client to grant the progress token: the reports follow once it has, and
    // the end once both are done.
    const progress = canReportProgress ? connection.window.createWorkDoneProgress().catch(() => undefined) : Promise.resolve(undefined);
    void progress.then((p) => p?.begin(words(lang, 'indexing'), 0, undefined, false));
    for (const project of projects) {
      await project.loadAllAsync((done, total) => {
        void progress.then((p) => p?.report(Math.round((done / Math.max(total, 1)) * 100), words(lang, 'indexingProgress', { done, total })));
      });
      ctx.changed(project, 'all');
    }
    (await progress)?.done();
  }

  connection.onInitialized(() => {
    if (canWatchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/${CODEBOOK_FILE}` }, { globPattern: '**/*.{txt,md,text}' }],
      });
    }
    // Only clients that declare workspace folders may be asked for their changes; the library throws otherwise.
    if (hasWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const removed of event.removed) {
          const folder = uriToPath(removed.uri);
          if (!folder) continue;
          for (const p of workspace.projectsUnder(folder)) {
            workspace.closeProject(p.root);
            publisher.clearProject(p.rootUri);
          }
        }
        const added = event.added.map((f) => uriToPath(f.uri)).filter((f): f is string => f !== undefined);
        ready = ready.then(() => indexFolders(added));
      });
    }
    mark('server indexing');
    ready = indexFolders(folders).then(() => mark('server indexing done')).catch((e) => connection.console.error(`Indexing failed: ${e instanceof Error ? e.stack : String(e)}`));
  });

  // The client sends `codeboom.labelLanguage` when it changes: every project's labels change with it.
  connection.onDidChangeConfiguration((params) => {
    const settings = (params.settings ?? {}) as { codeboom?: { labelLanguage?: string } };
    const next = labelChoiceOf(settings.codeboom?.labelLanguage);
    if (next === labelChoice) return;
    labelChoice = next;
    for (const project of workspace.all()) void connection.sendNotification(IndexChangedNotification.type, { project: project.rootUri, revision: project.index.revision });
  });

  documents.onDidChangeContent((event) => schedule(event.document.uri));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    const timer = pending.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    pending.delete(uri);
    const file = uriToPath(uri);
    const place = file ? workspace.locate(file) : undefined;
    if (!place) return;
    // Unsaved changes are gone with the editor: the file on disk is the truth again.
    if (place.kind === 'transcript') {
      place.project.index.release(place.id);
      place.project.loadFile(place.id);
      ctx.changed(place.project, [place.id]);
    } else if (place.kind === 'codebook') {
      reloadCodebookFromDisk(place.project);
    }
  });

  function reloadCodebookFromDisk(project: Project): void {
    const read = readText(path.join(project.root, CODEBOOK_FILE), CODEBOOK_FILE);
    if (!read.ok) {
      project.codebookUnreadable(read.problem);
      publisher.publishCodebook(project);
      return;
    }
    if (project.updateCodebook(read.text)) ctx.changed(project, 'all');
    else publisher.publishCodebook(project);
  }

  connection.onDidChangeWatchedFiles((params) =>
    notification(ctx, 'watched files', async () => {
      await ready;
      for (const change of params.changes) {
        const file = uriToPath(change.uri);
        if (!file) continue;
        // A codebook that comes or goes makes or ends a project, also while it is open in an editor.
        if (path.basename(file) === CODEBOOK_FILE) {
          const root = path.dirname(file);
          const known = workspace.all().find((p) => p.root === root);
          if (change.type === FileChangeType.Deleted) {
            if (known) {
              workspace.closeProject(root);
              publisher.clearProject(known.rootUri);
              // Tells the client the project is gone: its revision no longer exists.
              void connection.sendNotification(IndexChangedNotification.type, { project: known.rootUri, revision: -1 });
            }
          } else if (!known) {
            if (folders.some((f) => root === f || root.startsWith(f + path.sep))) await indexFolders([root]);
          } else if (!documents.get(change.uri)) {
            reloadCodebookFromDisk(known);
          }
          continue;
        }
        // Open documents follow their editor, except that a deleted file is no transcript any more even while
        // an editor still holds its text (typing in it again brings it back).
        if (documents.get(change.uri) && change.type !== FileChangeType.Deleted) continue;
        const place = workspace.locate(file);
        if (!place || place.kind === 'codebook') continue;
        if (place.kind === 'other') {
          // A text file the patterns leave out: it may be one the no-transcripts warning should name.
          place.project.filesChanged();
          if (place.project.empty) publisher.publishCodebook(place.project);
        }
        if (change.type === FileChangeType.Deleted) {
          if (place.project.remove(place.id)) ctx.changed(place.project, [place.id]);
          publisher.clear(change.uri);
        } else if (place.kind === 'transcript') {
          place.project.loadFile(place.id);
          ctx.changed(place.project, [place.id]);
        }
      }
    }),
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
  registerAgreement(features);
  registerTranscriptImport(features);

  documents.listen(connection);
  connection.listen();
  return { language: () => languageOf(locale) };
}

/** The label language a client asked for: `nl`, `en` or any language tag, else `codebook`. */
function labelChoiceOf(value: unknown): string {
  return typeof value === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(value) ? value : 'codebook';
}

export interface Features {
  ctx: ServerContext;
  /** Resolves when the initial indexing is done. */
  ready(): Promise<void>;
}
