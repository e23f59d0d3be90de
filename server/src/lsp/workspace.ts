/**
 * The server's view of the workspace: the projects (folders with codebook.yaml) in every workspace
 * folder, each with its index, kept current from open documents (their unsaved text) and from the disk
 * (watched-file events). A codebook that does not parse, or has errors, is reported but the last good
 * one stays in use until it is fixed. Files are read by the command line's loader (projectFiles.ts); a
 * transcript it cannot read (binary, not UTF-8, unreadable) is kept with its problem, which the editor shows
 * on that file as `check` prints it, until the file can be read or goes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCodebook, type Codebook } from '../engine/codebook/codebook';
import { transcriptMatcher } from '../engine/project/settings';
import { ProjectIndex } from '../engine/project/projectIndex';
import { TextPositions } from '../engine/text/positions';
import type { Diagnostic } from '../engine/diagnostics';
import { CODEBOOK_FILE, encodeWithBuffer, FileReader, listTranscripts, noTranscriptsProblem, readText, transcriptLookalikes, type TranscriptLookalikes } from '../node/projectFiles';
import { pathToUri } from './convert';

export class Project {
  readonly rootUri: string;
  readonly codebookUri: string;
  readonly index: ProjectIndex;
  /** The codebook as last read (maybe broken); the index holds the last good one. */
  current: Codebook;
  /** true once every transcript has been read from disk. */
  private loaded = false;
  /** Files that look like transcripts, while the project has none, for the patterns in `key`. */
  private lookalikes: { key: string; found: TranscriptLookalikes } | undefined;
  private matcher: (id: string) => boolean;
  private positions: TextPositions | undefined;
  /** Transcripts that could not be read, with the reason. */
  private readonly unreadable = new Map<string, Diagnostic>();
  /** Why codebook.yaml could not be read from disk, while it cannot. */
  private codebookReadProblem: Diagnostic | undefined;

  constructor(
    readonly root: string,
    codebook: Codebook,
    readonly openText: (id: string) => string | undefined,
    codebookProblem?: Diagnostic,
  ) {
    if (codebookProblem) this.codebookUnreadable(codebookProblem);
    this.rootUri = pathToUri(root);
    this.codebookUri = pathToUri(path.join(root, CODEBOOK_FILE));
    this.current = codebook;
    this.index = new ProjectIndex(codebook, {
      encode: encodeWithBuffer,
      readText: (id) => {
        const open = openText(id);
        if (open !== undefined) return open;
        const read = readText(path.join(root, id), id);
        return read.ok ? read.text : undefined;
      },
    });
    this.matcher = transcriptMatcher(codebook.settings);
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
    return pathToUri(path.join(this.root, ...id.split('/')));
  }

  /** Positions in the codebook the index uses. */
  codebookPositions(): TextPositions {
    if (!this.positions || this.positions.text !== this.codebook.text) this.positions = new TextPositions(this.codebook.text);
    return this.positions;
  }

  /**
   * Takes a new text of codebook.yaml. It is used when it has no errors (or when there is no good one
   * yet); returns whether the index changed.
   */
  updateCodebook(text: string): boolean {
    this.codebookReadProblem = undefined;
    const next = parseCodebook(text);
    this.current = next;
    const usable = next.parsed && !next.diagnostics.some((d) => d.severity === 'error');
    if (!usable && this.index.codebook.parsed) return false;
    const globsChanged =
      JSON.stringify([next.settings.transcripts, next.settings.exclude]) !==
      JSON.stringify([this.index.codebook.settings.transcripts, this.index.codebook.settings.exclude]);
    this.index.setCodebook(next);
    this.current = next;
    this.matcher = transcriptMatcher(next.settings);
    if (globsChanged) this.rescan();
    return true;
  }

  /** Reads every transcript from disk (those open in the editor from their text). */
  loadAll(onProgress?: (done: number, total: number) => void): void {
    const files = listTranscripts(this.root, this.codebook);
    const reader = new FileReader();
    files.forEach((id, i) => {
      this.loadFile(id, reader);
      onProgress?.(i + 1, files.length);
    });
    this.loaded = true;
  }

  /** Like loadAll, but yields to the event loop every few files so progress reaches the client. */
  async loadAllAsync(onProgress?: (done: number, total: number) => void, isCancelled?: () => boolean): Promise<void> {
    const files = listTranscripts(this.root, this.codebook);
    const reader = new FileReader();
    for (let i = 0; i < files.length; i++) {
      if (isCancelled?.()) return;
      this.loadFile(files[i], reader);
      if ((i + 1) % 64 === 0 || i + 1 === files.length) {
        onProgress?.(i + 1, files.length);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    this.loaded = true;
  }

  /** true when the project has been read and has no transcript at all. */
  get empty(): boolean {
    return this.loaded && this.index.size === 0;
  }

  /**
   * Problems of the project as a whole, shown on codebook.yaml: none, or that no file is a transcript.
   * The search for files that look like transcripts is kept until the patterns change or `filesChanged`,
   * as this is asked again at every keystroke in codebook.yaml.
   */
  projectProblems(): Diagnostic[] {
    if (this.codebookReadProblem) return [this.codebookReadProblem];
    if (!this.empty) return [];
    const settings = this.codebook.settings;
    const key = JSON.stringify([settings.transcripts, settings.exclude]);
    if (this.lookalikes?.key !== key) this.lookalikes = { key, found: transcriptLookalikes(this.root, settings) };
    return [noTranscriptsProblem(settings, this.current.text, this.lookalikes.found)];
  }

  /** codebook.yaml could not be read from disk: the last codebook stays in use, and the editor says why. */
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

  /** A transcript is gone (deleted, or no longer matched): drops it and its problem; true when the index changed. */
  remove(id: string): boolean {
    this.unreadable.delete(id);
    return this.index.delete(id);
  }

  /** Files that are not transcripts came or went: what looks like a transcript is searched for again. */
  filesChanged(): void {
    this.lookalikes = undefined;
  }

  /** After the transcript globs changed: adds files that now match, drops those that no longer do. */
  private rescan(): void {
    const files = new Set(listTranscripts(this.root, this.codebook));
    for (const doc of this.index.documents()) if (!files.has(doc.id) && !this.openText(doc.id)) this.index.delete(doc.id);
    for (const id of this.unreadable.keys()) if (!files.has(id)) this.unreadable.delete(id);
    const reader = new FileReader();
    for (const id of files) if (!this.index.has(id)) this.loadFile(id, reader);
  }

  /** Indexes one transcript from its open text or from disk; false when it cannot be read (its problem is kept). */
  loadFile(id: string, reader = new FileReader()): boolean {
    const open = this.openText(id);
    if (open !== undefined) {
      this.unreadable.delete(id);
      this.index.set(id, open);
      return true;
    }
    const read = reader.read(path.join(this.root, ...id.split('/')), id);
    if (!read.ok) {
      // A file that is gone (deleted while its editor was open) is no transcript, not an unreadable one.
      if (read.problem.args?.detail === 'ENOENT') this.unreadable.delete(id);
      else this.unreadable.set(id, read.problem);
      this.index.delete(id);
      return false;
    }
    this.unreadable.delete(id);
    this.index.setBytes(id, read.bytes);
    return true;
  }
}

export type Located =
  | { kind: 'transcript'; project: Project; id: string }
  | { kind: 'codebook'; project: Project }
  | { kind: 'other'; project: Project; id: string };

/** Finds the folders with a codebook.yaml below `folder` (not inside node_modules or hidden folders). */
export function findProjectRoots(folder: string): string[] {
  const roots: string[] = [];
  const walk = (dir: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.isFile() && e.name === CODEBOOK_FILE)) roots.push(dir);
    if (depth >= 8) return;
    for (const e of entries) {
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') walk(path.join(dir, e.name), depth + 1);
    }
  };
  walk(folder, 0);
  return roots;
}

