/**
 * The recording a transcript names in its front matter (`media: audio/T09.m4a`): a path relative to the
 * project's folder, checked without touching the disk. Whether the file is there is the caller's
 * question (it has the host); which formats play is the editor's web view's: audio and video that
 * Chromium plays without extra codecs, and the MPEG-4 audio and video that VS Code's build plays.
 */

/** Extensions of the recordings the media panel plays, with what they are. */
export const PLAYABLE_MEDIA: Readonly<Record<string, 'audio' | 'video'>> = {
  mp3: 'audio',
  m4a: 'audio',
  wav: 'audio',
  ogg: 'audio',
  oga: 'audio',
  opus: 'audio',
  flac: 'audio',
  mp4: 'video',
  m4v: 'video',
  webm: 'video',
  ogv: 'video',
};

export type MediaReference =
  | { ok: true; /** Relative to the project, with `/`, without `./`. */ path: string; kind: 'audio' | 'video'; extension: string }
  | { ok: false; problem: 'absolute' | 'outside' | 'not-playable' | 'empty'; path: string; extension: string };

/** `media:` as written, judged: a playable file inside the project, or why it is not one. */
export function mediaReference(value: string): MediaReference {
  const written = value.trim();
  const name = written.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (written === '') return { ok: false, problem: 'empty', path: written, extension };
  if (/^([a-zA-Z][a-zA-Z0-9+.-]+:|[\\/]|[a-zA-Z]:)/.test(written)) return { ok: false, problem: 'absolute', path: written, extension };
  const parts: string[] = [];
  for (const part of written.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return { ok: false, problem: 'outside', path: written, extension };
      parts.pop();
    } else parts.push(part);
  }
  const path = parts.join('/');
  const kind = PLAYABLE_MEDIA[extension];
  if (!kind) return { ok: false, problem: 'not-playable', path, extension };
  return { ok: true, path, kind, extension };
}
