/**
 * The arrays and caches that a project's transcript scans reuse, owned by the project's index and passed
 * down to each scan (once per document), so that nothing of a scan lives at module level: a web worker,
 * the tests and the server can each hold several projects without one's scan overwriting another's.
 *
 * A scan writes its records into the arrays here and returns views of them, so its caller copies what it
 * keeps before the next scan with the same workspace.
 */
import { withRoom } from '../int32Slab';
import { ByteStrings } from '../text/byteStrings';
import { Utf8Tally } from '../text/utf8';
import { CODING, MARKUP, PARAGRAPH, PASSAGE, TAG, TURN } from './records';
import { SpeakerMatchers } from './speakers';
import { isWellFormedPath } from './tagPath';

/** Arrays above this many elements are not kept after a scan, so one huge file does not hold memory. */
const KEEP_LIMIT = 1 << 20;

/** Distinct strings kept for interning: beyond that, strings are kept as they come. */
const INTERN_LIMIT = 100_000;

export class ScanWorkspace {
  lineStarts: Int32Array = new Int32Array(1024);
  turns: Int32Array = new Int32Array(256 * TURN.fields);
  paragraphs: Int32Array = new Int32Array(256 * PARAGRAPH.fields);
  tags: Int32Array = new Int32Array(256 * TAG.fields);
  passages: Int32Array = new Int32Array(128 * PASSAGE.fields);
  markup: Int32Array = new Int32Array(512 * MARKUP.fields);
  codings: Int32Array = new Int32Array(256 * CODING.fields);
  /** Per paragraph: its words' start and end once a tag has asked for them, else -1. */
  words: Int32Array = new Int32Array(256 * 2);
  /** The speakers and paths of the latest scan (only its first turnCount and tagCount entries). */
  speakers: string[] = [];
  paths: string[] = [];
  /** The matcher of speaker labels, made once per speaker pattern. */
  readonly speakerMatchers = new SpeakerMatchers();
  /** The lists that convert byte offsets to UTF-16, shared by the converters of this project's scans. */
  readonly utf8 = new Utf8Tally();
  /** Whether a path is well formed, by path (most tags repeat a few dozen paths). */
  private readonly wellFormed = new Map<string, boolean>();
  /** Tag paths as strings with whether each is well formed, made once per distinct run of bytes. */
  readonly pathStrings = new ByteStrings<boolean>((path) => this.isWellFormedPath(path));
  /** One string per distinct code path or speaker in the digests, however many tags write it. */
  private readonly interned = new Map<string, string>();

  isWellFormedPath(path: string): boolean {
    let wellFormed = this.wellFormed.get(path);
    if (wellFormed === undefined) {
      wellFormed = isWellFormedPath(path);
      if (this.wellFormed.size < 10_000) this.wellFormed.set(path, wellFormed);
    }
    return wellFormed;
  }

  /** The one string kept for a path or speaker equal to `s`. */
  intern(s: string): string {
    const known = this.interned.get(s);
    if (known !== undefined) return known;
    if (this.interned.size < INTERN_LIMIT) this.interned.set(s, s);
    return s;
  }

  /** Grows the line starts to hold at least `needed` entries. */
  roomForLines(needed: number): Int32Array {
    return (this.lineStarts = withRoom(this.lineStarts, needed));
  }

  /** After a scan: lets a huge file's arrays go (the scan that made them still holds them). */
  releaseLarge(): void {
    if (this.lineStarts.length <= KEEP_LIMIT && this.tags.length <= KEEP_LIMIT && this.codings.length <= KEEP_LIMIT && this.paths.length <= KEEP_LIMIT) return;
    this.paths = [];
    this.speakers = [];
    this.lineStarts = new Int32Array(1024);
    this.turns = new Int32Array(256 * TURN.fields);
    this.paragraphs = new Int32Array(256 * PARAGRAPH.fields);
    this.tags = new Int32Array(256 * TAG.fields);
    this.passages = new Int32Array(128 * PASSAGE.fields);
    this.markup = new Int32Array(512 * MARKUP.fields);
    this.codings = new Int32Array(256 * CODING.fields);
    this.words = new Int32Array(256 * 2);
  }
}
