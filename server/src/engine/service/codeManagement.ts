/**
 * Managing codes from the code tree: a new code, renaming (label and slug), moving under another parent,
 * a new colour, deprecating and deleting. Each answers with the edits per document (codebook.yaml and the
 * transcripts) that together make the change, as spans of the texts the index holds, so a front end
 * applies them as one edit the user can undo; or with a refusal in the user's language. The codebook's
 * comments and layout are kept: only the spans that change are replaced, and every change to the
 * codebook is read back before it is offered, so none leaves a codebook that reads differently than meant.
 */
import { parseCodebook, resolveCode, type Codebook } from '../codebook/codebook';
import { insertCodeEdit, type TextEdit } from '../codebook/codebookEdits';
import {
  addAliasEdits,
  entryCut,
  entryDestination,
  isRefusal,
  mentionEdits,
  moveEntryEdits,
  setFieldEdits,
  setLabelEdits,
  yamlText,
  type EntryRefusal,
} from '../codebook/codeEntryEdits';
import { words } from '../messages';
import { isCodePath, planRename, type FileEdits } from '../project/refactorings';
import type { ProjectIndex } from '../project/projectIndex';
import { CODEBOOK_ID, type ServiceModel } from './model';
import { planOutcome, type Refusal } from './rename';

export type ManagementOutcome = { ok: true; files: FileEdits[]; /** The code's path after the change. */ path: string } | ManagementRefusal;

export interface ManagementRefusal extends Refusal {
  /** For a code that is in use: its codings (tags that count for it) and the transcripts they are in. */
  use?: CodeUse;
}

export interface CodeUse {
  codings: number;
  documents: number;
  /** Codes merged into this one. */
  mergedFrom: string[];
}

type Key = Parameters<typeof words>[1];

function refuse(model: ServiceModel, key: Key, args: Record<string, string | number> = {}, invalidRequest = false): ManagementRefusal {
  return { ok: false, message: words(model.language, key, args), invalidRequest };
}

/** The common checks: a usable codebook and an existing code. */
function checkCode(model: ServiceModel, path: string): ManagementRefusal | undefined {
  if (!model.project.codebookOk) return refuse(model, 'refuse.broken-codebook');
  if (!model.project.codebook.codes.has(path)) return refuse(model, 'refuse.unknown-code', { path }, true);
  return undefined;
}

function entryRefusal(model: ServiceModel, r: EntryRefusal, path: string): ManagementRefusal {
  return refuse(model, r.refused === 'flow' ? 'refuse.entry-flow' : 'refuse.entry-shape', { path });
}

/**
 * The codebook edits, when the codebook they make reads without errors and `expect` holds of it;
 * otherwise a refusal (the edit would not do what was asked, so it is not offered).
 */
function checked(model: ServiceModel, path: string, edits: TextEdit[], expect: (after: Codebook) => boolean): TextEdit[] | ManagementRefusal {
  const before = model.project.codebook;
  const after = parseCodebook(applyEdits(before.text, edits));
  const errors = after.diagnostics.filter((d) => d.severity === 'error').length;
  const errorsBefore = before.diagnostics.filter((d) => d.severity === 'error').length;
  if (!after.parsed || errors > errorsBefore || !expect(after)) return refuse(model, 'refuse.entry-shape', { path });
  return edits;
}

/** A text with edits (spans of it that do not overlap) applied. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end)) {
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Slugs and new codes

/**
 * A slug for a new code from its label: lower case, accents off, words joined by `-`, and made unique
 * among its siblings with `-2`, `-3`, … ("Geduld hebben" → `geduld-hebben`).
 */
