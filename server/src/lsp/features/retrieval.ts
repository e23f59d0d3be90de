/**
 * Retrieved segments for the client's view: the quotes of one or more codes with their context and place,
 * and the same as a file to save (Markdown, HTML, CSV, text, or a Word document in base64). The engine
 * retrieves and renders; this module converts offsets to ranges and checks the parameters.
 */
import { CONTEXT_UNITS, retrieveSegments, unknownCodes, type RetrievalResult } from '../../engine/analysis/retrievedSegments';
import { languageOf, words, type Language } from '../../engine/messages';
import { retrievalDocx } from '../../engine/report/retrievedSegmentsDocx';
import { retrievalReport, retrievalSummary } from '../../engine/report/retrievedSegmentsReport';
import { guard, invalidParams, type Features, type ServerContext } from '../context';
import { spanToRange } from '../convert';
import { RetrieveExportRequest, RetrieveRequest, type RetrievalParams } from '../protocol';
import type { Project } from '../workspace';

const FORMATS = ['markdown', 'html', 'csv', 'docx', 'text'] as const;

export function registerRetrieval({ ctx, ready }: Features): void {
  ctx.connection.onRequest(
    RetrieveRequest.type,
    guard(ctx, 'retrieve', async (params) => {
      await ready();
      const project = ctx.workspace.byRootUri(params.project);
      if (!project) return null;
      const { result, language } = retrieve(ctx, project, params);
      return {
        codes: result.codes,
        summary: retrievalSummary(result, language),
        quotes: result.rows.map((row) => ({
          uri: project.uriOf(row.file),
          range: spanToRange(project.index.get(row.file)?.digest.lineStarts ?? [0], row.span),
          group: row.group,
          code: row.code,
          label: row.label,
          alsoCoded: row.alsoCoded,
          file: row.file,
          participant: row.participant,
          speaker: row.speaker,
          startLine: row.startLine,
          endLine: row.endLine,
          text: row.text,
          before: row.before,
          after: row.after,
          memos: row.memos,
        })),
      };
    }),
  );

  ctx.connection.onRequest(
    RetrieveExportRequest.type,
    guard(ctx, 'retrieve export', async (params) => {
      await ready();
      const project = ctx.workspace.byRootUri(params.project);
      if (!project) return null;
      if (!(FORMATS as readonly string[]).includes(params.format)) throw invalidParams(refusal(ctx.language()).format(String(params.format)));
      const { result, language } = retrieve(ctx, project, params);
      if (params.format === 'docx') return { base64: toBase64(await retrievalDocx(result, language)) };
      return { text: retrievalReport(result, params.format, language) };
    }),
  );
}

function retrieve(ctx: ServerContext, project: Project, params: RetrievalParams): { result: RetrievalResult; language: Language } {
  const codes = Array.isArray(params.codes) ? params.codes.filter((c): c is string => typeof c === 'string') : [];
  if (codes.length === 0) throw invalidParams(refusal(ctx.language()).noCode);
  const unknown = unknownCodes(project.codebook, codes);
  if (unknown.length > 0) throw invalidParams(words(ctx.language(), 'refuse.unknown-code', { path: unknown[0].path }));
  if (!(CONTEXT_UNITS as readonly string[]).includes(params.context)) throw invalidParams(refusal(ctx.language()).context(String(params.context)));
  const language = languageOf(params.language ?? ctx.labelLanguage(project));
  const result = retrieveSegments(
    project.index,
    {
      codes,
      mode: params.mode === 'all' ? 'all' : 'any',
      subcodes: params.subcodes === true,
      participant: params.participant || undefined,
      where: (params.where ?? []).filter((w) => w && typeof w.variable === 'string' && typeof w.value === 'string'),
      context: params.context,
      withInterviewers: params.withInterviewers,
    },
    language,
  );
  return { result, language };
}

function refusal(language: Language) {
  return language === 'nl'
    ? {
        noCode: 'Kies ten minste één code om de citaten van op te halen.',
        context: (c: string) => `'${c}' is geen context: kies none, sentence, paragraph of turn.`,
        format: (f: string) => `'${f}' is geen formaat: kies markdown, html, csv, docx of text.`,
      }
    : {
        noCode: 'Choose at least one code whose quotes to retrieve.',
        context: (c: string) => `'${c}' is not a context: choose none, sentence, paragraph or turn.`,
        format: (f: string) => `'${f}' is not a format: choose markdown, html, csv, docx or text.`,
      };
}

/** Base64 of bytes, without Node's Buffer, so the server runs in a browser's worker too. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
