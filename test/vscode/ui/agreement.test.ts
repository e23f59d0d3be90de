/**
 * Inter-coder agreement in the editor: a second coder's copy of the project, chosen in the folder dialog,
 * is compared with the open one; the panel lists what they disagree on, and a disagreement opens the
 * transcript at its place. Saves the screenshot agreement.png.
 */
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lineColumnOf, waitForServer, webviewPage } from './codeboomUi';
import { ui } from './session';

describe('the agreement panel', () => {
  /** The second coder's copy of the project, in a folder named after them. */
  let coderB: string;
  /** The tag the second coder left out, and the line of T01.txt it stands on. */
  let dropped: { tag: string; line: number };

  before(() => {
    coderB = path.join(mkdtempSync(path.join(os.tmpdir(), 'codeboom-coder-')), 'coder-b');
    cpSync(ui().project, coderB, { recursive: true });
    const file = path.join(coderB, 'transcripts/T01.txt');
    const text = readFileSync(file, 'utf8');
    // The first tag that codes a whole paragraph (not a passage's): the second coder did not use it.
    const m = /(?<!\}\}) (\[\[medium\/[^\]]+\]\])/.exec(text)!;
    dropped = { tag: m[1], line: lineColumnOf(file, m[1]).line };
    writeFileSync(file, text.slice(0, m.index) + text.slice(m.index + m[0].length));
    // A folder only this copy has (with no transcript in it), to tell the copy apart in the folder dialog.
    mkdirSync(path.join(coderB, 'coder-b-notes'));
    writeFileSync(path.join(coderB, 'coder-b-notes/README.md'), 'Coded by the second coder.\n');
  });
  after(async () => {
    await ui().workbench.closeAllEditors();
    rmSync(path.dirname(coderB), { recursive: true, force: true });
  });

  it('compares with a folder chosen in the dialog, and opens a disagreement in its transcript', async () => {
    const { workbench } = ui();
    const page = workbench.page;
    await waitForServer(workbench);
    await workbench.runCommand('Codeboom: Compare Coders (Agreement)…');
    // First the source: another coder's folder (the project is no git repository, so there are no branches).
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Another coder’s folder…' }).waitFor();
    await input.press('Enter');
    // Then the folder, typed into the workbench's own file dialog, whose button says Compare.
    // It opens on the project's folder and fills in its list a moment later, which would undo a path typed
    // before: wait until it shows the project's transcripts folder.
    const compare = page.locator('.quick-input-widget .quick-input-action .monaco-button', { hasText: 'Compare' });
    await compare.waitFor();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'transcripts' }).waitFor();
    await page.waitForFunction((folder) => document.querySelector<HTMLInputElement>('.quick-input-widget input')?.value === folder, `${ui().project}/`);
    await input.fill(coderB + '/');
    // Once the dialog lists the copy's own folder, it has moved into the copy and will take it.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'coder-b-notes' }).waitFor();
    await compare.click();

    await workbench.activeTab('Agreement').waitFor();
    const panel = webviewPage(workbench);
    await panel.locator('table#agreement-segment').waitFor();
    assert.equal(await panel.locator('h2').first().innerText(), 'stay-tuned · coder-b');
    assert.match(await panel.locator('p.hint').innerText(), /^12 transcripts compared; segments match when they overlap by at least 90% of the longer one\.$/);
    assert.deepEqual(await panel.locator('h3').allInnerTexts(), [
      'Document level: is the code present in the transcript?',
      'Segment level: do the coders code the same passages?',
    ]);
    // Motivation for therapy: eight segments in the first coder's copy, seven of them in the second's.
    const cells = (level: string) => panel.locator(`table#agreement-${level} tr`, { hasText: 'Motivation for therapy' }).locator('td');
    assert.deepEqual(await cells('segment').allInnerTexts(), ['Motivation for therapy', '8', '87.5', '0.931', '0.931']);
    assert.deepEqual(await cells('document').allInnerTexts(), ['Motivation for therapy', '12', '91.7', '0.833', '0.839']);
    await panel.locator('#quotes h2', { hasText: 'Disagreements (1)' }).waitFor();
    const disagreement = panel.locator('#quotes > ol > li');
    assert.equal(await disagreement.count(), 1);
    assert.match(await disagreement.locator('.where').first().innerText(), /T01\.txt$/);
    // The mouse leaves the tab it ended over, so that no tooltip covers the page in the picture, for the
    // corner where it starts (anywhere else it would show hover-only buttons in later pictures).
    await page.mouse.move(0, 0);
    await page.locator('.monaco-hover, .workbench-hover').first().waitFor({ state: 'hidden' });
    await panel.locator('#quotes').scrollIntoViewIfNeeded();
    await workbench.screenshot('agreement');
    await disagreement.click();
    await workbench.activeTab('T01.txt').waitFor();
    await workbench.statusItem('status.editor.selection').filter({ hasText: `Ln ${dropped.line},` }).waitFor();
  });
});
