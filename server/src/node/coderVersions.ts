/**
 * Coders' versions of a project for inter-coder agreement, read from a folder or from a git revision.
 * Each transcript is read once and reduced to its words and segments; its bytes are read again only to
 * quote a disagreement.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isUtf8 } from 'node:buffer';
import type { CoderVersion } from '../engine/agreement/agreement';
import { codedText, type CodedText } from '../engine/agreement/codedText';
import { parseCodebook } from '../engine/codebook/codebook';
import { requireNoErrors } from './codebookErrors';
import type { Diagnostic } from '../engine/diagnostics';
import { HostRefusal, type CoderVersions } from '../engine/host/projectHost';
import { readTranscriptNow } from '../engine/project/projectLoader';
import { transcriptMatcher } from '../engine/project/settings';
import { textProblem } from '../engine/text/fileText';
import { bomLength, stripBom } from '../engine/text/positions';
import { NodeHost, pathToUri, uriToPath } from './nodeHost';
import { CODEBOOK_FILE, findProjectRoot, listTranscriptsNow, readCodebookNow, UserError } from './projectFiles';

export interface LoadedVersion {
  version: CoderVersion;
  /** Files that were skipped (binary, not UTF-8, unreadable). */
  problems: { file: string; problem: Diagnostic }[];
  /** For a version in a folder: the project's folder (with its codebook) and the folder its transcript ids are relative to. */
  root?: string;
  folder?: string;
}

export interface VersionLoadOptions {
  onProgress?: (done: number, total: number) => void;
  /** The folder as the user wrote it, for messages. */
  display?: string;
}

/**
 * A coder's copy of the project in a folder. The folder is the project (it has codebook.yaml) or a
 * folder of transcripts inside one; transcripts are matched by their path below the folder.
 */
export function versionFromFolder(dir: string, name: string, options: VersionLoadOptions = {}): LoadedVersion {
  const folder = path.resolve(dir);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new UserError(`There is no folder ${options.display ?? dir}: give the folder of each coder's copy of the project.`);
  }
  const root = fs.existsSync(path.join(folder, CODEBOOK_FILE)) ? folder : findProjectRoot(folder);
  const host = new NodeHost();
  const { codebook, problem } = readCodebookNow(root, host);
  requireNoErrors(codebook, path.join(root, CODEBOOK_FILE), problem, name);
  const below = path.relative(root, folder).split(path.sep).join('/');
  const prefix = below === '' ? '' : below + '/';
  const files = listTranscriptsNow(root, codebook.settings, host)
    .filter((rel) => rel.startsWith(prefix))
    .map((rel) => rel.slice(prefix.length));
  const texts = new Map<string, CodedText>();
  const problems: LoadedVersion['problems'] = [];
  const readNow = (id: string) => readTranscriptNow(host, pathToUri(path.join(folder, ...id.split('/'))), id)!;
  files.forEach((id, i) => {
    const read = readNow(id);
    if (read.ok) texts.set(id, codedText(id, read.bytes, codebook));
    else problems.push({ file: id, problem: read.problem });
    options.onProgress?.(i + 1, files.length);
  });
  // A copy of each quoted file, since the host reuses its buffer.
  const read = (id: string): Uint8Array | undefined => {
    const r = readNow(id);
    return r.ok ? new Uint8Array(r.bytes) : undefined;
  };
  return { version: { name, codebook, texts, read }, problems, root, folder };
}

/**
 * A coder's version as committed in a git revision (a branch, tag or commit) of the repository that
 * holds the project at `projectDir`. Uncommitted changes are not part of it.
 */
