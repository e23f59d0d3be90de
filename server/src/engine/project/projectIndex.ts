/**
 * The index of one project: its codebook and every transcript, parsed once per text and kept current one
 * document at a time. The code × participant counts are kept up to date as documents come and go, so
 * queries never walk the whole corpus for a number.
 */
import { emptyCodebook, type Codebook } from '../codebook/codebook';
import { resolveTranscript, type ResolvedTranscript, type Segment } from '../transcript/resolve';
import { parseTranscript, type ParsedTranscript } from '../transcript/transcript';

export interface IndexedDocument {
  /** Path relative to the project's folder, with `/`. */
  readonly id: string;
  readonly parsed: ParsedTranscript;
  readonly resolved: ResolvedTranscript;
}

/** Counts of one code: participant → segments. */
export type ParticipantCounts = Map<string, number>;

export class ProjectIndex {
  private cb: Codebook;
  private readonly docs = new Map<string, IndexedDocument>();
  /** code → participant → segments, over participant turns. */
  private readonly participantCounts = new Map<string, ParticipantCounts>();
  /** code → speaker → segments, over interviewer turns. */
  private readonly interviewerCounts = new Map<string, ParticipantCounts>();
  /** participant → number of documents and segments that name them. */
  private readonly participantRefs = new Map<string, number>();
  private rev = 0;

  constructor(codebook: Codebook = emptyCodebook()) {
    this.cb = codebook;
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
   * Replaces the codebook. Documents are re-checked against it; they are parsed again only when the
   * speaker settings changed, since only those affect parsing.
   */
  setCodebook(codebook: Codebook): void {
    const reparse = speakerKey(codebook) !== speakerKey(this.cb);
    this.cb = codebook;
    const entries = [...this.docs.values()];
    for (const doc of entries) this.remove(doc.id);
    for (const doc of entries) {
      const parsed = reparse ? parseTranscript(doc.parsed.text, codebook.settings) : doc.parsed;
      this.add(doc.id, parsed);
    }
    this.rev++;
  }

  /** Adds or replaces one document from its text. */
  set(id: string, text: string): IndexedDocument {
    const old = this.docs.get(id);
    if (old && old.parsed.text === text) return old;
    if (old) this.remove(id);
    const doc = this.add(id, parseTranscript(text, this.cb.settings));
    this.rev++;
    return doc;
  }

  delete(id: string): boolean {
    if (!this.docs.has(id)) return false;
    this.remove(id);
    this.rev++;
    return true;
  }

  get(id: string): IndexedDocument | undefined {
    return this.docs.get(id);
  }

  has(id: string): boolean {
    return this.docs.has(id);
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

  interviewers(): string[] {
    const set = new Set<string>();
    for (const counts of this.interviewerCounts.values()) for (const p of counts.keys()) set.add(p);
    return [...set].sort(compareNatural);
  }

  private add(id: string, parsed: ParsedTranscript): IndexedDocument {
    const resolved = resolveTranscript(parsed, this.cb, fallbackName(id));
    const doc: IndexedDocument = { id, parsed, resolved };
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
    bump(this.participantRefs, doc.resolved.participant, sign);
    for (const s of doc.resolved.segments) {
      const table = s.role === 'interviewer' ? this.interviewerCounts : this.participantCounts;
      let counts = table.get(s.code);
      if (!counts) table.set(s.code, (counts = new Map()));
      bump(counts, s.participant, sign);
      if (counts.size === 0) table.delete(s.code);
      if (s.role === 'participant') bump(this.participantRefs, s.participant, sign);
    }
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n === 0) map.delete(key);
  else map.set(key, n);
}

function speakerKey(codebook: Codebook): string {
  return `${codebook.settings.speakerPattern.source}/${codebook.settings.speakerPattern.flags}`;
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
