/**
 * The one way the engine's callers reach a project's files: an interface keyed by URI strings
 * (`file:///…`, `vscode-vfs://…`, `memfs:/…`), so that the same loader and language server run over the
 * disk (nodeHost.ts), over the editor's file system in a browser, and over a Map in tests (memoryHost.ts).
 *
 * It reads, stats and lists; it does not watch: changes come to the language server as LSP's
 * didChangeWatchedFiles, from a client that watches the globs of projectFiles.ts.
 *
 * Beyond the shape first drawn for it, a host may offer:
 * - `readFileNow`, a synchronous read, for hosts that have one (Node, memory). The loader uses it to read a
 *   thousand transcripts into one reused buffer (the cold index is measurably faster than with a promise
 *   and a fresh buffer per file), and an index uses it to read a closed transcript's words again when a
 *   feature needs them. A host without it (the browser's) makes the index keep each transcript's bytes.
 * - `encode` and `isUtf8`, the platform's fastest UTF-8 encoder and validator (Node's Buffer).
 * - `coderVersions`, other coders' copies of a project from folders or git revisions, which only a host
 *   with a disk and child processes can read; features that need it say so where a host lacks it.
 */
import type { CoderVersion } from '../agreement/agreement';
import type { Diagnostic } from '../diagnostics';

/** Why a file could not be read. `detail` is the system's word for it (`EACCES`, `ENOENT`, …). */
export type HostErrorCode = 'not-found' | 'unreadable' | 'is-folder';

export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    readonly detail: string,
    readonly uri: string,
  ) {
    super(`${detail}: ${uri}`);
  }
}

/** A host's refusal of something it cannot do, whose message is a sentence for the user. */
export class HostRefusal extends Error {}

/** The reason for the user in a failure of a host's read: the HostError's detail, or the error itself. */
export function failureDetail(e: unknown): string {
  return e instanceof HostError ? e.detail : e instanceof Error ? e.message : String(e);
}

export interface FileStat {
  kind: 'file' | 'folder';
  size: number;
  /** Milliseconds since 1970. */
  mtime: number;
}

export interface FileListing {
  /** Every file below the folder, relative to it with `/`, in no particular order; not in node_modules or .git. */
  files: string[];
  /** Folders below it (relative, with `/`; `.` for itself) that could not be read, with the reason. */
  unreadable: { path: string; detail: string }[];
}

export interface ProjectHost {
  /** A file's bytes. Rejects with a HostError. */
  readFile(uri: string): Promise<Uint8Array>;
  /** What is at `uri`, or undefined when nothing is. */
  stat(uri: string): Promise<FileStat | undefined>;
  /** Every file below a folder (the caller picks the transcripts among them). */
  listFiles(folderUri: string): Promise<FileListing>;
  /**
   * A file's bytes at once; throws a HostError. The bytes may be a view of a buffer the host reuses at its
   * next read: use them before reading again, and copy what must be kept.
   */
  readFileNow?(uri: string): Uint8Array;
  /** UTF-8 encoding for the index (Node's Buffer.from searches faster than a plain Uint8Array). */
  encode?(text: string): Uint8Array;
  /** Whether bytes are valid UTF-8 (a native check where the platform has one). */
  isUtf8?(bytes: Uint8Array): boolean;
  /** Other coders' versions of a project, where the host can read folders outside it and git. */
  coderVersions?: CoderVersions;
}

/** Coders' versions of a project for agreement: a version and the files of it that could not be read. */
export interface LoadedCoderVersion {
  version: CoderVersion;
  problems: { file: string; problem: Diagnostic }[];
}

export interface CoderVersions {
  /** The project at `rootUri` as a coder's version, named after its folder. Throws a HostRefusal with the reason. */
  fromProject(rootUri: string): LoadedCoderVersion;
  /** A coder's copy in a folder (a path as the user gave it). Throws a HostRefusal with the reason. */
  fromFolder(folder: string): LoadedCoderVersion;
  /** The project as committed in a git revision. Throws a HostRefusal with the reason. */
  fromRevision(rootUri: string, revision: string): LoadedCoderVersion;
}