export function proposeSlug(label: string, siblings: Iterable<string>): string {
  const taken = new Set(siblings);
  const base =
    label
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'code';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The slugs of the codes under `parentPath` (undefined: the top codes). */
export function siblingSlugs(codebook: Codebook, parentPath: string | undefined): string[] {
  const paths = parentPath === undefined ? codebook.roots : (codebook.codes.get(parentPath)?.children ?? []);
  return paths.map((p) => p.slice(p.lastIndexOf('/') + 1));
}

/** The edit that adds a code with `label` under `parentPath` (undefined: at the top), with `slug` or one proposed from the label. */
export function newCodeEdits(model: ServiceModel, parentPath: string | undefined, label: string, options: { slug?: string } = {}): ManagementOutcome {
  if (!model.project.codebookOk) return refuse(model, 'refuse.broken-codebook');
  const codebook = model.project.codebook;
  if (parentPath !== undefined && !codebook.codes.has(parentPath)) return refuse(model, 'refuse.unknown-code', { path: parentPath }, true);
  const name = label.trim();
  if (!name) return refuse(model, 'refuse.empty-label', {}, true);
  const slug = options.slug?.trim() || proposeSlug(name, siblingSlugs(codebook, parentPath));
  const path = parentPath ? `${parentPath}/${slug}` : slug;
  if (slug.includes('/') || !isCodePath(path)) return refuse(model, 'refuse.invalid-path', { path }, true);
  if (codebook.codes.has(path) || codebook.aliases.has(path)) return refuse(model, 'refuse.exists', { path });
  const edit = insertCodeEdit(codebook, path, name);
  if (typeof edit === 'string') return refuse(model, 'refuse.entry-shape', { path });
  const edits = checked(model, path, [edit], (after) => after.codes.has(path));
  if (!Array.isArray(edits)) return edits;
  return { ok: true, path, files: [{ file: CODEBOOK_ID, edits }] };
}

// ---------------------------------------------------------------------------------------------------
// Rename

/**
 * The edits that give the code a new label (in `language`, default the label language) and/or a new
 * slug. A new slug renames the code's tags in every transcript, its subcodes' paths, the merges that
 * name it and the codebook's texts that mention its path.
 */
export function renameCodeEdits(model: ServiceModel, path: string, change: { label?: string; slug?: string; language?: string }): ManagementOutcome {
  const wrong = checkCode(model, path);
  if (wrong) return wrong;
  const codebook = model.project.codebook;
  const code = codebook.codes.get(path)!;
  let files: FileEdits[] = [];
  let newPath = path;
  const slug = change.slug?.trim();
  if (slug !== undefined && slug !== code.slug) {
    newPath = code.parentPath ? `${code.parentPath}/${slug}` : slug;
    if (slug.includes('/') || !isCodePath(newPath)) return refuse(model, 'refuse.invalid-path', { path: newPath }, true);
    const outcome = planOutcome(planRename(model.project.index, path, newPath), model.language);
    if (!outcome.ok) return outcome;
    files = outcome.files;
  }
  const label = change.label?.trim();
  if (change.label !== undefined && !label) return refuse(model, 'refuse.empty-label', {}, true);
  if (label !== undefined) {
    const edits = setLabelEdits(codebook, path, label, change.language ?? model.labelLanguage);
    if (isRefusal(edits)) return entryRefusal(model, edits, path);
    const codebookFile = files.find((f) => f.file === CODEBOOK_ID);
    if (codebookFile) codebookFile.edits = [...codebookFile.edits, ...edits];
    else files.push({ file: CODEBOOK_ID, edits });
  }
  const codebookFile = files.find((f) => f.file === CODEBOOK_ID);
  if (codebookFile) {
    const edits = checked(model, path, codebookFile.edits, (after) => after.codes.has(newPath));
    if (!Array.isArray(edits)) return edits;
  }
  return { ok: true, path: newPath, files };
}

// ---------------------------------------------------------------------------------------------------
// Move

/**
 * The edits that move the code (with its subcodes) under `newParent` (undefined: to the top): its entry
 * moved in codebook.yaml, every tag of it and its subcodes rewritten to the new paths, the merges and the
 * codebook's texts that name the old paths too. With `keepAliases`, each moved code keeps its old path as
 * an alias, so tags written elsewhere (another coder's copy) still count.
 */
export function moveCodeEdits(model: ServiceModel, path: string, newParent: string | undefined, options: { keepAliases?: boolean } = {}): ManagementOutcome {
  const wrong = checkCode(model, path);
  if (wrong) return wrong;
  const codebook = model.project.codebook;
  const code = codebook.codes.get(path)!;
  if (newParent !== undefined && !codebook.codes.has(newParent)) return refuse(model, 'refuse.unknown-code', { path: newParent }, true);
  if (newParent === code.parentPath) return refuse(model, 'refuse.same-parent', { path, parent: newParent ?? '/' });
  if (newParent === path || newParent?.startsWith(`${path}/`)) return refuse(model, 'refuse.under-itself', { path, parent: newParent! });
  const newPath = newParent ? `${newParent}/${code.slug}` : code.slug;
  if (codebook.codes.has(newPath) || codebook.aliases.has(newPath)) return refuse(model, 'refuse.exists', { path: newPath });

  const moved = [path, ...[...codebook.codes.keys()].filter((p) => p.startsWith(`${path}/`))];
  const renamed = (p: string): string | undefined => (p === path ? newPath : p.startsWith(`${path}/`) ? newPath + p.slice(path.length) : undefined);
  const files = retagged(model.project.index, renamed);

  const cut = entryCut(codebook, path);
  if (isRefusal(cut)) return entryRefusal(model, cut, path);
  const destination = entryDestination(codebook, newParent);
  if (isRefusal(destination)) return entryRefusal(model, destination, newParent ?? path);

  // Edits of the original text: merges that name a moved code, mentions in texts, aliases for the old paths.
  const edits: TextEdit[] = [...mergeTargetEdits(codebook, renamed), ...mentionEdits(codebook, moved, renamed)];
  if (options.keepAliases) {
    for (const p of moved) {
      const alias = addAliasEdits(codebook, p, p);
      if (isRefusal(alias)) return entryRefusal(model, alias, p);
      edits.push(...alias);
    }
  }
  const inside = edits.filter((e) => e.span.start >= cut.block.start && e.span.end <= cut.block.end);
  const outside = edits.filter((e) => !inside.includes(e));
  const codebookEdits = [...outside, ...moveEntryEdits(codebook.text, cut, destination, inside)];
  const safe = checked(model, path, codebookEdits, (after) => moved.every((p) => after.codes.has(renamed(p)!) && !after.codes.has(p) && (!options.keepAliases || after.aliases.get(p) === renamed(p))));
  if (!Array.isArray(safe)) return safe;
  files.push({ file: CODEBOOK_ID, edits: safe });
  return { ok: true, path: newPath, files };
}

/** The `merged_into` values that name a renamed path, rewritten. */
function mergeTargetEdits(codebook: Codebook, renamed: (p: string) => string | undefined): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const other of codebook.codes.values()) {
    const span = other.mergedIntoSpan;
    const to = other.mergedInto !== undefined ? renamed(other.mergedInto) : undefined;
    if (!span || to === undefined) continue;
    const original = codebook.text.slice(span.start, span.end).trim();
    const q = original[0] === '"' || original[0] === "'" ? original[0] : '';
    edits.push({ span, newText: `${q}${to}${q}` });
  }
  return edits;
}

