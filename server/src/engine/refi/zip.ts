/**
 * Reading and writing the zip container of a .qdpx. Reading trusts nothing in the file: every entry
 * name is checked before anything is inflated, and no entry inflates past what it declares. The limits
 * are a function of the sizes the archive declares: an entry is read only when its declared size fits
 * (one file at most `maxEntryBytes`, all files read together at most `maxTotalBytes`, so an honest
 * export of a large project comes back in, however well its text compresses), and inflating it stops
 * at the first byte past its declared size: a zip bomb either declares a size that is refused before
 * anything is inflated, or lies about it and is stopped there. Sizes are checked on the bytes actually
 * produced, never only on what the file says.
 */
import { Inflate, zipSync, type Zippable } from 'fflate';
import { RefiError } from './refiError';

export interface ZipLimits {
  /** Most bytes one entry may declare (and so inflate to). */
  maxEntryBytes: number;
  /** Most bytes all entries read from one archive may declare together. */
  maxTotalBytes: number;
  maxEntries: number;
}

const MIB = 1024 * 1024;

/**
 * 512 MiB a file (about the longest text JavaScript holds as one string) and 1 GiB in all: several
 * times a project of 100 MB of transcripts, whatever ratio its text compresses at.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 512 * MIB,
  maxTotalBytes: 1024 * MIB,
  maxEntries: 20000,
};

/**
 * Whether an entry that declares `declared` bytes may be inflated after `readSoFar` bytes of others:
 * undefined when it may, else why not (the end of a sentence that starts with the entry's name).
 */
export function declaredSizeProblem(declared: number, readSoFar: number, limits: ZipLimits): string | undefined {
  if (declared > limits.maxEntryBytes || readSoFar + declared > limits.maxTotalBytes) {
    return `holds ${mib(declared)} MiB${readSoFar > 0 ? ` after ${mib(readSoFar)} MiB of other files` : ''}, more than Codeboom imports (${mib(limits.maxEntryBytes)} MiB a file, ${mib(limits.maxTotalBytes)} MiB in all): leave large media out of the export`;
  }
  return undefined;
}

function mib(bytes: number): number {
  return Math.ceil(bytes / MIB);
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** The inflated size the archive declares: the most bytes the entry may produce. */
  size: number;
  localOffset: number;
}

const CHUNK = 16 * 1024;

