/**
 * The co-occurrence heat map: opened from the command palette; each cell says, when pointed at, how many
 * pairs of segments it counts and in how many participants.
 */
import * as assert from 'node:assert/strict';
import { waitForServer, webviewPage } from './codeboomUi';
import { ui } from './session';

describe('the co-occurrence heat map', () => {
  after(() => ui().workbench.closeAllEditors());

  it('titles each cell with its pairs and participants, one in the singular', async () => {
    const { workbench } = ui();
    await waitForServer(workbench);
    await workbench.runCommand('Codeboom: Open Code Co-occurrence');
    await workbench.activeTab('Code co-occurrence').waitFor();
    const page = webviewPage(workbench);
    await page.locator('table#cooccurrence').waitFor();

    // In the example, by paragraph (the panel's first unit): Bond with Goal four times, in four
    // participants; Bond with Task once, in one.
    const band = page.locator('tbody tr', { has: page.locator('td.code[title="effect/band"]') });
    const cellFor = async (code: string) => {
      // Cell j of a row stands after the row's label, under the column of the code in row j.
      const j = (await page.locator('tbody td.code').allInnerTexts()).findIndex((t) => t.endsWith(`. ${code}`));
      assert.ok(j >= 0, `a row for ${code}`);
      return band.locator('td').nth(j + 1);
    };
    const goal = await cellFor('Goal (treatment outcome)');
    assert.equal(await goal.innerText(), '4');
    assert.equal(await goal.getAttribute('title'), '4 pairs in 4 participants');
    const task = await cellFor('Task (interventions)');
    assert.equal(await task.innerText(), '1');
    assert.equal(await task.getAttribute('title'), '1 pair in 1 participant');
  });
});
