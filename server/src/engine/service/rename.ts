/**
 * Renaming a code from one of its tags or from its key in codebook.yaml: the tags in every transcript,
 * the key in the codebook and its subcodes' paths, as edits per document. From a tag the new name is a
 * path; from the key it is a slug. What cannot be done is refused with a sentence for the user.
 */
import type { Span } from '../diagnostics';
import { words, type Language } from '../messages';
import { planMerge, planRename, type FileEdits, type Plan } from '../project/refactorings';
import type { ServiceModel } from './model';
import { codeAt } from './navigation';

export interface Refusal {
  ok: false;
  /** Why, for the user. */
  message: string;
  /** true when the request itself was wrong (a name that is no code path, a code that does not exist). */
  invalidRequest: boolean;
}

export type EditsOrRefusal = { ok: true; files: FileEdits[] } | Refusal;

function refusal(message: string, invalidRequest = false): Refusal {
  return { ok: false, message, invalidRequest };
}

/** What a rename at `offset` would rename: the tag's path or the key, and the name to start from. */
export function prepareRename(model: ServiceModel, docId: string, offset: number): { ok: true; span: Span; placeholder: string } | Refusal {
  const found = codeAt(model, docId, offset);
  if (!found) return refusal(words(model.language, 'refuse.not-a-code'));
  if (!model.project.codebookOk) return refusal(words(model.language, 'refuse.broken-codebook'));
  if (found.tag) return { ok: true, span: found.tag.pathSpan, placeholder: found.code.path };
  return { ok: true, span: found.code.keySpan, placeholder: found.code.slug };
}

/** The edits that rename the code at `offset` to `newName` (a path from a tag, a slug from the codebook). */
export function renameEdits(model: ServiceModel, docId: string, offset: number, newName: string): EditsOrRefusal {
  const found = codeAt(model, docId, offset);
  if (!found) return refusal(words(model.language, 'refuse.not-a-code'));
  if (!model.project.codebookOk) return refusal(words(model.language, 'refuse.broken-codebook'));
  const code = found.code;
  const name = newName.trim();
  const newPath = found.tag ? name : code.parentPath ? `${code.parentPath}/${name}` : name;
  return planOutcome(planRename(model.project.index, code.path, newPath), model.language);
}

/** The edits that merge `from` into `into`: every tag rewritten, `from` marked `merged_into` in the codebook. */
export function mergeEdits(model: ServiceModel, from: string, into: string): EditsOrRefusal {
  if (!model.project.codebookOk) return refusal(words(model.language, 'refuse.broken-codebook'));
  return planOutcome(planMerge(model.project.index, from, into), model.language);
}

/** A plan's edits, or its refusal in words. */
export function planOutcome(plan: Plan, lang: Language): EditsOrRefusal {
  if (plan.ok) return { ok: true, files: plan.files };
  const { ok: _ok, reason, ...args } = plan;
  const message = words(lang, `refuse.${reason}` as Parameters<typeof words>[1], args as Record<string, string>);
  return refusal(message, reason === 'invalid-path' || reason === 'unknown-code');
}
