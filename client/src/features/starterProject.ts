/**
 * "Create a starter project": a codebook.yaml with a small code tree and one example transcript, in the
 * user's language, in a folder they choose (the same files as `codeboom init`). Nothing is overwritten.
 */
import * as vscode from 'vscode';
import { starterProjectFiles } from '../../../server/src/engine/starter/starterProject';

export function activateStarterProject(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('codeboom.createStarterProject', async (folder?: vscode.Uri) => {
      let target = folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
      if (!target) {
        const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: vscode.l10n.t('Create project here') });
        target = picked?.[0];
      }
      if (!target) return undefined;
      const lang = vscode.env.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
      const files = starterProjectFiles(lang).map((f) => ({ uri: vscode.Uri.joinPath(target, ...f.path.split('/')), content: f.content }));
      const [codebook, transcript] = files.map((f) => f.uri);
      for (const { uri: file } of files) {
        const exists = await vscode.workspace.fs.stat(file).then(
          () => true,
          () => false,
        );
        if (exists) {
          void vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists; nothing was changed.', vscode.workspace.asRelativePath(file)));
          return undefined;
        }
      }
      for (const f of files) await vscode.workspace.fs.writeFile(f.uri, new TextEncoder().encode(f.content));
      await vscode.window.showTextDocument(transcript);
      return codebook;
    }),
  );
}
