/**
 * Changes across a whole project as plans of text edits: renaming a code (its tags in every transcript,
 * its key and the merges that name it in the codebook), merging one code into another, replacing the
 * tags of an old path with the current one. Front ends turn a plan into an edit the user can undo.
 */
import { resolveCode, type Codebook } from '../codebook/codebook';
import { mergedIntoEdits, renameKeyEdits, type TextEdit } from '../codebook/codebookEdits';
import { mentionEdits } from '../codebook/codeEntryEdits';
import type { ProjectIndex } from './projectIndex';
import { CODEBOOK_FILE } from './projectFiles';

export const CODEBOOK_ID = CODEBOOK_FILE;

export interface FileEdits {
  /** A transcript's id, or `codebook.yaml`. */
  file: string;
  edits: TextEdit[];
}

export type RefusalReason =
  | { reason: 'unknown-code'; path: string }
  | { reason: 'invalid-path'; path: string }
  | { reason: 'exists'; path: string }
  | { reason: 'other-parent'; path: string; newPath: string }
  | { reason: 'same-code'; path: string }
  | { reason: 'has-subcodes'; path: string }
  | { reason: 'into-subcode'; path: string; into: string }
  | { reason: 'codebook'; detail: string };

export type Plan = { ok: true; files: FileEdits[] } | ({ ok: false } & RefusalReason);

const PATH = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*(?:\/[\p{L}\p{N}][\p{L}\p{N}_.-]*)*$/u;

export function isCodePath(path: string): boolean {
  return PATH.test(path);
}

function pathExists(codebook: Codebook, path: string): boolean {
  return codebook.codes.has(path) || codebook.aliases.has(path);
}

/**
 * Renames `oldPath` to `newPath` (the same parent, another slug), with its subcodes. Tags written with an
 * alias of a renamed code are rewritten to the new path too.
 */
export function planRename(index: ProjectIndex, oldPath: string, newPath: string): Plan {
  const codebook = index.codebook;
  const code = codebook.codes.get(oldPath);
  if (!code) return { ok: false, reason: 'unknown-code', path: oldPath };
  if (!isCodePath(newPath)) return { ok: false, reason: 'invalid-path', path: newPath };
  if (newPath === oldPath) return { ok: true, files: [] };
  if (pathExists(codebook, newPath)) return { ok: false, reason: 'exists', path: newPath };
  const parent = newPath.includes('/') ? newPath.slice(0, newPath.lastIndexOf('/')) : undefined;
  if (parent !== code.parentPath) return { ok: false, reason: 'other-parent', path: oldPath, newPath };
  const newSlug = newPath.slice(newPath.lastIndexOf('/') + 1);
  const renamed = (current: string): string | undefined =>
    current === oldPath ? newPath : current.startsWith(`${oldPath}/`) ? newPath + current.slice(oldPath.length) : undefined;

  const files: FileEdits[] = [];
  for (const doc of index.documents()) {
    const edits: TextEdit[] = [];
    for (const tag of doc.digest.tags) {
      if (!tag.wellFormed) continue;
      const r = resolveCode(codebook, tag.path);
      // Tags written with the old path (or an alias of it) follow the rename; merged codes keep their tags.
      const written = renamed(tag.path);
      const viaAlias = r.kind === 'alias' ? renamed(r.code.path) : undefined;
      const target = written ?? viaAlias;
      if (target !== undefined) edits.push({ span: tag.pathSpan, newText: target });
    }
    if (edits.length > 0) files.push({ file: doc.id, edits });
  }
  // The codebook's texts that name the code ("use a/b") follow it too.
  files.push({ file: CODEBOOK_ID, edits: [...renameKeyEdits(codebook, oldPath, newSlug), ...mentionEdits(codebook, [oldPath, ...[...codebook.codes.keys()].filter((p) => p.startsWith(`${oldPath}/`))], renamed)] });
  return { ok: true, files };
}

/**
 * Merges `from` into `into`: every tag that counts for `from` is rewritten to `into`, and `from` gets
 * `merged_into: into` in the codebook, so tags written elsewhere (another coder's branch) still count.
 */
export function planMerge(index: ProjectIndex, from: string, into: string): Plan {
  const codebook = index.codebook;
  const source = codebook.codes.get(from);
  if (!source) return { ok: false, reason: 'unknown-code', path: from };
  if (!codebook.codes.has(into)) return { ok: false, reason: 'unknown-code', path: into };
  if (from === into) return { ok: false, reason: 'same-code', path: from };
  if (source.children.length > 0) return { ok: false, reason: 'has-subcodes', path: from };
  if (into.startsWith(`${from}/`)) return { ok: false, reason: 'into-subcode', path: from, into };
  const files: FileEdits[] = [];
  for (const doc of index.documents()) {
    const edits: TextEdit[] = [];
    for (const tag of doc.digest.tags) {
      if (!tag.wellFormed) continue;
      const r = resolveCode(codebook, tag.path);
      const counted = r.kind === 'merged' ? r.from.path : r.kind === 'unknown' ? undefined : r.code.path;
      if (tag.path === from || (counted === from && tag.path !== into)) edits.push({ span: tag.pathSpan, newText: into });
    }
    if (edits.length > 0) files.push({ file: doc.id, edits });
  }
  const codebookEdits = mergedIntoEdits(codebook, from, into);
  if (typeof codebookEdits === 'string') return { ok: false, reason: 'codebook', detail: codebookEdits };
  files.push({ file: CODEBOOK_ID, edits: codebookEdits });
  return { ok: true, files };
}

/**
 * Replaces the tags written as `written` with `replacement`: in one document, or in every document when
 * `only` is not given (the quick fix for an alias, a merged or a deprecated code "in the whole workspace").
 */
export function planReplaceTags(index: ProjectIndex, written: string, replacement: string, only?: string): FileEdits[] {
  const files: FileEdits[] = [];
  for (const doc of only ? [index.get(only)].filter((d) => d !== undefined) : index.documents()) {
    const edits = doc.digest.tags.filter((t) => t.path === written).map((t) => ({ span: t.pathSpan, newText: replacement }));
    if (edits.length > 0) files.push({ file: doc.id, edits });
  }
  return files;
}