export class ZipReader {
  private readonly entries = new Map<string, Entry>();
  private inflated = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ZipLimits,
    private readonly what: string,
  ) {}

  /**
   * Reads the archive's directory. `what` names the file in errors.
   * @throws RefiError when it is not a zip, is damaged, or names a path outside its own folder.
   */
  static open(bytes: Uint8Array, what: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipReader {
    const zip = new ZipReader(bytes, limits, what);
    zip.readDirectory();
    return zip;
  }

  /** Entry names with `/` separators, in archive order, folders left out. */
  get names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The name of an entry written with other capitals, if there is exactly such an entry. */
  findIgnoringCase(name: string): string | undefined {
    if (this.entries.has(name)) return name;
    const lower = name.toLowerCase();
    return this.names.find((n) => n.toLowerCase() === lower);
  }

  /** Inflates one entry within the limits. */
  read(name: string): Uint8Array {
    const entry = this.entries.get(name);
    if (!entry) throw new RefiError(`${this.what} has no file ${name}.`);
    if (entry.flags & 1) throw new RefiError(`${name} in ${this.what} is encrypted: export the project again without a password.`);
    const tooLarge = declaredSizeProblem(entry.size, this.inflated, this.limits);
    if (tooLarge) throw new RefiError(`${name} in ${this.what} ${tooLarge}.`);
    const v = this.view();
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || v.getUint32(at, true) !== 0x04034b50) throw this.damaged();
    const start = at + 30 + v.getUint16(at + 26, true) + v.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw this.damaged();
    const data = this.bytes.subarray(start, end);
    if (entry.method === 0) {
      this.count(entry, data.length);
      return data.slice();
    }
    if (entry.method !== 8) {
      throw new RefiError(`${name} in ${this.what} uses zip compression method ${entry.method}, which Codeboom cannot read: export the project again with ordinary (deflate) compression.`);
    }
    return this.inflate(entry, data);
  }

  private inflate(entry: Entry, data: Uint8Array): Uint8Array {
    const parts: Uint8Array[] = [];
    let produced = 0;
    const inflater = new Inflate((chunk) => {
      produced += chunk.length;
      this.count(entry, produced, chunk.length);
      parts.push(chunk);
    });
    try {
      for (let i = 0; i < data.length; i += CHUNK) {
        inflater.push(data.subarray(i, Math.min(data.length, i + CHUNK)), i + CHUNK >= data.length);
      }
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (e) {
      if (e instanceof RefiError) throw e;
      throw this.damaged(entry.name);
    }
    const out = new Uint8Array(produced);
    let offset = 0;
    for (const p of parts) {
      out.set(p, offset);
      offset += p.length;
    }
    return out;
  }

  /** Counts `added` new bytes of an entry that has produced `entrySize` so far: never more than it declares. */
  private count(entry: Entry, entrySize: number, added = entrySize): void {
    this.inflated += added;
    if (entrySize > entry.size) {
      throw new RefiError(
        `${entry.name} in ${this.what} inflates to more than the ${entry.size} bytes it declares: it looks like a zip bomb, so nothing was imported.`,
      );
    }
  }

  private readDirectory(): void {
    const b = this.bytes;
    if (b.length < 22 || b[0] !== 0x50 || b[1] !== 0x4b) {
      throw new RefiError(`${this.what} is not a zip file: a .qdpx is a zip of project.qde and its sources.`);
    }
    const v = this.view();
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
      if (v.getUint32(i, true) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw this.damaged();
    const count = v.getUint16(eocd + 10, true);
    const size = v.getUint32(eocd + 12, true);
    const offset = v.getUint32(eocd + 16, true);
    if (count === 0xffff || offset === 0xffffffff || size === 0xffffffff) {
      throw new RefiError(`${this.what} is a ZIP64 archive, larger than Codeboom imports: leave large media out of the export.`);
    }
    if (count > this.limits.maxEntries) throw new RefiError(`${this.what} holds ${count} files, more than the ${this.limits.maxEntries} Codeboom accepts.`);
    if (offset + size > b.length) throw this.damaged();
    const decoder = new TextDecoder('utf-8');
    let p = offset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > b.length || v.getUint32(p, true) !== 0x02014b50) throw this.damaged();
      const nameLength = v.getUint16(p + 28, true);
      const extraLength = v.getUint16(p + 30, true);
      const commentLength = v.getUint16(p + 32, true);
      if (p + 46 + nameLength > b.length) throw this.damaged();
      const raw = decoder.decode(b.subarray(p + 46, p + 46 + nameLength));
      const name = checkedEntryName(raw, this.what);
      if (!name.endsWith('/')) {
        this.entries.set(name, {
          name,
          flags: v.getUint16(p + 8, true),
          method: v.getUint16(p + 10, true),
          compressedSize: v.getUint32(p + 20, true),
          size: v.getUint32(p + 24, true),
          localOffset: v.getUint32(p + 42, true),
        });
      }
      p += 46 + nameLength + extraLength + commentLength;
    }
  }

  private view(): DataView {
    return new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
  }

  private damaged(name?: string): RefiError {
    return new RefiError(`${name ? `${name} in ` : ''}${this.what} is a damaged zip file: export the project again.`);
  }
}

/**
 * An entry name with `/` separators. A name that is absolute or climbs out with `..` is refused: such an
 * archive is crafted, not exported.
 */
export function checkedEntryName(raw: string, what: string): string {
  const name = raw.replace(/\\/g, '/');
  const escapes =
    name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').some((s) => s === '..') || name.includes('\0');
  if (escapes) {
    throw new RefiError(`${what} holds a file named ${JSON.stringify(raw)}, which points outside the project: the file may have been crafted to do harm, so nothing was imported.`);
  }
  return name;
}

export interface ZipFile {
  name: string;
  data: Uint8Array;
}

/** A fixed time for every entry, so the same project always gives the same bytes. */
const FIXED_TIME = new Date(2000, 0, 1, 0, 0, 0);

export function writeZip(files: readonly ZipFile[]): Uint8Array {
  const input: Zippable = {};
  for (const f of files) input[f.name] = [f.data, { level: 6, mtime: FIXED_TIME }];
  return zipSync(input);
}
