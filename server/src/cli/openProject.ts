/**
 * Opening the project a command works on, with progress on a terminal and one clear sentence when the
 * folder, the codebook or its YAML is not usable.
 */
import * as path from 'node:path';
import { DiagnosticCodes } from '../engine/diagnostics';
import { diagnosticMessage, type Language } from '../engine/messages';
import { CodebookHasErrors, requireNoErrors } from '../node/codebookErrors';
import { CODEBOOK_FILE, findProjectRoot, loadProject, UserError, type LoadedProject } from '../node/projectFiles';
import { progress, type CliContext } from './cliContext';
import { cliWords } from './cliWords';
import { findingLine, findingsOf } from './findings';

export interface OpenOptions {
  /**
   * Commands that report on codes: refuse a codebook with errors (listing them, exit status 1), and count
   * the tags left out because their code is unknown. `check` lists every problem instead.
   */
  requireCodebook: boolean;
  language: Language;
  /** The command lists the files it skipped itself (`check`), so they are not also said on stderr. */
  listsFileProblems?: boolean;
}

export async function openProject(ctx: CliContext, dir: string | undefined, options: OpenOptions): Promise<LoadedProject> {
  const root = findProjectRoot(path.resolve(ctx.cwd, dir ?? '.'));
  const bar = progress(ctx, 'Reading transcripts');
  const project = await loadProject(root, { onProgress: bar.update });
  bar.done();
  if (options.requireCodebook) {
    const readProblem = project.fileProblems.find((p) => p.file === CODEBOOK_FILE && p.problem.code.startsWith('file.'))?.problem;
    withCodebookErrorsListed(ctx, options.language, () => requireNoErrors(project.index.codebook, path.join(root, CODEBOOK_FILE), readProblem));
  }
  // `check` lists these with every other problem; other commands say them on stderr.
  for (const { problem } of options.listsFileProblems ? [] : project.fileProblems) {
    if (problem.code.startsWith('file.') || problem.code.startsWith('project.')) {
      ctx.stderr(`${problem.severity}: ${diagnosticMessage(problem, options.language, 'command-line')}\n`);
    }
  }
  if (options.requireCodebook) {
    let unknown = 0;
    for (const doc of project.index.documents()) for (const d of doc.resolved.diagnostics) if (d.code === DiagnosticCodes.codeUnknown) unknown++;
    if (unknown > 0) ctx.stderr(`warning: ${cliWords(options.language).unknownTagsLeftOut(unknown)}\n`);
  }
  return project;
}

/**
 * Runs `load`; when it refuses a codebook with errors, lists them on stderr as `check` does and ends the
 * command with one sentence and exit status 1.
 */
export function withCodebookErrorsListed<T>(ctx: CliContext, language: Language, load: () => T): T {
  try {
    return load();
  } catch (e) {
    if (!(e instanceof CodebookHasErrors)) throw e;
    const shown = path.isAbsolute(e.file) ? relative(ctx, e.file) : e.file;
    for (const f of findingsOf(shown, e.text, e.errors, language)) ctx.stderr(findingLine(f) + '\n');
    throw new UserError(cliWords(language).codebookHasErrors(e.errors.length, e.owner), 1);
  }
}

/** A path as the user would type it from where the command runs. */
export function relative(ctx: CliContext, file: string): string {
  const rel = path.relative(ctx.cwd, file);
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}
