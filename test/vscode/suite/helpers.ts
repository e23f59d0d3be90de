/**
 * What the tests in VS Code share: the extension's API, the example project (a temporary copy that the
 * runner opens as the workspace, so tests may edit it), positions by text, and waiting on VS Code's events
 * with a timeout (never a sleep).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { ExtensionApi } from '../../../client/src/extension';

export const extensionId = 'codeboom.codeboom';

/** The extension's API once it has activated (the workspace has a codebook.yaml, so it activates by itself). */
export async function codeboom(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(extensionId);
  assert.ok(extension, `extension ${extensionId} is not loaded`);
  // activate() returns the activation already under way (or done), with the API.
  return extension.activate();
}

/** The example project's folder: the one workspace folder. */
export function projectRoot(): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders ?? [];
  assert.equal(folders.length, 1, 'the runner opens the copy of examples/stay-tuned as the one workspace folder');
  return folders[0].uri;
}

export function projectFile(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(projectRoot(), ...relative.split('/'));
}

/** The text of a file as it is on disk. */
export function diskText(relative: string): string {
  return readFileSync(projectFile(relative).fsPath, 'utf8');
}

export async function openTranscript(name: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const document = await vscode.workspace.openTextDocument(projectFile(`transcripts/${name}`));
  const editor = await vscode.window.showTextDocument(document);
  return { document, editor };
}

/** The position of the `nth` occurrence of `needle` in the document, plus `delta` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, delta = 0, nth = 0): vscode.Position {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `'${needle}' occurs fewer than ${nth + 1} times in ${document.uri.path}`);
  }
  return document.positionAt(at + delta);
}

/** A code's entry in the codebook on disk, read independently of the extension. */
export interface CodebookEntry {
  label: string | Record<string, string>;
  definition?: string | Record<string, string>;
}

export function codebookEntry(codePath: string): CodebookEntry {
  let node: { codes?: Record<string, unknown> } = parse(diskText('codebook.yaml')) as { codes?: Record<string, unknown> };
  for (const slug of codePath.split('/')) {
    const next = node.codes?.[slug];
    assert.ok(next && typeof next === 'object', `codebook.yaml has no code ${codePath}`);
    node = next as { codes?: Record<string, unknown> };
  }
  return node as unknown as CodebookEntry;
}

/**
 * A codebook text in the language labels are shown in: the codebook's own (`project.language`), unless
 * the setting codeboom.labelLanguage names another. VS Code's display language plays no part.
 */
export function inLabelLanguage(text: string | Record<string, string> | undefined): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const setting = vscode.workspace.getConfiguration('codeboom').get<string>('labelLanguage', 'codebook');
  const codebook = (parse(diskText('codebook.yaml')) as { project?: { language?: string } }).project?.language ?? 'en';
  const language = setting === 'codebook' ? codebook : setting;
  return text[language] ?? text[codebook] ?? text.en ?? Object.values(text)[0] ?? '';
}

/** Resolves when `check` holds, tested now and on each `event`; rejects after `timeoutMs` with `describe()`. */
export function when<T>(event: vscode.Event<unknown>, check: () => T | undefined, describe: () => string, timeoutMs = 15_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const now = check();
    if (now !== undefined) return resolve(now);
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms: ${describe()}`));
    }, timeoutMs);
    const listener = event(() => {
      const value = check();
      if (value === undefined) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(value);
    });
  });
}

/** Like when(), for a check that has to ask (the server, say): asked now and again after each `event`. */
export function whenAsync<T>(event: vscode.Event<unknown>, check: () => Promise<T | undefined>, describe: () => string, timeoutMs = 15_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    let asking = false;
    let askAgain = false;
    const finish = (error: Error | undefined, value?: T) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      listener.dispose();
      if (error) reject(error);
      else resolve(value as T);
    };
    const ask = async () => {
      if (asking) {
        askAgain = true;
        return;
      }
      asking = true;
      try {
        do {
          askAgain = false;
          const value = await check();
          if (value !== undefined) return finish(undefined, value);
        } while (askAgain && !done);
      } catch (e) {
        finish(e instanceof Error ? e : new Error(String(e)));
      } finally {
        asking = false;
      }
    };
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms: ${describe()}`)), timeoutMs);
    const listener = event(() => void ask());
    void ask();
  });
}

/** The document's diagnostics once `accept` holds for them. */
export function diagnosticsWhen(uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean, what: string): Promise<readonly vscode.Diagnostic[]> {
  return when(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const d = vscode.languages.getDiagnostics(uri);
      return accept(d) ? d : undefined;
    },
    () => `${what}; the diagnostics of ${uri.path} are ${JSON.stringify(vscode.languages.getDiagnostics(uri).map(describeDiagnostic))}`,
  );
}

export function diagnosticCode(d: vscode.Diagnostic): string | undefined {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return code === undefined ? undefined : String(code);
}

function describeDiagnostic(d: vscode.Diagnostic): string {
  return `${diagnosticCode(d)} ${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`;
}

/** Applies an edit that must succeed. */
export async function apply(edit: vscode.WorkspaceEdit): Promise<void> {
  assert.equal(await vscode.workspace.applyEdit(edit), true, 'VS Code applied the edit');
}

export async function insert(document: vscode.TextDocument, at: vscode.Position, text: string): Promise<vscode.Range> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, at, text);
  await apply(edit);
  return new vscode.Range(at, document.positionAt(document.offsetAt(at) + text.length));
}

export async function remove(document: vscode.TextDocument, range: vscode.Range): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.delete(document.uri, range);
  await apply(edit);
}

/** The plain text of hover contents, with Markdown's escapes removed. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n\n')
    .replace(/\\([\\`*_{}[\]<>#|])/g, '$1');
}
