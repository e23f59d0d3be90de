/**
 * Co-occurrence for the client's heat map: the code × code matrix for a unit (overlap, paragraph, turn,
 * window of paragraphs), and the pairs of segments behind a cell with their places and words.
 */
import { cooccurrence, cooccurringSegments, parseCooccurrenceUnit, unitName, type PairSegment } from '../../engine/analysis/cooccurrence';
import { codeLabel } from '../../engine/codebook/codebook';
import { words } from '../../engine/messages';
import { guard, invalidParams, type Features } from '../context';
import { spanToRange } from '../convert';
import { CooccurrenceRequest, CooccurringSegmentsRequest, type PairSide } from '../protocol';

export function registerCooccurrence({ ctx, ready }: Features): void {
  ctx.connection.onRequest(
    CooccurrenceRequest.type,
    guard(ctx, 'co-occurrence', async (params) => {
      await ready();
      const project = ctx.workspace.byRootUri(params.project);
      if (!project) return null;
      const unit = parseCooccurrenceUnit(params.unit);
      if (!unit) throw invalidParams(words(ctx.language(), 'refuse.unit', { unit: String(params.unit) }));
      const m = cooccurrence(project.index, { unit, withInterviewers: params.withInterviewers });
      const language = params.language ?? ctx.labelLanguage(project);
      const codebook = project.codebook;
      return {
        unit: unitName(unit),
        codes: m.codes.map((path, i) => {
          const code = codebook.codes.get(path);
          return { path, label: code ? codeLabel(codebook, code, language) : path, color: code?.color, segments: m.segments[i] };
        }),
        cells: m.cells,
        participantCells: m.participantCells,
        maxCell: m.maxCell,
      };
    }),
  );

  ctx.connection.onRequest(
    CooccurringSegmentsRequest.type,
    guard(ctx, 'co-occurring segments', async (params) => {
      await ready();
      const project = ctx.workspace.byRootUri(params.project);
      const unit = parseCooccurrenceUnit(params.unit);
      if (!project || !unit) return [];
      const pairs = cooccurringSegments(project.index, params.first, params.second, { unit, withInterviewers: params.withInterviewers });
      return pairs.map((p) => {
        const doc = project.index.get(p.file);
        const side = (s: PairSegment): PairSide => ({
          uri: project.uriOf(p.file),
          range: spanToRange(doc?.digest.lineStarts ?? [0], { start: s.start, end: s.end }),
          code: s.code,
          participant: s.participant,
          text: s.text ?? '',
        });
        return { first: side(p.first), second: side(p.second) };
      });
    }),
  );
}
