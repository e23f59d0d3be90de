/**
 * The loader of a project, for the command line and the language server alike: reads its codebook and
 * every transcript through a ProjectHost into an index, and says which files it could not use (binary,
 * not UTF-8, UTF-16, unreadable files and folders) and when no file is a transcript, as one list of
 * problems. Nothing is fatal: a file that cannot be read is left out with its problem.
 *
 * Transcripts are indexed from their bytes; their text is read again only when a feature needs it. Where
 * the host reads synchronously (`readFileNow`), each file is read into the host's reused buffer and
 * indexed before the next is read; elsewhere each file's bytes come by promise and are kept, since the
 * index cannot wait for a promise when it needs a closed transcript's words.
 */
import { emptyCodebook, parseCodebook, type Codebook } from '../codebook/codebook';
import type { Diagnostic } from '../diagnostics';
import { failureDetail, HostError, type ProjectHost } from '../host/projectHost';
import { joinUri } from '../host/uris';
import { decodeText, hasUtf8Bom, textProblem, unreadableProblem, type TextRead } from '../text/fileText';
import { CODEBOOK_FILE } from './projectFiles';
import { ProjectIndex } from './projectIndex';
import { transcriptMatcher, type ProjectSettings } from './settings';
import { noTranscriptsProblem, transcriptLookalikes } from './transcriptLookalikes';
import picomatch from 'picomatch';

/** A file (relative to the project, with `/`) that was left out or could not be used, and why. */
export interface FileProblem {
  file: string;
  problem: Diagnostic;
}

export interface LoadOptions {
  /** Called after each transcript, with how many of how many are done. */
  onProgress?: (done: number, total: number) => void;
  /** Stops loading between two transcripts once aborted; the result then says it is not complete. */
  signal?: { readonly aborted: boolean };
  /** Awaited every 64 transcripts, so that a server can answer messages and send progress while it loads. */
  pause?: () => Promise<void>;
  /** The text of a file open in an editor (by id), which is used instead of what is on disk. */
  openText?: (id: string) => string | undefined;
}

export interface LoadedProject {
  rootUri: string;
  index: ProjectIndex;
  /** Problems with reading the codebook, with files and folders that were skipped, and a project without transcripts. */
  fileProblems: FileProblem[];
  /** Transcripts that start with a byte-order mark. */
  withBom: Set<string>;
  /** Every file of the project, transcript or not (relative, with `/`), as listed when it was loaded. */
  files: string[];
  /** false when the signal stopped the loading before every transcript was read. */
  complete: boolean;
  /** Where the index reads a closed transcript's text. */
  texts: TranscriptTexts;
}

/** Reads the project at `rootUri` into a fresh index. */
export async function loadProject(host: ProjectHost, rootUri: string, options: LoadOptions = {}): Promise<LoadedProject> {
  const read = await readCodebook(host, rootUri, options.openText);
  const texts = new TranscriptTexts(host, rootUri, options.openText);
  const index = newProjectIndex(host, read.codebook, texts);
  const fileProblems: FileProblem[] = [];
  if (read.problem) fileProblems.push({ file: CODEBOOK_FILE, problem: read.problem });
  const loaded = await loadTranscripts(host, rootUri, index, texts, options);
  fileProblems.push(...loaded.folderProblems);
  // A folder that cannot be read is the reason, not patterns that match nothing.
  if (loaded.transcripts.length === 0 && loaded.folderProblems.length === 0) {
    const { settings, text } = read.codebook;
    fileProblems.push({ file: CODEBOOK_FILE, problem: noTranscriptsProblem(settings, text, transcriptLookalikes(loaded.files, settings)) });
  }
  fileProblems.push(...loaded.problems);
  return { rootUri, index, fileProblems, withBom: loaded.withBom, files: loaded.files, complete: loaded.complete, texts };
}

/** An empty index for a project, whose closed transcripts' text is read through `texts`. */
export function newProjectIndex(host: ProjectHost, codebook: Codebook, texts: TranscriptTexts): ProjectIndex {
  return new ProjectIndex(codebook, { encode: host.encode, readText: (id) => texts.text(id) });
}

