/**
 * The first hour: a window on an empty folder, a project made with Create Starter Project from the command
 * palette, and a sentence coded by typing part of a code's label in the code picker and pressing Enter,
 * counted in the Codes view, without reloading the window. Then completion inside [[ keeps its list open
 * while a label is typed letter by letter.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Workbench } from '../harness/workbench';
import { codeTreeRow, expand, lineColumnOf, openCodesView, waitForDescription } from './codeboomUi';
import { ui } from './session';

describe('a first project in an empty folder', () => {
  let parent = '';
  let workbench: Workbench | undefined;

  after(async () => {
    await workbench?.page.close();
    if (parent) rmSync(parent, { recursive: true, force: true });
  });

  it('is created from the command palette and coded with the picker, without a reload', async () => {
    parent = mkdtempSync(path.join(os.tmpdir(), 'codeboom-first-'));
    const folder = path.join(parent, 'my-study');
    mkdirSync(folder);
    workbench = await ui().openWindow(folder);
    const page = workbench.page;

    // The Codes view offers to make a project while there is none.
    await page.locator('.activitybar a.action-label[aria-label="Codeboom"]').click();
    await page.getByRole('button', { name: 'Create Starter Project' }).waitFor();
    await workbench.runCommand('Codeboom: Create Starter Project');
    // The starter opens its example transcript, which becomes a transcript as soon as the project exists.
    await workbench.activeTab('P1.txt').waitFor();
    await workbench.statusItem('status.editor.mode').filter({ hasText: 'Transcript (Codeboom)' }).waitFor({ timeout: 20_000 });

    // Select one sentence of the first answer and code it by typing part of a label and pressing Enter.
    const file = path.join(folder, 'transcripts/P1.txt');
    const sentence = 'I did not want to be there at first.';
    const at = lineColumnOf(file, sentence);
    await workbench.goTo(at.line, at.column);
    for (let i = 0; i < sentence.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await workbench.statusItem('status.editor.selection').filter({ hasText: `(${sentence.length} selected)` }).waitFor();
    await workbench.runCommand('Codeboom: Code Selection…');
    const input = page.locator('.quick-input-widget input[placeholder^="Type part of a label"]');
    await input.waitFor();
    await input.pressSequentially('turning');
    // The code that matches is highlighted, and Enter takes it.
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Turning point' }).waitFor();
    await input.press('Enter');
    const coded = `{{${sentence}}}[[experience/turning-point]]`;
    await page.locator('.editor-group-container.active .view-lines', { hasText: coded }).waitFor();

    // The Codes view counts it: two segments of Turning point now, and the category adds up its codes.
    await openCodesView(workbench);
    const category = codeTreeRow(workbench, 'Experience');
    await expand(category);
    await waitForDescription(codeTreeRow(workbench, 'Turning point'), '2 · 1 participant');
    await waitForDescription(category, '3 · 1 participant');
    await workbench.page.keyboard.press('Control+S');
    await page.locator('.editor-group-container.active .tab.active.dirty').waitFor({ state: 'detached' });
    assert.ok(readFileSync(file, 'utf8').includes(coded), 'the saved transcript has the new passage');
  });

  it('keeps the completion list open while a label is typed after [[', async () => {
    assert.ok(workbench, 'the first test opened the window');
    const page = workbench.page;
    const file = path.join(parent, 'my-study/transcripts/P1.txt');
    const end = lineColumnOf(file, 'it was different.');
    await workbench.goTo(end.line, end.column + 'it was different.'.length);
    // "Gradual change" is the label of experience/change: its path does not hold the word.
    await page.keyboard.type(' [[gradual', { delay: 40 });
    const suggestion = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row', { hasText: 'experience/change' });
    await suggestion.waitFor();
    await page.keyboard.press('Escape');
    await workbench.runCommand('File: Revert File');
    await page.locator('.editor-group-container.active .tab.active.dirty').waitFor({ state: 'detached' });
  });
});
