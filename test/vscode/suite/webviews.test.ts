/**
 * The web views: "Open Code Matrix" and "Open Code Co-occurrence" open a panel titled after the project
 * and show it (what the page shows is checked by the UI tests, test/vscode/ui/matrix.test.ts).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { ExtensionApi } from '../../../client/src/extension';
import type { ProjectPanel } from '../../../client/src/features/projectPanel';
import { codeboom, diskText, inLabelLanguage } from './helpers';

/** The project's title as the extension shows it: the codebook's title in the UI language. */
function projectTitle(): string {
  return inLabelLanguage((parse(diskText('codebook.yaml')) as { title: string | Record<string, string> }).title);
}

describe('web views', () => {
  let api: ExtensionApi;

  before(async () => {
    api = await codeboom();
  });

  const opens = async (command: string, current: () => ProjectPanel<unknown> | undefined, titles: string[]) => {
    const shown = await vscode.commands.executeCommand<ProjectPanel<unknown> | undefined>(command);
    assert.ok(shown, `${command} returns its panel`);
    try {
      assert.ok(titles.map((t) => `${t} — ${projectTitle()}`).includes(shown.panel.title), `title: ${shown.panel.title}`);
      assert.equal(shown.panel.visible, true);
      assert.equal(shown.panel.active, true);
      assert.equal(current(), shown, 'the API knows the open panel');
      // Asked again, the same panel comes to the front instead of a second one.
      assert.equal(await vscode.commands.executeCommand(command), shown);
    } finally {
      shown.panel.dispose();
    }
    assert.equal(current(), undefined, 'closed, the panel is gone');
  };

  it('opens the code matrix', () => opens('codeboom.openMatrix', () => api.matrix(), ['Code matrix', 'Codematrix']));

  it('opens the code co-occurrence', () => opens('codeboom.openCooccurrence', () => api.cooccurrence(), ['Code co-occurrence', 'Samenhang van codes']));
});