/** The tags of every transcript that name a renamed code (directly or by an alias of it), rewritten. */
function retagged(index: ProjectIndex, renamed: (p: string) => string | undefined): FileEdits[] {
  const codebook = index.codebook;
  const files: FileEdits[] = [];
  for (const doc of index.documents()) {
    const edits: TextEdit[] = [];
    for (const tag of doc.digest.tags) {
      if (!tag.wellFormed) continue;
      const r = resolveCode(codebook, tag.path);
      const target = renamed(tag.path) ?? (r.kind === 'alias' ? renamed(r.code.path) : undefined);
      if (target !== undefined) edits.push({ span: tag.pathSpan, newText: target });
    }
    if (edits.length > 0) files.push({ file: doc.id, edits });
  }
  return files;
}

// ---------------------------------------------------------------------------------------------------
// Colour and deprecation

const COLOR = /^#[0-9a-fA-F]{6}$/;

/** The edit that gives the code the colour `#RRGGBB`. */
export function recolorEdits(model: ServiceModel, path: string, color: string): ManagementOutcome {
  const wrong = checkCode(model, path);
  if (wrong) return wrong;
  const value = color.trim();
  if (!COLOR.test(value)) return refuse(model, 'refuse.color', { color: value }, true);
  const edits = setFieldEdits(model.project.codebook, path, 'color', `"${value.toLowerCase()}"`);
  if (isRefusal(edits)) return entryRefusal(model, edits, path);
  const safe = checked(model, path, edits, (after) => after.codes.get(path)?.color === value.toLowerCase());
  if (!Array.isArray(safe)) return safe;
  return { ok: true, path, files: [{ file: CODEBOOK_ID, edits: safe }] };
}

