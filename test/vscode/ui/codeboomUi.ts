/** What the UI tests know of Codeboom's own parts of the workbench. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import { parse } from 'yaml';
import type { Workbench } from '../harness/workbench';

/** The extension's status bar item (its id is the extension's id and the item's). */
export function statusItem(workbench: Workbench): Locator {
  return workbench.statusItem('codeboom.codeboom.codeboom.status');
}

/** Waits until the status bar says the language server is running (it has indexed the project by then). */
export async function waitForServer(workbench: Workbench): Promise<void> {
  await statusItem(workbench).locator('[aria-label*="Codeboom is running"]').waitFor({ timeout: 60_000 });
}

/** Line and column (1-based, as Go to Line takes them) of the `nth` occurrence of `needle` in a file. */
export function lineColumnOf(file: string, needle: string, nth = 0): { line: number; column: number } {
  const text = readFileSync(file, 'utf8');
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' occurs fewer than ${nth + 1} times in ${path.basename(file)}`);
  }
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The Codes view: its pane in the side bar (the header's accessible name begins with the view's name). */
export function codesView(workbench: Workbench): Locator {
  return workbench.page.locator('.pane', { has: workbench.page.locator('.pane-header[aria-label^="Codes"]') });
}

/** Shows the Codes view with the Codeboom icon of the activity bar and waits for its rows. */
export async function openCodesView(workbench: Workbench): Promise<Locator> {
  const view = codesView(workbench);
  const rows = view.getByRole('treeitem');
  // A click on the icon of the container that is showing would hide the side bar.
  if (!(await rows.first().isVisible())) await workbench.page.locator('.activitybar a.action-label[aria-label="Codeboom"]').click();
  await rows.first().waitFor();
  return view;
}

/** The rows of the Codes tree that scroll, without the copies of their parents that sticky scroll pins on top. */
export function codeTreeRows(workbench: Workbench): Locator {
  return codesView(workbench).locator('.monaco-list-rows');
}

/** A row of the Codes tree by its label; its accessible name is the label, then the description. */
export function codeTreeRow(workbench: Workbench, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return codeTreeRows(workbench).getByRole('treeitem', { name: new RegExp(`^${escaped}(\\s|$)`) });
}

/**
 * Waits until a tree row's description (the text after its label) is `expected`, as the tree refreshes
 * while the server indexes; fails with what the row shows instead.
 */
export async function waitForDescription(row: Locator, expected: string): Promise<void> {
  const description = row.locator('.label-description');
  const exactly = new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  try {
    await description.filter({ hasText: exactly }).waitFor({ timeout: 15_000 });
  } catch {
    throw new Error(`the row '${await row.getAttribute('aria-label')}' shows '${await description.innerText({ timeout: 1_000 }).catch(() => '')}', not '${expected}'`);
  }
}

/** Expands a tree row (a click on an expanded one would collapse it) and waits until it is expanded. */
export async function expand(row: Locator): Promise<void> {
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await row.and(row.page().locator('[aria-expanded="true"]')).waitFor();
}

/** The page of the web view that is showing (the matrix, say): VS Code puts it in an iframe in an iframe. */
export function webviewPage(workbench: Workbench): FrameLocator {
  return workbench.page.frameLocator('iframe.webview').frameLocator('#active-frame');
}

/** A code's colour as the codebook gives it: its own, or that of the nearest code above it. */
export function codeColor(project: string, codePath: string): string {
  let node = parse(readFileSync(path.join(project, 'codebook.yaml'), 'utf8')) as { color?: string; codes?: Record<string, unknown> };
  let color: string | undefined;
  for (const slug of codePath.split('/')) {
    node = node.codes?.[slug] as typeof node;
    if (!node) throw new Error(`codebook.yaml has no code ${codePath}`);
    color = node.color ?? color;
  }
  if (!color) throw new Error(`no colour for ${codePath}`);
  return color;
}

export interface Highlight {
  /** The computed CSS colours, as `rgba(r, g, b, a)` or `rgb(r, g, b)`. */
  background: string;
  borderBottomColor: string;
  borderBottomWidth: string;
}

/**
 * The highlights under some words of the active editor, once there are `atLeast`: the computed style of
 * each decoration (VS Code draws them as elements with generated classes in `.view-overlays`, under the
 * text) whose box holds the middle of the words. The words must be in one piece of the rendered text.
 */
export async function highlightsUnder(workbench: Workbench, words: string, atLeast = 1): Promise<Highlight[]> {
  const handle = await workbench.page.waitForFunction(([needle, least]: [string, number]) => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor');
    if (!editor) return undefined;
    const walker = document.createTreeWalker(editor.querySelector('.view-lines')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').replace(/\u00a0/g, ' ').indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const box = range.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const found = Array.from(editor.querySelectorAll('.view-overlays [class*="TextEditorDecorationType"]'))
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.left <= x && x <= r.right && r.top <= y && y <= r.bottom;
        })
        .map((el) => {
          const style = getComputedStyle(el);
          return { background: style.backgroundColor, borderBottomColor: style.borderBottomColor, borderBottomWidth: style.borderBottomWidth };
        });
      return found.length >= least ? found : undefined;
    }
    return undefined;
  }, [words, atLeast] as [string, number]);
  return (await handle.jsonValue()) as Highlight[];
}

/** `#rrggbb` as the red, green and blue that computed styles give. */
export function rgbOf(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** The red, green, blue and alpha of a computed CSS colour. */
export function parseCss(color: string): [number, number, number, number] {
  const m = /^rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)$/.exec(color);
  if (!m) throw new Error(`not a computed colour: ${color}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
}

/** Waits until the active editor shows Codeboom's highlights (they follow the switch to the transcript language). */
export async function waitForHighlights(workbench: Workbench): Promise<void> {
  await workbench.page.locator('.editor-group-container.active .view-overlays [class*="TextEditorDecorationType"]').first().waitFor({ state: 'attached' });
}
