/**
 * Labels for speakers' names. The engine reads a turn from a short label of capitals and digits (`T12`,
 * `PDV`) or a word such as `Interviewer`; a name with spaces ("Pieter de Vries") is not one, so it gets its
 * initials (`PDV`), and the transcript's front matter says who each label is. A name that already is a
 * label keeps it. The labels the engine takes for interviewers by default (`I`, `INT`) are only given to
 * speakers who are called that, so a participant called Ingrid is never left out of the counts.
 */
import { DEFAULT_INTERVIEWERS } from '../project/settings';

export interface SpeakerLabel {
  label: string;
  name: string;
}

const WORD_LABELS = ['Interviewer', 'Interviewster', 'Interviewee', 'Respondent', 'Onderzoeker', 'Deelnemer', 'Participant', 'Moderator'];
const SHORT_LABEL = /^\p{Lu}[\p{Lu}\p{N}]{0,5}$/u;

/** Whether the engine's default speaker pattern reads `text` as a whole label. */
export function isDefaultLabel(text: string): boolean {
  return SHORT_LABEL.test(text) || WORD_LABELS.includes(text);
}

/** One label per name, in the order given, all different. */
export function assignSpeakerLabels(names: readonly string[]): SpeakerLabel[] {
  const taken = new Set<string>();
  const result: SpeakerLabel[] = [];
  // Names that are labels already keep them, whatever order they come in.
  for (const name of names) if (isDefaultLabel(name)) taken.add(name);
  for (const name of names) {
    let label: string;
    if (isDefaultLabel(name)) label = name;
    else {
      const base = initials(name);
      label = base;
      for (let n = 2; taken.has(label) || DEFAULT_INTERVIEWERS.includes(label); n++) label = `${base.slice(0, 6 - String(n).length)}${n}`;
    }
    taken.add(label);
    result.push({ label, name });
  }
  return result;
}

/** `Pieter de Vries` → `PDV`, `SPEAKER_01` → `S01`; `S` when the name gives no capital letter. */
function initials(name: string): string {
  let out = '';
  for (const word of name.split(/[\s_.\-–,()]+/u)) {
    if (word === '') continue;
    if (/^\p{N}+$/u.test(word)) out += word;
    else out += Array.from(word)[0].toUpperCase();
  }
  out = Array.from(out).slice(0, 6).join('');
  return SHORT_LABEL.test(out) ? out : 'S';
}
