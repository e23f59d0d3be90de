/**
 * Retrieved segments: opened from the command palette, a code picked in the page lists its quotes, each
 * with the sentence before and after it, its participant and place; Enter on a quote opens it selected in
 * its transcript. Saves the screenshot retrieval.png.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lineColumnOf, waitForServer, webviewPage } from './codeboomUi';
import { ui } from './session';

describe('retrieved segments', () => {
  after(() => ui().workbench.closeAllEditors());

  it('lists the quotes of a picked code with their context, and opens one in its transcript', async () => {
    const { workbench, project } = ui();
    await waitForServer(workbench);
    await workbench.runCommand('Codeboom: Retrieve Segments');
    await workbench.activeTab('Retrieved segments').waitFor();
    const page = webviewPage(workbench);
    await page.locator('#code-list').waitFor();
    await page.getByText('Choose one or more codes to see their quotes.').waitFor();

    // afstemmen/improvisatie has 10 segments in the example; one is a passage of T05.txt on line 22.
    await page.locator('#code-filter').fill('improvis');
    await page.locator('label.code[data-code="afstemmen/improvisatie"] input').check();
    const group = page.locator('section.group[data-code="afstemmen/improvisatie"]');
    await group.locator('h2', { hasText: 'Improvisational ability (10)' }).waitFor();
    assert.equal(await group.locator('li.quote').count(), 10);

    const file = path.join(project, 'transcripts/T05.txt');
    const text = readFileSync(file, 'utf8');
    const passage = /\{\{([^{}]*)\}\}\[\[afstemmen\/improvisatie/.exec(text)![1];
    const start = lineColumnOf(file, passage);
    const quote = group.locator('li.quote', { has: page.locator('blockquote', { hasText: passage }) });
    assert.equal(await quote.locator('blockquote').innerText(), passage);
    // The sentence before it, as the transcript has it (the words between the speaker label and the passage).
    const line = text.split('\n')[start.line - 1];
    const before = line.slice(line.indexOf('=') + 1, start.column - 1).replace(/\{\{$/, '').trim();
    assert.equal(await quote.locator('.context.before').innerText(), `…${before}`);
    assert.equal(await quote.locator('.where').innerText(), `T5 · transcripts/T05.txt:${start.line}`);
    await quote.scrollIntoViewIfNeeded();
    await workbench.screenshot('retrieval');

    // From the keyboard: the quote takes the focus, and Enter opens it with its words selected.
    await quote.focus();
    await quote.press('Enter');
    await workbench.activeTab('T05.txt').waitFor();
    await workbench
      .statusItem('status.editor.selection')
      .filter({ hasText: `Ln ${start.line}, Col ${start.column + passage.length} (${passage.length} selected)` })
      .waitFor();
  });
});
