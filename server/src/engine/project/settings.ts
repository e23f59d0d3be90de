/**
 * Which files a project's settings make transcripts, and where new ones go. The settings themselves are
 * defined on the codebook's floor (codebook/projectSettings.ts), since the floors below the project read
 * them; they are exported here too for the callers above it.
 */
import picomatch from 'picomatch';
import type { ProjectSettings } from '../codebook/projectSettings';
import { CODEBOOK_FILE, inMemosFolder } from './projectFiles';

export {
  compileSpeakerPattern,
  DEFAULT_EXCLUDE,
  DEFAULT_INTERVIEWERS,
  DEFAULT_SPEAKER_PATTERN,
  DEFAULT_TRANSCRIPTS,
  defaultSettings,
  type PatternProblem,
  type ProjectSettings,
  type SpeakerPattern,
} from '../codebook/projectSettings';

/**
 * Where new transcripts go: the folder (relative to the project, with `/`, '' for its root) of the first
 * transcript pattern that a `.txt` in that folder would match (`transcripts/**\/*.txt` → `transcripts`).
 */
export function newTranscriptFolder(settings: Pick<ProjectSettings, 'transcripts' | 'exclude'>): string {
  const isTranscript = transcriptMatcher(settings);
  for (const pattern of settings.transcripts) {
    const parts = pattern.split('/');
    const fixed: string[] = [];
    for (const part of parts) {
      if (/[*?[\]{}()!+@]/.test(part)) break;
      fixed.push(part);
    }
    // The last fixed part of a pattern without wildcards is a file name, not a folder.
    if (fixed.length === parts.length) fixed.pop();
    const folder = fixed.join('/');
    if (isTranscript(folder ? `${folder}/transcript.txt` : 'transcript.txt')) return folder;
  }
  return '';
}

/** Tells whether a project-relative path (with `/`) is a transcript under these settings. */
export function transcriptMatcher(settings: Pick<ProjectSettings, 'transcripts' | 'exclude'>): (relPath: string) => boolean {
  const include = picomatch(settings.transcripts, { dot: false });
  const exclude = settings.exclude.length > 0 ? picomatch(settings.exclude, { dot: true }) : () => false;
  return (relPath) => {
    // The codebook and the free memos are never transcripts, whatever the globs say.
    if (relPath === CODEBOOK_FILE || inMemosFolder(relPath)) return false;
    return include(relPath) && !exclude(relPath);
  };
}
