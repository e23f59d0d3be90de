/**
 * A project on disk for the command line: finding the folder of its codebook from where a command runs,
 * and loading it with the one loader (engine/project/projectLoader.ts) over the Node host. Files that
 * cannot be read as UTF-8 text are reported, not fatal.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { emptyCodebook, parseCodebook } from '../engine/codebook/codebook';
import { CODEBOOK_FILE } from '../engine/project/projectFiles';
import { loadProject as loadWithHost, pickTranscripts, type CodebookRead, type LoadedProject as HostLoadedProject, type LoadOptions } from '../engine/project/projectLoader';
import type { ProjectSettings } from '../engine/project/settings';
import { decodeText, unreadableProblem } from '../engine/text/fileText';
import { failureDetail } from '../engine/host/projectHost';
import { NodeHost, pathToUri } from './nodeHost';

export { CODEBOOK_FILE };

/** A problem that stops a command: one sentence for the user. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

/**
 * The folder of the project that holds `start`: the nearest folder, from `start` upwards, with a
 * codebook.yaml. A missing folder or a tree without a codebook is a UserError.
 */
export function findProjectRoot(start: string): string {
  const absolute = path.resolve(start);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch {
    throw new UserError(`There is no folder ${start}: give the folder of a project (the one with ${CODEBOOK_FILE}).`);
  }
  let dir = stat.isDirectory() ? absolute : path.dirname(absolute);
  for (;;) {
    if (fs.existsSync(path.join(dir, CODEBOOK_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new UserError(
    `No ${CODEBOOK_FILE} in ${start} or any folder above it: run the command in a project folder, or create a codebook (see the README).`,
  );
}

/** A project loaded from a folder on disk. */
export interface LoadedProject extends HostLoadedProject {
  /** The project's folder. */
  root: string;
}

/** Reads a project's codebook and every transcript from the folder `root` into a fresh index. */
export async function loadProject(root: string, options: LoadOptions = {}): Promise<LoadedProject> {
  const loaded = await loadWithHost(new NodeHost(), pathToUri(root), options);
  return { ...loaded, root };
}

/** The codebook in the folder `root`, read at once (for coders' versions, which are read synchronously). */
export function readCodebookNow(root: string, host = new NodeHost()): CodebookRead {
  let read;
  try {
    read = decodeText(host.readFileNow(pathToUri(path.join(root, CODEBOOK_FILE))), CODEBOOK_FILE, host.isUtf8);
  } catch (e) {
    read = { ok: false as const, problem: unreadableProblem(CODEBOOK_FILE, failureDetail(e)) };
  }
  // A transcript that cannot be read is skipped with a warning; without its codebook nothing can be checked.
  if (!read.ok) return { codebook: emptyCodebook(), problem: { ...read.problem, severity: 'error' } };
  return { codebook: parseCodebook(read.text) };
}

/** The transcripts of the project in the folder `root`, relative to it with `/`, sorted; listed at once. */
export function listTranscriptsNow(root: string, settings: Pick<ProjectSettings, 'transcripts' | 'exclude'>, host = new NodeHost()): string[] {
  const listing = host.listFilesNow(pathToUri(root));
  return pickTranscripts(listing.files, listing.unreadable, settings).transcripts;
}
