/**
 * Coding in the editor (protocol.ts: codingEdits, removeCodingEdits, segmentNavigation, quote): the
 * engine's coding service asked about one open transcript, with positions converted on the very version
 * of its text the client named. The client computes no codings; it applies these edits as one undoable
 * change.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from '../../engine/diagnostics';
import { words } from '../../engine/messages';
import { codeSelection, codingDocument, codingsAt, navigateSegments, quote, type CodingDocument, type TextEdit } from '../../engine/service/coding';
import { guard, refused, type Features, type ServerContext } from '../context';
import {
  CodingEditsRequest,
  QuoteRequest,
  RemoveCodingEditsRequest,
  SegmentNavigationRequest,
  type Range,
  type TextEdit as LspTextEdit,
  type VersionedDocument,
} from '../protocol';

/** How long a request naming a version the server has not yet received waits for it before it is refused. */
const VERSION_WAIT_MS = 5_000;

export function registerCoding({ ctx, ready }: Features): void {
  /**
   * The transcript at the client's version: waits for a change the client sent after the request, applies
   * pending changes to the index, and refuses when the text is of another version.
   */
  const transcript = async (params: VersionedDocument, token: CancellationToken): Promise<{ text: TextDocument; doc: CodingDocument }> => {
    await ready();
    const lang = ctx.language();
    const text = await versionOf(ctx, params.uri, params.version, token);
    const place = ctx.locate(params.uri);
    if (!place || place.kind !== 'transcript') throw refused(words(lang, 'refuse.not-a-transcript'));
    if (!text) throw refused(words(lang, 'refuse.not-open'));
    const doc = codingDocument(place.project.index, place.id);
    if (!doc) throw refused(words(lang, 'refuse.not-a-transcript'));
    // Never an answer about another text than the one the client has.
    if (text.version !== params.version || doc.parsed.text !== text.getText()) {
      throw new ResponseError(LSPErrorCodes.ContentModified, words(lang, 'refuse.content-modified'));
    }
    return { text, doc };
  };

  ctx.connection.onRequest(
    CodingEditsRequest.type,
    guard(ctx, 'coding edits', async (params, token) => {
      const { text, doc } = await transcript(params, token);
      const edits = codeSelection(doc, text.offsetAt(params.range.start), text.offsetAt(params.range.end), params.codes);
      return { version: text.version, edits: edits.map((e) => toLspEdit(text, e)) };
    }),
  );

  ctx.connection.onRequest(
    RemoveCodingEditsRequest.type,
    guard(ctx, 'remove coding edits', async (params, token) => {
      const { text, doc } = await transcript(params, token);
      const codings = codingsAt(doc, text.offsetAt(params.position)).map((c) => ({
        code: c.code,
        passage: c.passage,
        range: toRange(text, c.span),
        edits: c.edits.map((e) => toLspEdit(text, e)),
      }));
      return { version: text.version, codings };
    }),
  );

  ctx.connection.onRequest(
    SegmentNavigationRequest.type,
    guard(ctx, 'segment navigation', async (params, token) => {
      const { text, doc } = await transcript(params, token);
      const span = navigateSegments(doc, text.offsetAt(params.position), params.direction);
      return { version: text.version, range: span ? toRange(text, span) : null };
    }),
  );

  ctx.connection.onRequest(
    QuoteRequest.type,
    guard(ctx, 'quote', async (params, token) => {
      const { text, doc } = await transcript(params, token);
      const found = quote(doc, text.offsetAt(params.range.start), text.offsetAt(params.range.end));
      return { version: text.version, quote: found ?? null };
    }),
  );
}

/**
 * The open document at `version` or later. A request can overtake the change that made the version it
 * names; it then waits for that change (or the document's closing, or cancellation), at most a few seconds.
 */
export function versionOf(ctx: ServerContext, uri: string, version: number, token: CancellationToken): Promise<TextDocument | undefined> {
  const now = ctx.documents.get(uri);
  if (!now || now.version >= version) return Promise.resolve(now);
  return new Promise((resolve) => {
    const finish = () => {
      for (const d of subscriptions) d.dispose();
      clearTimeout(timer);
      resolve(ctx.documents.get(uri));
    };
    const subscriptions = [
      ctx.documents.onDidChangeContent((e) => {
        if (e.document.uri === uri && e.document.version >= version) finish();
      }),
      ctx.documents.onDidClose((e) => {
        if (e.document.uri === uri) finish();
      }),
      token.onCancellationRequested(finish),
    ];
    const timer = setTimeout(finish, VERSION_WAIT_MS);
  });
}

function toRange(text: TextDocument, span: Span): Range {
  return { start: text.positionAt(span.start), end: text.positionAt(span.end) };
}

function toLspEdit(text: TextDocument, edit: TextEdit): LspTextEdit {
  return { range: toRange(text, edit.span), newText: edit.newText };
}
