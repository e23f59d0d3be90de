/**
 * Coded passages highlighted in their code's colour: a light tint (stronger in dark themes, so text stays
 * readable in both), an underline for precise passages, a marker in the gutter and the overview ruler.
 * Overlapping codes blend their tints and each shows its own underline and hover, so they stay apart.
 * The segments come from the server, which has just parsed the text for its diagnostics.
 */
import * as vscode from 'vscode';
import type { ServerConnection } from '../server/serverConnection';
import { safeColor, type ColorIcons } from './colorIcons';
import { TRANSCRIPT_LANGUAGE } from './transcriptLanguage';

interface Style {
  paragraph: vscode.TextEditorDecorationType;
  passage: vscode.TextEditorDecorationType;
}

export function activateDecorations(context: vscode.ExtensionContext, server: ServerConnection, icons: ColorIcons): void {
  // One pair of decoration types per colour, made once: the promise is kept, so that decorating two
  // editors (or one editor twice) at the same time cannot make a second pair that replaces the first,
  // which would leave the ranges set on the first pair without a type to clear them and clear the others.
  const styles = new Map<string, Promise<Style>>();
  const made: Style[] = [];
  const timers = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();
  // The latest decorating run of each editor; an earlier run that finishes later is dropped.
  const runs = new WeakMap<vscode.TextEditor, number>();

  const styleFor = (color: string): Promise<Style> => {
    let style = styles.get(color);
    if (!style) {
      style = makeStyle(color);
      styles.set(color, style);
      // A failure (the gutter icon could not be written) is tried again on the next run.
      style.catch(() => styles.delete(color));
    }
    return style;
  };

  const makeStyle = async (color: string): Promise<Style> => {
    const gutter = await icons.gutter(color);
    const tint = (alpha: number) => `${color}${Math.round(alpha * 255).toString(16).padStart(2, '0')}`;
    const style: Style = {
      paragraph: vscode.window.createTextEditorDecorationType({
        light: { backgroundColor: tint(0.1) },
        dark: { backgroundColor: tint(0.16) },
        gutterIconPath: gutter,
        gutterIconSize: 'contain',
        overviewRulerColor: tint(0.7),
        overviewRulerLane: vscode.OverviewRulerLane.Left,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
      passage: vscode.window.createTextEditorDecorationType({
        light: { backgroundColor: tint(0.18) },
        dark: { backgroundColor: tint(0.28) },
        borderStyle: 'solid',
        borderColor: color,
        borderWidth: '0 0 2px 0',
        gutterIconPath: gutter,
        gutterIconSize: 'contain',
        overviewRulerColor: color,
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
    };
    made.push(style);
    context.subscriptions.push(style.paragraph, style.passage);
    return style;
  };

  const enabled = () => vscode.workspace.getConfiguration('codeboom').get<boolean>('highlight.enabled', true);

  const decorate = async (editor: vscode.TextEditor) => {
    const doc = editor.document;
    const run = (runs.get(editor) ?? 0) + 1;
    runs.set(editor, run);
    const version = doc.version;
    const byStyle = new Map<vscode.TextEditorDecorationType, vscode.DecorationOptions[]>();
    // Other files get none (a transcript switched to plain text loses its highlights).
    if (enabled() && doc.languageId === TRANSCRIPT_LANGUAGE) {
      const answer = await server.documentSegments(doc.uri);
      const segments = answer.segments.map((s) => ({ s, color: safeColor(s.color) }));
      const colors = [...new Set(segments.map((x) => x.color))];
      const styleOf = new Map(colors.map((c, i) => [c, i]));
      const found = await Promise.all(colors.map(styleFor));
      // Segments of another version than the editor's are stale; the change that made the new version
      // also asks for a new run.
      if (answer.version !== null && answer.version !== doc.version) return;
      if (doc.version !== version) return;
      for (const { s, color } of segments) {
        const style = found[styleOf.get(color)!];
        const type = s.passage ? style.passage : style.paragraph;
        const list = byStyle.get(type) ?? [];
        list.push({
          range: new vscode.Range(s.range.start.line, s.range.start.character, s.range.end.line, s.range.end.character),
          hoverMessage: new vscode.MarkdownString(`$(tag) **${escapeMarkdown(s.label)}** — ${escapeMarkdown(s.participant)}`, true),
        });
        byStyle.set(type, list);
      }
    }
    if (runs.get(editor) !== run) return;
    for (const style of made) {
      editor.setDecorations(style.paragraph, byStyle.get(style.paragraph) ?? []);
      editor.setDecorations(style.passage, byStyle.get(style.passage) ?? []);
    }
  };

  const soon = (editor: vscode.TextEditor, delay = 150) => {
    const t = timers.get(editor);
    if (t) clearTimeout(t);
    timers.set(
      editor,
      setTimeout(() => {
        timers.delete(editor);
        decorate(editor).catch((e: unknown) => server.output.error(`Highlighting coded passages: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
      }, delay),
    );
  };
  const all = () => vscode.window.visibleTextEditors.forEach((e) => soon(e, 0));

  context.subscriptions.push(
    vscode.window.onDidChangeVisibleTextEditors(all),
    // The server tells when it has taken in an edit; its segments are then of the edited text.
    vscode.workspace.onDidOpenTextDocument(() => all()),
    server.onIndexChanged(() => vscode.window.visibleTextEditors.forEach((e) => soon(e, 30))),
    server.onReady(all),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('codeboom.highlight')) all();
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  all();
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|$]/g, '\\$&');
}
