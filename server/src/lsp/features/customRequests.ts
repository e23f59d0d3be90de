/**
 * The requests the Codeboom client makes beyond LSP (protocol.ts): the projects, a project's code tree
 * with counts, the code × participant matrix, and the segments of a code, a participant or a
 * document-variable value with their place and words.
 */
import type { ServiceModel } from '../../engine/service/model';
import { codeTree, countMatrix } from '../../engine/service/counts';
import { documentVariables, findSegments } from '../../engine/analysis/retrieval';
import { codeLabel, codeLineage } from '../../engine/codebook/codebook';
import { localize } from '../../engine/codebook/localized';
import { cleanText } from '../../engine/transcript/transcript';
import { checkCancelled, guard, type Features } from '../context';
import { modelOf } from '../service';
import { spanToRange } from '../convert';
import {
  CodebookTreeRequest,
  DocumentKindRequest,
  DocumentSegmentsRequest,
  MatrixRequest,
  ProjectsRequest,
  SegmentsRequest,
  type ProjectInfo,
  type SegmentInfo,
} from '../protocol';

export function registerCustomRequests({ ctx, ready }: Features): void {
  ctx.connection.onRequest(
    ProjectsRequest.type,
    guard(ctx, 'projects', async (): Promise<ProjectInfo[]> => {
      await ready();
      return ctx.workspace.all().map((p) => ({
        root: p.rootUri,
        codebook: p.codebookUri,
        title: localize(p.codebook.title, ctx.labelLanguage(p), p.codebook.settings.language),
        language: p.codebook.settings.language,
        languages: p.codebook.languages as string[],
        participants: p.index.participants(),
        documents: p.index.size,
        variables: [...documentVariables(p.index)].map(([name, values]) => ({ name, values })),
        codebookOk: p.codebookOk,
        transcripts: [...p.codebook.settings.transcripts],
      }));
    }),
  );

  ctx.connection.onRequest(
    DocumentKindRequest.type,
    guard(ctx, 'document kind', async (params) => {
      await ready();
      const place = ctx.locate(params.uri);
      if (!place) return { kind: 'other' as const };
      return { kind: place.kind, project: place.project.rootUri };
    }),
  );

  ctx.connection.onRequest(
    DocumentSegmentsRequest.type,
    guard(ctx, 'document segments', async (params) => {
      await ready();
      const place = ctx.locate(params.uri);
      const version = ctx.documents.get(params.uri)?.version ?? null;
      if (!place || place.kind !== 'transcript') return { version, segments: [] };
      const doc = place.project.index.get(place.id);
      if (!doc) return { version, segments: [] };
      const codebook = place.project.codebook;
      const language = params.language ?? ctx.labelLanguage(place.project);
      const lines = doc.digest.lineStarts;
      return {
        version,
        segments: doc.resolved.segments.map((s) => {
          const lineage = codeLineage(codebook, s.code);
          const code = lineage[lineage.length - 1];
          return {
            range: spanToRange(lines, s.span),
            code: s.code,
            label: code ? codeLabel(codebook, code, language) : s.code,
            color: [...lineage].reverse().find((c) => c.color)?.color,
            participant: s.participant,
            passage: s.passage >= 0,
          };
        }),
      };
    }),
  );

  ctx.connection.onRequest(
    CodebookTreeRequest.type,
    guard(ctx, 'code tree', async (params) => {
      await ready();
      const project = ctx.workspace.byRootUri(params.project);
      if (!project) return null;
      return codeTree(withLabels(modelOf(ctx, project), params.language), params);
    }),
  );

  ctx.connection.onRequest(
    MatrixRequest.type,
    guard(ctx, 'matrix', async (params) => {
      await ready();
      const project = ctx.workspace.byRootUri(params.project);
      if (!project) return null;
      return countMatrix(withLabels(modelOf(ctx, project), params.language), params);
    }),
  );

  ctx.connection.onRequest(
    SegmentsRequest.type,
    guard(ctx, 'segments', async (params, token) => {
      await ready();
      const project = ctx.workspace.byRootUri(params.project);
      if (!project) return [];
      const codebook = project.codebook;
      const language = params.language ?? ctx.labelLanguage(project);
      const hits = findSegments(project.index, {
        code: params.code,
        includeSubcodes: params.includeSubcodes,
        participant: params.participant,
        variable: params.variable,
        withInterviewers: params.withInterviewers,
      });
      const limited = params.limit !== undefined ? hits.slice(0, params.limit) : hits;
      const result: SegmentInfo[] = [];
      for (let i = 0; i < limited.length; i++) {
        if (i % 100 === 0) checkCancelled(token);
        const { document, segment } = limited[i];
        const parsed = project.index.parsed(document.id);
        const code = codebook.codes.get(segment.code);
        result.push({
          uri: project.uriOf(document.id),
          range: spanToRange(document.digest.lineStarts, segment.span),
          code: segment.code,
          codeLabel: code ? codeLabel(codebook, code, language) : segment.code,
          color: code?.color,
          participant: segment.participant,
          speaker: segment.speaker,
          text: parsed ? cleanText(parsed, segment.span) : '',
          memos: [...segment.memos],
        });
      }
      return result;
    }),
  );
}

/** The model with the labels in the language a request asked for, if it did. */
function withLabels(model: ServiceModel, language: string | undefined): ServiceModel {
  return language ? { ...model, labelLanguage: language } : model;
}
