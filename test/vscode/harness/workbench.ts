/**
 * The VS Code workbench in the browser, used as a person uses it: clicking in the explorer, typing in the
 * command palette and Go to Line, reading the status bar and hovers, taking screenshots. Every wait is
 * on something the page shows (Playwright re-checks the page on each change), with a timeout.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { pixelDifference } from './png';

export class Workbench {
  constructor(
    readonly page: Page,
    private readonly screenshotsDir: string,
  ) {}

  /** Opens the workbench page and waits until the explorer shows the folder's files. */
  static async open(page: Page, url: string, screenshotsDir: string): Promise<Workbench> {
    await page.goto(url);
    const workbench = new Workbench(page, screenshotsDir);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await workbench.explorer.locator('.monaco-list-row').first().waitFor({ timeout: 60_000 });
    return workbench;
  }

  get explorer(): Locator {
    return this.page.locator('.explorer-folders-view');
  }

  /** The row of a file or folder in the explorer, by its name. */
  explorerRow(name: string): Locator {
    return this.explorer.getByRole('treeitem', { name, exact: true });
  }

  /** Clicks through folders to a file in the explorer and waits until its editor is the active one. */
  async openFromExplorer(...segments: string[]): Promise<void> {
    for (const folder of segments.slice(0, -1)) {
      const row = this.explorerRow(folder);
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
      await this.page.waitForSelector(`.explorer-folders-view [role="treeitem"][aria-label="${folder}"][aria-expanded="true"]`);
    }
    const file = segments[segments.length - 1];
    await this.explorerRow(file).click();
    await this.activeTab(file).waitFor();
    await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor();
  }

  /** The active editor tab, when it shows `name`. */
  activeTab(name: string): Locator {
    return this.page.locator('.editor-group-container.active .tab.active', { hasText: name });
  }

  /** The focused editor's text area, to type into. */
  get editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor textarea');
  }

  /** Moves the cursor with Go to Line (Ctrl+G) and waits until the status bar shows the new position. */
  async goTo(line: number, column: number): Promise<void> {
    await this.editor.focus();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await input.press('Enter');
    await this.statusItem('status.editor.selection').filter({ hasText: `Ln ${line}, Col ${column}` }).waitFor();
  }

  /** Shows the explorer in the side bar (from the activity bar), unless it is showing. */
  async showExplorer(): Promise<void> {
    if (!(await this.explorer.isVisible())) await this.page.locator('.activitybar a.action-label[aria-label^="Explorer"]').click();
    await this.explorer.waitFor();
  }

  /** The side bar's width in pixels. */
  async sideBarWidth(): Promise<number> {
    return (await this.page.locator('.part.sidebar').boundingBox())?.width ?? 0;
  }

  /** Drags the side bar's edge until the side bar is `width` pixels wide. */
  async resizeSideBar(width: number): Promise<void> {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box) throw new Error('the side bar is not showing');
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, y, { steps: 5 });
    await this.page.mouse.up();
    await this.page.waitForFunction((w) => Math.round(document.querySelector('.part.sidebar')!.getBoundingClientRect().width) === w, width);
  }

  /**
   * Picks a colour theme by its name in the theme picker (`Dark Modern`) and waits until the workbench
   * wears a theme of that kind (`vs-dark`, `vs`, `hc-black` or `hc-light`, the class VS Code sets).
   */
  async selectColorTheme(name: string, kind: 'vs' | 'vs-dark' | 'hc-black' | 'hc-light'): Promise<void> {
    await this.runCommand('Preferences: Color Theme');
    const input = this.page.locator('.quick-input-widget input[placeholder^="Select Color Theme"]');
    await input.waitFor();
    await input.fill(name);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await input.press('Enter');
    await this.page.locator(`.monaco-workbench.${kind}`).waitFor({ state: 'attached' });
  }

  /** Closes every editor (none may have unsaved changes) and waits until no tab is left. */
  async closeAllEditors(): Promise<void> {
    await this.runCommand('View: Close All Editors');
    await this.page.locator('.editor-group-container .tab').first().waitFor({ state: 'detached' });
  }

  /** A status bar item by its id (`status.editor.selection` shows `Ln 12, Col 5`). */
  statusItem(id: string): Locator {
    return this.page.locator(`[id="${id}"]`);
  }

  /** Runs a command from the command palette by its title, as a person types it. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    // Enter runs the focused row, which need not be this command ("Preferences: Browse Color Themes in
    // Marketplace" comes before "Preferences: Color Theme"): move the focus down to it with the keyboard
    // (a click would leave the mouse over the editor tabs, and their tooltip in a screenshot). A row's
    // accessible name is the title, perhaps followed by its keybinding.
    const rows = this.page.locator('.quick-input-list .monaco-list-row');
    const row = rows.and(this.page.locator(`[aria-label="${title}"], [aria-label^="${title}, "]`)).first();
    await row.waitFor();
    const index = Number(await row.getAttribute('data-index'));
    const focused = Number(await rows.and(this.page.locator('.focused')).getAttribute('data-index'));
    for (let i = focused; i < index; i++) await input.press('ArrowDown');
    await row.and(this.page.locator('.focused')).waitFor();
    await input.press('Enter');
  }

  /**
   * Shows the hover at the cursor with Ctrl+K Ctrl+I (editor.action.showHover; a mouse hover is less
   * reliable) and returns it once it contains `text`.
   */
  async showHover(text: string): Promise<Locator> {
    await this.editor.focus();
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const hover = this.page.locator('.monaco-hover:not(.hidden)', { hasText: text });
    await hover.waitFor();
    return hover;
  }

  /**
   * Saves what the page shows as `<name>.png` in the screenshots folder and returns its path. A file that
   * differs from the new picture in fewer than 0.5 % of its pixels (a status bar icon caught a moment
   * earlier, or text drawn a pixel differently at the edge of the editor) is kept, so that `npm run screenshots`
   * changes the pictures under docs/ only when the UI does.
   */
  async screenshot(name: string): Promise<string> {
    mkdirSync(this.screenshotsDir, { recursive: true });
    const file = path.join(this.screenshotsDir, `${name}.png`);
    // Finishes fade-ins (a hover appears with one), so the picture shows what a person sees a moment later.
    const png = await this.page.screenshot({ animations: 'disabled' });
    if (!existsSync(file) || pixelDifference(readFileSync(file), png) >= 0.005) writeFileSync(file, png);
    return file;
  }
}
