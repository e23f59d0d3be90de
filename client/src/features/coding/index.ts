/**
 * Coding in the editor: "Code selection…" (a quick pick of codes, most recently used first, several at
 * once), "Remove code", moving to the next or previous coded segment and to the next uncoded paragraph,
 * and copying a quote with its attribution. Every change is one edit the researcher can undo.
 */
import * as vscode from 'vscode';
import { codeSelectionEdits, removeCodingEdits, type TextEdit } from '../../../../server/src/engine/transcript/codingEdits';
import { adjacentSegment, nextUncodedParagraph, quoteAt } from '../../../../server/src/engine/transcript/segmentNavigation';
import type { CodeNode } from '../../../../server/src/lsp/protocol';
import type { ServerConnection } from '../../server/serverConnection';
import { TRANSCRIPT_LANGUAGE } from '../transcriptLanguage';
import { DocumentModels } from './documentModel';

const RECENT_KEY = 'codeboom.recentCodes';

export function activateCoding(context: vscode.ExtensionContext, server: ServerConnection): void {
  const models = new DocumentModels(server);

  const transcriptEditor = (): vscode.TextEditor | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    if (editor.document.languageId !== TRANSCRIPT_LANGUAGE && !/\.(txt|md|text|transcript)$/i.test(editor.document.fileName)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a transcript to code it.'));
      return undefined;
    }
    return editor;
  };

  const apply = async (editor: vscode.TextEditor, edits: TextEdit[]): Promise<boolean> => {
    if (edits.length === 0) return false;
    const doc = editor.document;
    return editor.edit((b) => {
      for (const e of edits) {
        const range = new vscode.Range(doc.positionAt(e.span.start), doc.positionAt(e.span.end));
        if (e.span.start === e.span.end) b.insert(range.start, e.newText);
        else b.replace(range, e.newText);
      }
    });
  };

  const select = (editor: vscode.TextEditor, span: { start: number; end: number }) => {
    const doc = editor.document;
    editor.selection = new vscode.Selection(doc.positionAt(span.start), doc.positionAt(span.end));
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('codeboom.codeSelection', async (preset?: string | string[]) => {
      const editor = transcriptEditor();
      if (!editor) return;
      let codes: string[] | undefined = typeof preset === 'string' ? [preset] : preset;
      if (!codes) codes = await pickCodes(context, server, editor.document.uri);
      if (!codes || codes.length === 0) return;
      const model = await models.modelOf(editor.document);
      const doc = editor.document;
      const sel = editor.selection;
      const edits = codeSelectionEdits(model.parsed, doc.offsetAt(sel.start), doc.offsetAt(sel.end), codes);
      if (edits.length === 0) {
        void vscode.window.setStatusBarMessage(vscode.l10n.t('Already coded with that.'), 3000);
        return;
      }
      await apply(editor, edits);
      const recent = [...codes, ...context.workspaceState.get<string[]>(RECENT_KEY, []).filter((c) => !codes!.includes(c))].slice(0, 20);
      await context.workspaceState.update(RECENT_KEY, recent);
    }),

    vscode.commands.registerCommand('codeboom.removeCode', async () => {
      const editor = transcriptEditor();
      if (!editor) return;
      const model = await models.modelOf(editor.document);
      const offset = editor.document.offsetAt(editor.selection.active);
      const here = model.resolved.segments
        .filter((s) => (s.span.start <= offset && offset <= s.span.end) || s.tags.some((i) => model.parsed.tags[i].span.start <= offset && offset <= model.parsed.tags[i].span.end))
        .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start));
      if (here.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There is no coded passage at the cursor.'));
        return;
      }
      let chosen = here[0];
      if (here.length > 1) {
        const pick = await vscode.window.showQuickPick(
          here.map((s) => ({ label: s.code, description: s.passage >= 0 ? vscode.l10n.t('passage') : vscode.l10n.t('paragraph'), segment: s })),
          { title: vscode.l10n.t('Remove which code?') },
        );
        if (!pick) return;
        chosen = pick.segment;
      }
      await apply(editor, removeCodingEdits(model.parsed, chosen));
    }),

    vscode.commands.registerCommand('codeboom.nextSegment', () => moveToSegment(1)),
    vscode.commands.registerCommand('codeboom.previousSegment', () => moveToSegment(-1)),

    vscode.commands.registerCommand('codeboom.nextUncodedParagraph', async () => {
      const editor = transcriptEditor();
      if (!editor) return;
      const model = await models.modelOf(editor.document);
      const span = nextUncodedParagraph(model.parsed, model.resolved, editor.document.offsetAt(editor.selection.active), model.codebook.settings);
      if (!span) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Every paragraph of the participants is coded.'));
        return;
      }
      select(editor, span);
    }),

    vscode.commands.registerCommand('codeboom.copyQuote', async () => {
      const editor = transcriptEditor();
      if (!editor) return;
      const model = await models.modelOf(editor.document);
      const doc = editor.document;
      const quote = quoteAt(model.parsed, model.resolved, doc.offsetAt(editor.selection.start), doc.offsetAt(editor.selection.end), model.codebook.settings);
      if (!quote) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Select the words to quote, or put the cursor in a coded passage.'));
        return;
      }
      await vscode.env.clipboard.writeText(quote.formatted);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', quote.formatted.length > 60 ? `${quote.formatted.slice(0, 57)}…` : quote.formatted), 4000);
    }),
  );

  async function moveToSegment(direction: 1 | -1): Promise<void> {
    const editor = transcriptEditor();
    if (!editor) return;
    const model = await models.modelOf(editor.document);
    const span = adjacentSegment(model.resolved, editor.document.offsetAt(editor.selection.start), direction);
    if (!span) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This transcript has no coded segments yet.'));
      return;
    }
    select(editor, span);
  }

}

