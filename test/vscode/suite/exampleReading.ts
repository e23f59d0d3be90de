/**
 * The example's coding read straight from the files on disk, without the engine, for the values the tests
 * expect. In the example every tag `[[path]]` or `[[path | memo]]` is one segment of the transcript's
 * participant: no paragraph carries a code twice, no interviewer turn is coded and every paragraph is one
 * line (checked against `codeboom segments`, which lists the same 208 segments).
 */
import { readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { diskText, inLabelLanguage, projectFile } from './helpers';

export interface TagReading {
  /** The transcript's file name (`T05.txt`). */
  file: string;
  participant: string;
  /** The front matter's other keys (discipline, setting, ...). */
  variables: Record<string, string>;
  code: string;
  /** 1-based line of the tag. */
  line: number;
  /** The passage's words when the tag closes a passage without nested marks, else undefined. */
  passage?: string;
}

export function transcriptNames(): string[] {
  return readdirSync(projectFile('transcripts').fsPath)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

/** Every tag of every transcript, in file order. */
export function exampleTags(): TagReading[] {
  const tags: TagReading[] = [];
  for (const file of transcriptNames()) {
    const text = diskText(`transcripts/${file}`);
    const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
    const meta = (front ? parse(front[1]) : {}) as Record<string, unknown>;
    const participant = String(meta.participant);
    const variables = Object.fromEntries(Object.entries(meta).filter(([k]) => k !== 'participant').map(([k, v]) => [k, String(v)]));
    text.split('\n').forEach((lineText, i) => {
      for (const m of lineText.matchAll(/\[\[([^\]|]+?)\s*(?:\|[^\]]*)?\]\]/g)) {
        const before = lineText.slice(0, m.index);
        const passage = /\{\{([^{}#]*)\}\}(?:\[\[[^\]]*\]\])*$/.exec(before)?.[1];
        tags.push({ file, participant, variables, code: m[1].trim(), line: i + 1, passage });
      }
    });
  }
  return tags;
}

/** Participants in natural order (T2 before T10). */
export function naturalOrder(names: Iterable<string>): string[] {
  return [...names].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
}

/** A code's segments per participant, in natural order, among the tags that pass `keep`. */
export function countsOf(code: string, keep: (t: TagReading) => boolean = () => true): { segments: number; byParticipant: [string, number][] } {
  const by = new Map<string, number>();
  for (const t of exampleTags()) if (t.code === code && keep(t)) by.set(t.participant, (by.get(t.participant) ?? 0) + 1);
  const byParticipant = naturalOrder(by.keys()).map((p): [string, number] => [p, by.get(p)!]);
  return { segments: byParticipant.reduce((n, [, c]) => n + c, 0), byParticipant };
}

interface CodebookNode {
  label: string | Record<string, string>;
  codes?: Record<string, CodebookNode>;
}

/** The codebook's codes under `path` ('' for the top level), in codebook order: slug, path and label in the UI language. */
export function codebookChildren(path = ''): { slug: string; path: string; label: string }[] {
  let node = parse(diskText('codebook.yaml')) as { codes?: Record<string, CodebookNode> };
  for (const slug of path ? path.split('/') : []) node = node.codes![slug];
  return Object.entries(node.codes ?? {}).map(([slug, child]) => ({ slug, path: path ? `${path}/${slug}` : slug, label: inLabelLanguage(child.label) }));
}

/** `T2, T3 and T4` (or `en` in Dutch), as the reports list participants. */
export function listed(names: string[], and: string): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}
