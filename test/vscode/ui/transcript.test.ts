/**
 * A transcript as a researcher meets it: opened from the explorer, with the code of a tag in a hover.
 * Saves the screenshots transcript.png and hover.png.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { lineColumnOf, waitForHighlights, waitForServer } from './codeboomUi';
import { ui } from './session';

describe('a transcript in the editor', () => {
  it('opens T09.txt from the explorer', async () => {
    const { workbench } = ui();
    await workbench.openFromExplorer('transcripts', 'T09.txt');
    // VS Code reopens a file where it was left (an earlier test may have scrolled it): its top, for the picture.
    await workbench.goTo(1, 1);
    await workbench.page.locator('.editor-group-container.active .view-lines', { hasText: 'participant: T9' }).waitFor();
    await waitForServer(workbench);
    // The extension asks the server whether the file is a transcript, then switches its language.
    await workbench.statusItem('status.editor.mode').filter({ hasText: 'Transcript (Codeboom)' }).waitFor();
    // Then the coded passages are highlighted (highlights.test.ts checks how).
    await waitForHighlights(workbench);
    await workbench.screenshot('transcript');
  });

  it("shows a tag's code in a hover: label, path and counts", async () => {
    const { workbench, project } = ui();
    await workbench.openFromExplorer('transcripts', 'T09.txt');
    await waitForServer(workbench);
    await waitForHighlights(workbench);
    const tag = '[[afstemmen/improvisatie]]';
    const at = lineColumnOf(path.join(project, 'transcripts/T09.txt'), tag);
    await workbench.goTo(at.line, at.column + 5);
    // code-server's UI is in English, so the label is the codebook's English one.
    const hover = await workbench.showHover('Improvisational ability');
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /afstemmen\/improvisatie/);
    assert.match(text, /10 segments · 9 of 12 participants/);
    await workbench.screenshot('hover');
  });
});
