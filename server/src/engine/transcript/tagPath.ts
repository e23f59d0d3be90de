/** What a tag's path is made of: slugs of letters, digits, `_`, `.` and `-`, joined by `/` (README, "Transcripts"). */
const PATH = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*(?:\/[\p{L}\p{N}][\p{L}\p{N}_.-]*)*$/u;

/** Whether a (trimmed) tag path is well formed: not empty, and slugs joined by `/`. */
export function isWellFormedPath(path: string): boolean {
  return PATH.test(path);
}
