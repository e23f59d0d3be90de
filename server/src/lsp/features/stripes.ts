/**
 * Coding stripes (service/stripes.ts): every code beside each line where coded segments start, for the
 * client to draw.
 */
import { codingStripes } from '../../engine/service/stripes';
import { guard, type Features } from '../context';
import { CodingStripesRequest } from '../protocol';
import { servicePlace } from '../service';

export function registerStripes({ ctx, ready }: Features): void {
  ctx.connection.onRequest(
    CodingStripesRequest.type,
    guard(ctx, 'coding stripes', async (params): Promise<CodingStripesRequest.Result> => {
      await ready();
      const place = servicePlace(ctx, params.uri);
      const version = ctx.documents.get(params.uri)?.version ?? null;
      if (!place) return { version, lines: [] };
      const model = params.language ? { ...place.model, labelLanguage: params.language } : place.model;
      return { version, lines: codingStripes(model, place.docId) ?? [] };
    }),
  );
}
