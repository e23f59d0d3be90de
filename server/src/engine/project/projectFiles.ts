/**
 * Which files make a project: the one definition that the loader, the language server's watchers and the
 * VS Code client read, so that none of them keeps its own copy in step by hand.
 *
 * A project is a folder with `codebook.yaml`; its transcripts are the files its `project.transcripts` globs
 * match (`transcriptMatcher` in settings.ts). Editors watch the codebook and every file with one of the text
 * extensions below everywhere, and, for a project whose globs name other files, those globs as well.
 */

/** The codebook's file name; the folder that holds it is the project. */
export const CODEBOOK_FILE = 'codebook.yaml';

/**
 * The folder of the project's free memos, beside codebook.yaml: one Markdown file per memo, whose first
 * `# heading` is its title. Nothing in it is ever a transcript, whatever the transcript globs say.
 */
export const MEMOS_FOLDER = 'memos';

/** The extension of a free memo's file. */
export const MEMO_EXTENSION = 'md';

/** Whether a project-relative path (with `/`) lies in the memos folder, where no transcript is. */
export function inMemosFolder(relPath: string): boolean {
  return relPath.startsWith(`${MEMOS_FOLDER}/`);
}

/** Whether a project-relative path is a free memo: a Markdown file in the memos folder. */
export function isMemoFile(relPath: string): boolean {
  return inMemosFolder(relPath) && relPath.toLowerCase().endsWith(`.${MEMO_EXTENSION}`);
}

/** Extensions of the files a transcript usually is: the default globs' and the editor's transcript language's. */
export const TEXT_EXTENSIONS: readonly string[] = ['txt', 'md', 'text', 'transcript'];

/** The globs an editor watches in every workspace: every codebook, and every file with a text extension. */
export const WATCHED_GLOBS: readonly string[] = [`**/${CODEBOOK_FILE}`, `**/*.{${TEXT_EXTENSIONS.join(',')}}`];

/** Folders that no listing of a project enters. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

/**
 * Whether the files a transcript glob matches are all watched already by WATCHED_GLOBS: a glob that ends
 * in one of the text extensions (`*.txt`) or a brace list of them (`*.{txt,md}`).
 */
export function watchedAlways(glob: string): boolean {
  const ext = TEXT_EXTENSIONS.join('|');
  return new RegExp(`\\.(${ext})$|\\.\\{(${ext})(,(${ext}))*\\}$`, 'i').test(glob);
}

/** The transcript globs of a project that need a watcher of their own, beyond WATCHED_GLOBS. */
export function globsToWatch(transcripts: readonly string[]): string[] {
  return transcripts.filter((glob) => !watchedAlways(glob));
}
