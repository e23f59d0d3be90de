/**
 * Coding in the editor: "Code selection…" (a quick pick of codes, most recently used first, several at
 * once), "Remove code", moving to the next or previous coded segment and to the next uncoded paragraph,
 * and copying a quote with its attribution. Every change is one edit the researcher can undo.
 */
import * as vscode from 'vscode';
import {
  CodingEditsRequest,
  QuoteRequest,
  RemoveCodingEditsRequest,
  SegmentNavigationRequest,
  type CodeNode,
  type Position,
  type Range,
  type TextEdit,
} from '../../../../server/src/lsp/protocol';
import type { ServerConnection } from '../../server/serverConnection';
import { TRANSCRIPT_LANGUAGE } from '../transcriptLanguage';

const RECENT_KEY = 'codeboom.recentCodes';

export function activateCoding(context: vscode.ExtensionContext, server: ServerConnection): void {
  const transcriptEditor = (): vscode.TextEditor | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    if (editor.document.languageId !== TRANSCRIPT_LANGUAGE && !/\.(txt|md|text|transcript)$/i.test(editor.document.fileName)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a transcript to code it.'));
      return undefined;
    }
    return editor;
  };

  /**
   * Asks the server about the editor's document as it is now, and once more when the document changed
   * before the answer came (the server refuses an older version than its own, and an answer about an
   * older text than the editor's is of no use). Undefined when the server gave no answer (the reason was
   * shown) or the text kept changing.
   */
  const fresh = async <R extends { version: number }>(editor: vscode.TextEditor, ask: (version: number) => Promise<R | undefined>): Promise<R | undefined> => {
    const doc = editor.document;
    for (let attempt = 0; attempt < 2; attempt++) {
      const version = doc.version;
      const answer = await ask(version);
      if (answer && answer.version === doc.version) return answer;
      if (doc.version === version) return undefined;
    }
    void vscode.window.showWarningMessage(vscode.l10n.t('The transcript changed while Codeboom worked on it, so nothing was done: try again.'));
    return undefined;
  };

  /** Applies the server's edits, all of them as one change the researcher can undo. */
  const apply = async (editor: vscode.TextEditor, edits: TextEdit[]): Promise<boolean> => {
    if (edits.length === 0) return false;
    return editor.edit((b) => {
      for (const e of edits) {
        const range = toRange(e.range);
        if (range.isEmpty) b.insert(range.start, e.newText);
        else b.replace(range, e.newText);
      }
    });
  };

  const select = (editor: vscode.TextEditor, range: Range) => {
    const r = toRange(range);
    editor.selection = new vscode.Selection(r.start, r.end);
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('codeboom.codeSelection', async (preset?: string | string[]) => {
      const editor = transcriptEditor();
      if (!editor) return;
      let codes: string[] | undefined = typeof preset === 'string' ? [preset] : preset;
      if (!codes) codes = await pickCodes(context, server, editor.document.uri);
      if (!codes || codes.length === 0) return;
      const chosen = codes;
      const uri = editor.document.uri.toString();
      const answer = await fresh(editor, (version) => server.send(CodingEditsRequest.type, { uri, version, range: toLspRange(editor.selection), codes: chosen }));
      if (!answer) return;
      if (answer.edits.length === 0) {
        void vscode.window.setStatusBarMessage(vscode.l10n.t('Already coded with that.'), 3000);
        return;
      }
      await apply(editor, answer.edits);
      const recent = [...chosen, ...context.workspaceState.get<string[]>(RECENT_KEY, []).filter((c) => !chosen.includes(c))].slice(0, 20);
      await context.workspaceState.update(RECENT_KEY, recent);
    }),

    vscode.commands.registerCommand('codeboom.removeCode', async () => {
      const editor = transcriptEditor();
      if (!editor) return;
      const uri = editor.document.uri.toString();
      const codingsHere = (version: number) => server.send(RemoveCodingEditsRequest.type, { uri, version, position: toLspPosition(editor.selection.active) });
      const answer = await fresh(editor, codingsHere);
      if (!answer) return;
      if (answer.codings.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There is no coded passage at the cursor.'));
        return;
      }
      let chosen = answer.codings[0];
      if (answer.codings.length > 1) {
        const pick = await vscode.window.showQuickPick(
          answer.codings.map((c) => ({ label: c.code, description: c.passage ? vscode.l10n.t('passage') : vscode.l10n.t('paragraph'), coding: c })),
          { title: vscode.l10n.t('Remove which code?') },
        );
        if (!pick) return;
        chosen = pick.coding;
        // The text may have changed while the list was open: remove the same coding from the text as it is now.
        if (editor.document.version !== answer.version) {
          const again = await fresh(editor, codingsHere);
          const same = again?.codings.find((c) => c.code === chosen.code && c.passage === chosen.passage);
          if (!same) {
            if (again) void vscode.window.showInformationMessage(vscode.l10n.t('There is no coded passage at the cursor.'));
            return;
          }
          chosen = same;
        }
      }
      await apply(editor, chosen.edits);
    }),

    vscode.commands.registerCommand('codeboom.nextSegment', () => moveTo('next', 'start')),
    vscode.commands.registerCommand('codeboom.previousSegment', () => moveTo('previous', 'start')),
    vscode.commands.registerCommand('codeboom.nextUncodedParagraph', () => moveTo('nextUncoded', 'active')),

    vscode.commands.registerCommand('codeboom.copyQuote', async () => {
      const editor = transcriptEditor();
      if (!editor) return;
      const uri = editor.document.uri.toString();
      const answer = await fresh(editor, (version) => server.send(QuoteRequest.type, { uri, version, range: toLspRange(editor.selection) }));
      if (!answer) return;
      const quote = answer.quote;
      if (!quote) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Select the words to quote, or put the cursor in a coded passage.'));
        return;
      }
      await vscode.env.clipboard.writeText(quote.formatted);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', quote.formatted.length > 60 ? `${quote.formatted.slice(0, 57)}…` : quote.formatted), 4000);
    }),
  );

  /** Selects the next or previous coded segment (from the selection's start) or the next uncoded paragraph (from the cursor). */
  async function moveTo(direction: SegmentNavigationRequest.Params['direction'], from: 'start' | 'active'): Promise<void> {
    const editor = transcriptEditor();
    if (!editor) return;
    const uri = editor.document.uri.toString();
    const position = () => toLspPosition(from === 'start' ? editor.selection.start : editor.selection.active);
    const answer = await fresh(editor, (version) => server.send(SegmentNavigationRequest.type, { uri, version, position: position(), direction }));
    if (!answer) return;
    if (!answer.range) {
      void vscode.window.showInformationMessage(
        direction === 'nextUncoded' ? vscode.l10n.t('Every paragraph of the participants is coded.') : vscode.l10n.t('This transcript has no coded segments yet.'),
      );
      return;
    }
    select(editor, answer.range);
  }
}

function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function toLspPosition(p: vscode.Position): Position {
  return { line: p.line, character: p.character };
}

function toLspRange(r: vscode.Range): Range {
  return { start: toLspPosition(r.start), end: toLspPosition(r.end) };
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
