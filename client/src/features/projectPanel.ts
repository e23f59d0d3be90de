/**
 * What the extension's web views of a project share: one panel per kind (shown again rather than opened
 * twice), refreshed when the project's index changes, talking to its page through messages, and
 * cleaned up when closed.
 */
import * as vscode from 'vscode';
import type { ServerConnection } from '../server/serverConnection';

export abstract class ProjectPanel<Message> implements vscode.Disposable {
  protected readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  protected constructor(
    protected readonly context: vscode.ExtensionContext,
    protected readonly server: ServerConnection,
    readonly project: string,
    readonly panel: vscode.WebviewPanel,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: Message) => void this.receive(m)),
      server.onIndexChanged((e) => {
        if (e.project === project) void this.refresh();
      }),
    );
  }

  /** Fills the panel for the first time. */
  abstract load(): Promise<void>;
  /** Brings the page up to date after the project changed. */
  protected abstract refresh(): Promise<void>;
  protected abstract receive(message: Message): Promise<void>;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
  }
}

/** A web view panel that may run the page scripts of the extension's media folder. */
export function createPanel(context: vscode.ExtensionContext, viewType: string, title: string): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Active, {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
  });
}

/** Shows the one panel of a kind for a project: the open one, or a new one made by `make`. */
export async function showPanel<P extends ProjectPanel<unknown>>(holder: { current?: P }, project: string, make: () => P): Promise<P> {
  if (holder.current && holder.current.project === project) {
    holder.current.panel.reveal();
    return holder.current;
  }
  holder.current?.dispose();
  const panel = make();
  holder.current = panel;
  panel.panel.onDidDispose(() => {
    if (holder.current === panel) holder.current = undefined;
  });
  await panel.load();
  return panel;
}
