/**
 * "Create a starter project": a codebook.yaml with a small code tree and one example transcript, in the
 * user's language, in a folder they choose. Nothing is overwritten.
 */
import * as vscode from 'vscode';

const CODEBOOK = {
  en: `# The codebook of this project: the codes, with what they mean.
title: My interview study
project:
  language: en
  transcripts: ["transcripts/**/*.txt", "transcripts/**/*.md"]
  interviewers: [I]
codes:
  experience:
    label: Experience
    codable: false
    color: "#2a9d8f"
    definition: How participants describe what happened to them.
    codes:
      turning-point:
        label: Turning point
        definition: A moment after which things went differently.
        when_to_use: The participant marks a before and an after.
        when_not_to_use: A gradual change; use experience/change instead.
        examples:
          - "From that day on I never missed a session."
      change:
        label: Gradual change
        definition: Change that came slowly, without one moment.
  relationship:
    label: Relationship
    codable: false
    color: "#e76f51"
    codes:
      trust:
        label: Trust
        definition: Confidence in the other person's intentions.
`,
  nl: `# Het codeboek van dit project: de codes en wat ze betekenen.
title: Mijn interviewstudie
project:
  language: nl
  transcripts: ["transcripts/**/*.txt", "transcripts/**/*.md"]
  interviewers: [I]
codes:
  ervaring:
    label: Ervaring
    codable: false
    color: "#2a9d8f"
    definition: Hoe deelnemers beschrijven wat hun is overkomen.
    codes:
      keerpunt:
        label: Keerpunt
        definition: Een moment waarna het anders ging.
        when_to_use: De deelnemer maakt onderscheid tussen voor en na.
        when_not_to_use: Een geleidelijke verandering; gebruik dan ervaring/verandering.
        examples:
          - "Vanaf die dag heb ik geen sessie meer gemist."
      verandering:
        label: Geleidelijke verandering
        definition: Verandering die langzaam kwam, zonder één moment.
  relatie:
    label: Relatie
    codable: false
    color: "#e76f51"
    codes:
      vertrouwen:
        label: Vertrouwen
        definition: Vertrouwen in de bedoelingen van de ander.
`,
};

const TRANSCRIPT = {
  en: `---
participant: P1
---
I= How did the sessions start for you?

P1= Slowly. I did not want to be there at first. [[experience/change]]

P1= But one day {{she just waited until I was ready}}[[relationship/trust]], and from then on it was different. [[experience/turning-point]]
`,
  nl: `---
participant: P1
---
I= Hoe begonnen de sessies voor jou?

P1= Langzaam. Ik wilde er eerst niet zijn. [[ervaring/verandering]]

P1= Maar op een dag {{wachtte ze gewoon tot ik zover was}}[[relatie/vertrouwen]], en vanaf toen ging het anders. [[ervaring/keerpunt]]
`,
};

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
      const codebook = vscode.Uri.joinPath(target, 'codebook.yaml');
      const transcript = vscode.Uri.joinPath(target, 'transcripts', lang === 'nl' ? 'P1.txt' : 'P1.txt');
      for (const file of [codebook, transcript]) {
        const exists = await vscode.workspace.fs.stat(file).then(
          () => true,
          () => false,
        );
        if (exists) {
          void vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists; nothing was changed.', vscode.workspace.asRelativePath(file)));
          return undefined;
        }
      }
      await vscode.workspace.fs.writeFile(codebook, new TextEncoder().encode(CODEBOOK[lang]));
      await vscode.workspace.fs.writeFile(transcript, new TextEncoder().encode(TRANSCRIPT[lang]));
      await vscode.window.showTextDocument(transcript);
      return codebook;
    }),
  );
}
