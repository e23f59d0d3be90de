/**
 * The server's view of the workspace: the projects (folders with codebook.yaml) in every workspace
 * folder, each with its index, kept current from open documents (their unsaved text) and from the files
 * (watched-file events). Everything is keyed by URI and read through the server's ProjectHost, so the
 * same workspace serves the disk, a browser's virtual file system and a test's memory. A codebook that
 * does not parse, or has errors, is reported but the last good one stays in use until it is fixed.
 * Transcripts are read by the command line's loader (engine/project/projectLoader.ts); one it cannot read
 * (binary, not UTF-8, unreadable) is kept with its problem, which the editor shows on that file as `check`
 * prints it, until the file can be read or goes.
 */
import { parseCodebook, type Codebook } from '../engine/codebook/codebook';
import type { Diagnostic } from '../engine/diagnostics';
import type { ProjectHost } from '../engine/host/projectHost';
import { baseName, joinUri, uriKey } from '../engine/host/uris';
import { CODEBOOK_FILE } from '../engine/project/projectFiles';
import { ProjectIndex } from '../engine/project/projectIndex';
import {
  listTranscripts,
  loadTranscripts,
  newProjectIndex,
  readCodebook,
  readTranscript,
  readTranscriptNow,
  TranscriptTexts,
  type LoadOptions,
} from '../engine/project/projectLoader';
import { transcriptMatcher } from '../engine/project/settings';
import { noTranscriptsProblem, transcriptLookalikes, type TranscriptLookalikes } from '../engine/project/transcriptLookalikes';
import { TextPositions } from '../engine/text/positions';

export class Project {
  readonly rootUri: string;
  /** The root's uriKey, to which documents' URIs are compared. */
  readonly rootKey: string;
  readonly codebookUri: string;
  readonly index: ProjectIndex;
  /** The codebook as last read (maybe broken); the index holds the last good one. */
  current: Codebook;
  /** true once every transcript has been read. */
  private loaded = false;
  /** Every file of the project (transcript or not), as last listed and kept up with watched-file events. */
  private files = new Set<string>();
  /** Whether files other than transcripts came or went since the project was last listed. */
  private filesStale = false;
  /** The transcript globs of the last listing, to tell when they changed. */
  private listedFor: string;
  /** Files that look like transcripts, while the project has none, for the patterns in `key`. */
  private lookalikes: { key: string; found: TranscriptLookalikes } | undefined;
  private matcher: (id: string) => boolean;
  private positions: TextPositions | undefined;
  /** Transcripts that could not be read, with the reason. */
  private readonly unreadable = new Map<string, Diagnostic>();
  /** Why codebook.yaml could not be read, while it cannot. */
  private codebookReadProblem: Diagnostic | undefined;
  private readonly texts: TranscriptTexts;

  constructor(
    readonly host: ProjectHost,
    rootUri: string,
    codebook: Codebook,
    readonly openText: (id: string) => string | undefined,
    codebookProblem?: Diagnostic,
  ) {
    if (codebookProblem) this.codebookUnreadable(codebookProblem);
    this.rootUri = rootUri.endsWith('/') ? rootUri.slice(0, -1) : rootUri;
    this.rootKey = uriKey(rootUri);
    this.codebookUri = joinUri(this.rootUri, CODEBOOK_FILE);
    this.current = codebook;
    this.texts = new TranscriptTexts(host, this.rootUri, openText);
    this.index = newProjectIndex(host, codebook, this.texts);
    this.matcher = transcriptMatcher(codebook.settings);
    this.listedFor = globsKey(codebook);
  }

  get codebook(): Codebook {
    return this.index.codebook;
  }

  /** true when the codebook as last read is in use (it has no errors). */
  get codebookOk(): boolean {
    return this.current === this.index.codebook;
  }

  isTranscript(id: string): boolean {
    return this.matcher(id);
  }

  uriOf(id: string): string {
    return joinUri(this.rootUri, id);
  }

  /** Positions in the codebook the index uses. */
  codebookPositions(): TextPositions {
    if (!this.positions || this.positions.text !== this.codebook.text) this.positions = new TextPositions(this.codebook.text);
    return this.positions;
  }

