/**
 * The recording beside a transcript (service/media.ts): `media:` resolved against the project's folder
 * and looked for there through the project's host, the timestamps of the text, and the moment to play
 * from at the cursor.
 */
import { joinUri } from '../../engine/host/uris';
import { documentMedia, mediaProblem, playFrom } from '../../engine/service/media';
import { guard, type Features } from '../context';
import { MediaRequest } from '../protocol';
import { servicePlace } from '../service';

export function registerMedia({ ctx, ready }: Features): void {
  ctx.connection.onRequest(
    MediaRequest.type,
    guard(ctx, 'media', async (params): Promise<MediaRequest.Result> => {
      await ready();
      const version = ctx.documents.get(params.uri)?.version ?? null;
      const place = servicePlace(ctx, params.uri);
      const found = place && documentMedia(place.model, place.docId);
      if (!place || !found) return { version, transcript: false, named: false, timestamps: [], start: 0 };
      const timestamps = found.timestamps.map((t) => ({ range: place.rangeOf(t.span), seconds: t.seconds }));
      const start = params.position ? playFrom(place.model, place.docId, found, place.offsetAt(params.position)).seconds : 0;
      const ref = found.media;
      let media: MediaRequest.Result['media'];
      let kind: 'file' | 'folder' | undefined;
      if (ref?.ok) {
        const uri = joinUri(place.project.rootUri, ref.path);
        media = { path: ref.path, uri, kind: ref.kind };
        kind = (await place.project.host.stat(uri).catch(() => undefined))?.kind;
      }
      const problem = mediaProblem(ctx.language(), ref, kind);
      return { version, transcript: true, project: place.project.rootUri, named: ref !== undefined, media, problem, timestamps, start };
    }),
  );
}
