/**
 * The recording beside its transcript: a panel that plays the file the transcript's front matter names
 * (`media:`), from the moment of a timestamp. The page gets the local file through the web view's own
 * resource URI, from the project's folder only, under a content security policy that allows media from
 * there and nothing from the network. Keys play and pause, go back 5 seconds and insert the current time
 * as a timestamp at the cursor of the transcript, so a transcript can be corrected while listening.
 *
 * The server answers where the recording is, whether it is there, and which moment a line's timestamp
 * names; the page reports its time and any error it meets; this module joins the two.
 */
import * as vscode from 'vscode';
import { timeLabel, timestampInsertText } from '../../../../server/src/engine/transcript/timestamps';
import { MediaRequest } from '../../../../server/src/lsp/protocol';
import type { ServerConnection } from '../../server/serverConnection';
import { TRANSCRIPT_LANGUAGE } from '../transcriptLanguage';
import { nonce, scriptJson } from '../webviewHtml';

export const MEDIA_VIEW = 'codeboom.media';
/** Seconds that "back" goes back. */
export const BACK_SECONDS = 5;

type FromPage =
  | { type: 'state'; currentTime: number; paused: boolean; ready: boolean }
  | { type: 'error'; code: number }
  | { type: 'insertTimestamp' };

/** What the panel plays, for the tests and the commands. */
export interface MediaState {
  /** The transcript the panel belongs to. */
  transcript: string;
  /** The recording, relative to the project, as the front matter names it. */
  media?: string;
  /** The moment the panel was last asked to play from. */
  start: number;
  /** The page's time, as it last reported it. */
  currentTime: number;
  paused: boolean;
  /** Whether the page has loaded the recording far enough to know its length. */
  ready: boolean;
  /** The sentence the panel shows when it cannot play. */
  problem?: string;
}

export class MediaPanel {
  static current: MediaPanel | undefined;
  private readonly changed = new vscode.EventEmitter<MediaState>();
  /** Fires when the page reports its state or an error. */
  readonly onDidChangeState = this.changed.event;
  state: MediaState;

  private constructor(
    private readonly context: vscode.ExtensionContext,
    readonly panel: vscode.WebviewPanel,
    transcript: string,
  ) {
    this.state = { transcript, start: 0, currentTime: 0, paused: true, ready: false };
    panel.onDidDispose(() => {
      if (MediaPanel.current === this) MediaPanel.current = undefined;
      this.changed.dispose();
      void vscode.commands.executeCommand('setContext', 'codeboom.mediaPanelOpen', false);
    });
    panel.webview.onDidReceiveMessage((m: FromPage) => this.receive(m));
  }

