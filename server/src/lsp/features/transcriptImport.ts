/**
 * Turning a file as it arrives (Word, subtitles, Whisper, oTranscribe) into a transcript for the editor's
 * *Import Transcripts…*: the engine converts it, the client writes it where the project keeps transcripts.
 */
import { importMessage, importTranscript, transcriptFileName } from '../../engine/import/transcriptImport';
import { base64ToBytes } from '../../engine/text/base64';
import { newTranscriptFolder } from '../../engine/project/settings';
import { guard, type Features } from '../context';
import { TranscriptImportRequest } from '../protocol';

export function registerTranscriptImport({ ctx, ready }: Features): void {
  ctx.connection.onRequest(
    TranscriptImportRequest.type,
    guard(ctx, 'transcript import', async (params): Promise<TranscriptImportRequest.Result> => {
      await ready();
      const language = ctx.language();
      const result = await importTranscript(params.name, base64ToBytes(params.base64), { language });
      if (!result.ok) return { ok: false, message: importMessage(result.problem, language) };
      const project = ctx.workspace.byRootUri(params.project);
      return {
        ok: true,
        text: result.transcript.text,
        fileName: transcriptFileName(params.name),
        folder: project ? newTranscriptFolder(project.codebook.settings) : '',
        speakers: result.transcript.speakers,
        warnings: result.transcript.warnings.map((w) => importMessage(w, language)),
      };
    }),
  );
}
