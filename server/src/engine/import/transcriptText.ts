/**
 * Writing an imported transcript: front matter that lists the speakers and leaves `participant:` for the
 * researcher, then one paragraph per paragraph, a blank line between them. A paragraph that opens a turn
 * starts with its speaker's label and `: `; a paragraph with a time starts with it, as `[01:02]` under an
 * hour and `[1:02:03]` from an hour, before the label: the form the engine reads as a turn.
 */
import type { Language } from '../messages';
import { formatTimestamp } from '../transcript/timestamps';
import { importMessage } from './importMessages';
import { assignSpeakerLabels, type SpeakerLabel } from './speakerLabels';

export interface ImportedParagraph {
  /** Lines of text, already without markup; kept apart as line breaks inside the paragraph. */
  lines: string[];
  /** The speaker's name as the source gives it; a change of speaker opens a turn. */
  speaker?: string;
  /** Seconds from the start of the recording. */
  start?: number;
  /** Opens a turn even when the speaker before was the same (the source wrote the label again). */
  opensTurn?: boolean;
}

export interface RenderedTranscript {
  text: string;
  speakers: SpeakerLabel[];
}

/** `[01:02]` under an hour, `[1:02:03]` from an hour: the transcript's own timestamps (timestamps.ts). */
export { formatTimestamp };

/** Spaces and tabs run together, no space at either end, no control characters. */
export function tidyLine(line: string): string {
  // eslint-disable-next-line no-control-regex
  return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b\ufeff]/g, '').replace(/[ \t\u00a0]+/g, ' ').trim();
}

export function renderTranscript(paragraphs: readonly ImportedParagraph[], language: Language): RenderedTranscript {
  const kept = paragraphs
    .map((p) => ({ ...p, lines: p.lines.map(tidyLine).filter((l) => l !== '') }))
    .filter((p) => p.lines.length > 0);
  const names: string[] = [];
  for (const p of kept) if (p.speaker !== undefined && !names.includes(p.speaker)) names.push(p.speaker);
  const speakers = assignSpeakerLabels(names);
  const labelOf = new Map(speakers.map((s) => [s.name, s.label]));

  const out: string[] = ['---', `# ${importMessage({ code: 'import.frontmatter-hint', args: {} }, language)}`, 'participant:'];
  if (speakers.length > 0) {
    out.push('speakers:');
    for (const s of speakers) out.push(`  ${s.label}: ${yamlString(s.name)}`);
  }
  out.push('---');
  let previous: string | undefined;
  for (const p of kept) {
    const opens = p.speaker !== undefined && (p.speaker !== previous || p.opensTurn === true);
    if (p.speaker !== undefined) previous = p.speaker;
    const head = `${p.start !== undefined ? `${formatTimestamp(p.start)} ` : ''}${opens ? `${labelOf.get(p.speaker!)}: ` : ''}`;
    out.push(`${head}${p.lines[0]}`, ...p.lines.slice(1), '');
  }
  if (out[out.length - 1] === '') out.pop();
  return { text: `${out.join('\n')}\n`, speakers };
}

/** A name as a YAML value: plain when YAML reads it back as the same text, else in double quotes. */
function yamlString(value: string): string {
  const plain = /^[\p{L}\p{N}][\p{L}\p{N} .,'()_-]*$/u.test(value) && !/^(true|false|yes|no|on|off|null|~)$/i.test(value) && !/^[\d.]+$/.test(value);
  return plain ? value : JSON.stringify(value);
}