  /**
   * Opens the panel for a transcript (or takes the open one) and plays from `position`'s timestamp; a
   * recording that cannot be played gets its sentence in the panel and as a notification.
   */
  static async play(context: vscode.ExtensionContext, server: ServerConnection, document: vscode.Uri, position?: vscode.Position): Promise<MediaPanel | undefined> {
    const answer = await server.send(MediaRequest.type, { uri: document.toString(), position: position && { line: position.line, character: position.character } });
    if (!answer) return undefined;
    if (!answer.transcript || !answer.project) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a transcript of a Codeboom project to play its recording.'));
      return undefined;
    }
    const roots = [vscode.Uri.joinPath(context.extensionUri, 'media'), vscode.Uri.parse(answer.project)];
    let panel = MediaPanel.current;
    if (!panel) {
      const webview = vscode.window.createWebviewPanel(
        MEDIA_VIEW,
        vscode.l10n.t('Recording'),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: roots },
      );
      panel = new MediaPanel(context, webview, document.toString());
      MediaPanel.current = panel;
      void vscode.commands.executeCommand('setContext', 'codeboom.mediaPanelOpen', true);
    } else {
      panel.panel.webview.options = { enableScripts: true, localResourceRoots: roots };
      panel.panel.reveal(undefined, true);
    }
    const same = panel.state.transcript === document.toString() && panel.state.media === answer.media?.path && !panel.state.problem && panel.panel.webview.html !== '';
    panel.state = { ...panel.state, transcript: document.toString(), media: answer.media?.path, start: answer.start, problem: answer.problem };
    panel.panel.title = answer.media ? vscode.l10n.t('Recording — {0}', answer.media.path.split('/').pop() ?? answer.media.path) : vscode.l10n.t('Recording');
    if (answer.problem || !answer.media) {
      panel.state = { ...panel.state, ready: false, paused: true, currentTime: 0 };
      panel.show(undefined, answer.problem ?? '');
      void vscode.window.showWarningMessage(answer.problem ?? '');
    } else if (same) {
      await panel.panel.webview.postMessage({ type: 'seek', seconds: answer.start, play: true });
    } else {
      panel.state = { ...panel.state, ready: false, paused: true, currentTime: 0 };
      panel.show({ src: panel.panel.webview.asWebviewUri(vscode.Uri.parse(answer.media.uri)).toString(), kind: answer.media.kind, name: answer.media.path, start: answer.start });
    }
    panel.changed.fire(panel.state);
    return panel;
  }

  /** Play or pause; back a few seconds. */
  toggle(): Thenable<boolean> {
    return this.panel.webview.postMessage({ type: 'toggle' });
  }

  back(): Thenable<boolean> {
    return this.panel.webview.postMessage({ type: 'back', seconds: BACK_SECONDS });
  }

  /** Inserts the current time as a timestamp at the cursor of the panel's transcript (shown if it is not). */
  async insertTimestamp(): Promise<void> {
    const source = this.state.transcript;
    const active = vscode.window.activeTextEditor;
    const editor =
      active && active.document.uri.toString() === source
        ? active
        : (vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === source) ??
          (await vscode.window.showTextDocument(vscode.Uri.parse(source), { viewColumn: vscode.ViewColumn.One, preserveFocus: true })));
    const at = editor.selection.active;
    const line = editor.document.lineAt(at.line).text;
    const text = timestampInsertText(this.state.currentTime, line.slice(0, at.character), line.slice(at.character));
    await editor.edit((edit) => edit.insert(at, text));
  }

  private receive(m: FromPage): void {
    if (m.type === 'state') {
      if (!Number.isFinite(m.currentTime)) return;
      this.state = { ...this.state, currentTime: m.currentTime, paused: m.paused, ready: m.ready };
    } else if (m.type === 'error') {
      const name = this.state.media ?? '';
      const extension = name.includes('.') ? name.slice(name.lastIndexOf('.')) : name;
      // 2 is a network error: the file could not be read; 3 and 4 are files the player cannot decode.
      const problem =
        m.code === 2
          ? vscode.l10n.t('VS Code could not read {0}: check that the file is in the project folder and can be opened.', name)
          : vscode.l10n.t('VS Code cannot play {0} ({1}): convert it to .m4a or .mp3.', name, extension);
      this.state = { ...this.state, problem, ready: false };
      void this.panel.webview.postMessage({ type: 'problem', text: problem });
      void vscode.window.showWarningMessage(problem);
    } else if (m.type === 'insertTimestamp') {
      void this.insertTimestamp();
      return;
    }
    this.changed.fire(this.state);
  }

  /** The page: the player for `media`, or the sentence why there is none. */
  private show(media: { src: string; kind: 'audio' | 'video'; name: string; start: number } | undefined, problem?: string): void {
    const webview = this.panel.webview;
    const n = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', 'media.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', 'media.css'));
    const csp = [
      "default-src 'none'",
      `media-src ${webview.cspSource}`,
      `style-src ${webview.cspSource} 'nonce-${n}'`,
      `script-src 'nonce-${n}'`,
    ].join('; ');
    const data = {
      media,
      problem,
      back: BACK_SECONDS,
      strings: {
        player: vscode.l10n.t('Recording'),
        toggle: vscode.l10n.t('Play or pause'),
        back: vscode.l10n.t('Back {0} seconds', BACK_SECONDS),
        insert: vscode.l10n.t('Insert the time at the cursor'),
        keys: vscode.l10n.t('Keys in the panel and in the transcript: {0} play or pause, {1} back {2} seconds, {3} insert the time.', ...keyNames()),
      },
    };
    webview.html = `<!DOCTYPE html>
<html lang="${vscode.env.language.replace(/[^a-zA-Z-]/g, '')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style}" nonce="${n}">
</head>
<body>
<main id="app"></main>
<script nonce="${n}">window.CODEBOOM = ${scriptJson(data)};</script>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
  }
}

/** The keys of the media commands as this platform writes them (package.json binds them). */
function keyNames(): [string, string, number, string] {
  const mod = process.platform === 'darwin' ? '⌘⌥' : 'Ctrl+Alt+';
  return [`${mod}P`, `${mod},`, BACK_SECONDS, `${mod}.`];
}

/** Timestamps as links that play the recording from their moment, in transcripts whose front matter names one. */
class TimestampLinks implements vscode.DocumentLinkProvider {
  constructor(private readonly server: ServerConnection) {}

  async provideDocumentLinks(document: vscode.TextDocument): Promise<vscode.DocumentLink[]> {
    if (!this.server.running) return [];
    const answer = await this.server.send(MediaRequest.type, { uri: document.uri.toString() });
    if (!answer?.named || answer.version !== document.version) return [];
    return answer.timestamps.map((t) => {
      const range = new vscode.Range(t.range.start.line, t.range.start.character, t.range.end.line, t.range.end.character);
      const args = encodeURIComponent(JSON.stringify([document.uri.toString(), t.range.start.line, t.range.start.character]));
      const link = new vscode.DocumentLink(range, vscode.Uri.parse(`command:codeboom.playFromTimestamp?${args}`));
      link.tooltip = vscode.l10n.t('▶ Play the recording from {0}', timeLabel(t.seconds));
      return link;
    });
  }
}

export function activateMedia(context: vscode.ExtensionContext, server: ServerConnection): () => MediaPanel | undefined {
  const withPanel = (f: (panel: MediaPanel) => unknown) => () => {
    if (MediaPanel.current) return f(MediaPanel.current);
    void vscode.window.showInformationMessage(vscode.l10n.t('No recording is open: put the cursor on a timestamp of a transcript and run Play Recording from Timestamp.'));
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('codeboom.playFromTimestamp', async (uri?: string, line?: number, character?: number) => {
      if (typeof uri === 'string' && typeof line === 'number' && typeof character === 'number') {
        return MediaPanel.play(context, server, vscode.Uri.parse(uri), new vscode.Position(line, character));
      }
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a transcript of a Codeboom project to play its recording.'));
        return undefined;
      }
      return MediaPanel.play(context, server, editor.document.uri, editor.selection.active);
    }),
    vscode.commands.registerCommand('codeboom.media.togglePlay', withPanel((p) => p.toggle())),
    vscode.commands.registerCommand('codeboom.media.back', withPanel((p) => p.back())),
    vscode.commands.registerCommand('codeboom.media.insertTimestamp', withPanel((p) => p.insertTimestamp())),
    vscode.languages.registerDocumentLinkProvider({ language: TRANSCRIPT_LANGUAGE }, new TimestampLinks(server)),
    { dispose: () => MediaPanel.current?.panel.dispose() },
  );
  return () => MediaPanel.current;
}
