/**
 * Opening the project a command works on, with progress on a terminal and one clear sentence when the
 * folder, the codebook or its YAML is not usable.
 */
import * as path from 'node:path';
import { diagnosticMessage, type Language } from '../engine/messages';
import { CODEBOOK_FILE, findProjectRoot, loadProject, UserError, type LoadedProject } from '../node/projectFiles';
import { progress, type CliContext } from './cliContext';

export interface OpenOptions {
  /** Fail when the codebook cannot be used (commands that report on codes); `check` lists it instead. */
  requireCodebook: boolean;
  language: Language;
}

export function openProject(ctx: CliContext, dir: string | undefined, options: OpenOptions): LoadedProject {
  const root = findProjectRoot(path.resolve(ctx.cwd, dir ?? '.'));
  const bar = progress(ctx, 'Reading transcripts');
  const project = loadProject(root, { onProgress: bar.update });
  bar.done();
  const codebook = project.index.codebook;
  if (options.requireCodebook) {
    const readProblem = project.fileProblems.find((p) => p.file === CODEBOOK_FILE && p.problem.code.startsWith('file.'));
    if (readProblem) throw new UserError(diagnosticMessage(readProblem.problem, options.language));
    if (!codebook.parsed) {
      const d = codebook.diagnostics[0];
      const where = d ? project.index.codebook.text.slice(0, d.span.start).split(/\r\n|\r|\n/) : [''];
      const line = where.length;
      const column = where[where.length - 1].length + 1;
      throw new UserError(
        `${relative(ctx, path.join(root, CODEBOOK_FILE))}:${line}:${column}: ${d ? diagnosticMessage(d, options.language) : 'codebook.yaml could not be read.'} Run 'codeboom check' to see every problem.`,
      );
    }
  }
  for (const { problem } of project.fileProblems) {
    if (problem.code.startsWith('file.') || problem.code.startsWith('project.')) ctx.stderr(`${problem.severity}: ${diagnosticMessage(problem, options.language)}\n`);
  }
  return project;
}

/** A path as the user would type it from where the command runs. */
export function relative(ctx: CliContext, file: string): string {
  const rel = path.relative(ctx.cwd, file);
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}
