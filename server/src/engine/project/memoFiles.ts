/**
 * The project's free memos: Markdown files in the `memos/` folder beside codebook.yaml (MEMOS_FOLDER in
 * projectFiles.ts), one memo per file. A memo's title is its first `# heading`, else its file name; the
 * text below the heading is the memo. One file per memo keeps each memo's history apart in git and lets
 * a researcher write, link and preview memos as any Markdown; the loader never reads them as transcripts.
 */
import type { Diagnostic, Span } from '../diagnostics';
import { failureDetail, type ProjectHost } from '../host/projectHost';
import { joinUri } from '../host/uris';
import { slugify, unique } from '../refi/names';
import { decodeText, unreadableProblem } from '../text/fileText';
import { isMemoFile, MEMO_EXTENSION, MEMOS_FOLDER } from './projectFiles';

export interface MemoFile {
  /** The file relative to the project, with `/`: `memos/first-impressions.md`. */
  id: string;
  title: string;
  /** The memo below its title, trimmed. */
  body: string;
  /** Where the title stands (its heading's words); the file's start when it has no heading. */
  titleSpan: Span;
  /** The file's text, as read. */
  text: string;
}

const HEADING = /^[ \t]{0,3}#[ \t]+(.*?)[ \t#]*$/;

/** Reads a memo file's text: its first heading of level one is the title, when it comes before any other text. */
export function parseMemoFile(id: string, text: string): MemoFile {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = text.length - source.length;
  const lines = source.split(/(\r\n|\n|\r)/);
  let offset = 0;
  for (let i = 0; i < lines.length; i += 2) {
    const line = lines[i];
    const eol = lines[i + 1] ?? '';
    if (line.trim() === '') {
      offset += line.length + eol.length;
      continue;
    }
    const m = HEADING.exec(line);
    if (!m || m[1] === '') break;
    const start = shift + offset + line.indexOf(m[1]);
    return { id, title: m[1], body: source.slice(offset + line.length + eol.length).trim(), titleSpan: { start, end: start + m[1].length }, text };
  }
  return { id, title: titleOfName(id), body: source.trim(), titleSpan: { start: shift, end: shift }, text };
}

function titleOfName(id: string): string {
  const name = id.slice(id.lastIndexOf('/') + 1);
  return name.replace(/\.[^.]*$/, '');
}

export interface MemoFilesRead {
  memos: MemoFile[];
  /** Memo files and folders that could not be read, with the reason. */
  problems: { file: string; problem: Diagnostic }[];
}

/**
 * Every free memo of the project at `rootUri`, sorted by file; a memo open in an editor is read from its
 * text there (`openText`, by id). A project without a memos folder has none.
 */
export async function readMemoFiles(host: ProjectHost, rootUri: string, openText?: (id: string) => string | undefined): Promise<MemoFilesRead> {
  const folder = joinUri(rootUri, MEMOS_FOLDER);
  const read: MemoFilesRead = { memos: [], problems: [] };
  const stat = await host.stat(folder).catch(() => undefined);
  if (stat?.kind !== 'folder') return read;
  const listing = await host.listFiles(folder);
  for (const f of listing.unreadable) {
    const file = f.path === '.' ? MEMOS_FOLDER : `${MEMOS_FOLDER}/${f.path}`;
    read.problems.push({ file, problem: unreadableProblem(file, f.detail, true) });
  }
  const ids = listing.files.map((f) => `${MEMOS_FOLDER}/${f}`).filter(isMemoFile).sort();
  for (const id of ids) {
    const open = openText?.(id);
    if (open !== undefined) {
      read.memos.push(parseMemoFile(id, open));
      continue;
    }
    try {
      const text = decodeText(await host.readFile(joinUri(rootUri, id)), id, host.isUtf8);
      if (text.ok) read.memos.push(parseMemoFile(id, text.text));
      else read.problems.push({ file: id, problem: text.problem });
    } catch (e) {
      read.problems.push({ file: id, problem: unreadableProblem(id, failureDetail(e)) });
    }
  }
  return read;
}

/**
 * A new free memo's file: a name made from its title that no memo has yet (`memos/first-impressions.md`)
 * and its text, the title as a heading and an empty line to write on.
 */
export function newMemoFile(title: string, existing: Iterable<string>, eol = '\n'): { id: string; text: string } {
  const taken = new Set<string>();
  for (const id of existing) {
    if (isMemoFile(id)) taken.add(id.slice(MEMOS_FOLDER.length + 1, -(MEMO_EXTENSION.length + 1)).toLowerCase());
  }
  const clean = title.replace(/\s+/g, ' ').trim();
  const stem = unique(slugify(clean) === 'code' && !/code/i.test(clean) ? 'memo' : slugify(clean), taken);
  return { id: `${MEMOS_FOLDER}/${stem}.${MEMO_EXTENSION}`, text: `# ${clean}${eol}${eol}` };
}
