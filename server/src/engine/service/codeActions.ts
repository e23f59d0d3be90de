/**
 * Quick fixes and refactorings at a place: an unknown code replaced with one of the nearest codes or added
 * to the codebook under its parent; an old name, a merged or a grouping code replaced with the current
 * code here or in every transcript; and merging the code under the cursor into a sibling, which is only
 * named here (a command) and computed when chosen (mergeEdits in rename.ts).
 */
import { insertCodeEdit } from '../codebook/codebookEdits';
import type { Diagnostic, Span } from '../diagnostics';
import { words } from '../messages';
import { CODEBOOK_ID, isCodePath, planReplaceTags, type FileEdits } from '../project/refactorings';
import type { ServiceModel } from './model';
import { codeAt } from './navigation';

export interface CodeActionInfo {
  title: string;
  kind: 'quickfix' | 'refactor.rewrite';
  /** The problem it fixes. */
  diagnostic?: Diagnostic;
  isPreferred?: boolean;
  edits?: FileEdits[];
  /** A change computed only when chosen. */
  command?: { name: 'merge-code'; from: string; into: string };
}

/** The fixes for the document's problems that touch `span`, and the refactorings of the code at its start. */
export function codeActionsFor(model: ServiceModel, docId: string, span: Span): CodeActionInfo[] | undefined {
  const { project, language: lang } = model;
  const actions: CodeActionInfo[] = [];
  if (docId !== CODEBOOK_ID) {
    const doc = project.index.get(docId);
    if (!doc) return undefined;
    for (const d of doc.resolved.diagnostics) {
      if (d.span.start > span.end || d.span.end < span.start) continue;
      const replaceHere = (path: string, preferred: boolean): CodeActionInfo => ({
        title: words(lang, 'replaceWith', { path }),
        kind: 'quickfix',
        diagnostic: d,
        isPreferred: preferred,
        edits: [{ file: docId, edits: [{ span: d.span, newText: path }] }],
      });
      const written = String(d.args.path ?? '');
      if (d.code === 'code.unknown') {
        const suggestions = (d.args.suggestions as string[] | undefined) ?? [];
        suggestions.forEach((s, i) => actions.push(replaceHere(s, i === 0)));
        const add = addToCodebook(model, written, d);
        if (add) actions.push(add);
      } else if (d.code === 'code.alias' || d.code === 'code.merged') {
        const replacement = String(d.args.replacement);
        actions.push(replaceHere(replacement, true));
        actions.push({
          title: words(lang, 'replaceEverywhere', { from: written, path: replacement }),
          kind: 'quickfix',
          diagnostic: d,
          edits: planReplaceTags(project.index, written, replacement),
        });
      } else if (d.code === 'code.not-codable') {
        for (const child of (d.args.suggestions as string[] | undefined) ?? []) actions.push(replaceHere(child, false));
      } else if (d.code === 'file.extra-bom') {
        actions.push({
          title: words(lang, 'removeExtraBom'),
          kind: 'quickfix',
          diagnostic: d,
          isPreferred: true,
          edits: [{ file: docId, edits: [{ span: d.span, newText: '' }] }],
        });
      }
    }
  }

  // Merging the code under the cursor into one of its siblings.
  const found = codeAt(model, docId, span.start);
  if (found && project.codebookOk && found.code.children.length === 0) {
    const codebook = project.codebook;
    const from = found.code.path;
    const siblings = found.code.parentPath ? codebook.codes.get(found.code.parentPath)!.children : [...codebook.roots];
    for (const into of siblings) {
      const target = codebook.codes.get(into);
      if (into === from || !target || !target.codable || target.mergedInto) continue;
      actions.push({ title: words(lang, 'mergeInto', { from, path: into }), kind: 'refactor.rewrite', command: { name: 'merge-code', from, into } });
    }
  }
  return actions;
}

/** Adds an unknown code to the codebook under the deepest parent that exists (one level at a time). */
function addToCodebook(model: ServiceModel, path: string, diagnostic: Diagnostic): CodeActionInfo | undefined {
  const { project } = model;
  if (!project.codebookOk || !isCodePath(path)) return undefined;
  const slugs = path.split('/');
  let parentDepth = slugs.length - 1;
  while (parentDepth > 0 && !project.codebook.codes.has(slugs.slice(0, parentDepth).join('/'))) parentDepth--;
  const target = slugs.slice(0, parentDepth + 1).join('/');
  const slug = slugs[parentDepth];
  const label = slug.charAt(0).toUpperCase() + slug.slice(1).replace(/[-_]/g, ' ');
  const edit = insertCodeEdit(project.codebook, target, label);
  if (typeof edit === 'string') return undefined;
  return {
    title: words(model.language, 'addToCodebook', { path: target }),
    kind: 'quickfix',
    diagnostic,
    edits: [{ file: CODEBOOK_ID, edits: [edit] }],
  };
}
