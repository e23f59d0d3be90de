/**
 * Between LSP handlers and the engine's editor features (engine/service): a document as the engine names
 * it (a project, and a transcript's id or the codebook), positions to offsets in it, and the spans of the
 * answers back to ranges and locations.
 */
import type { Location, Range } from 'vscode-languageserver';
import type { Span } from '../engine/diagnostics';
import { CODEBOOK_ID, type ServiceModel } from '../engine/service/model';
import type { ServerContext } from './context';
import { positionToOffset, spanToRange, type LineStarts } from './convert';
import type { Project } from './workspace';

export interface ServicePlace {
  project: Project;
  model: ServiceModel;
  /** The transcript's id, or CODEBOOK_ID. */
  docId: string;
  /** Line starts of the document (the codebook's of the text the index uses). */
  lineStarts: LineStarts;
  offsetAt(position: { line: number; character: number }): number;
  rangeOf(span: Span): Range;
}

/** The project as the engine's features read it, with the languages the user asked for. */
export function modelOf(ctx: Pick<ServerContext, 'labelLanguage' | 'language'>, project: Project): ServiceModel {
  return { project, labelLanguage: ctx.labelLanguage(project), language: ctx.language() };
}

/** An indexed transcript or a project's codebook, with its pending changes applied; else undefined. */
export function servicePlace(ctx: ServerContext, uri: string): ServicePlace | undefined {
  const place = ctx.locate(uri);
  if (!place || place.kind === 'other') return undefined;
  const project = place.project;
  const model = modelOf(ctx, project);
  if (place.kind === 'codebook') {
    const positions = project.codebookPositions();
    return {
      project,
      model,
      docId: CODEBOOK_ID,
      lineStarts: positions.lineStarts,
      offsetAt: (position) => positions.offsetAt(position),
      rangeOf: (span) => spanToRange(positions.lineStarts, span),
    };
  }
  const doc = project.index.get(place.id);
  if (!doc) return undefined;
  const lines = doc.digest.lineStarts;
  return {
    project,
    model,
    docId: place.id,
    lineStarts: lines,
    offsetAt: (position) => positionToOffset(lines, position, doc.digest.length),
    rangeOf: (span) => spanToRange(lines, span),
  };
}

/** Line starts of a project's document (the codebook's of the text the index uses). */
function lineStartsIn(project: Project, docId: string): LineStarts | undefined {
  if (docId === CODEBOOK_ID) return project.codebookPositions().lineStarts;
  return project.index.get(docId)?.digest.lineStarts;
}

export function uriIn(project: Project, docId: string): string {
  return docId === CODEBOOK_ID ? project.codebookUri : project.uriOf(docId);
}

export function rangeIn(project: Project, docId: string, span: Span): Range | undefined {
  const lines = lineStartsIn(project, docId);
  return lines ? spanToRange(lines, span) : undefined;
}

export function locationIn(project: Project, docId: string, span: Span): Location | undefined {
  const range = rangeIn(project, docId, span);
  return range ? { uri: uriIn(project, docId), range } : undefined;
}
