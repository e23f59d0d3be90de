/**
 * The client's answers to the language server in a browser's web worker, which cannot reach the
 * workspace's files itself (server/src/lsp/browserHost.ts): it reads, stats and lists them here, with
 * `vscode.workspace.fs` and `findFiles`, so the server works on any file system the editor has (github.dev's
 * repository, code-server's remote folder, a local folder in vscode.dev).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { HostErrorCode } from '../../../server/src/engine/host/projectHost';
import { relativeId } from '../../../server/src/engine/host/uris';
import { SKIPPED_FOLDERS } from '../../../server/src/engine/project/projectFiles';
import { bytesToBase64 } from '../../../server/src/engine/text/base64';
import { HostListFilesRequest, HostReadFileRequest, HostStatRequest } from '../../../server/src/lsp/protocol';

/** Folders no listing enters, as findFiles's exclude (which then replaces `files.exclude`: every file counts). */
const SKIPPED = `**/{${[...SKIPPED_FOLDERS].join(',')}}/**`;

export function answerHostRequests(client: BaseLanguageClient): void {
  client.onRequest(HostReadFileRequest.type, async ({ uri }): Promise<HostReadFileRequest.Result> => {
    try {
      return { ok: true, base64: bytesToBase64(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri))) };
    } catch (e) {
      return { ok: false, code: errorCode(e), detail: e instanceof vscode.FileSystemError ? e.code : e instanceof Error ? e.message : String(e) };
    }
  });

  client.onRequest(HostStatRequest.type, async ({ uri }) => {
    try {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
      return { kind: stat.type & vscode.FileType.Directory ? ('folder' as const) : ('file' as const), size: stat.size, mtime: stat.mtime };
    } catch {
      return null;
    }
  });

  client.onRequest(HostListFilesRequest.type, async ({ folder }) => {
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.parse(folder), '**/*'), SKIPPED);
    const files: string[] = [];
    for (const uri of found) {
      const id = relativeId(folder, uri.toString());
      if (id) files.push(id);
    }
    return { files, unreadable: [] };
  });
}

function errorCode(e: unknown): HostErrorCode {
  if (!(e instanceof vscode.FileSystemError)) return 'unreadable';
  if (e.code === 'FileNotFound') return 'not-found';
  if (e.code === 'FileIsADirectory') return 'is-folder';
  return 'unreadable';
}
