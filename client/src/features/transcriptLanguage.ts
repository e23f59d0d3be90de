/**
 * Transcripts keep their names (.txt, .md): when one opens as plain text or Markdown inside a project,
 * its language becomes "transcript", so that the grammar colours tags, passages and speakers.
 */
import * as vscode from 'vscode';
import type { ServerConnection } from '../server/serverConnection';

export const TRANSCRIPT_LANGUAGE = 'codeboom-transcript';

export function activateTranscriptLanguage(context: vscode.ExtensionContext, server: ServerConnection): void {
  const check = async (doc: vscode.TextDocument) => {
    if (doc.uri.scheme !== 'file' || (doc.languageId !== 'plaintext' && doc.languageId !== 'markdown')) return;
    const kind = await server.documentKind(doc.uri);
    if (kind.kind === 'transcript' && !doc.isClosed) await vscode.languages.setTextDocumentLanguage(doc, TRANSCRIPT_LANGUAGE);
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => void check(doc)),
    server.onReady(() => vscode.workspace.textDocuments.forEach((doc) => void check(doc))),
  );
}
