/**
 * The project host over node:fs, for the command line and the desktop language server. Its reads run
 * synchronously: `readFileNow` reads into one buffer it reuses (the cold index of a thousand transcripts
 * measured faster so than with a promise and a fresh buffer per file), `listFiles` walks the folders with
 * readdirSync. Only `readFile`, for single files, goes through fs.promises.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HostError, type CoderVersions, type FileListing, type FileStat, type ProjectHost } from '../engine/host/projectHost';
import { SKIPPED_FOLDERS } from '../engine/project/projectFiles';

/** The file system path of a `file:` URI, or undefined for any other. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/** The `file:` URI of a path (made absolute). */
export function pathToUri(file: string): string {
  return pathToFileURL(path.resolve(file)).href;
}

export class NodeHost implements ProjectHost {
  private buffer = Buffer.allocUnsafe(1 << 20);
  coderVersions?: CoderVersions;

  constructor(options: { coderVersions?: CoderVersions } = {}) {
    this.coderVersions = options.coderVersions;
  }

  async readFile(uri: string): Promise<Uint8Array> {
    const file = this.pathOf(uri);
    try {
      return await fs.promises.readFile(file);
    } catch (e) {
      throw hostError(e, uri);
    }
  }

  readFileNow(uri: string): Uint8Array {
    const file = this.pathOf(uri);
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
      throw hostError(e, uri);
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
    return this.buffer.subarray(0, length);
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const file = uriToPath(uri);
    if (file === undefined) return undefined;
    try {
      const s = await fs.promises.stat(file);
      return { kind: s.isDirectory() ? 'folder' : 'file', size: s.size, mtime: s.mtimeMs };
    } catch {
      return undefined;
    }
  }

  listFiles(folderUri: string): Promise<FileListing> {
    return Promise.resolve(this.listFilesNow(folderUri));
  }

  /** listFiles at once. */
  listFilesNow(folderUri: string): FileListing {
    const root = uriToPath(folderUri);
    const listing: FileListing = { files: [], unreadable: [] };
    if (root === undefined) {
      listing.unreadable.push({ path: '.', detail: 'not a file: URI' });
      return listing;
    }
    const walk = (dir: string, rel: string): void => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        listing.unreadable.push({ path: rel === '' ? '.' : rel, detail: (e as NodeJS.ErrnoException).code ?? String(e) });
        return;
      }
      for (const e of entries) {
        if (SKIPPED_FOLDERS.has(e.name)) continue;
        const relPath = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(path.join(dir, e.name), relPath);
        else if (e.isFile()) listing.files.push(relPath);
      }
    };
    walk(root, '');
    return listing;
  }

  /** Functions, not methods, so that they can be passed on alone. */
  readonly encode = (text: string): Uint8Array => Buffer.from(text, 'utf8');
  readonly isUtf8 = (bytes: Uint8Array): boolean => isUtf8(bytes);

  private pathOf(uri: string): string {
    const file = uriToPath(uri);
    if (file === undefined) throw new HostError('unreadable', 'not a file: URI', uri);
    return file;
  }
}

function hostError(e: unknown, uri: string): HostError {
  const code = (e as NodeJS.ErrnoException).code ?? String(e);
  return new HostError(code === 'ENOENT' || code === 'ENOTDIR' ? 'not-found' : code === 'EISDIR' ? 'is-folder' : 'unreadable', code, uri);
}

