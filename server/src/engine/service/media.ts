/**
 * The recording beside a transcript: the `media:` of its front matter, judged (media.ts), and the
 * timestamps of its text (timestamps.ts), each a moment to play the recording from; and the one sentence
 * that says why a recording cannot be played.
 */
import { words, type Language } from '../messages';
import { mediaReference, type MediaReference } from '../transcript/media';
import { findTimestamps, timestampAt, type Timestamp } from '../transcript/timestamps';
import { CODEBOOK_ID, type ServiceModel } from './model';

export interface DocumentMedia {
  /** `media:` of the front matter, judged; undefined when the front matter names no recording. */
  media: MediaReference | undefined;
  timestamps: Timestamp[];
}

/** A transcript's recording and timestamps; undefined for the codebook or a document not indexed. */
export function documentMedia(model: ServiceModel, docId: string): DocumentMedia | undefined {
  if (docId === CODEBOOK_ID) return undefined;
  const parsed = model.project.index.parsed(docId);
  if (!parsed) return undefined;
  const written = parsed.frontMatter?.media;
  return { media: written === undefined ? undefined : mediaReference(written), timestamps: findTimestamps(parsed.text, parsed.bodyStart) };
}

/**
 * The moment to play from at `offset` of a transcript: its line's first timestamp, or the last one
 * before it; 0 (the start) when there is none.
 */
export function playFrom(model: ServiceModel, docId: string, media: DocumentMedia, offset: number): { seconds: number; timestamp?: Timestamp } {
  const doc = model.project.index.get(docId);
  if (!doc) return { seconds: 0 };
  const starts = doc.digest.lineStarts;
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  const lineEnd = line + 1 < starts.length ? starts[line + 1] : doc.digest.length;
  const timestamp = timestampAt(media.timestamps, offset, starts[line], lineEnd);
  return timestamp ? { seconds: timestamp.seconds, timestamp } : { seconds: 0 };
}

/**
 * Why the recording cannot be played, as one sentence in `language`; undefined when it can. `found` is
 * what the project's folder has at the recording's path (the caller looks).
 */
export function mediaProblem(language: Language, media: MediaReference | undefined, found: 'file' | 'folder' | undefined): string | undefined {
  if (!media || (!media.ok && media.problem === 'empty')) return words(language, 'media.none');
  if (!media.ok) {
    if (media.problem === 'not-playable') return words(language, 'media.not-playable', { extension: media.extension || '?', path: media.path });
    return words(language, 'media.outside', { path: media.path });
  }
  if (found === 'folder') return words(language, 'media.folder', { path: media.path });
  if (found !== 'file') return words(language, 'media.missing', { path: media.path });
  return undefined;
}
