/** A small project for the language-server tests: Dutch text, CRLF, an emoji, interviewer turns. */
import { SMALL_CODEBOOK, tempProject, type TempProject } from '../helpers/tempProject';

export const T1 = [
  '---',
  'participant: T1',
  'discipline: drama',
  '---',
  'I= Hoe begin je?',
  '',
  'T1= Ik wacht af 😀 tot hij komt. [[afstemmen/geduld]]',
  '',
  'T1= Samen {{spelen we een scène}}[[effect/band | eerste keer]] en dan [[afstemmen/gedudl]]',
  '',
].join('\r\n');

export const T2 = [
  '---',
  'participant: T2',
  'discipline: muziek',
  '---',
  'T2= Cliënten hebben tijd nodig. [[afstemmen/geduld]] [[afstemmen/wachten]]',
  '',
  'T2= Ik improviseer. [[afstemmen/improvisatie]]',
  '',
].join('\n');

export function lspProject(): TempProject {
  return tempProject({ 'codebook.yaml': SMALL_CODEBOOK, 'T1.txt': T1, 'T2.txt': T2, 'notes/readme.md': 'not a transcript [[x]]\n' });
}
