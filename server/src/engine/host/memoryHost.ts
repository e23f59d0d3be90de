/**
 * A project host over a Map of URI → bytes, for tests and for the browser's unit tests: files are written
 * and deleted by hand, and a file or a folder can be made unreadable to see what the loader and the
 * server make of it. It holds nothing at module level; each host is its own file system.
 */
import { SKIPPED_FOLDERS } from '../project/projectFiles';
import { HostError, type FileListing, type FileStat, type ProjectHost } from './projectHost';
import { joinUri, relativeId, uriKey } from './uris';

export interface MemoryHostOptions {
  /** Whether the host offers `readFileNow`, as Node's does (the default); the browser's host does not. */
  synchronous?: boolean;
}

export class MemoryHost implements ProjectHost {
  /** key → the URI as written, and its bytes. */
  private readonly files = new Map<string, { uri: string; bytes: Uint8Array; mtime: number }>();
  /** Folders made on their own (without files in them yet). */
  private readonly folders = new Set<string>();
  /** Files and folders that cannot be read, with the reason. */
  private readonly denied = new Map<string, string>();
  private clock = 0;
  readFileNow?: (uri: string) => Uint8Array;

  constructor(files: Record<string, string | Uint8Array> = {}, options: MemoryHostOptions = {}) {
    for (const [uri, content] of Object.entries(files)) this.write(uri, content);
    if (options.synchronous !== false) this.readFileNow = (uri) => this.read(uri);
  }

  /** Writes a file (text as UTF-8), making the folders above it. */
  write(uri: string, content: string | Uint8Array): void {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    this.files.set(uriKey(uri), { uri, bytes, mtime: ++this.clock });
  }

  /** Makes an empty folder. */
  mkdir(uri: string): void {
    this.folders.add(uriKey(uri));
  }

  /** Deletes a file, or a folder with everything in it. */
  delete(uri: string): void {
    const key = uriKey(uri);
    for (const k of [...this.files.keys()]) if (k === key || k.startsWith(`${key}/`)) this.files.delete(k);
    for (const k of [...this.folders]) if (k === key || k.startsWith(`${key}/`)) this.folders.delete(k);
  }

  /** From now on the file or folder cannot be read, for `detail` (`EACCES` unless said). */
  deny(uri: string, detail = 'EACCES'): void {
    this.denied.set(uriKey(uri), detail);
  }

  /** The file or folder can be read again. */
  allow(uri: string): void {
    this.denied.delete(uriKey(uri));
  }

  /** A file's text as written (UTF-8), or undefined. */
  text(uri: string): string | undefined {
    const file = this.files.get(uriKey(uri));
    return file && new TextDecoder().decode(file.bytes);
  }

  readFile(uri: string): Promise<Uint8Array> {
    try {
      return Promise.resolve(this.read(uri));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  stat(uri: string): Promise<FileStat | undefined> {
    const key = uriKey(uri);
    const file = this.files.get(key);
    if (file) return Promise.resolve({ kind: 'file', size: file.bytes.length, mtime: file.mtime });
    return Promise.resolve(this.isFolder(key) ? { kind: 'folder', size: 0, mtime: 0 } : undefined);
  }

  listFiles(folderUri: string): Promise<FileListing> {
    const listing: FileListing = { files: [], unreadable: [] };
    const deniedFolders = new Set<string>();
    const rootDenied = this.denied.get(uriKey(folderUri));
    if (rootDenied !== undefined) {
      listing.unreadable.push({ path: '.', detail: rootDenied });
      return Promise.resolve(listing);
    }
    for (const { uri } of this.files.values()) {
      const rel = relativeId(folderUri, uri);
      if (!rel) continue;
      const parts = rel.split('/');
      if (parts.slice(0, -1).some((p) => SKIPPED_FOLDERS.has(p))) continue;
      // The outermost folder on the way that cannot be read hides the file.
      const blocked = parts.slice(0, -1).findIndex((_, i) => this.denied.has(uriKey(joinUri(folderUri, parts.slice(0, i + 1).join('/')))));
      if (blocked >= 0) {
        const folder = parts.slice(0, blocked + 1).join('/');
        if (!deniedFolders.has(folder)) {
          deniedFolders.add(folder);
          listing.unreadable.push({ path: folder, detail: this.denied.get(uriKey(joinUri(folderUri, folder)))! });
        }
        continue;
      }
      listing.files.push(rel);
    }
    return Promise.resolve(listing);
  }

  private read(uri: string): Uint8Array {
    const key = uriKey(uri);
    const denied = this.denied.get(key);
    if (denied !== undefined) throw new HostError('unreadable', denied, uri);
    const file = this.files.get(key);
    if (file) return file.bytes;
    if (this.isFolder(key)) throw new HostError('is-folder', 'EISDIR', uri);
    throw new HostError('not-found', 'ENOENT', uri);
  }

  private isFolder(key: string): boolean {
    if (this.folders.has(key)) return true;
    const prefix = `${key}/`;
    for (const k of this.files.keys()) if (k.startsWith(prefix)) return true;
    return false;
  }
}