/** A quick pick of the project's codes that can be put on passages; most recently used first. */
async function pickCodes(context: vscode.ExtensionContext, server: ServerConnection, uri: vscode.Uri): Promise<string[] | undefined> {
  const kind = await server.documentKind(uri);
  if (!kind.project) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This file is not a transcript of a project with a codebook.yaml.'));
    return undefined;
  }
  const tree = await server.codebookTree(kind.project);
  if (!tree) return undefined;
  const codes: { node: CodeNode; trail: string }[] = [];
  const walk = (nodes: CodeNode[], trail: string) => {
    for (const n of nodes) {
      if (n.codable && !n.deprecated) codes.push({ node: n, trail });
      walk(n.children, trail ? `${trail} › ${n.label}` : n.label);
    }
  };
  walk(tree.nodes, '');
  const recent = context.workspaceState.get<string[]>(RECENT_KEY, []);
  const rank = (path: string) => {
    const i = recent.indexOf(path);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const ordered = codes
    .map((c, i) => ({ ...c, i }))
    .sort((a, b) => rank(a.node.path) - rank(b.node.path) || a.i - b.i);
  const items = ordered.map((c) => ({
    label: c.node.label,
    description: c.node.path,
    detail: [c.trail, c.node.definition].filter(Boolean).join(' — '),
    path: c.node.path,
  }));
  return chooseCodes(items);
}

/**
 * The code picker. Enter codes the selection with the highlighted code (what a person who typed part of
 * a label expects); when boxes are ticked, Enter codes it with the ticked ones, for several at once.
 * Enter when nothing matches says so and codes nothing. Resolves to undefined when the picker is closed.
 */
function chooseCodes<T extends vscode.QuickPickItem & { path: string }>(items: T[]): Promise<string[] | undefined> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = vscode.l10n.t('Code selection');
  pick.placeholder = vscode.l10n.t('Type part of a label or path and press Enter; tick several codes to use them all');
  pick.canSelectMany = true;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = items;
  // A list with checkboxes highlights no row as one types: highlight the first code whose label or path
  // holds what was typed (most recently used first, as the list is), so that Enter has one to take.
  const fold = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const firstMatch = (typed: string) => {
    const words = fold(typed).split(/\s+/).filter(Boolean);
    return items.find((i) => words.every((w) => fold(`${i.label} ${i.path}`).includes(w)));
  };
  pick.onDidChangeValue((typed) => {
    const match = firstMatch(typed);
    if (match) pick.activeItems = [match];
  });
  return new Promise((resolve) => {
    let result: string[] | undefined;
    pick.onDidAccept(() => {
      const highlighted = pick.activeItems.length > 0 ? pick.activeItems.slice(0, 1) : [firstMatch(pick.value)].filter((i): i is T => i !== undefined);
      const chosen = pick.selectedItems.length > 0 ? pick.selectedItems : highlighted;
      if (chosen.length === 0) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('No code matches “{0}”; nothing was coded. Add the code to codebook.yaml first, or pick one from the list.', pick.value),
        );
        return;
      }
      result = chosen.map((c) => c.path);
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(result);
    });
    pick.show();
  });
}
