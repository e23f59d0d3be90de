/**
 * Sentences of the command line in English and Dutch, for what it says about a project as a whole.
 */
import { counted, type Language } from '../engine/messages';

const en = {
  outIsCodebook: (out: string) => `--out ${out} is the project's codebook: choose another file, so that it is not overwritten.`,
  outIsTranscript: (out: string) => `--out ${out} is one of the project's transcripts: choose another file, so that it is not overwritten.`,
  outWouldBeTranscript: (out: string) =>
    `--out ${out} would be read as a transcript, since it matches project.transcripts in codebook.yaml: choose another name or folder.`,
  outIsInput: (out: string) => `--out ${out} is a file the project reads: choose another file, so that it is not overwritten.`,
  outIsFolder: (out: string) => `--out ${out} is a folder: choose another name, of a file.`,
  noOutFolder: (out: string) => `The folder of --out ${out} does not exist: create it or choose another --out.`,
  couldNotWrite: (out: string, code: string) => `Could not write ${out} (${code}): check that its folder is writable.`,
  codebookHasErrors: (n: number, owner?: string) =>
    `${owner ? `${owner}: ` : ''}codebook.yaml has ${counted(n, 'error', 'errors')} (above), so it was not used: fix ${n === 1 ? 'it' : 'them'} and run the command again.`,
  unknownTagsLeftOut: (n: number) =>
    `${counted(n, 'tag with an unknown code was', 'tags with unknown codes were')} left out: run 'codeboom check' to see ${n === 1 ? 'it' : 'them'}.`,
};

const nl: typeof en = {
  outIsCodebook: (out) => `--out ${out} is het codeboek van het project: kies een ander bestand, zodat het niet wordt overschreven.`,
  outIsTranscript: (out) => `--out ${out} is een van de transcripten van het project: kies een ander bestand, zodat het niet wordt overschreven.`,
  outWouldBeTranscript: (out) =>
    `--out ${out} zou als transcript gelezen worden, omdat het past bij project.transcripts in codebook.yaml: kies een andere naam of map.`,
  outIsInput: (out) => `--out ${out} is een bestand dat het project leest: kies een ander bestand, zodat het niet wordt overschreven.`,
  outIsFolder: (out) => `--out ${out} is een map: kies een andere naam, van een bestand.`,
  noOutFolder: (out) => `De map van --out ${out} bestaat niet: maak hem aan of kies een andere --out.`,
  couldNotWrite: (out, code) => `${out} kon niet geschreven worden (${code}): controleer of de map beschrijfbaar is.`,
  codebookHasErrors: (n, owner) =>
    `${owner ? `${owner}: ` : ''}codebook.yaml bevat ${counted(n, 'fout', 'fouten')} (hierboven) en is daarom niet gebruikt: los ${n === 1 ? 'die' : 'ze'} op en voer de opdracht opnieuw uit.`,
  unknownTagsLeftOut: (n) =>
    `${counted(n, 'tag met een onbekende code is', 'tags met onbekende codes zijn')} weggelaten: voer 'codeboom check' uit om ${n === 1 ? 'hem' : 'ze'} te zien.`,
};

export function cliWords(language: Language): typeof en {
  return language === 'nl' ? nl : en;
}
