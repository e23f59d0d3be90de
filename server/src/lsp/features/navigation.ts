/**
 * Navigation between tags and the codebook: go to definition (a tag, or a `merged_into` value, to the
 * code's key in codebook.yaml), find references (every segment of a code, from a tag or from the
 * codebook), and document highlights (the tags of the same code in a transcript).
 */
import { DocumentHighlightKind, type DocumentHighlight, type Location } from 'vscode-languageserver';
import { resolveCode, type Code } from '../../engine/codebook/codebook';
import { placeInCodebook } from '../../engine/codebook/codebookEdits';
import { checkCancelled, guard, type ServerContext, type Features } from '../context';
import { positionToOffset, spanToRange } from '../convert';
import type { Project } from '../workspace';

/** The code under the cursor, in a transcript (a tag) or in codebook.yaml (a key or a merge target). */
export function codeAtPosition(
  ctx: ServerContext,
  uri: string,
  position: { line: number; character: number },
): { project: Project; code: Code; tagPathSpan?: { start: number; end: number }; id?: string } | undefined {
  const place = ctx.locate(uri);
  if (!place) return undefined;
  const project = place.project;
  if (place.kind === 'codebook') {
    const offset = project.codebookPositions().offsetAt(position);
    const at = placeInCodebook(project.codebook, offset);
    if (!at || at.kind === 'entry') return undefined;
    const code = at.kind === 'key' ? at.code : project.codebook.codes.get(at.target);
    return code ? { project, code } : undefined;
  }
  if (place.kind !== 'transcript') return undefined;
  const doc = project.index.get(place.id);
  if (!doc) return undefined;
  const offset = positionToOffset(doc.digest.lineStarts, position, doc.digest.length);
  const i = doc.digest.tagIndexAt(offset);
  if (i < 0) return undefined;
  const r = resolveCode(project.codebook, doc.digest.tagPath(i));
  return r.kind === 'unknown' ? undefined : { project, code: r.code, tagPathSpan: doc.digest.tagPathSpan(i), id: place.id };
}

export function codeDefinition(project: Project, code: Code): Location {
  return { uri: project.codebookUri, range: spanToRange(project.codebookPositions().lineStarts, code.keySpan) };
}

export function registerNavigation({ ctx }: Features): void {
  ctx.connection.onDefinition(
    guard(ctx, 'definition', (params) => {
      const found = codeAtPosition(ctx, params.textDocument.uri, params.position);
      return found ? codeDefinition(found.project, found.code) : null;
    }),
  );

  ctx.connection.onReferences(
    guard(ctx, 'references', (params, token) => {
      const found = codeAtPosition(ctx, params.textDocument.uri, params.position);
      if (!found) return null;
      const { project, code } = found;
      const locations: Location[] = [];
      if (params.context.includeDeclaration) locations.push(codeDefinition(project, code));
      let n = 0;
      for (const doc of project.index.documents()) {
        if (++n % 200 === 0) checkCancelled(token);
        const uri = project.uriOf(doc.id);
        for (const s of doc.resolved.segments) {
          if (s.code === code.path) locations.push({ uri, range: spanToRange(doc.digest.lineStarts, s.span) });
        }
      }
      return locations;
    }),
  );

  ctx.connection.onDocumentHighlight(
    guard(ctx, 'highlight', (params): DocumentHighlight[] | null => {
      const found = codeAtPosition(ctx, params.textDocument.uri, params.position);
      if (!found || !found.id) return null;
      const doc = found.project.index.get(found.id)!;
      const codebook = found.project.codebook;
      const highlights: DocumentHighlight[] = [];
      for (const tag of doc.digest.tags) {
        const r = resolveCode(codebook, tag.path);
        if (r.kind !== 'unknown' && r.code.path === found.code.path) {
          highlights.push({ range: spanToRange(doc.digest.lineStarts, tag.span), kind: DocumentHighlightKind.Read });
        }
      }
      return highlights;
    }),
  );
}
