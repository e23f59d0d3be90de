/**
 * Import Transcripts…: a WebVTT file from Teams becomes a transcript of the example project, in its
 * transcripts folder, whose speakers the server reads as turns; an existing transcript is replaced only
 * when the user says so.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeboom, diskText, projectFile, whenAsync } from './helpers';

const TEAMS = `WEBVTT

1a2b3c4d-0001
00:00:03.000 --> 00:00:08.000
<v Pieter de Vries>Hoe ben je met muziektherapie begonnen?</v>

1a2b3c4d-0002
00:00:09.500 --> 00:00:14.000
<v Anna Jansen>Via een stage. Ik speelde al piano.</v>

1a2b3c4d-0003
00:00:14.200 --> 00:00:18.000
<v Anna Jansen>En toen bleef ik.</v>
`;

describe('Import Transcripts…', () => {
  it('turns a Teams transcript into a transcript of the project whose speakers are turns, and replaces one only when asked', async () => {
    const api = await codeboom();
    const folder = mkdtempSync(path.join(tmpdir(), 'codeboom-import-'));
    const source = path.join(folder, 'Interview Anna.vtt');
    writeFileSync(source, TEAMS);
    const target = projectFile('transcripts/Interview Anna.txt');
    const documents = async () => (await api.server.projects())[0].documents;
    const before = await documents();
    try {
      const created = await vscode.commands.executeCommand<vscode.Uri[]>('codeboom.importTranscripts', [vscode.Uri.file(source)]);
      assert.deepEqual(created.map((u) => u.toString()), [target.toString()]);
      const text = diskText('transcripts/Interview Anna.txt');
      assert.match(text, /^---\n(#.*\n)?participant:\nspeakers:\n  PDV: Pieter de Vries\n  AJ: Anna Jansen\n---\n/);
      assert.match(text, /\[00:09\] AJ: Via een stage\. Ik speelde al piano\. En toen bleef ik\./);
      // The server takes it in as a transcript of the project, with nothing to complain about.
      await whenAsync(
        api.server.onIndexChanged,
        async () => ((await documents()) === before + 1 ? true : undefined),
        () => `the project has ${before + 1} transcripts`,
      );
      assert.deepEqual(vscode.languages.getDiagnostics(target), []);

      writeFileSync(source, TEAMS.replace('En toen bleef ik.', 'En nu werk ik er al tien jaar.'));
      const kept = await vscode.commands.executeCommand<vscode.Uri[]>('codeboom.importTranscripts', [vscode.Uri.file(source)], { replace: false });
      assert.deepEqual(kept, []);
      assert.match(diskText('transcripts/Interview Anna.txt'), /En toen bleef ik\./);
      const replaced = await vscode.commands.executeCommand<vscode.Uri[]>('codeboom.importTranscripts', [vscode.Uri.file(source)], { replace: true });
      assert.deepEqual(replaced.map((u) => u.toString()), [target.toString()]);
      assert.match(diskText('transcripts/Interview Anna.txt'), /En nu werk ik er al tien jaar\./);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(target);
      await whenAsync(
        api.server.onIndexChanged,
        async () => ((await documents()) === before ? true : undefined),
        () => `the project is back to ${before} transcripts`,
      );
    }
  });

  it('refuses a file that is not what its name says, in one sentence, and writes nothing', async () => {
    await codeboom();
    const folder = mkdtempSync(path.join(tmpdir(), 'codeboom-import-'));
    const source = path.join(folder, 'notes.vtt');
    writeFileSync(source, 'Just some notes, not subtitles.\n');
    const created = await vscode.commands.executeCommand<vscode.Uri[]>('codeboom.importTranscripts', [vscode.Uri.file(source)]);
    assert.deepEqual(created, []);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(projectFile('transcripts/notes.txt'))));
  });
});
