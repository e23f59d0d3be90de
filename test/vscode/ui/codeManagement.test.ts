/**
 * Managing codes from the Codes view as a researcher does it, with the mouse and the keyboard: the
 * context menu of a code offers its management, Change Code Colour… gives it a colour of the palette,
 * a code dragged onto another moves under it with every tag, and Undo in the codebook takes both back.
 * Saves the screenshot code-management.png (the context menu open on a code, the codebook beside it).
 */
import * as assert from 'node:assert/strict';
import { readFileSync, watch, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { codeTreeRow, expand, openCodesView, waitForDescription, waitForServer } from './codeboomUi';
import { ui } from './session';

/** The management entries that package.json contributes to a code's context menu, in their order. */
const ENTRIES = ['New Code…', 'New Code Beside…', 'Rename Code…', 'Move Code…', 'Merge Code Into…', 'Change Code Colour…', 'Deprecate Code…', 'Delete Code'];

describe('managing codes from the Codes view', () => {
  let sideBar = 0;
  let codebook = '';
  let transcript = '';
  const original = new Map<string, string>();

  before(() => {
    const { project } = ui();
    codebook = path.join(project, 'codebook.yaml');
    // afstemmen/geduld ("Patience") has its one coding in T09.
    transcript = path.join(project, 'transcripts/T09.txt');
    for (const file of [codebook, transcript]) original.set(file, readFileSync(file, 'utf8'));
  });

  after(async () => {
    const { workbench } = ui();
    const page = workbench.page;
    // A failed test may leave a menu, a quick pick or a dialog open, or files changed.
    await page.keyboard.press('Escape');
    let restored = false;
    for (const [file, text] of original) {
      if (readFileSync(file, 'utf8') !== text) {
        writeFileSync(file, text);
        restored = true;
      }
    }
    // Editors with changes left unsaved by a failed test are closed without saving them.
    await workbench.runCommand('View: Close All Editors');
    const dontSave = page.getByRole('button', { name: "Don't Save" });
    if (await dontSave.isVisible()) await dontSave.click();
    await page.locator('.editor-group-container .tab').first().waitFor({ state: 'detached' });
    if (restored) {
      // The tree shows Patience under its old parent, with its count, once the server has read the files again.
      await openCodesView(workbench);
      await expand(codeTreeRow(workbench, 'Attuning to the client'));
      await waitForDescription(codeTreeRow(workbench, 'Patience'), '1 · 1 participant');
    }
    if (sideBar) await workbench.resizeSideBar(sideBar);
    await workbench.showExplorer();
  });

  it('changes a code’s colour from its context menu, moves it by dragging it onto another, and Undo takes both back', async () => {
    const { workbench } = ui();
    const page = workbench.page;
    await waitForServer(workbench);
    const codebookTab = page.locator('.editor-group-container.active .tab', { hasText: 'codebook.yaml' });
    /** Saves the codebook from its editor with Ctrl+S, as a researcher does, and waits until its tab is clean. */
    const saveCodebook = async () => {
      await codebookTab.click();
      await workbench.editor.focus();
      await page.keyboard.press('Control+S');
      await codebookTab.and(page.locator(':not(.dirty)')).waitFor();
    };

    // The codebook open beside the tree, as a researcher keeps it (and where Undo is pressed).
    await workbench.showExplorer();
    await workbench.openFromExplorer('codebook.yaml');
    await openCodesView(workbench);
    sideBar = await workbench.sideBarWidth();
    await workbench.resizeSideBar(440);
    await expand(codeTreeRow(workbench, 'Attuning to the client'));
    const patience = codeTreeRow(workbench, 'Patience');
    await waitForDescription(patience, '1 · 1 participant');
    const icon = patience.locator('.custom-view-tree-node-item-icon');
    assert.match(await icon.evaluate((el) => getComputedStyle(el).backgroundImage), /swatch-7fd1c7\.svg/);

    // 1. The context menu of a code, with every management entry.
    await patience.click({ button: 'right' });
    const menu = page.locator('.monaco-menu');
    await menu.getByRole('menuitem', { name: 'Change Code Colour…' }).waitFor();
    const names = (await menu.locator('.action-menu-item .action-label').allInnerTexts()).map((n) => n.trim());
    assert.deepEqual(
      names.filter((n) => ENTRIES.includes(n)),
      ENTRIES,
      `the menu shows ${names.join(', ')}`,
    );
    await menu.getByRole('menuitem', { name: 'Change Code Colour…' }).hover();
    await workbench.screenshot('code-management');
    await menu.getByRole('menuitem', { name: 'Change Code Colour…' }).click();

    // The palette in a quick pick: "rose" is #cc6677.
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Colour of afstemmen/geduld' }).waitFor();
    await input.fill('rose');
    await page.locator('.quick-input-list .monaco-list-row.focused[aria-label^="rose"]').waitFor();
    await input.press('Enter');

    // The row's swatch and the codebook on disk have the new colour, and nothing else changed.
    await icon.and(page.locator('[style*="swatch-cc6677.svg"]')).waitFor();
    const recoloured = original.get(codebook)!.replace('color: "#7fd1c7"', 'color: "#cc6677"');
    assert.notEqual(recoloured, original.get(codebook));
    // The open codebook shows the change unsaved (VS Code saves the files of an edit that are not open).
    await saveCodebook();
    await waitForFile(codebook, recoloured, original.get(codebook)!);

    // 2. Patience dragged onto Tacit knowledge, its sibling: moved under it, with its tag in T09.
    const tacit = codeTreeRow(workbench, 'Tacit knowledge');
    const level = Number(await tacit.getAttribute('aria-level'));
    assert.equal(Number(await patience.getAttribute('aria-level')), level, 'Patience begins beside Tacit knowledge');
    await patience.dragTo(tacit);
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'afstemmen/geduld dropped on afstemmen/tacit-knowledge' }).waitFor();
    await input.fill('Move under');
    await page.locator('.quick-input-list .monaco-list-row.focused[aria-label^="Move under afstemmen/tacit-knowledge"]').waitFor();
    await input.press('Enter');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Move afstemmen/geduld: keep its old path?' }).waitFor();
    await input.fill('Do not keep');
    await page.locator('.quick-input-list .monaco-list-row.focused[aria-label^="Do not keep the old paths"]').waitFor();
    await input.press('Enter');

    const moved = original.get(transcript)!.replaceAll('[[afstemmen/geduld', '[[afstemmen/tacit-knowledge/geduld');
    assert.notEqual(moved, original.get(transcript));
    await waitForFile(transcript, moved, original.get(transcript)!);
    await saveCodebook();
    const movedCodebook = readFileSync(codebook, 'utf8');
    assert.match(movedCodebook, /\n {6}tacit-knowledge:\n(?: {8}.*\n)*? {8}codes:\n {10}geduld:\n/, 'geduld is under tacit-knowledge in the codebook');
    // The tree has taken Patience from beside Tacit knowledge before Tacit knowledge is expanded (a click
    // while the tree refreshes could be lost).
    await patience.and(page.locator(`[aria-level="${level}"]`)).waitFor({ state: 'detached' });
    await expand(tacit);
    await patience.and(page.locator(`[aria-level="${level + 1}"]`)).waitFor();
    await waitForDescription(patience, '1 · 1 participant');

    // 3. Undo in the codebook, twice: the move (over the codebook and T09), then the colour.
    await codebookTab.click();
    await workbench.editor.focus();
    // The first takes Patience back beside Tacit knowledge, still in its new colour (the tree follows the
    // unsaved files); no dialog asks about the other file, the move is one edit.
    await page.keyboard.press('Control+Z');
    await patience.and(page.locator(`[aria-level="${level}"]`)).waitFor();
    await icon.and(page.locator('[style*="swatch-cc6677.svg"]')).waitFor();
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'no dialog asks before the undo');
    await page.keyboard.press('Control+Z');
    await icon.and(page.locator('[style*="swatch-7fd1c7.svg"]')).waitFor();
    // Saved, both files are as they were.
    await workbench.runCommand('File: Save All Files');
    await waitForFile(transcript, original.get(transcript)!, moved);
    await waitForFile(codebook, original.get(codebook)!, movedCodebook);
    await waitForDescription(patience, '1 · 1 participant');
  });
});

/**
 * Waits until a file on disk holds `text` (the workbench saves an edit a moment after applying it): checks
 * on each change in its folder, and fails after 15 seconds, saying whether the file still holds `before`.
 */
function waitForFile(file: string, text: string, before: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const holds = () => readFileSync(file, 'utf8') === text;
    if (holds()) return resolve();
    const done = (error?: Error) => {
      watcher.close();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const watcher = watch(path.dirname(file), () => {
      if (holds()) done();
    });
    const timer = setTimeout(() => (holds() ? done() : done(new Error(`${path.basename(file)} on disk ${readFileSync(file, 'utf8') === before ? 'is still as it was before' : 'differs from what was expected'}`))), 15_000);
  });
}