export class Workspace {
  private readonly projects = new Map<string, Project>();

  constructor(private readonly openText: (file: string) => string | undefined) {}

  all(): Project[] {
    return [...this.projects.values()].sort((a, b) => a.root.localeCompare(b.root));
  }

  byRootUri(uri: string): Project | undefined {
    return this.all().find((p) => p.rootUri === uri);
  }

  /** Adds the project at `root` with its codebook; its transcripts are read by loadAll or loadAllAsync. */
  addProject(root: string): Project {
    const existing = this.projects.get(root);
    if (existing) return existing;
    const file = path.join(root, CODEBOOK_FILE);
    const read = readText(file, CODEBOOK_FILE);
    const open = this.openText(file);
    const text = open ?? (read.ok ? read.text : '');
    const problem = open === undefined && !read.ok ? read.problem : undefined;
    const project = new Project(root, parseCodebook(text), (id) => this.openText(path.join(root, ...id.split('/'))), problem);
    this.projects.set(root, project);
    return project;
  }

  closeProject(root: string): Project | undefined {
    const p = this.projects.get(root);
    this.projects.delete(root);
    return p;
  }

  /** Projects whose folder is inside `folder` (for a removed workspace folder). */
  projectsUnder(folder: string): Project[] {
    const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
    return this.all().filter((p) => p.root === folder || p.root.startsWith(prefix));
  }

  /** What a file is to the workspace: a transcript or the codebook of the innermost project around it. */
  locate(file: string): Located | undefined {
    let best: Project | undefined;
    for (const p of this.projects.values()) {
      const prefix = p.root.endsWith(path.sep) ? p.root : p.root + path.sep;
      if (file.startsWith(prefix) && (!best || p.root.length > best.root.length)) best = p;
    }
    if (!best) return undefined;
    const id = path.relative(best.root, file).split(path.sep).join('/');
    if (id === CODEBOOK_FILE) return { kind: 'codebook', project: best };
    return best.isTranscript(id) ? { kind: 'transcript', project: best, id } : { kind: 'other', project: best, id };
  }
}
