/**
 * Transcripts keep their names (.txt, .md): when one opens as plain text or Markdown inside a project,
 * its language becomes "transcript", so that the grammar colours tags, passages and speakers. Open files
 * are asked about again when the server starts and when a project appears or goes, so a transcript is a
 * transcript as soon as its codebook exists, and plain text again when the codebook is deleted.
 */
import * as vscode from 'vscode';
import { workspaceSchemes, type ServerConnection } from '../server/serverConnection';

export const TRANSCRIPT_LANGUAGE = 'codeboom-transcript';

export function activateTranscriptLanguage(context: vscode.ExtensionContext, server: ServerConnection): void {
  /** Documents this module made transcripts, with the language they had before. */
  const switched = new Map<string, string>();
  const check = async (doc: vscode.TextDocument) => {
    if (!workspaceSchemes().includes(doc.uri.scheme)) return;
    const key = doc.uri.toString();
    const plain = doc.languageId === 'plaintext' || doc.languageId === 'markdown';
    const before = switched.get(key);
    // Another language the user chose is left alone; so is a transcript this module did not make one.
    if (!plain && !(doc.languageId === TRANSCRIPT_LANGUAGE && before !== undefined)) return;
    const kind = await server.documentKind(doc.uri);
    if (doc.isClosed || !server.running) return;
    if (plain && kind.kind === 'transcript') {
      switched.set(key, doc.languageId);
      await vscode.languages.setTextDocumentLanguage(doc, TRANSCRIPT_LANGUAGE);
    } else if (!plain && kind.kind !== 'transcript' && before !== undefined) {
      switched.delete(key);
      await vscode.languages.setTextDocumentLanguage(doc, before);
    }
  };
  const checkAll = () => vscode.workspace.textDocuments.forEach((doc) => void check(doc));
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => void check(doc)),
    server.onReady(checkAll),
    server.onProjectsChanged(checkAll),
  );
}
