/**
 * The starter project: a codebook.yaml with a small code tree and one example transcript that uses only
 * codes of it, in English or Dutch. The editor's *Create Starter Project* and `codeboom init` both write
 * these files, so the two never drift apart.
 */
import type { Language } from '../messages';
import { CODEBOOK_FILE } from '../project/projectFiles';

export interface StarterFile {
  /** Relative to the project folder, with `/`. */
  path: string;
  content: string;
}

export const STARTER_CODEBOOK_PATH = CODEBOOK_FILE;
export const STARTER_TRANSCRIPT_PATH = 'transcripts/P1.txt';

const CODEBOOK: Record<Language, string> = {
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

const TRANSCRIPT: Record<Language, string> = {
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

/** The files of the starter project in `language`: the codebook first, then the example transcript. */
export function starterProjectFiles(language: Language): StarterFile[] {
  return [
    { path: STARTER_CODEBOOK_PATH, content: CODEBOOK[language] },
    { path: STARTER_TRANSCRIPT_PATH, content: TRANSCRIPT[language] },
  ];
}

type StarterMessage = 'created' | 'has-codebook' | 'has-file' | 'not-a-folder';

const words: Record<Language, Record<StarterMessage, (a: Record<string, string>) => string>> = {
  en: {
    created: (a) => `Created a starter project in ${a.folder}: ${a.files}. Next: codeboom check ${a.folder}, or open the folder in VS Code.`,
    'has-codebook': (a) => `${a.folder} already has a codebook.yaml, so nothing was created: choose an empty folder for a new project.`,
    'has-file': (a) => `${a.file} already exists, so nothing was created: move it away, or choose another folder.`,
    'not-a-folder': (a) => `${a.folder} is a file, not a folder: give the folder for the new project.`,
  },
  nl: {
    created: (a) => `Startproject gemaakt in ${a.folder}: ${a.files}. Verder: codeboom check ${a.folder}, of open de map in VS Code.`,
    'has-codebook': (a) => `${a.folder} heeft al een codebook.yaml, dus er is niets gemaakt: kies een lege map voor een nieuw project.`,
    'has-file': (a) => `${a.file} bestaat al, dus er is niets gemaakt: verplaats het, of kies een andere map.`,
    'not-a-folder': (a) => `${a.folder} is een bestand, geen map: geef de map voor het nieuwe project.`,
  },
};

/** The sentences of creating a starter project, in English and Dutch. */
export function starterMessage(key: StarterMessage, args: Record<string, string>, language: Language): string {
  return words[language][key](args);
}
