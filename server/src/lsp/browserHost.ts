/**
 * The project host of the language server in a browser's web worker (vscode.dev, github.dev): the worker
 * cannot reach the workspace's files, so every read, stat and listing is a request to the client, which
 * answers with `vscode.workspace.fs` and `findFiles` (client/src/server/hostRequests.ts).
 *
 * It offers no `readFileNow` (the index keeps each transcript's bytes, see projectLoader's TranscriptTexts)
 * and no `coderVersions`: agreement between coders reads other folders and git, which a browser cannot,
 * and the server says so where it is asked for.
 */
import type { RequestType } from 'vscode-languageserver';
import { HostError, type FileListing, type FileStat, type ProjectHost } from '../engine/host/projectHost';
import { base64ToBytes } from '../engine/text/base64';
import { HostListFilesRequest, HostReadFileRequest, HostStatRequest } from './protocol';

/** The part of a connection the host needs: requests to the client. */
export interface ClientRequests {
  sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R>;
}

export class BrowserHost implements ProjectHost {
  constructor(private readonly client: ClientRequests) {}

  async readFile(uri: string): Promise<Uint8Array> {
    let answer: HostReadFileRequest.Result;
    try {
      answer = await this.client.sendRequest(HostReadFileRequest.type, { uri });
    } catch (e) {
      // The client could not answer at all (it failed, or the connection went): the file cannot be read now.
      throw new HostError('unreadable', e instanceof Error ? e.message : String(e), uri);
    }
    if (!answer.ok) throw new HostError(answer.code, answer.detail, uri);
    return base64ToBytes(answer.base64);
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    return (await this.client.sendRequest(HostStatRequest.type, { uri })) ?? undefined;
  }

  listFiles(folderUri: string): Promise<FileListing> {
    return this.client.sendRequest(HostListFilesRequest.type, { folder: folderUri });
  }
}