/** The edit that marks the code deprecated, with the reason when one is given. Its tags stay and count, with a warning. */
export function deprecateEdits(model: ServiceModel, path: string, reason = ''): ManagementOutcome {
  const wrong = checkCode(model, path);
  if (wrong) return wrong;
  const why = reason.trim();
  const edits = setFieldEdits(model.project.codebook, path, 'deprecated', why ? yamlText(why) : 'true');
  if (isRefusal(edits)) return entryRefusal(model, edits, path);
  const safe = checked(model, path, edits, (after) => after.codes.get(path)?.deprecated === (why || true));
  if (!Array.isArray(safe)) return safe;
  return { ok: true, path, files: [{ file: CODEBOOK_ID, edits: safe }] };
}

// ---------------------------------------------------------------------------------------------------
// Delete

/** How much a code is used: the tags that count for it (by its path, an alias, or a code merged into it) and where. */
export function codeUse(index: ProjectIndex, path: string): CodeUse {
  const codebook = index.codebook;
  let codings = 0;
  let documents = 0;
  for (const doc of index.documents()) {
    let here = 0;
    for (const tag of doc.digest.tags) {
      if (!tag.wellFormed) continue;
      const r = resolveCode(codebook, tag.path);
      if (r.kind === 'unknown') continue;
      if (r.code.path === path || (r.kind === 'merged' && r.from.path === path)) here++;
    }
    codings += here;
    if (here > 0) documents++;
  }
  const mergedFrom: string[] = [];
  for (const c of codebook.codes.values()) {
    if (c.mergedInto === undefined) continue;
    const r = resolveCode(codebook, c.path);
    if (r.kind === 'merged' && r.code.path === path) mergedFrom.push(c.path);
  }
  return { codings, documents, mergedFrom };
}

/**
 * The edit that deletes an unused code from codebook.yaml (its parent's `codes:` too when it was the only
 * one). A code with codings is refused with their number, so the user can merge or deprecate it instead;
 * so is a code with subcodes or one that other codes are merged into.
 */
export function deleteCodeEdits(model: ServiceModel, path: string): ManagementOutcome {
  const wrong = checkCode(model, path);
  if (wrong) return wrong;
  const codebook = model.project.codebook;
  const code = codebook.codes.get(path)!;
  if (code.children.length > 0) return refuse(model, 'refuse.has-subcodes', { path });
  const use = codeUse(model.project.index, path);
  if (use.codings > 0) return { ...refuse(model, 'refuse.in-use', { path, codings: use.codings, documents: use.documents }), use };
  if (use.mergedFrom.length > 0) return { ...refuse(model, 'refuse.merge-target', { path, from: use.mergedFrom.join(', ') }), use };
  const cut = entryCut(codebook, path);
  if (isRefusal(cut)) return entryRefusal(model, cut, path);
  const edits = checked(model, path, [{ span: cut.remove, newText: '' }], (after) => !after.codes.has(path) && after.codes.size === codebook.codes.size - 1);
  if (!Array.isArray(edits)) return edits;
  return { ok: true, path, files: [{ file: CODEBOOK_ID, edits }] };
}