export interface CodebookRead {
  codebook: Codebook;
  /** Why codebook.yaml could not be read (an error: without its codebook nothing can be checked). */
  problem?: Diagnostic;
}

/** The project's codebook: its open text in an editor, or else its file; an empty codebook when it cannot be read. */
export async function readCodebook(host: ProjectHost, rootUri: string, openText?: (id: string) => string | undefined): Promise<CodebookRead> {
  const open = openText?.(CODEBOOK_FILE);
  if (open !== undefined) return { codebook: parseCodebook(open) };
  const read = await readCodebookText(host, rootUri);
  if (!read.ok) return { codebook: emptyCodebook(), problem: read.problem };
  return { codebook: parseCodebook(read.text) };
}

/** The text of the project's codebook.yaml, or why it cannot be read (an error: without it nothing can be checked). */
export async function readCodebookText(host: ProjectHost, rootUri: string): Promise<TextRead> {
  let read: TextRead;
  try {
    read = decodeText(await host.readFile(joinUri(rootUri, CODEBOOK_FILE)), CODEBOOK_FILE, host.isUtf8);
  } catch (e) {
    read = { ok: false, problem: unreadableProblem(CODEBOOK_FILE, failureDetail(e)) };
  }
  return read.ok ? read : { ok: false, problem: { ...read.problem, severity: 'error' } };
}

export interface TranscriptListing {
  /** Every file of the project. */
  files: string[];
  /** The transcripts among them, sorted. */
  transcripts: string[];
  /** Folders that could hold transcripts but could not be read. */
  folderProblems: FileProblem[];
}

/** Lists a project's files and picks its transcripts under `settings`. */
export async function listTranscripts(host: ProjectHost, rootUri: string, settings: Pick<ProjectSettings, 'transcripts' | 'exclude'>): Promise<TranscriptListing> {
  const listing = await host.listFiles(rootUri);
  return { files: listing.files, ...pickTranscripts(listing.files, listing.unreadable, settings) };
}

/** The transcripts among a project's files, sorted, and the unreadable folders that are not excluded. */
export function pickTranscripts(
  files: readonly string[],
  unreadable: readonly { path: string; detail: string }[],
  settings: Pick<ProjectSettings, 'transcripts' | 'exclude'>,
): { transcripts: string[]; folderProblems: FileProblem[] } {
  const isTranscript = transcriptMatcher(settings);
  const excluded = settings.exclude.length > 0 ? picomatch(settings.exclude, { dot: true }) : () => false;
  const transcripts = files.filter(isTranscript).sort();
  const folderProblems = unreadable
    .filter((f) => !excluded(`${f.path}/x`))
    .map((f) => ({ file: f.path, problem: unreadableProblem(f.path, f.detail, true) }));
  return { transcripts, folderProblems };
}

export interface TranscriptsLoaded extends TranscriptListing {
  /** Transcripts that could not be read or are not text. */
  problems: FileProblem[];
  withBom: Set<string>;
  complete: boolean;
}

/** How many transcripts a host that reads only by promise is asked for ahead of the one being indexed. */
const READ_AHEAD = 64;