  /**
   * Takes a new text of codebook.yaml. It is used when it has no errors (or when there is no good one
   * yet); returns whether the index changed. When its transcript globs changed, `rescan` brings the
   * transcripts in line with them.
   */
  updateCodebook(text: string): boolean {
    this.codebookReadProblem = undefined;
    const next = parseCodebook(text);
    this.current = next;
    const usable = next.parsed && !next.diagnostics.some((d) => d.severity === 'error');
    if (!usable && this.index.codebook.parsed) return false;
    this.index.setCodebook(next);
    this.current = next;
    this.matcher = transcriptMatcher(next.settings);
    return true;
  }

  /** Reads every transcript (those open in the editor from their text). */
  async load(options: Pick<LoadOptions, 'onProgress' | 'signal' | 'pause'> = {}): Promise<void> {
    this.listedFor = globsKey(this.codebook);
    const loaded = await loadTranscripts(this.host, this.rootUri, this.index, this.texts, { ...options, openText: this.openText });
    this.files = new Set(loaded.files);
    this.filesStale = false;
    this.lookalikes = undefined;
    for (const { file, problem } of loaded.problems) this.unreadable.set(file, problem);
    this.loaded = loaded.complete;
  }

  /** true when the project has been read and has no transcript at all. */
  get empty(): boolean {
    return this.loaded && this.index.size === 0;
  }

  /**
   * Problems of the project as a whole, shown on codebook.yaml: none, or that no file is a transcript.
   * The search for files that look like transcripts is kept until the patterns or the files change, as
   * this is asked again at every keystroke in codebook.yaml.
   */
  projectProblems(): Diagnostic[] {
    if (this.codebookReadProblem) return [this.codebookReadProblem];
    if (!this.empty) return [];
    const settings = this.codebook.settings;
    const key = JSON.stringify([settings.transcripts, settings.exclude]);
    if (this.lookalikes?.key !== key) this.lookalikes = { key, found: transcriptLookalikes([...this.files], settings) };
    return [noTranscriptsProblem(settings, this.current.text, this.lookalikes.found)];
  }

  /** codebook.yaml could not be read: the last codebook stays in use, and the editor says why. */
  codebookUnreadable(problem: Diagnostic): void {
    // As the command line has it: without its codebook nothing can be checked.
    this.codebookReadProblem = { ...problem, severity: 'error' };
  }

  /** Why a transcript could not be read, while it cannot. */
  problemOf(id: string): Diagnostic | undefined {
    return this.unreadable.get(id);
  }

  /** Transcripts that could not be read. */
  unreadableFiles(): string[] {
    return [...this.unreadable.keys()];
  }

  /** A file is gone (deleted, or no longer matched): drops it and its problem; true when the index changed. */
  remove(id: string): boolean {
    this.unreadable.delete(id);
    this.texts.forget(id);
    this.files.delete(id);
    this.lookalikes = undefined;
    return this.index.delete(id);
  }

  /** A file that is not a transcript came or changed: what looks like a transcript is searched for again. */
  fileCame(id: string): void {
    this.files.add(id);
    this.filesStale = true;
    this.lookalikes = undefined;
  }

  /** Lists the project's files again when files came or went that the events do not name (word-processor files). */
  async relist(): Promise<void> {
    if (!this.filesStale) return;
    this.files = new Set((await this.host.listFiles(this.rootUri)).files);
    this.filesStale = false;
    this.lookalikes = undefined;
  }

  /**
   * After the transcript globs changed: adds the files that now match, drops those that no longer do.
   * Returns whether it did anything.
   */
  async rescan(): Promise<boolean> {
    const key = globsKey(this.codebook);
    if (key === this.listedFor) return false;
    this.listedFor = key;
    const listing = await listTranscripts(this.host, this.rootUri, this.codebook.settings);
    this.files = new Set(listing.files);
    this.filesStale = false;
    this.lookalikes = undefined;
    const wanted = new Set(listing.transcripts);
    for (const doc of this.index.documents()) if (!wanted.has(doc.id) && this.openText(doc.id) === undefined) this.remove(doc.id);
    for (const id of this.unreadable.keys()) if (!wanted.has(id)) this.unreadable.delete(id);
    for (const id of listing.transcripts) if (!this.index.has(id)) await this.loadFile(id);
    return true;
  }

