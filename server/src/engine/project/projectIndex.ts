/**
 * The index of one project: its codebook and every transcript, kept current one document at a time.
 *
 * For each transcript it keeps a digest (codings, tags, line starts; no text) and the segments the
 * codebook makes of it, and it keeps the code × participant counts up to date as documents come and go,
 * so that no query walks the corpus for a number. Documents the host gives as text (open in an editor)
 * keep their full parse; any other is parsed again from its text when a feature needs the words,
 * through the host's `readText`, and a few of those parses are cached.
 */
import { emptyCodebook, type Codebook } from '../codebook/codebook';
import { heapInt32, Int32Slab, type Int32Source } from '../int32Slab';
import { digestBytes, digestParsed, type TranscriptDigest } from '../transcript/digest';
import { ResolveWorkspace, resolveTranscript, type ResolvedTranscript, type Segment } from '../transcript/resolve';
import { ScanWorkspace } from '../transcript/scanWorkspace';
import { encodeUtf8, parseTranscript, type Encode, type ParsedTranscript } from '../transcript/transcript';

export interface IndexedDocument {
  /** Path relative to the project's folder, with `/`. */
  readonly id: string;
  readonly digest: TranscriptDigest;
  readonly resolved: ResolvedTranscript;
}

export interface IndexOptions {
  /** The current text of a document, for features that need its words (quotes, exports). */
  readText?: (id: string) => string | undefined;
  /** UTF-8 encoding; Node hosts pass Buffer.from, whose searches are faster. */
  encode?: Encode;
  /** How many parses of documents without an open text to keep. */
  cacheSize?: number;
}

/** Counts of one code: participant → segments. */
export type ParticipantCounts = Map<string, number>;

export class ProjectIndex {
  private cb: Codebook;
  private readonly docs = new Map<string, IndexedDocument>();
  /** Parses of documents the host gave as text; they stay until the document is replaced or closed. */
  private readonly open = new Map<string, ParsedTranscript>();
  /** Recently used parses of other documents, most recent last. */
  private readonly cache = new Map<string, ParsedTranscript>();
  /** code → participant → segments, over participant turns. */
  private readonly participantCounts = new Map<string, ParticipantCounts>();
  /** code → speaker → segments, over interviewer turns. */
  private readonly interviewerCounts = new Map<string, ParticipantCounts>();
  /** participant → number of documents and segments that name them. */
  private readonly participantRefs = new Map<string, number>();
  private rev = 0;
  /** Arrays of documents read from disk, which change seldom and are read in bulk (see int32Slab.ts). */
  private readonly slab = new Int32Slab();
  /** The arrays and caches this project's scans and resolving reuse: its own, shared with no other project. */
  private readonly scanning = new ScanWorkspace();
  private readonly resolving = new ResolveWorkspace();
  private readonly options: Required<Pick<IndexOptions, 'encode' | 'cacheSize'>> & IndexOptions;

  constructor(codebook: Codebook = emptyCodebook(), options: IndexOptions = {}) {
    this.cb = codebook;
    this.options = { encode: encodeUtf8, cacheSize: 32, ...options };
  }

  get codebook(): Codebook {
    return this.cb;
  }

  /** Grows by one with every change, so callers can tell whether cached answers are still good. */
  get revision(): number {
    return this.rev;
  }

  get size(): number {
    return this.docs.size;
  }

  /**
   * Replaces the codebook. Documents are checked against it again from their digests; they are parsed
   * again only when the speaker settings changed, since only those affect parsing.
   */
  setCodebook(codebook: Codebook): void {
    const reparse = speakerKey(codebook) !== speakerKey(this.cb);
    this.cb = codebook;
    this.cache.clear();
    const entries = [...this.docs.values()];
    for (const doc of entries) this.remove(doc.id);
    for (const doc of entries) {
      let digest = doc.digest;
      if (reparse) {
        const text = this.open.get(doc.id)?.text ?? this.options.readText?.(doc.id);
        if (text !== undefined) {
          const parsed = parseTranscript(text, codebook.settings, this.options.encode, this.scanning);
          if (this.open.has(doc.id)) this.open.set(doc.id, parsed);
          digest = digestParsed(parsed, this.scanning);
        }
      }
      this.add(doc.id, digest, this.open.has(doc.id) ? heapInt32 : this.slab);
    }
    this.rev++;
  }

  /** Adds or replaces a document from its text, keeping the parse (a document open in an editor). */
  set(id: string, text: string): IndexedDocument {
    const old = this.docs.get(id);
    const openParse = this.open.get(id);
    if (old && openParse && openParse.text === text) return old;
    if (old) this.remove(id);
    const parsed = parseTranscript(text, this.cb.settings, this.options.encode, this.scanning);
    this.open.set(id, parsed);
    this.cache.delete(id);
    const doc = this.add(id, digestParsed(parsed, this.scanning), heapInt32);
    this.rev++;
    return doc;
  }

