/**
 * What every feature of the server shares: the connection, the open documents, the workspace, the
 * user's language, and one wrapper for handlers that turns failures into errors the client can show and
 * honours cancellation.
 */
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { words, type Language } from '../engine/messages';
import type { Located, Workspace } from './workspace';

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly workspace: Workspace;
  /** The user's language for messages: Dutch or English. */
  language(): Language;
  /**
   * The language a project's labels are shown in: the codebook's own (`project.language`) unless the
   * client asked for another (`labelLanguage`: `nl` or `en`); without a project, the user's.
   */
  labelLanguage(project?: import('./workspace').Project): string;
  /** Applies a pending change of this document to the index now (edits are applied lazily). */
  flush(uri: string): void;
  /** Where a document stands in the workspace, with its pending changes applied. */
  locate(uri: string): Located | undefined;
  /** Publishes diagnostics for what changed and tells the client the index changed. */
  changed(project: import('./workspace').Project, ids: string[] | 'all'): void;
}

/** What each feature module is given when it registers its handlers. */
export interface Features {
  ctx: ServerContext;
  /** Resolves when the initial indexing is done. */
  ready(): Promise<void>;
}

/**
 * A request the server understood but cannot carry out (a rename onto an existing code, a codebook with
 * errors, an export that fails): its reason for the user, with LSP's RequestFailed code.
 */
export function refused(message: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, message);
}

/** A request whose parameters are wrong (a unit or code that does not exist): InvalidParams, with the reason. */
export function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

/** Resolves after one turn of the event loop (setImmediate where there is one, as in Node; else a timer). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

/** Thrown inside a handler when its request was cancelled. */
export class Cancelled extends Error {}

export function checkCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new Cancelled();
}

/**
 * Wraps a request handler: checks cancellation before and after, turns a thrown error into a response
 * error (logged with its stack), so that no input can bring the server down.
 */
export function guard<P, R>(
  ctx: Pick<ServerContext, 'connection' | 'language'>,
  name: string,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<void>> {
  return async (params, token) => {
    try {
      // One turn of the event loop first, so that a cancellation sent right after the request is seen.
      await nextTurn();
      if (token?.isCancellationRequested) throw new Cancelled();
      const result = await handler(params, token);
      if (token?.isCancellationRequested) throw new Cancelled();
      return result;
    } catch (e) {
      if (e instanceof Cancelled) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      // A refusal with its reason, meant for the user.
      if (e instanceof ResponseError) return e as ResponseError<void>;
      ctx.connection.console.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      const detail = e instanceof Error ? e.message : String(e);
      return new ResponseError(ErrorCodes.InternalError, words(ctx.language(), 'internal-error', { request: name, detail }));
    }
  };
}

/** Runs a notification handler; a failure is logged, never thrown into the connection. */
export async function notification(ctx: Pick<ServerContext, 'connection'>, name: string, handler: () => unknown): Promise<void> {
  try {
    await handler();
  } catch (e) {
    try {
      ctx.connection.console.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    } catch {
      // The connection is closed (the client went away while this ran): there is no one left to tell.
    }
  }
}