  /** Indexes one transcript from its open text or from its file; false when it cannot be read (its problem is kept). */
  async loadFile(id: string): Promise<boolean> {
    this.files.add(id);
    const open = this.openText(id);
    if (open !== undefined) {
      this.unreadable.delete(id);
      this.index.set(id, open);
      return true;
    }
    const uri = this.uriOf(id);
    // Read and indexed with nothing in between: the host may reuse the buffer at its next read.
    const read = readTranscriptNow(this.host, uri, id) ?? (await readTranscript(this.host, uri, id));
    if (!read.ok) {
      // A file that is gone (deleted while its editor was open) is no transcript, not an unreadable one.
      if (read.gone) {
        this.unreadable.delete(id);
        this.files.delete(id);
      } else this.unreadable.set(id, read.problem);
      this.texts.forget(id);
      this.index.delete(id);
      return false;
    }
    this.unreadable.delete(id);
    this.index.setBytes(id, read.bytes);
    this.texts.keep(id, read.bytes);
    return true;
  }
}

function globsKey(codebook: Codebook): string {
  return JSON.stringify([codebook.settings.transcripts, codebook.settings.exclude]);
}

export type Located =
  | { kind: 'transcript'; project: Project; id: string }
  | { kind: 'codebook'; project: Project }
  | { kind: 'other'; project: Project; id: string };

/** How deep below a workspace folder projects are looked for. */
const PROJECT_DEPTH = 8;

/** The folders with a codebook.yaml in `folderUri` or below it (not inside node_modules or hidden folders). */
export async function findProjectRoots(host: ProjectHost, folderUri: string): Promise<string[]> {
  const listing = await host.listFiles(folderUri);
  const roots: string[] = [];
  for (const file of listing.files) {
    const parts = file.split('/');
    if (parts[parts.length - 1] !== CODEBOOK_FILE || parts.length - 1 > PROJECT_DEPTH) continue;
    if (parts.slice(0, -1).some((p) => p.startsWith('.'))) continue;
    roots.push(joinUri(folderUri, parts.slice(0, -1).join('/')));
  }
  return roots.sort();
}

export class Workspace {
  /** By the uriKey of their root. */
  private readonly projects = new Map<string, Project>();

  /** `openText` gives the text of a document open in the editor, by its URI. */
  constructor(
    readonly host: ProjectHost,
    private readonly openText: (uri: string) => string | undefined,
  ) {}

  all(): Project[] {
    return [...this.projects.values()].sort((a, b) => (a.rootKey < b.rootKey ? -1 : a.rootKey > b.rootKey ? 1 : 0));
  }

  byRootUri(uri: string): Project | undefined {
    return this.projects.get(uriKey(uri));
  }

  /** Adds the project at `rootUri` with its codebook; its transcripts are read by `load`. */
  async addProject(rootUri: string): Promise<Project> {
    const existing = this.byRootUri(rootUri);
    if (existing) return existing;
    const openText = (id: string) => this.openText(joinUri(rootUri, id));
    const { codebook, problem } = await readCodebook(this.host, rootUri, openText);
    // Another call may have added it while the codebook was read.
    const added = this.byRootUri(rootUri);
    if (added) return added;
    const project = new Project(this.host, rootUri, codebook, openText, problem);
    this.projects.set(project.rootKey, project);
    return project;
  }

  closeProject(rootUri: string): Project | undefined {
    const p = this.byRootUri(rootUri);
    if (p) this.projects.delete(p.rootKey);
    return p;
  }

  /** Projects whose folder is `folderUri` or inside it (for a removed workspace folder). */
  projectsUnder(folderUri: string): Project[] {
    const key = uriKey(folderUri);
    return this.all().filter((p) => p.rootKey === key || p.rootKey.startsWith(`${key}/`));
  }

  /** What a document is to the workspace: a transcript or the codebook of the innermost project around it. */
  locate(uri: string): Located | undefined {
    const key = uriKey(uri);
    let best: Project | undefined;
    for (const p of this.projects.values()) {
      if (key.startsWith(`${p.rootKey}/`) && (!best || p.rootKey.length > best.rootKey.length)) best = p;
    }
    if (!best) return undefined;
    const id = key.slice(best.rootKey.length + 1);
    if (id === CODEBOOK_FILE) return { kind: 'codebook', project: best };
    return best.isTranscript(id) ? { kind: 'transcript', project: best, id } : { kind: 'other', project: best, id };
  }
}

/** Whether a URI names a codebook file. */
export function isCodebookUri(uri: string): boolean {
  return baseName(uri) === CODEBOOK_FILE;
}