/** Lists the project's transcripts under the index's codebook and reads each into the index. */
export async function loadTranscripts(
  host: ProjectHost,
  rootUri: string,
  index: ProjectIndex,
  texts: TranscriptTexts,
  options: LoadOptions = {},
): Promise<TranscriptsLoaded> {
  const listing = await listTranscripts(host, rootUri, index.codebook.settings);
  const { transcripts } = listing;
  const problems: FileProblem[] = [];
  const withBom = new Set<string>();
  let complete = true;
  // A host that reads only by promise (the browser's, which asks the editor for each file) is asked for
  // the next files while this one is indexed, so that its round trips overlap.
  const ahead = host.readFileNow ? 0 : READ_AHEAD;
  const reading = new Map<number, Promise<TranscriptRead>>();
  const startReading = (k: number) => {
    if (k >= transcripts.length || reading.has(k) || options.openText?.(transcripts[k]) !== undefined) return;
    reading.set(k, readTranscript(host, joinUri(rootUri, transcripts[k]), transcripts[k]));
  };
  for (let i = 0; i < transcripts.length; i++) {
    if (options.signal?.aborted) {
      complete = false;
      break;
    }
    const id = transcripts[i];
    const open = options.openText?.(id);
    for (let k = i; k <= i + ahead; k++) if (ahead > 0) startReading(k);
    if (open !== undefined) {
      index.set(id, open);
    } else {
      const uri = joinUri(rootUri, id);
      // Read and indexed with nothing in between: the host may reuse the buffer at its next read.
      const started = reading.get(i);
      reading.delete(i);
      const read = readTranscriptNow(host, uri, id) ?? (await (started ?? readTranscript(host, uri, id)));
      if (read.ok) {
        index.setBytes(id, read.bytes);
        texts.keep(id, read.bytes);
        if (read.hadBom) withBom.add(id);
      } else {
        problems.push({ file: id, problem: read.problem });
      }
    }
    options.onProgress?.(i + 1, transcripts.length);
    if (options.pause && (i + 1) % 64 === 0) await options.pause();
  }
  return { ...listing, problems, withBom, complete };
}

/** A transcript's bytes (without a byte-order mark), or why it cannot be used; `gone` when there is no such file. */
export type TranscriptRead = { ok: true; bytes: Uint8Array; hadBom: boolean } | { ok: false; problem: Diagnostic; gone: boolean };

/**
 * Reads a transcript at once, where the host can (else undefined). The bytes may be the host's reused
 * buffer: use them before the next read.
 */
export function readTranscriptNow(host: ProjectHost, uri: string, id: string): TranscriptRead | undefined {
  if (!host.readFileNow) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = host.readFileNow(uri);
  } catch (e) {
    return failedRead(e, id);
  }
  return classify(host, bytes, id);
}

/** Reads a transcript by promise; the bytes are its own. */
export async function readTranscript(host: ProjectHost, uri: string, id: string): Promise<TranscriptRead> {
  let bytes: Uint8Array;
  try {
    bytes = await host.readFile(uri);
  } catch (e) {
    return failedRead(e, id);
  }
  return classify(host, bytes, id);
}

function classify(host: ProjectHost, bytes: Uint8Array, id: string): TranscriptRead {
  const problem = textProblem(bytes, id, host.isUtf8);
  if (problem) return { ok: false, problem, gone: false };
  const hadBom = hasUtf8Bom(bytes);
  return { ok: true, bytes: hadBom ? bytes.subarray(3) : bytes, hadBom };
}

function failedRead(e: unknown, id: string): TranscriptRead {
  return { ok: false, problem: unreadableProblem(id, failureDetail(e)), gone: e instanceof HostError && e.code === 'not-found' };
}

/**
 * Where an index reads a transcript's text when a feature needs its words: the editor's open text, else
 * the host at once; a host that cannot read at once has each transcript's bytes kept here when it is read.
 */
export class TranscriptTexts {
  private readonly kept = new Map<string, Uint8Array>();

  constructor(
    private readonly host: ProjectHost,
    private readonly rootUri: string,
    private readonly openText?: (id: string) => string | undefined,
  ) {}

  /** Keeps a copy of a transcript's bytes (without a byte-order mark), when the host cannot read at once. */
  keep(id: string, bytes: Uint8Array): void {
    if (!this.host.readFileNow) this.kept.set(id, bytes.slice());
  }

  forget(id: string): void {
    this.kept.delete(id);
  }

  text(id: string): string | undefined {
    const open = this.openText?.(id);
    if (open !== undefined) return open;
    const kept = this.kept.get(id);
    if (kept) return new TextDecoder('utf-8', { ignoreBOM: true }).decode(kept);
    if (!this.host.readFileNow) return undefined;
    try {
      const read = decodeText(this.host.readFileNow(joinUri(this.rootUri, id)), id, this.host.isUtf8);
      return read.ok ? read.text : undefined;
    } catch {
      return undefined;
    }
  }
}
