/**
 * The Codes view as a researcher uses it: opened from the activity bar, a category, a code and a
 * participant expanded, and a quote clicked, which opens the transcript with the quote selected.
 * Saves the screenshot code-tree.png.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { codesView, codeTreeRows, codeTreeRow, expand, lineColumnOf, openCodesView, waitForDescription, waitForHighlights, waitForServer } from './codeboomUi';
import { ui } from './session';

describe('the Codes view', () => {
  let sideBar = 0;

  after(async () => {
    const { workbench } = ui();
    await workbench.closeAllEditors();
    if (sideBar) await workbench.resizeSideBar(sideBar);
    await workbench.showExplorer();
  });

  it('shows the code tree with counts, and opens a quote with its words selected', async () => {
    const { workbench, project } = ui();
    await waitForServer(workbench);
    await openCodesView(workbench);
    // Wide enough for the labels and counts.
    sideBar = await workbench.sideBarWidth();
    await workbench.resizeSideBar(440);

    // code-server's UI is in English, so the labels are the codebook's English ones. The counts are the
    // example's: afstemmen/improvisatie has 10 segments from 9 participants, two of them T5's.
    const category = codeTreeRow(workbench, 'Attuning to the client');
    await expand(category);
    const code = codeTreeRow(workbench, 'Improvisational ability');
    await waitForDescription(code, '10 · 9 participants');
    // afstemmen/geduld has one segment: one participant, in the singular.
    await waitForDescription(codeTreeRow(workbench, 'Patience'), '1 · 1 participant');
    await expand(code);
    const t5 = codeTreeRow(workbench, 'T5');
    await waitForDescription(t5, '2');
    await expand(t5);

    const file = path.join(project, 'transcripts/T05.txt');
    const passage = /\{\{([^{}]*)\}\}\[\[afstemmen\/improvisatie/.exec(readFileSync(file, 'utf8'))![1];
    const start = lineColumnOf(file, passage);
    const quote = codeTreeRows(workbench).getByRole('treeitem', { name: passage.slice(0, 30) });
    await waitForDescription(quote, `T05.txt:${start.line}`);
    await quote.click();

    // The transcript opens with the passage selected: the cursor at its end, and its length selected.
    await workbench.activeTab('T05.txt').waitFor();
    await workbench
      .statusItem('status.editor.selection')
      .filter({ hasText: `Ln ${start.line}, Col ${start.column + passage.length} (${passage.length} selected)` })
      .waitFor();
    await workbench.page.locator('.editor-group-container.active .view-lines', { hasText: passage.slice(0, 40) }).waitFor();
    await workbench.page.locator('.editor-group-container.active .selected-text').first().waitFor();
    // For the picture: the highlights of the transcript, and no progress badge left on the view's icon.
    await waitForHighlights(workbench);
    await workbench.page.locator('.activitybar li.action-item[aria-label="Codeboom"] .badge').waitFor({ state: 'hidden' });
    await workbench.screenshot('code-tree');
  });
});
