/**
 * Two coders' versions of a small project, for agreement tests. Their statistics are worked out by hand in
 * test/analysis/agreement.test.ts.
 *
 * T1: Anna's patience passage is "Ik wacht gewoon af" (15 characters of words), Bram's "Ik wacht gewoon"
 * (13): they overlap by 13/15 = 0.867 of the longer, under the default 0.9. Both code the first paragraph
 * with band (Bram puts the tag on a line of its own). Only Anna codes improvisation.
 * T2: the same coding. T3: only Anna coded it. T4: Bram changed a word. T5: only Anna has it.
 */
const head = (who: string, coder: string) => `---\nparticipant: ${who}\ncoder: ${coder}\n---\n`;

export const ANNA: Record<string, string> = {
  'T1.txt': `${head('T1', 'anna')}T1= {{Ik wacht gewoon af}}[[afstemmen/geduld]] en dan komt hij vanzelf. [[effect/band]]\n\nT1= Soms speel ik mee op de drums. [[afstemmen/improvisatie]]\n`,
  'T2.txt': `${head('T2', 'anna')}T2= {{Rustig blijven}}[[afstemmen/geduld]] is belangrijk. [[effect/band]]\n`,
  'T3.txt': `${head('T3', 'anna')}T3= Dat weet ik niet. [[effect/band]]\n`,
  'T4.txt': `${head('T4', 'anna')}T4= Ik ga naar huis. [[effect/band]]\n`,
  'T5.txt': `${head('T5', 'anna')}T5= Alleen bij Anna. [[effect/band]]\n`,
};

export const BRAM: Record<string, string> = {
  'T1.txt': `${head('T1', 'bram')}T1= {{Ik wacht gewoon}}[[afstemmen/geduld]] af en dan komt hij vanzelf.\n[[effect/band]]\n\nT1= Soms speel ik mee op de drums.\n`,
  'T2.txt': `${head('T2', 'bram')}T2= {{Rustig blijven}}[[afstemmen/geduld]] is belangrijk. [[effect/band]]\n`,
  'T3.txt': `${head('T3', 'bram')}T3= Dat weet ik niet.\n`,
  'T4.txt': `${head('T4', 'bram')}T4= Ik ging naar huis. [[effect/band]]\n`,
};

export { head as frontMatter };