export function versionFromRevision(projectDir: string, revision: string, options: VersionLoadOptions = {}): LoadedVersion {
  const root = findProjectRoot(projectDir);
  const top = git(root, ['rev-parse', '--show-toplevel'], `${projectDir} is not in a git repository: --rev reads coders' versions from git; give their folders instead.`)
    .toString('utf8')
    .trim();
  const below = path.relative(fs.realpathSync(top), fs.realpathSync(root)).split(path.sep).join('/');
  const prefix = below === '' ? '' : below + '/';
  if (revision.startsWith('-')) throw new UserError(`'${revision}' is not a branch, tag or commit: give one such as main or coder-b.`);
  const commit = git(
    top,
    ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`],
    `'${revision}' is not a branch, tag or commit of this repository: 'git branch -a' lists the branches.`,
  )
    .toString('utf8')
    .trim();
  const codebookText = git(
    top,
    ['cat-file', 'blob', `${commit}:${prefix}${CODEBOOK_FILE}`],
    `${revision} has no ${prefix}${CODEBOOK_FILE}: was the project committed on that branch?`,
  );
  const codebook = parseCodebook(decode(codebookText) ?? '');
  requireNoErrors(codebook, `${revision}:${prefix}${CODEBOOK_FILE}`, undefined, revision);

  // Paths and sizes of every file below the project in that revision.
  const listing = git(top, ['ls-tree', '-r', '-z', '-l', '--full-tree', commit, '--', prefix === '' ? '.' : prefix], `Could not list the files of ${revision}.`)
    .toString('utf8')
    .split('\0')
    .filter(Boolean);
  const isTranscript = transcriptMatcher(codebook.settings);
  const wanted: { id: string; size: number }[] = [];
  for (const entry of listing) {
    const tab = entry.indexOf('\t');
    const [, type, , size] = entry.slice(0, tab).split(/\s+/);
    const full = entry.slice(tab + 1);
    if (type !== 'blob' || !full.startsWith(prefix) || full.includes('\n')) continue;
    const id = full.slice(prefix.length);
    if (isTranscript(id)) wanted.push({ id, size: Number(size) });
  }
  wanted.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // Every blob in one `git cat-file --batch`: "<oid> blob <size>\n<bytes>\n" each.
  const total = wanted.reduce((n, w) => n + w.size + 64, 0);
  const run = spawnSync('git', ['cat-file', '--batch'], {
    cwd: top,
    input: wanted.map((w) => `${commit}:${prefix}${w.id}\n`).join(''),
    maxBuffer: total + (1 << 20),
  });
  if (run.status !== 0 || !run.stdout) throw new UserError(`Could not read the transcripts of ${revision} from git.`);
  const out = run.stdout;
  const blobs = new Map<string, Uint8Array>();
  const texts = new Map<string, CodedText>();
  const problems: LoadedVersion['problems'] = [];
  let at = 0;
  wanted.forEach(({ id }, i) => {
    const eol = out.indexOf(0x0a, at);
    const header = out.subarray(at, eol).toString('utf8').split(' ');
    at = eol + 1;
    if (header[1] !== 'blob') return;
    const size = Number(header[2]);
    let bytes: Uint8Array = out.subarray(at, at + size);
    at += size + 1;
    const problem = textProblem(bytes, id, isUtf8);
    if (problem) {
      problems.push({ file: id, problem });
      return;
    }
    bytes = bytes.subarray(bomLength(bytes));
    blobs.set(id, bytes);
    texts.set(id, codedText(id, bytes, codebook));
    options.onProgress?.(i + 1, wanted.length);
  });
  return { version: { name: revision, codebook, texts, read: (id) => blobs.get(id) }, problems };
}

function git(cwd: string, args: string[], failure: string): Buffer {
  const run = spawnSync('git', args, { cwd, maxBuffer: 256 * 1024 * 1024 });
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? 'git is not installed or not on the PATH: install it to use --rev, or give folders instead.' : failure);
  }
  if (run.status !== 0) throw new UserError(failure);
  return run.stdout;
}

function decode(bytes: Buffer): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  return stripBom(bytes.toString('utf8')).text;
}

/** Coders' versions for the language server's agreement feature, which only the Node host can read. */
export const nodeCoderVersions: CoderVersions = {
  fromProject: (rootUri) => refusing(() => versionFromFolder(folderOf(rootUri), path.basename(folderOf(rootUri)))),
  fromFolder: (folder) => refusing(() => versionFromFolder(folder, path.basename(folder))),
  fromRevision: (rootUri, revision) => refusing(() => versionFromRevision(folderOf(rootUri), revision)),
};

function folderOf(rootUri: string): string {
  const root = uriToPath(rootUri);
  if (root === undefined) throw new UserError(`${rootUri} is not a folder on disk: agreement reads coders' versions from folders and git.`);
  return root;
}

/** A UserError as the host's refusal, with the same sentence. */
function refusing<T>(load: () => T): T {
  try {
    return load();
  } catch (e) {
    if (e instanceof UserError) throw new HostRefusal(e.message);
    throw e;
  }
}
