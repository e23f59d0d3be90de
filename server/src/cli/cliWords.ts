/**
 * Sentences of the command line in English and Dutch, for what it says about a project as a whole.
 */
import { counted, type Language } from '../engine/messages';

const en = {
  codebookHasErrors: (n: number, owner?: string) =>
    `${owner ? `${owner}: ` : ''}codebook.yaml has ${counted(n, 'error', 'errors')} (above), so it was not used: fix ${n === 1 ? 'it' : 'them'} and run the command again.`,
  unknownTagsLeftOut: (n: number) =>
    `${counted(n, 'tag with an unknown code was', 'tags with unknown codes were')} left out: run 'codeboom check' to see ${n === 1 ? 'it' : 'them'}.`,
};

const nl: typeof en = {
  codebookHasErrors: (n, owner) =>
    `${owner ? `${owner}: ` : ''}codebook.yaml bevat ${counted(n, 'fout', 'fouten')} (hierboven) en is daarom niet gebruikt: los ${n === 1 ? 'die' : 'ze'} op en voer de opdracht opnieuw uit.`,
  unknownTagsLeftOut: (n) =>
    `${counted(n, 'tag met een onbekende code is', 'tags met onbekende codes zijn')} weggelaten: voer 'codeboom check' uit om ${n === 1 ? 'hem' : 'ze'} te zien.`,
};

export function cliWords(language: Language): typeof en {
  return language === 'nl' ? nl : en;
}
