/**
 * Diagnostics for transcripts (open or not) and for codebook.yaml, published after every change with
 * the engine's stable codes; stale ones are cleared. A transcript that could not be read gets the
 * problem the command line prints for it, at its start.
 */
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { capDiagnostics } from '../../engine/diagnosticLimit';
import { computeLineStarts } from '../../engine/text/positions';
import type { ServerContext } from '../context';
import { toLspDiagnostic } from '../convert';
import type { Project } from '../workspace';

export class DiagnosticsPublisher {
  /** URIs that have diagnostics on the client, to clear them when they go. */
  private readonly shown = new Set<string>();
  /** Whether each project had no transcript when its codebook's problems were last sent. */
  private readonly wasEmpty = new WeakMap<Project, boolean>();

  constructor(private readonly ctx: Pick<ServerContext, 'connection' | 'language'>) {}

  publishDocument(project: Project, id: string): void {
    const uri = project.uriOf(id);
    const doc = project.index.get(id);
    const language = this.ctx.language();
    if (!doc) {
      const problem = project.problemOf(id);
      this.send(uri, problem ? [toLspDiagnostic(problem, [0], language)] : []);
      return;
    }
    // At most a thousand and one per document, so that a transcript with a flood of problems leaves the editor usable.
    this.send(uri, doc.resolved.diagnostics.map((d) => toLspDiagnostic(d, doc.digest.lineStarts, language)));
  }

  publishCodebook(project: Project): void {
    // The problems of the text as it is now, even when the index keeps using the last good codebook.
    const current = project.current;
    const positions = project.codebookPositions();
    const lines = current.text === positions.text ? positions.lineStarts : computeLineStarts(current.text);
    const language = this.ctx.language();
    const problems = [...current.diagnostics, ...project.projectProblems()];
    this.wasEmpty.set(project, project.empty);
    this.send(project.codebookUri, capDiagnostics(problems).map((d) => toLspDiagnostic(d, lines, language)));
  }

  /** Sends the codebook's problems again when the project gained its first transcript or lost its last. */
  publishWhetherEmpty(project: Project): void {
    if (this.wasEmpty.get(project) !== project.empty) this.publishCodebook(project);
  }

  publishProject(project: Project): void {
    this.publishCodebook(project);
    const prefix = project.rootUri.endsWith('/') ? project.rootUri : `${project.rootUri}/`;
    const live = new Set<string>();
    for (const doc of project.index.documents()) {
      const uri = project.uriOf(doc.id);
      live.add(uri);
      if (doc.resolved.diagnostics.length > 0 || this.shown.has(uri)) this.publishDocument(project, doc.id);
    }
    for (const id of project.unreadableFiles()) {
      live.add(project.uriOf(id));
      this.publishDocument(project, id);
    }
    for (const uri of [...this.shown]) {
      if (uri.startsWith(prefix) && uri !== project.codebookUri && !live.has(uri)) this.send(uri, []);
    }
  }

  /** Clears every diagnostic under a project that went away. */
  clearProject(rootUri: string): void {
    const prefix = rootUri.endsWith('/') ? rootUri : `${rootUri}/`;
    for (const uri of [...this.shown]) if (uri.startsWith(prefix)) this.send(uri, []);
  }

  clear(uri: string): void {
    if (this.shown.has(uri)) this.send(uri, []);
  }

  private send(uri: string, diagnostics: LspDiagnostic[]): void {
    if (diagnostics.length === 0 && !this.shown.has(uri)) return;
    if (diagnostics.length > 0) this.shown.add(uri);
    else this.shown.delete(uri);
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics });
  }
}
