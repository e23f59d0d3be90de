/**
 * Writing a command's result to `--out FILE`: never onto a file the project reads, and all or nothing.
 *
 * The target is refused when, after resolving `..` and symbolic links, it is a project's codebook.yaml,
 * one of its transcripts, a new file its transcript patterns would take in, or any other file the command
 * read. The content goes to a temporary file in the same folder first and is then
 * renamed into place, so an interrupted run never leaves half a file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Codebook } from '../engine/codebook/codebook';
import { languageOf } from '../engine/messages';
import { transcriptMatcher } from '../engine/project/settings';
import { CODEBOOK_FILE, UserError, type LoadedProject } from '../node/projectFiles';
import type { CliContext } from './cliContext';
import { cliWords } from './cliWords';

/** What the command read: the projects (folders with their codebook) and the files read from them. */
export interface ProjectInputs {
  projects: { root: string; codebook: Codebook }[];
  /** Absolute paths of the files read (the codebooks and transcripts). */
  files: string[];
}

export function inputsOf(project: LoadedProject): ProjectInputs {
  return {
    projects: [{ root: project.root, codebook: project.index.codebook }],
    files: [path.join(project.root, CODEBOOK_FILE), ...project.index.documents().map((d) => path.join(project.root, d.id))],
  };
}

export function joinInputs(all: readonly ProjectInputs[]): ProjectInputs {
  return { projects: all.flatMap((i) => i.projects), files: all.flatMap((i) => i.files) };
}

/** Writes `content` to `out` (relative to the command's folder) in one go, unless it is one of `inputs`. */
export function writeFileSafely(ctx: CliContext, out: string, content: string | Uint8Array, inputs: ProjectInputs): void {
  const w = cliWords(languageOf(ctx.locale));
  const target = path.resolve(ctx.cwd, out);
  const dir = path.dirname(target);
  let realDir: string;
  try {
    realDir = fs.realpathSync(dir);
    if (!fs.statSync(realDir).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new UserError(w.noOutFolder(out));
  }
  const problem = inputProblem(path.join(realDir, path.basename(target)), target, inputs);
  if (problem) throw new UserError(w[problem](out));

  const temp = path.join(realDir, `.${path.basename(target)}.${process.pid}.codeboom.tmp`);
  try {
    fs.writeFileSync(temp, content, { flag: 'wx' });
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw new UserError(w.couldNotWrite(out, (e as NodeJS.ErrnoException).code ?? String(e)));
  }
}

type InputProblem = 'outIsCodebook' | 'outIsTranscript' | 'outWouldBeTranscript' | 'outIsInput' | 'outIsFolder';

function inputProblem(inRealDir: string, target: string, inputs: ProjectInputs): InputProblem | undefined {
  let existing: fs.Stats | undefined;
  let real = inRealDir;
  // A link is resolved: writing through it would be writing to what it points at.
  try {
    existing = fs.statSync(target);
    real = fs.realpathSync(target);
  } catch {
    // A new file, or a link to nothing: the name in its real folder is what would be written.
  }
  if (existing?.isDirectory()) return 'outIsFolder';
  for (const { root, codebook } of inputs.projects) {
    let realRoot: string;
    try {
      realRoot = fs.realpathSync(root);
    } catch {
      continue;
    }
    for (const candidate of new Set([real, inRealDir])) {
      const rel = path.relative(realRoot, candidate);
      if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) continue;
      const relPath = rel.split(path.sep).join('/');
      if (relPath === CODEBOOK_FILE) return 'outIsCodebook';
      if (transcriptMatcher(codebook.settings)(relPath)) return existing ? 'outIsTranscript' : 'outWouldBeTranscript';
    }
  }
  const realInputs = new Set<string>();
  for (const file of inputs.files) {
    try {
      realInputs.add(fs.realpathSync(file));
    } catch {
      // A file that is gone no longer needs protecting.
    }
  }
  if (realInputs.has(real) || realInputs.has(inRealDir)) return 'outIsInput';
  return undefined;
}
