/**
 * A project on disk: finding its codebook, listing its transcripts and reading them as text, for the
 * command line and the language server. Files that cannot be read as UTF-8 text are reported, not fatal.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { emptyCodebook, parseCodebook, type Codebook } from '../engine/codebook/codebook';
import { diagnostic, DiagnosticCodes, type Diagnostic, type Span } from '../engine/diagnostics';
import { DEFAULT_TRANSCRIPTS, transcriptMatcher, type ProjectSettings } from '../engine/project/settings';
import { compareNatural, ProjectIndex } from '../engine/project/projectIndex';
import { bomLength, stripBom } from '../engine/text/positions';
import picomatch from 'picomatch';

export const CODEBOOK_FILE = 'codebook.yaml';

/** A problem that stops a command: one sentence for the user. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

export type ReadResult = { ok: true; text: string; hadBom: boolean } | { ok: false; problem: Diagnostic };

/** Takes off no byte-order mark: stripBom takes off the first, and only the first (positions.ts). */
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads a file as UTF-8 text; binary files, other encodings and unreadable files give a diagnostic. */
export function readText(file: string, displayName = file): ReadResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const detail = (e as NodeJS.ErrnoException).code ?? String(e);
    return { ok: false, problem: diagnostic(DiagnosticCodes.fileUnreadable, { start: 0, end: 0 }, { file: displayName, detail }) };
  }
  return decodeText(bytes, displayName);
}

export function decodeText(bytes: Uint8Array, displayName: string): ReadResult {
  const problem = textProblem(bytes, displayName);
  if (problem) return { ok: false, problem };
  const text = decoder.decode(bytes);
  const stripped = stripBom(text);
  return { ok: true, text: stripped.text, hadBom: stripped.hadBom };
}

/**
 * Why bytes are not UTF-8 text, or undefined when they are. UTF-16 (what Windows Notepad saves as
 * "Unicode") is named as such, with how to save the file as UTF-8, rather than called binary: it is
 * recognised by its byte-order mark, or by the zero byte that mostly Latin text has in every other place.
 */
export function textProblem(bytes: Uint8Array, displayName: string): Diagnostic | undefined {
  const none = { start: 0, end: 0 };
  const probe = bytes.subarray(0, 8192);
  if (looksLikeUtf16(probe)) return diagnostic(DiagnosticCodes.fileNotUtf8, none, { file: displayName, encoding: 'UTF-16' });
  if (probe.includes(0)) return diagnostic(DiagnosticCodes.fileBinary, none, { file: displayName });
  if (!isUtf8(bytes)) return diagnostic(DiagnosticCodes.fileNotUtf8, none, { file: displayName });
  return undefined;
}

function looksLikeUtf16(probe: Uint8Array): boolean {
  if (probe.length >= 2 && ((probe[0] === 0xff && probe[1] === 0xfe) || (probe[0] === 0xfe && probe[1] === 0xff))) return true;
  const units = probe.length >> 1;
  if (units < 2) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < probe.length; i += 2) {
    if (probe[i] === 0) evenZeros++;
    if (probe[i + 1] === 0) oddZeros++;
  }
  // Little-endian: the zeros stand at odd places; big-endian: at even places. Nearly none at the others.
  const littleEndian = oddZeros >= evenZeros;
  const [many, few] = littleEndian ? [oddZeros, evenZeros] : [evenZeros, oddZeros];
  if (many < units * 0.3 || few > units * 0.02) return false;
  // Every code unit is text: no NUL, no control character but tab, line breaks and form feed.
  for (let i = 0; i + 1 < probe.length; i += 2) {
    const unit = littleEndian ? probe[i] | (probe[i + 1] << 8) : (probe[i] << 8) | probe[i + 1];
    if (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0c && unit !== 0x0d) return false;
  }
  return true;
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

export interface LoadedCodebook {
  codebook: Codebook;
  problem?: Diagnostic;
}

