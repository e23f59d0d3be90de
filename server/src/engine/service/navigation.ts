/**
 * Navigation between tags and the codebook: the code at a place (a tag in a transcript; a key or a
 * `merged_into` value in codebook.yaml), its definition (its key in the codebook), its references (every
 * segment of the code) and the tags of the same code in one transcript.
 */
import { resolveCode, type Code } from '../codebook/codebook';
import { placeInCodebook } from '../codebook/codebookEdits';
import type { Span } from '../diagnostics';
import { CODEBOOK_ID, type ServiceModel } from './model';

/** A span in a document of the project: a transcript's id, or CODEBOOK_ID. */
export interface DocumentSpan {
  docId: string;
  span: Span;
}

export interface CodeAt {
  code: Code;
  /** What names the code there: the tag, the key or the `merged_into` value. */
  span: Span;
  /** When it is a tag: its number in the document, the span of its path, and how its path resolved. */
  tag?: { index: number; pathSpan: Span; resolution: 'exact' | 'alias' | 'merged' | 'deprecated' };
}

/** The code named at `offset` of a document, if a known code is named there. */
export function codeAt(model: ServiceModel, docId: string, offset: number): CodeAt | undefined {
  const { codebook, index } = model.project;
  if (docId === CODEBOOK_ID) {
    const at = placeInCodebook(codebook, offset);
    if (!at || at.kind === 'entry') return undefined;
    if (at.kind === 'key') return { code: at.code, span: at.code.keySpan };
    const target = codebook.codes.get(at.target);
    return target ? { code: target, span: at.span } : undefined;
  }
  const doc = index.get(docId);
  if (!doc) return undefined;
  const i = doc.digest.tagIndexAt(offset);
  if (i < 0) return undefined;
  const r = resolveCode(codebook, doc.digest.tagPath(i));
  if (r.kind === 'unknown') return undefined;
  return { code: r.code, span: doc.digest.tagSpan(i), tag: { index: i, pathSpan: doc.digest.tagPathSpan(i), resolution: r.kind } };
}

/** Where a code is defined: its key in codebook.yaml. */
export function codeDefinition(code: Code): DocumentSpan {
  return { docId: CODEBOOK_ID, span: code.keySpan };
}

export function definitionAt(model: ServiceModel, docId: string, offset: number): DocumentSpan | undefined {
  const found = codeAt(model, docId, offset);
  return found ? codeDefinition(found.code) : undefined;
}

/**
 * Every segment of the code at `offset`, document by document (and its key first when asked for).
 * `checkCancelled` is called now and then, as a project may have many documents; it stops the search by
 * throwing.
 */
export function referencesAt(
  model: ServiceModel,
  docId: string,
  offset: number,
  options: { includeDeclaration?: boolean; checkCancelled?: () => void } = {},
): DocumentSpan[] | undefined {
  const found = codeAt(model, docId, offset);
  if (!found) return undefined;
  const path = found.code.path;
  const result: DocumentSpan[] = options.includeDeclaration ? [codeDefinition(found.code)] : [];
  let n = 0;
  for (const doc of model.project.index.documents()) {
    if (++n % 200 === 0) options.checkCancelled?.();
    for (const s of doc.resolved.segments) if (s.code === path) result.push({ docId: doc.id, span: s.span });
  }
  return result;
}

/** In a transcript, the tags that name the same code as the tag at `offset` (by any of its names). */
export function highlightsAt(model: ServiceModel, docId: string, offset: number): Span[] | undefined {
  if (docId === CODEBOOK_ID) return undefined;
  const found = codeAt(model, docId, offset);
  const doc = model.project.index.get(docId);
  if (!found || !doc) return undefined;
  const codebook = model.project.codebook;
  const spans: Span[] = [];
  for (const tag of doc.digest.tags) {
    const r = resolveCode(codebook, tag.path);
    if (r.kind !== 'unknown' && r.code.path === found.code.path) spans.push(tag.span);
  }
  return spans;
}
