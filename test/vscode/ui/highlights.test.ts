/**
 * Coded passages in the editor, in a light and a dark theme: tinted in their code's colour, precise
 * passages underlined, overlapping passages each with their own colour. VS Code has no API to read
 * decorations back, so the test reads the computed style of what the page draws under the words.
 * Saves the screenshots highlights.png and highlights-dark.png.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { codeColor, highlightsUnder, lineColumnOf, parseCss, rgbOf, waitForHighlights, waitForServer, type Highlight } from './codeboomUi';
import { ui } from './session';

/** The colour's red, green and blue, and its alpha. */
function tint(highlight: Highlight): { rgb: number[]; alpha: number } {
  const [r, g, b, alpha] = parseCss(highlight.background);
  return { rgb: [r, g, b], alpha };
}

describe('highlights of coded passages', () => {
  // Words in two passages of T09 that overlap:
  // {{#a Vanaf ... {{#b en ging hij die baslijn echt oefenen}}#a[[effect/band]], ... spelen}}#b[[medium/succeservaringen]]
  const overlap = 'baslijn echt oefenen';
  let lightAlpha = 0;

  after(async () => {
    const { workbench } = ui();
    if (await workbench.page.locator('.monaco-workbench.vs-dark').count()) await workbench.selectColorTheme('Light Modern', 'vs');
    // A closed editor opens again where it was scrolled to: leave T09 at its top for the tests after this.
    if (await workbench.activeTab('T09.txt').count()) await workbench.goTo(1, 1);
    await workbench.closeAllEditors();
  });

  it('tints coded passages in their code\'s colour and underlines precise ones, in a light theme', async () => {
    const { workbench, project } = ui();
    await workbench.openFromExplorer('transcripts', 'T09.txt');
    await waitForServer(workbench);
    await workbench.statusItem('status.editor.mode').filter({ hasText: 'Transcript (Codeboom)' }).waitFor();
    await waitForHighlights(workbench);
    const motivation = rgbOf(codeColor(project, 'medium/therapiemotivatie'));

    // {{Die muziek is voor veel ...}}[[medium/therapiemotivatie]]: a precise passage.
    const passage = await highlightsUnder(workbench, 'Die muziek is voor veel');
    assert.equal(passage.length, 1, JSON.stringify(passage));
    assert.deepEqual(tint(passage[0]).rgb, motivation, `the code's colour: ${passage[0].background}`);
    assert.ok(tint(passage[0]).alpha > 0 && tint(passage[0]).alpha < 0.5, `a light tint: ${passage[0].background}`);
    assert.equal(passage[0].borderBottomWidth, '2px', 'underlined');
    assert.deepEqual(parseCss(passage[0].borderBottomColor).slice(0, 3), motivation);

    // "Ja. Ik hoor op de groep ... [[medium/therapiemotivatie]]": a whole paragraph, tinted, not underlined.
    const paragraph = await highlightsUnder(workbench, 'Ik hoor op de groep');
    assert.equal(paragraph.length, 1, JSON.stringify(paragraph));
    assert.deepEqual(tint(paragraph[0]).rgb, motivation);
    assert.ok(tint(paragraph[0]).alpha > 0, `tinted: ${paragraph[0].background}`);
    assert.equal(paragraph[0].borderBottomWidth, '0px', 'not underlined');

    // Two passages over the same words: one highlight in each code's colour.
    const at = lineColumnOf(path.join(project, 'transcripts/T09.txt'), overlap);
    await workbench.goTo(at.line, at.column);
    const both = await highlightsUnder(workbench, overlap, 2);
    assert.deepEqual(
      both.map((h) => tint(h).rgb).sort(),
      [rgbOf(codeColor(project, 'effect/band')), rgbOf(codeColor(project, 'medium/succeservaringen'))].sort(),
    );
    lightAlpha = Math.max(...both.map((h) => tint(h).alpha));
    await workbench.screenshot('highlights');
  });

  it('keeps them in a dark theme, with a stronger tint', async () => {
    const { workbench, project } = ui();
    await workbench.selectColorTheme('Dark Modern', 'vs-dark');
    const both = await highlightsUnder(workbench, overlap, 2);
    assert.deepEqual(
      both.map((h) => tint(h).rgb).sort(),
      [rgbOf(codeColor(project, 'effect/band')), rgbOf(codeColor(project, 'medium/succeservaringen'))].sort(),
    );
    for (const h of both) assert.ok(tint(h).alpha > lightAlpha, `stronger than ${lightAlpha} in the light theme: ${h.background}`);
    await workbench.screenshot('highlights-dark');
    await workbench.selectColorTheme('Light Modern', 'vs');
  });
});
