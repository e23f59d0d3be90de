/**
 * Memos (protocol.ts: memos, memoAt, memoEdits, newMemo): the engine's memo service (service/memos.ts)
 * asked about a project, with spans converted to ranges of the text each answer is about. Free memos are
 * read through the project's host at each request (open ones from their editor), so the list follows
 * memos/ as it is.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { Span } from '../../engine/diagnostics';
import { words } from '../../engine/messages';
import { newMemoFile, readMemoFiles } from '../../engine/project/memoFiles';
import { codingDocument } from '../../engine/service/coding';
import { codingMemoAt, documentMemo, listMemos, memoEditsForCode, memoEditsForCoding, memoEditsForDocument, type MemoEdits } from '../../engine/service/memos';
import { CODEBOOK_ID } from '../../engine/service/model';
import { codeLabel } from '../../engine/codebook/codebook';
import { TextPositions } from '../../engine/text/positions';
import { guard, invalidParams, refused, type Features, type ServerContext } from '../context';
import { MemoAtRequest, MemoEditsRequest, MemosRequest, NewMemoRequest, type MemoInfo, type MemoTarget, type Range } from '../protocol';
import { spanToRange } from '../convert';
import { modelOf } from '../service';
import type { Project } from '../workspace';
import { versionOf } from './coding';

export function registerMemos({ ctx, ready }: Features): void {
  const projectOf = (root: string): Project => {
    const project = ctx.workspace.byRootUri(root);
    if (!project) throw invalidParams(words(ctx.language(), 'refuse.memo-no-project'));
    return project;
  };

  ctx.connection.onRequest(
    MemosRequest.type,
    guard(ctx, 'memos', async (params) => {
      await ready();
      const projects = params.project ? [projectOf(params.project)] : ctx.workspace.all();
      const memos: MemoInfo[] = [];
      for (const project of projects) {
        const free = await readMemoFiles(project.host, project.rootUri, project.openText);
        const texts = new Map(free.memos.map((m) => [m.id, new TextPositions(m.text)]));
        const codebook = project.codebookPositions();
        for (const m of listMemos(modelOf(ctx, project), free.memos)) {
          let range: Range;
          if (m.kind === 'project') range = rangeOf(texts.get(m.file)!, m.span);
          else if (m.file === CODEBOOK_ID) range = rangeOf(codebook, m.span);
          else range = spanToRange(project.index.get(m.file)!.digest.lineStarts, m.span);
          memos.push({ project: project.rootUri, kind: m.kind, title: m.title, text: m.text, uri: project.uriOf(m.file === CODEBOOK_ID ? 'codebook.yaml' : m.file), range, document: m.document, participant: m.participant, code: m.code });
        }
      }
      return { memos };
    }),
  );

  /** What a target stands for in the engine's terms, with the text its spans are of. */
  const resolve = async (target: MemoTarget, token: CancellationToken) => {
    await ready();
    const lang = ctx.language();
    if (target.kind === 'code') {
      const project = projectOf(target.project);
      const current = project.current;
      const open = ctx.documents.get(project.codebookUri);
      return {
        kind: 'code' as const,
        uri: project.codebookUri,
        version: open?.version ?? null,
        positions: new TextPositions(current.text),
        memo: current.codes.get(target.code)?.memo?.trim() ?? project.codebook.codes.get(target.code)?.memo?.trim() ?? '',
        title: (() => {
          const code = current.codes.get(target.code) ?? project.codebook.codes.get(target.code);
          if (!code) throw invalidParams(words(lang, 'refuse.unknown-code', { path: target.code }));
          return codeLabel(project.codebook, code, ctx.labelLanguage(project));
        })(),
        edits: (memo: string): MemoEdits => memoEditsForCode(current.parsed ? current : project.codebook, target.code, memo, lang),
      };
    }
    if (target.kind === 'document') {
      const place = ctx.locate(target.uri);
      if (!place || place.kind !== 'transcript') throw refused(words(lang, 'refuse.not-a-transcript'));
      const parsed = place.project.index.parsed(place.id);
      if (!parsed) throw refused(words(lang, 'refuse.not-a-transcript'));
      return {
        kind: 'document' as const,
        uri: target.uri,
        version: ctx.documents.get(target.uri)?.version ?? null,
        positions: parsed.positions,
        memo: documentMemo(parsed),
        title: place.id,
        edits: (memo: string): MemoEdits => memoEditsForDocument(parsed, memo, lang),
      };
    }
    const text = await versionOf(ctx, target.uri, target.version, token);
    const place = ctx.locate(target.uri);
    if (!place || place.kind !== 'transcript') throw refused(words(lang, 'refuse.not-a-transcript'));
    if (!text) throw refused(words(lang, 'refuse.not-open'));
    const doc = codingDocument(place.project.index, place.id);
    if (!doc) throw refused(words(lang, 'refuse.not-a-transcript'));
    if (text.version !== target.version || doc.parsed.text !== text.getText()) {
      throw new ResponseError(LSPErrorCodes.ContentModified, words(lang, 'refuse.content-modified'));
    }
    const offset = text.offsetAt(target.position);
    const found = codingMemoAt(doc, offset, target.code);
    const codebook = place.project.codebook;
    const code = found ? codebook.codes.get(found.code) : undefined;
    return {
      kind: 'coding' as const,
      uri: target.uri,
      version: text.version,
      positions: doc.parsed.positions,
      memo: found?.memo ?? '',
      title: code ? codeLabel(codebook, code, ctx.labelLanguage(place.project)) : (found?.code ?? ''),
      found: found !== undefined,
      edits: (memo: string): MemoEdits => memoEditsForCoding(doc, offset, memo, lang, target.code),
    };
  };

  ctx.connection.onRequest(
    MemoAtRequest.type,
    guard(ctx, 'memo at', async (params, token) => {
      const r = await resolve(params.target, token);
      if (r.kind === 'coding' && !r.found) throw refused(words(ctx.language(), 'refuse.memo-no-coding'));
      return { memo: r.memo, title: r.title };
    }),
  );

  ctx.connection.onRequest(
    MemoEditsRequest.type,
    guard(ctx, 'memo edits', async (params, token) => {
      const r = await resolve(params.target, token);
      const outcome = r.edits(params.memo);
      if (!outcome.ok) throw refused(outcome.message);
      return {
        uri: r.uri,
        version: r.version,
        edits: outcome.edits.map((e) => ({ range: rangeOf(r.positions, e.span), newText: e.newText })),
        memo: outcome.memo,
      };
    }),
  );

  ctx.connection.onRequest(
    NewMemoRequest.type,
    guard(ctx, 'new memo', async (params) => {
      await ready();
      const project = projectOf(params.project);
      const existing = await readMemoFiles(project.host, project.rootUri, project.openText);
      const file = newMemoFile(params.title, existing.memos.map((m) => m.id));
      return { uri: project.uriOf(file.id), text: file.text };
    }),
  );
}

function rangeOf(positions: { positionAt(offset: number): { line: number; character: number } }, span: Span): Range {
  return { start: positions.positionAt(span.start), end: positions.positionAt(span.end) };
}