export function readCodebook(root: string): LoadedCodebook {
  const read = readText(path.join(root, CODEBOOK_FILE), CODEBOOK_FILE);
  // A transcript that cannot be read is skipped with a warning; without its codebook nothing can be checked.
  if (!read.ok) return { codebook: emptyCodebook(), problem: { ...read.problem, severity: 'error' } };
  return { codebook: parseCodebook(read.text) };
}

/**
 * Lists the project's transcripts as paths relative to `root`, with `/`, in a stable order. Folders that
 * could hold transcripts but cannot be read are passed to `unreadable` with the reason (e.g. EACCES).
 */
export function listTranscripts(root: string, codebook: Codebook, unreadable?: (relDir: string, code: string) => void): string[] {
  const isTranscript = transcriptMatcher(codebook.settings);
  const excluded = codebook.settings.exclude.length > 0 ? picomatch(codebook.settings.exclude, { dot: true }) : () => false;
  const found: string[] = [];
  walkFiles(
    root,
    (relPath) => {
      if (isTranscript(relPath)) found.push(relPath);
    },
    Infinity,
    (relDir, code) => {
      if (!excluded(`${relDir}/x`)) unreadable?.(relDir, code);
    },
  );
  return found.sort();
}

/**
 * Calls `visit` with the path (relative to `root`, with `/`) of every file under `root`, leaving out
 * node_modules and .git; stops after `limit` files. Returns false when it stopped early. A folder that
 * cannot be read is passed to `unreadable` with the reason, and left out.
 */
function walkFiles(root: string, visit: (relPath: string) => void, limit = Infinity, unreadable?: (relDir: string, code: string) => void): boolean {
  let seen = 0;
  const walk = (dir: string, rel: string): boolean => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      unreadable?.(rel === '' ? '.' : rel, (e as NodeJS.ErrnoException).code ?? String(e));
      return true;
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!walk(path.join(dir, e.name), relPath)) return false;
      } else if (e.isFile()) {
        if (++seen > limit) return false;
        visit(relPath);
      }
    }
    return true;
  };
  return walk(root, '');
}

const WORD_PROCESSOR_FILE = /\.(docx|doc|odt|rtf)$/i;

/** How many files a project without transcripts is searched for ones that look like transcripts. */
const LOOK_LIMIT = 20_000;

/** Files of a project without transcripts that look like transcripts, for the warning that says so. */
export interface TranscriptLookalikes {
  /** Text files the transcript patterns leave out (a folder missing from the patterns), and the first. */
  textFiles: number;
  textExample?: string;
  /** Word-processor files (transcripts not yet saved as plain text), and the first. */
  documents: number;
  documentExample?: string;
}

/** Searches the project (its first 20,000 files) for files that look like transcripts. */
export function transcriptLookalikes(root: string, settings: Pick<ProjectSettings, 'exclude'>): TranscriptLookalikes {
  const looksLikeText = transcriptMatcher({ transcripts: DEFAULT_TRANSCRIPTS, exclude: settings.exclude });
  let textFiles = 0;
  let textExample: string | undefined;
  let documents = 0;
  let documentExample: string | undefined;
  const first = (known: string | undefined, relPath: string) => (known === undefined || compareNatural(relPath, known) < 0 ? relPath : known);
  walkFiles(
    root,
    (relPath) => {
      if (looksLikeText(relPath)) {
        textFiles++;
        textExample = first(textExample, relPath);
      } else if (WORD_PROCESSOR_FILE.test(relPath) && !relPath.split('/').pop()!.startsWith('~$')) {
        documents++;
        documentExample = first(documentExample, relPath);
      }
    },
    LOOK_LIMIT,
  );
  return { textFiles, textExample, documents, documentExample };
}

/**
 * The warning for a project none of whose files matches its transcript patterns, saying what to do with
 * the files that look like transcripts. It points at `transcripts:` in codebook.yaml when that is there.
 */
export function noTranscriptsProblem(settings: Pick<ProjectSettings, 'transcripts'>, codebookText: string, lookalikes: TranscriptLookalikes): Diagnostic {
  return diagnostic(DiagnosticCodes.projectNoTranscripts, transcriptsSettingSpan(codebookText), { patterns: settings.transcripts, ...lookalikes });
}

