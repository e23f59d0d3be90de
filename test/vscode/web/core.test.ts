/**
 * The core flow in the browser's web worker: the example opened, a tag hovered, the Codes view's counts, a
 * selection coded, the matrix. The extension is the copy with only its `browser` entry, so everything the
 * page shows came from the server in a web worker, which read the project through vscode.workspace.fs.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { codeTreeRow, expand, lineColumnOf, openCodesView, waitForDescription, waitForServer, webviewPage } from '../ui/codeboomUi';
import { web } from './session';
import { indexedFromLog } from './webUi';

describe('Codeboom in the browser (web worker extension host)', () => {
  it('indexes the example through the client and says so in its log', async () => {
    const { workbench } = web();
    await waitForServer(workbench);
    const indexed = await indexedFromLog(workbench);
    assert.equal(indexed.transcripts, 12);
  });

  it("opens a transcript and shows a tag's code in a hover", async () => {
    const { workbench, project } = web();
    await workbench.openFromExplorer('transcripts', 'T09.txt');
    await workbench.statusItem('status.editor.mode').filter({ hasText: 'Transcript (Codeboom)' }).waitFor();
    const at = lineColumnOf(path.join(project, 'transcripts/T09.txt'), '[[afstemmen/improvisatie]]');
    await workbench.goTo(at.line, at.column + 5);
    const hover = await workbench.showHover('Improvisational ability');
    assert.match((await hover.innerText()).replace(/\s+/g, ' '), /10 segments · 9 of 12 participants/);
    await workbench.page.keyboard.press('Escape');
  });

  it('counts codes in the Codes view, and counts a selection coded with the picker', async () => {
    const { workbench, project } = web();
    const page = workbench.page;
    await openCodesView(workbench);
    await expand(codeTreeRow(workbench, 'Attuning to the client'));
    await waitForDescription(codeTreeRow(workbench, 'Improvisational ability'), '10 · 9 participants');
    await waitForDescription(codeTreeRow(workbench, 'Patience'), '1 · 1 participant');

    // Code a sentence of T05 with Patience, which only T9 has used so far.
    await workbench.showExplorer();
    await workbench.openFromExplorer('transcripts', 'T05.txt');
    const file = path.join(project, 'transcripts/T05.txt');
    const sentence = /^T5= ([^.[{]{20,}?\.)/m.exec(readFileSync(file, 'utf8'))![1];
    const at = lineColumnOf(file, sentence);
    await workbench.goTo(at.line, at.column);
    for (let i = 0; i < sentence.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await workbench.statusItem('status.editor.selection').filter({ hasText: `(${sentence.length} selected)` }).waitFor();
    await workbench.runCommand('Codeboom: Code Selection…');
    const input = page.locator('.quick-input-widget input[placeholder^="Type part of a label"]');
    await input.waitFor();
    await input.pressSequentially('patience');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Patience' }).waitFor();
    await input.press('Enter');
    await page.locator('.editor-group-container.active .view-lines', { hasText: `{{${sentence}}}[[afstemmen/geduld]]` }).waitFor();
    await openCodesView(workbench);
    await waitForDescription(codeTreeRow(workbench, 'Patience'), '2 · 2 participants');

    // Leave the example as it was.
    await workbench.runCommand('File: Revert File');
    await page.locator('.editor-group-container.active .tab.active.dirty').waitFor({ state: 'detached' });
    await waitForDescription(codeTreeRow(workbench, 'Patience'), '1 · 1 participant');
    await workbench.closeAllEditors();
    await workbench.showExplorer();
  });

  it('opens the code matrix with every participant and the counts of a code', async () => {
    const { workbench } = web();
    await workbench.runCommand('Codeboom: Open Code Matrix');
    await workbench.activeTab('Code matrix').waitFor();
    const page = webviewPage(workbench);
    await page.locator('table#matrix').waitFor();
    assert.deepEqual(await page.locator('thead th[scope="col"]').allInnerTexts(), Array.from({ length: 12 }, (_, i) => `T${i + 1}`));
    const row = page.locator('tr', { has: page.locator('td.code[data-code="afstemmen/improvisatie"]') });
    assert.equal(await row.locator('td[data-participant="T5"]').innerText(), '2');
    await workbench.screenshot('matrix');
    await workbench.closeAllEditors();
  });
});
