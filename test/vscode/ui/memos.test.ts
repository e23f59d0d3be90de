/**
 * The Memos view as a researcher uses it: below Codes in the Codeboom container, filtered by text and
 * kind from the keyboard, and a memo clicked, which opens its transcript with the memo's words selected.
 * Saves the screenshot memos.png.
 */
import * as path from 'node:path';
import { lineColumnOf, openCodesView, waitForServer } from './codeboomUi';
import { ui } from './session';

const MEMO = 'daarna praatte hij ook op de groep';

describe('the Memos view', () => {
  let sideBar = 0;

  after(async () => {
    const { workbench } = ui();
    await workbench.closeAllEditors();
    // The filter's clearing is offered only while the view is filtered.
    await workbench.runCommand('Codeboom: Clear Memo Filter').catch(() => workbench.page.keyboard.press('Escape'));
    if (sideBar) await workbench.resizeSideBar(sideBar);
    await workbench.showExplorer();
  });

  it('lists the memos by kind, filters them, and opens one with its words selected', async () => {
    const { workbench, project } = ui();
    const page = workbench.page;
    await waitForServer(workbench);
    await openCodesView(workbench);
    sideBar = await workbench.sideBarWidth();
    await workbench.resizeSideBar(440);
    const view = page.locator('.pane', { has: page.locator('.pane-header[aria-label^="Memos"]') });
    const header = view.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    // The example's memos are on codings: their group is there before any filter.
    await view.getByRole('treeitem', { name: /^Coding memos \d+$/ }).waitFor();

    // Filter from the keyboard: a text, the kind, any participant.
    await workbench.runCommand('Codeboom: Filter Memos…');
    const input = page.locator('.quick-input-widget input');
    await input.fill('praatte hij');
    await input.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row[aria-label="Coding memos"]').waitFor();
    await input.fill('Coding memos');
    await input.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row[aria-label="T2"]').waitFor();
    await input.fill('Any');
    await input.press('Enter');
    await view.locator('.pane-body', { hasText: 'Showing memos that match “praatte hij” · Coding memos.' }).waitFor();

    const rows = view.getByRole('treeitem');
    const memo = view.getByRole('treeitem', { name: new RegExp(`^Coding memos: .*${MEMO}`) });
    await memo.waitFor();
    // Only that memo (and its group) is left.
    await rows.nth(2).waitFor({ state: 'detached' });
    await memo.click();

    const start = lineColumnOf(path.join(project, 'transcripts/T02.txt'), MEMO);
    await workbench.activeTab('T02.txt').waitFor();
    await workbench
      .statusItem('status.editor.selection')
      .filter({ hasText: `Ln ${start.line}, Col ${start.column + MEMO.length} (${MEMO.length} selected)` })
      .waitFor();
    await page.locator('.editor-group-container.active .selected-text').first().waitFor();
    await workbench.screenshot('memos');
  });
});