/** Where codebook.yaml sets `transcripts:` (or else `project:`), or its start. */
function transcriptsSettingSpan(text: string): Span {
  const m = /^[ \t]+(transcripts)[ \t]*:/m.exec(text) ?? /^(project)[ \t]*:/m.exec(text);
  if (!m) return { start: 0, end: 0 };
  const start = m.index + m[0].indexOf(m[1]);
  return { start, end: start + m[1].length };
}

export interface LoadedProject {
  root: string;
  index: ProjectIndex;
  /** Problems with files that were skipped, and with reading the codebook. */
  fileProblems: { file: string; problem: Diagnostic }[];
  /** Transcripts that start with a byte-order mark. */
  withBom: Set<string>;
}

export interface LoadOptions {
  onProgress?: (done: number, total: number) => void;
}

/** Buffer.from for the engine: Node's buffers search much faster than plain Uint8Arrays. */
export const encodeWithBuffer = (text: string): Uint8Array => Buffer.from(text, 'utf8');

/**
 * Reads a project's codebook and every transcript into a fresh index. Transcripts are read as bytes into
 * one reused buffer and indexed from their bytes; their text is read again only when a feature needs it.
 */
export function loadProject(root: string, options: LoadOptions = {}): LoadedProject {
  const { codebook, problem } = readCodebook(root);
  const index = new ProjectIndex(codebook, {
    encode: encodeWithBuffer,
    readText: (id) => {
      const read = readText(path.join(root, id), id);
      return read.ok ? read.text : undefined;
    },
  });
  const fileProblems: LoadedProject['fileProblems'] = [];
  if (problem) fileProblems.push({ file: CODEBOOK_FILE, problem });
  const withBom = new Set<string>();
  let unreadableFolders = 0;
  const files = listTranscripts(root, codebook, (relDir, code) => {
    unreadableFolders++;
    fileProblems.push({ file: relDir, problem: diagnostic(DiagnosticCodes.fileUnreadable, { start: 0, end: 0 }, { file: relDir, detail: code, folder: 'yes' }) });
  });
  // A folder that cannot be read is the reason, not patterns that match nothing.
  if (files.length === 0 && unreadableFolders === 0) {
    fileProblems.push({ file: CODEBOOK_FILE, problem: noTranscriptsProblem(codebook.settings, codebook.text, transcriptLookalikes(root, codebook.settings)) });
  }
  const reader = new FileReader();
  files.forEach((rel, i) => {
    const read = reader.read(path.join(root, rel), rel);
    if (read.ok) {
      index.setBytes(rel, read.bytes);
      if (read.hadBom) withBom.add(rel);
    } else {
      fileProblems.push({ file: rel, problem: read.problem });
    }
    options.onProgress?.(i + 1, files.length);
  });
  return { root, index, fileProblems, withBom };
}

/** Reads files into one buffer that grows as needed, checking each is UTF-8 text. */
export class FileReader {
  private buffer = Buffer.allocUnsafe(1 << 20);

  read(file: string, displayName: string): { ok: true; bytes: Buffer; hadBom: boolean } | { ok: false; problem: Diagnostic } {
    let length = 0;
    let fd: number | undefined;
    try {
      fd = fs.openSync(file, 'r');
      for (;;) {
        if (length === this.buffer.length) {
          const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
          this.buffer.copy(bigger, 0, 0, length);
          this.buffer = bigger;
        }
        const n = fs.readSync(fd, this.buffer, length, this.buffer.length - length, null);
        if (n === 0) break;
        length += n;
      }
    } catch (e) {
      const detail = (e as NodeJS.ErrnoException).code ?? String(e);
      return { ok: false, problem: diagnostic(DiagnosticCodes.fileUnreadable, { start: 0, end: 0 }, { file: displayName, detail }) };
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
    const bytes = this.buffer.subarray(0, length);
    const problem = textProblem(bytes, displayName);
    if (problem) return { ok: false, problem };
    const bom = bomLength(bytes);
    return { ok: true, bytes: bytes.subarray(bom), hadBom: bom > 0 };
  }
}
