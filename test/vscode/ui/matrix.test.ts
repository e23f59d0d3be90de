/**
 * The code matrix: opened from the command palette, a heat map of codes × participants; a click on a
 * cell lists its quotes in the page. Saves the screenshot matrix.png.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lineColumnOf, waitForServer, webviewPage } from './codeboomUi';
import { ui } from './session';

describe('the code matrix', () => {
  after(() => ui().workbench.closeAllEditors());

  it("opens from the command palette, and a cell's quotes appear on a click", async () => {
    const { workbench, project } = ui();
    await waitForServer(workbench);
    await workbench.runCommand('Codeboom: Open Code Matrix');
    await workbench.activeTab('Code matrix').waitFor();
    const page = webviewPage(workbench);
    await page.locator('table#matrix').waitFor();
    const participants = Array.from({ length: 12 }, (_, i) => `T${i + 1}`);
    assert.deepEqual(await page.locator('thead th[scope="col"]').allInnerTexts(), participants);

    // afstemmen/improvisatie: T5 has two of its segments, one a passage on line 22 of T05.txt.
    const row = page.locator('tr', { has: page.locator('td.code[data-code="afstemmen/improvisatie"]') });
    assert.equal((await row.locator('td.code').innerText()).trim(), 'Improvisational ability');
    const cell = row.locator('td[data-participant="T5"]');
    assert.equal(await cell.innerText(), '2');
    assert.match((await cell.getAttribute('class')) ?? '', /\bcell h[1-9]\b/, 'a heat-map cell');
    await cell.click();

    const quotes = page.locator('#quotes');
    await quotes.locator('h2', { hasText: 'Improvisational ability · T5 (2)' }).waitFor();
    const items = quotes.locator('li');
    assert.equal(await items.count(), 2);
    const file = path.join(project, 'transcripts/T05.txt');
    const passage = /\{\{([^{}]*)\}\}\[\[afstemmen\/improvisatie/.exec(readFileSync(file, 'utf8'))![1];
    assert.equal(await items.nth(1).locator('.text').innerText(), `“${passage}” [T5]`);
    assert.equal(await items.nth(1).locator('.where').innerText(), `transcripts/T05.txt:${lineColumnOf(file, passage).line}`);
    await quotes.scrollIntoViewIfNeeded();
    await workbench.screenshot('matrix');
  });
});
