/**
 * The language server's process, started as the extension's module loads when a workspace folder has a
 * codebook.yaml at its top. VS Code loads the module, then prepares the extension's storage and context, and
 * only then calls activate(); the server loads its bundle in that time instead of after it. The connection
 * takes the process when it starts the client, and forks a new one, as the language client would, for each
 * restart after a crash. Without a codebook at the top of a folder (a project further down, or none yet), or
 * while the extension host is being debugged, nothing starts early and the language client forks the server
 * itself.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { IPCMessageReader, IPCMessageWriter, type MessageTransports } from 'vscode-languageclient/node';

export class EarlyServer implements vscode.Disposable {
  private last: ChildProcess | undefined;

  private constructor(
    private readonly module: string,
    private early: ChildProcess | undefined,
  ) {}

  /** Forks the server at `module` now when a workspace folder has `codebookFile` at its top. */
  static startIfProject(module: string, codebookFile: string): EarlyServer | undefined {
    if (process.execArgv.some((a) => /^--(inspect|debug)/.test(a))) return undefined;
    if (!codebookAtTop(codebookFile)) return undefined;
    return new EarlyServer(module, forkServer(module));
  }

  /**
   * The language client's way to its server (a ServerOptions function): the early process the first time
   * (unless it has ended), a new one each later time. `log` gets what the process writes.
   */
  transports(log: (text: string) => void): Promise<MessageTransports> {
    const early = this.early;
    this.early = undefined;
    const child = early && early.exitCode === null && early.signalCode === null ? early : forkServer(this.module);
    this.last = child;
    child.stdout?.on('data', (data) => log(String(data)));
    child.stderr?.on('data', (data) => log(String(data)));
    return Promise.resolve({ reader: new IPCMessageReader(child), writer: new IPCMessageWriter(child), detached: false });
  }

  /**
   * Ends the last process if it still runs once the client has stopped it (the client leaves the processes it
   * did not fork to end by themselves, which they do on `exit`).
   */
  endLast(): void {
    const child = this.last;
    this.last = undefined;
    if (child && child.exitCode === null && child.signalCode === null) child.kill();
  }

  dispose(): void {
    this.early?.kill();
    this.early = undefined;
    this.endLast();
  }
}

/**
 * Whether a workspace folder has `codebookFile` at its top, seen on the disk at once (the server reads
 * folders on the disk only; a project further down is found by searching the workspace).
 */
export function codebookAtTop(codebookFile: string): boolean {
  const folders = vscode.workspace.workspaceFolders ?? [];
  return folders.some((f) => f.uri.scheme === 'file' && existsSync(path.join(f.uri.fsPath, codebookFile)));
}

/** The server over node IPC, as the language client forks it (with TransportKind.ipc). */
function forkServer(module: string): ChildProcess {
  return fork(module, ['--node-ipc', `--clientProcessId=${process.pid}`], {
    silent: true,
    execArgv: [],
    // Desktop VS Code's extension host is Electron: this makes the child a plain Node.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
}