  /** Adds or replaces a document from its UTF-8 bytes (without a byte-order mark), keeping only its digest. */
  setBytes(id: string, bytes: Uint8Array): IndexedDocument {
    if (this.docs.has(id)) this.remove(id);
    this.open.delete(id);
    this.cache.delete(id);
    const doc = this.add(id, digestBytes(bytes, this.cb.settings, this.slab, this.scanning), this.slab);
    this.rev++;
    return doc;
  }

  /** Forgets the open text of a document (closed in the editor) but keeps it indexed. */
  release(id: string): void {
    const parsed = this.open.get(id);
    if (!parsed) return;
    this.open.delete(id);
    this.remember(id, parsed);
  }

  delete(id: string): boolean {
    if (!this.docs.has(id)) return false;
    this.remove(id);
    this.open.delete(id);
    this.cache.delete(id);
    this.rev++;
    return true;
  }

  get(id: string): IndexedDocument | undefined {
    return this.docs.get(id);
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  isOpen(id: string): boolean {
    return this.open.has(id);
  }

  /**
   * The full parse of a document, for features that need its words: its open text, a cached parse, or
   * its text read through `readText`. Undefined when the text cannot be had.
   */
  parsed(id: string): ParsedTranscript | undefined {
    const open = this.open.get(id);
    if (open) return open;
    const cached = this.cache.get(id);
    if (cached) {
      this.cache.delete(id);
      this.cache.set(id, cached);
      return cached;
    }
    if (!this.docs.has(id)) return undefined;
    const text = this.options.readText?.(id);
    if (text === undefined) return undefined;
    const parsed = parseTranscript(text, this.cb.settings, this.options.encode, this.scanning);
    this.remember(id, parsed);
    return parsed;
  }

  /** Documents sorted by path, so every listing is stable. */
  documents(): IndexedDocument[] {
    return [...this.docs.values()].sort((a, b) => compareNatural(a.id, b.id));
  }

  /** Segments counted for each participant of a code (without its subcodes). */
  countsOf(code: string, withInterviewers = false): ReadonlyMap<string, number> {
    const own = this.participantCounts.get(code) ?? new Map<string, number>();
    if (!withInterviewers) return own;
    const merged = new Map(own);
    for (const [p, n] of this.interviewerCounts.get(code) ?? []) merged.set(p, (merged.get(p) ?? 0) + n);
    return merged;
  }

  /** Codes that have at least one segment (known to the codebook or not any more). */
  codedPaths(): string[] {
    return [...new Set([...this.participantCounts.keys(), ...this.interviewerCounts.keys()])];
  }

  /** Every participant of the project: each document's, and every declared speaker with a segment. */
  participants(): string[] {
    return [...this.participantRefs.keys()].sort(compareNatural);
  }

  /** How many participants the project has. */
  get participantCount(): number {
    return this.participantRefs.size;
  }

  interviewers(): string[] {
    const set = new Set<string>();
    for (const counts of this.interviewerCounts.values()) for (const p of counts.keys()) set.add(p);
    return [...set].sort(compareNatural);
  }

  private remember(id: string, parsed: ParsedTranscript): void {
    this.cache.set(id, parsed);
    while (this.cache.size > this.options.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
  }

  private add(id: string, digest: TranscriptDigest, arrays: Int32Source): IndexedDocument {
    const resolved = resolveTranscript(digest, this.cb, fallbackName(id), arrays, this.resolving);
    const doc: IndexedDocument = { id, digest, resolved };
    this.docs.set(id, doc);
    this.count(doc, +1);
    return doc;
  }

  private remove(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    this.count(doc, -1);
    this.docs.delete(id);
  }

  private count(doc: IndexedDocument, sign: 1 | -1): void {
    const r = doc.resolved;
    bump(this.participantRefs, r.participant, sign);
    // A participant's segments come in runs (one turn after another), so their references are added per run.
    let runWho: string | undefined;
    let run = 0;
    for (let i = 0; i < r.segmentCount; i++) {
      const interviewer = r.segmentRole(i) === 'interviewer';
      const table = interviewer ? this.interviewerCounts : this.participantCounts;
      const code = r.segmentCodes[i];
      const who = r.segmentParticipants[i];
      let counts = table.get(code);
      if (!counts) table.set(code, (counts = new Map()));
      bump(counts, who, sign);
      if (counts.size === 0) table.delete(code);
      if (interviewer) continue;
      if (who !== runWho) {
        if (runWho !== undefined) bump(this.participantRefs, runWho, sign * run);
        runWho = who;
        run = 0;
      }
      run++;
    }
    if (runWho !== undefined) bump(this.participantRefs, runWho, sign * run);
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n === 0) map.delete(key);
  else map.set(key, n);
}

function speakerKey(codebook: Codebook): string {
  return codebook.settings.speakerPattern.source;
}

/** A document's name without folders and extension: what a participant is called without `participant:`. */
export function fallbackName(id: string): string {
  const base = id.split('/').pop() ?? id;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Natural order: T2 before T10. */
export function compareNatural(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

export type { Segment };
