/**
 * Coding stripes and the media panel in VS Code: the toggle command clears and brings back the labels
 * beside a multiply-coded paragraph; the play command opens the panel at the timestamp of the cursor's
 * line, with the recording the front matter names; a missing recording gets its sentence. What the page
 * draws and plays is checked by the UI tests (test/vscode/ui/stripesMedia.test.ts).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import type { MediaPanel } from '../../../client/src/features/media/mediaPanel';
import { toneWav } from '../harness/wav';
import { apply, codeboom, openTranscript, positionOf, projectFile, when } from './helpers';

describe('coding stripes and the recording', () => {
  let api: ExtensionApi;

  before(async () => {
    api = await codeboom();
  });

  const stripesOf = (editor: vscode.TextEditor) => api.stripes.shown(editor);

  it('shows every code of a paragraph beside it, and the toggle command hides and shows them', async () => {
    const { document, editor } = await openTranscript('T09.txt');
    // Two overlapping passages start on the line of "Vanaf dat moment kwam hij …".
    const line = positionOf(document, 'Vanaf dat moment kwam hij').line;
    const withTwo = () => stripesOf(editor).find((l) => l.line === line && l.labels.length >= 2);
    const shown = await when(api.stripes.onDidDraw, withTwo, () => `stripes: ${JSON.stringify(stripesOf(editor))}`);
    assert.equal(new Set(shown.labels).size, shown.labels.length, 'each code once');
    const before = vscode.workspace.getConfiguration('codeboom').get<boolean>('codingStripes.enabled');
    try {
      assert.equal(await vscode.commands.executeCommand('codeboom.toggleCodingStripes'), false);
      await when(api.stripes.onDidDraw, () => (stripesOf(editor).length === 0 ? true : undefined), () => `still shown: ${JSON.stringify(stripesOf(editor))}`);
      assert.equal(await vscode.commands.executeCommand('codeboom.toggleCodingStripes'), true);
      await when(api.stripes.onDidDraw, withTwo, () => `not back: ${JSON.stringify(stripesOf(editor))}`);
    } finally {
      await vscode.workspace.getConfiguration('codeboom').update('codingStripes.enabled', before === false ? false : undefined, vscode.ConfigurationTarget.Global);
    }
  });

  describe('the media panel', () => {
    let document: vscode.TextDocument;
    let original: string;
    const audio = projectFile('audio');

    before(async () => {
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(audio, 'T09.wav'), toneWav(600));
      ({ document } = await openTranscript('T09.txt'));
      original = document.getText();
    });

    after(async () => {
      MediaPanel()?.panel.dispose();
      await vscode.commands.executeCommand('workbench.action.files.revert');
      assert.equal(document.getText(), original, 'T09.txt is as it was');
      await vscode.workspace.fs.delete(audio, { recursive: true });
    });

    const MediaPanel = () => api.media();

    const setMedia = async (value: string) => {
      const edit = new vscode.WorkspaceEdit();
      const existing = document.getText().match(/^media: .*$/m);
      if (existing) edit.replace(document.uri, new vscode.Range(document.positionAt(existing.index!), document.positionAt(existing.index! + existing[0].length)), `media: ${value}`);
      else edit.insert(document.uri, new vscode.Position(1, 0), `media: ${value}\n`);
      await apply(edit);
    };

    const play = async (needle: string, delta = 0): Promise<MediaPanel> => {
      const editor = await vscode.window.showTextDocument(document);
      const at = positionOf(document, needle, delta);
      editor.selection = new vscode.Selection(at, at);
      const panel = await vscode.commands.executeCommand<MediaPanel | undefined>('codeboom.playFromTimestamp');
      assert.ok(panel, 'the command returns the panel');
      return panel;
    };

    it('plays the recording of the front matter from the timestamp of the cursor line', async () => {
      await setMedia('audio/T09.wav');
      const panel = await play('[08:45]', 3);
      assert.equal(api.media(), panel, 'the API knows the open panel');
      assert.equal(panel.state.media, 'audio/T09.wav');
      assert.equal(panel.state.start, 8 * 60 + 45);
      assert.equal(panel.state.problem, undefined);
      assert.equal(panel.panel.visible, true);
      assert.match(panel.panel.title, /T09\.wav/);
      // A later line without a timestamp plays from the last one before it.
      const later = await play('[17:20]', 0);
      assert.equal(later, panel, 'the same panel');
      assert.equal(later.state.start, 17 * 60 + 20);
    });

    it('says in the panel that a recording is missing', async () => {
      await setMedia('audio/T10.wav');
      const panel = await play('[08:45]', 1);
      assert.equal(panel.state.problem, 'audio/T10.wav is not in the project folder: check media: in the front matter.');
      assert.equal(panel.state.media, 'audio/T10.wav');
    });
  });
});
