/**
 * Coded passages highlighted in their code's colour: a light tint (stronger in dark themes, so text stays
 * readable in both), an underline for precise passages, a marker in the gutter and the overview ruler.
 * Overlapping codes blend their tints and each shows its own underline and hover, so they stay apart.
 */
import * as vscode from 'vscode';
import { codeLineage } from '../../../server/src/engine/codebook/codebook';
import { localize } from '../../../server/src/engine/codebook/localized';
import type { ServerConnection } from '../server/serverConnection';
import type { DocumentModels } from './coding/documentModel';
import { safeColor, type ColorIcons } from './colorIcons';
import { TRANSCRIPT_LANGUAGE } from './transcriptLanguage';

interface Style {
  paragraph: vscode.TextEditorDecorationType;
  passage: vscode.TextEditorDecorationType;
}

export function activateDecorations(context: vscode.ExtensionContext, server: ServerConnection, models: DocumentModels, icons: ColorIcons): void {
  const styles = new Map<string, Style>();
  const timers = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();

  const styleFor = async (color: string): Promise<Style> => {
    let style = styles.get(color);
    if (style) return style;
    const gutter = await icons.gutter(color);
    const tint = (alpha: number) => `${color}${Math.round(alpha * 255).toString(16).padStart(2, '0')}`;
    style = {
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
    styles.set(color, style);
    context.subscriptions.push(style.paragraph, style.passage);
    return style;
  };

  const enabled = () => vscode.workspace.getConfiguration('codeboom').get<boolean>('highlight.enabled', true);

  const decorate = async (editor: vscode.TextEditor) => {
    if (editor.document.languageId !== TRANSCRIPT_LANGUAGE) return;
    const byStyle = new Map<vscode.TextEditorDecorationType, vscode.DecorationOptions[]>();
    if (enabled()) {
      const model = await models.modelOf(editor.document);
      const doc = editor.document;
      const language = vscode.env.language.split('-')[0];
      for (const s of model.resolved.segments) {
        const lineage = codeLineage(model.codebook, s.code);
        const code = lineage[lineage.length - 1];
        const color = safeColor([...lineage].reverse().find((c) => c.color)?.color);
        const style = await styleFor(color);
        const type = s.passage >= 0 ? style.passage : style.paragraph;
        const label = code ? (localize(code.label, language, model.codebook.settings.language) ?? s.code) : s.code;
        const list = byStyle.get(type) ?? [];
        list.push({
          range: new vscode.Range(doc.positionAt(s.span.start), doc.positionAt(s.span.end)),
          hoverMessage: new vscode.MarkdownString(`$(tag) **${label.replace(/[*_`[\]]/g, '\\$&')}** — ${s.participant}`, true),
        });
        byStyle.set(type, list);
      }
    }
    for (const style of styles.values()) {
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
        void decorate(editor);
      }, delay),
    );
  };
  const all = () => vscode.window.visibleTextEditors.forEach((e) => soon(e, 0));

  context.subscriptions.push(
    vscode.window.onDidChangeVisibleTextEditors(all),
    vscode.workspace.onDidChangeTextDocument((e) => vscode.window.visibleTextEditors.filter((ed) => ed.document === e.document).forEach((ed) => soon(ed))),
    vscode.workspace.onDidOpenTextDocument(() => all()),
    server.onIndexChanged(() => all()),
    server.onReady(all),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('codeboom.highlight')) all();
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  all();
}
