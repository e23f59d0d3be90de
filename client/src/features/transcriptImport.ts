/**
 * "Import Transcripts…": Word documents, subtitles from Teams, Zoom or Whisper, SubRip, Whisper JSON and
 * oTranscribe files become transcripts of the project, one per file, in the folder its transcript
 * patterns name. The server converts them; the files are created by one workspace edit, so Undo takes
 * the whole import back, and an existing transcript is replaced only when the user says so.
 */
import * as vscode from 'vscode';
import { TRANSCRIPT_IMPORT_EXTENSIONS } from '../../../server/src/engine/import/importFormats';
import { TranscriptImportRequest } from '../../../server/src/lsp/protocol';
import type { ServerConnection } from '../server/serverConnection';
import { chooseProject } from './projects';

/** For scripts and tests: whether existing transcripts are replaced, without asking. */
interface ImportOptions {
  replace?: boolean;
}

export function activateTranscriptImport(context: vscode.ExtensionContext, server: ServerConnection): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('codeboom.importTranscripts', async (sources?: vscode.Uri[], options?: ImportOptions) => {
      const project = await chooseProject(server);
      if (!project) return [];
      const root = vscode.Uri.parse(project.root);
      const files =
        sources ??
        (await vscode.window.showOpenDialog({
          canSelectMany: true,
          defaultUri: root,
          openLabel: vscode.l10n.t('Import'),
          title: vscode.l10n.t('Import Transcripts'),
          filters: { [vscode.l10n.t('Interviews (Word, subtitles, Whisper, oTranscribe)')]: [...TRANSCRIPT_IMPORT_EXTENSIONS] },
        }));
      if (!files || files.length === 0) return [];

      const edit = new vscode.WorkspaceEdit();
      const created: vscode.Uri[] = [];
      const problems: string[] = [];
      const taken = new Set<string>();
      for (const file of files) {
        const name = file.path.split('/').pop() ?? file.path;
        let bytes: Uint8Array;
        try {
          bytes = await vscode.workspace.fs.readFile(file);
        } catch (e) {
          problems.push(vscode.l10n.t('{0} could not be read ({1}).', name, e instanceof vscode.FileSystemError ? e.code : String(e)));
          continue;
        }
        const result = await server.send(TranscriptImportRequest.type, { name, base64: toBase64(bytes), project: project.root });
        if (!result) return [];
        if (!result.ok) {
          problems.push(result.message);
          continue;
        }
        const target = vscode.Uri.joinPath(root, ...result.folder.split('/').filter(Boolean), result.fileName);
        if (taken.has(target.toString())) {
          problems.push(vscode.l10n.t('{0} would be imported as {1} too; rename one of them first.', name, vscode.workspace.asRelativePath(target)));
          continue;
        }
        const exists = await vscode.workspace.fs.stat(target).then(
          () => true,
          () => false,
        );
        let replace = false;
        if (exists) {
          replace = options?.replace ?? (await askToReplace(target));
          if (!replace) {
            problems.push(vscode.l10n.t('{0} exists, so {1} was not imported.', vscode.workspace.asRelativePath(target), name));
            continue;
          }
        }
        taken.add(target.toString());
        edit.createFile(target, { overwrite: replace, contents: new TextEncoder().encode(result.text) });
        created.push(target);
        for (const w of result.warnings) server.output.warn(`${name}: ${w}`);
      }
      if (created.length > 0 && !(await vscode.workspace.applyEdit(edit))) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The transcripts could not be written; nothing was imported.'));
        return [];
      }
      for (const p of problems) void vscode.window.showWarningMessage(p);
      if (created.length > 0) {
        await vscode.window.showTextDocument(created[0]);
        void vscode.window.showInformationMessage(
          created.length === 1
            ? vscode.l10n.t('Imported {0}. Set participant: in its front matter to the label of the person interviewed.', vscode.workspace.asRelativePath(created[0]))
            : vscode.l10n.t('Imported {0} transcripts. Set participant: in the front matter of each to the label of the person interviewed.', created.length),
        );
      }
      return created;
    }),
  );
}

async function askToReplace(target: vscode.Uri): Promise<boolean> {
  const replace = vscode.l10n.t('Replace');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} exists. Replace it with the imported transcript? (Undo brings it back.)', vscode.workspace.asRelativePath(target)),
    { modal: true },
    replace,
  );
  return choice === replace;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
