/**
 * Coding stripes: every code of each coded paragraph and passage, by label, after the first line of the
 * segment, each label framed in its code's colour (a faint tint and a border, solid for a paragraph,
 * dashed for a precise passage) and written in the theme's colour for annotations, so it reads in light,
 * dark and high-contrast themes and covers no text. The server groups the codes per line; this module
 * only draws. `Codeboom: Toggle Coding Stripes` flips `codeboom.codingStripes.enabled`.
 *
 * Drawing uses one decoration type per slot (the first code of each line, the second, …), made once and
 * kept, with each label's text and colour as the instance's options; a redraw after an edit is one request
 * and one setDecorations per slot.
 */
import * as vscode from 'vscode';
import { CodingStripesRequest } from '../../../../server/src/lsp/protocol';
import type { ServerConnection } from '../../server/serverConnection';
import { safeColor } from '../colorIcons';
import { TRANSCRIPT_LANGUAGE } from '../transcriptLanguage';
import { stripeSlots, type StripeLabel } from './stripeLayout';

export const STRIPES_SETTING = 'codingStripes.enabled';

export interface CodingStripes {
  /** What the stripes show in an editor now, line by line (for tests: VS Code cannot read decorations back). */
  shown(editor: vscode.TextEditor): { line: number; labels: string[] }[];
  /** Fires after the stripes of an editor were drawn (or cleared). */
  readonly onDidDraw: vscode.Event<vscode.TextEditor>;
}

export function activateStripes(context: vscode.ExtensionContext, server: ServerConnection): CodingStripes {
  const slots: vscode.TextEditorDecorationType[] = [];
  const shown = new WeakMap<vscode.TextEditor, { line: number; labels: string[] }[]>();
  const timers = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();
  const runs = new WeakMap<vscode.TextEditor, number>();
  const drawn = new vscode.EventEmitter<vscode.TextEditor>();
  context.subscriptions.push(drawn);

  const slot = (i: number) => {
    while (slots.length <= i) {
      const type = vscode.window.createTextEditorDecorationType({
        after: { margin: '0 0 0 0.7em', color: new vscode.ThemeColor('descriptionForeground') },
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      });
      slots.push(type);
      context.subscriptions.push(type);
    }
    return slots[i];
  };

  const enabled = () => vscode.workspace.getConfiguration('codeboom').get<boolean>(STRIPES_SETTING, true);

  const draw = async (editor: vscode.TextEditor) => {
    const doc = editor.document;
    const run = (runs.get(editor) ?? 0) + 1;
    runs.set(editor, run);
    const version = doc.version;
    let layout: StripeLabel[][] = [];
    if (enabled() && doc.languageId === TRANSCRIPT_LANGUAGE && server.running) {
      const answer = await server.send(CodingStripesRequest.type, { uri: doc.uri.toString() });
      if (!answer) return;
      // Stripes of another version are stale; the change that made the new version asks again.
      if ((answer.version !== null && answer.version !== doc.version) || doc.version !== version) return;
      layout = stripeSlots(answer.lines, safeColor);
    }
    if (runs.get(editor) !== run || editor.document.isClosed) return;
    const lines = new Map<number, string[]>();
    for (let i = 0; i < Math.max(slots.length, layout.length); i++) {
      const options: vscode.DecorationOptions[] = [];
      for (const label of layout[i] ?? []) {
        if (label.line >= doc.lineCount) continue;
        const end = doc.lineAt(label.line).range.end;
        options.push({
          range: new vscode.Range(end, end),
          hoverMessage: new vscode.MarkdownString().appendText(label.label).appendMarkdown(' — ').appendText(label.path),
          renderOptions: {
            after: {
              contentText: `\u00a0${label.text}\u00a0`,
              border: `1px ${label.passage ? 'dashed' : 'solid'} ${label.color}`,
              backgroundColor: `${label.color}29`,
            },
          },
        });
        const list = lines.get(label.line) ?? [];
        list.push(label.text);
        lines.set(label.line, list);
      }
      editor.setDecorations(slot(i), options);
    }
    shown.set(editor, [...lines].sort((a, b) => a[0] - b[0]).map(([line, labels]) => ({ line, labels })));
    drawn.fire(editor);
  };

  const soon = (editor: vscode.TextEditor, delay = 150) => {
    const t = timers.get(editor);
    if (t) clearTimeout(t);
    timers.set(
      editor,
      setTimeout(() => {
        timers.delete(editor);
        draw(editor).catch((e: unknown) => server.output.error(`Coding stripes: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
      }, delay),
    );
  };
  const all = (delay = 0) => vscode.window.visibleTextEditors.forEach((e) => soon(e, delay));

  context.subscriptions.push(
    vscode.commands.registerCommand('codeboom.toggleCodingStripes', async () => {
      const config = vscode.workspace.getConfiguration('codeboom');
      const set = config.inspect<boolean>(STRIPES_SETTING);
      // Where the value is set now, so that the toggle is not hidden by a workspace's own value.
      const target =
        set?.workspaceFolderValue !== undefined
          ? vscode.ConfigurationTarget.WorkspaceFolder
          : set?.workspaceValue !== undefined
            ? vscode.ConfigurationTarget.Workspace
            : vscode.ConfigurationTarget.Global;
      await config.update(STRIPES_SETTING, !enabled(), target);
      return enabled();
    }),
    vscode.window.onDidChangeVisibleTextEditors(() => all()),
    // The server tells when it has taken in an edit; its stripes are then of the edited text.
    server.onIndexChanged(() => all(30)),
    server.onReady(() => all()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`codeboom.${STRIPES_SETTING}`) || e.affectsConfiguration('codeboom.labelLanguage')) all();
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  all();
  return {
    shown: (editor) => shown.get(editor) ?? [],
    onDidDraw: drawn.event,
  };
}
