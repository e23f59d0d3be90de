/**
 * The Memos section of the full report: the project's free memos, then the memos on documents, on codes
 * and on codings, each with what it is on and where it stands. Every piece of project text is escaped.
 */
import type { Language } from '../messages';
import type { MemoFile } from '../project/memoFiles';
import type { ProjectIndex } from '../project/projectIndex';
import { indexProject } from '../service/model';
import { listMemos, MEMO_KINDS, type MemoEntry, type MemoKind } from '../service/memos';
import { escapeHtml } from './html';

export interface ReportMemo {
  kind: MemoKind;
  title: string;
  text: string;
  /** The file it stands in, and its line (1-based). */
  file: string;
  line: number;
  participant?: string;
  code?: string;
}

/** Every memo of the project, for the report, labels in `language`. */
export function buildReportMemos(index: ProjectIndex, freeMemos: readonly MemoFile[], language: Language): ReportMemo[] {
  const lines = (m: MemoEntry): number => {
    const text = m.kind === 'project' ? freeMemos.find((f) => f.id === m.file)?.text : m.kind === 'code' ? index.codebook.text : undefined;
    if (text !== undefined) return text.slice(0, m.span.start).split(/\r\n|\n|\r/).length;
    const starts = index.get(m.file)?.digest.lineStarts;
    if (!starts) return 1;
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= m.span.start) line++;
    return line + 1;
  };
  return listMemos({ project: indexProject(index), labelLanguage: language, language }, freeMemos).map((m) => ({
    kind: m.kind,
    title: m.title,
    text: m.text,
    file: m.file,
    line: lines(m),
    participant: m.participant,
    code: m.code,
  }));
}

export function memoWords(lang: Language) {
  return lang === 'nl'
    ? {
        memos: 'Memo\'s',
        kinds: { project: 'Projectmemo\'s', document: 'Memo\'s bij documenten', code: 'Memo\'s bij codes', coding: 'Memo\'s bij coderingen' } as Record<MemoKind, string>,
        line: 'regel',
      }
    : {
        memos: 'Memos',
        kinds: { project: 'Project memos', document: 'Memos on documents', code: 'Memos on codes', coding: 'Memos on codings' } as Record<MemoKind, string>,
        line: 'line',
      };
}

function where(m: ReportMemo, lang: Language): string {
  const w = memoWords(lang);
  return [m.participant, `${m.file}, ${w.line} ${m.line}`].filter(Boolean).join(' · ');
}

/** The memos by kind, as HTML: a heading per kind, each memo with its title, text and place. */
export function memosHtml(memos: readonly ReportMemo[], lang: Language): string {
  const w = memoWords(lang);
  const parts: string[] = [];
  for (const kind of MEMO_KINDS) {
    const ofKind = memos.filter((m) => m.kind === kind);
    if (ofKind.length === 0) continue;
    parts.push(`<h3>${escapeHtml(w.kinds[kind])}</h3>`);
    for (const m of ofKind) {
      const paragraphs = m.text
        .split(/\n\s*\n/)
        .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
        .join('');
      parts.push(`<div class="memo"><h4>${escapeHtml(m.title)}</h4>${paragraphs}<p class="quote-meta">— ${escapeHtml(where(m, lang))}</p></div>`);
    }
  }
  return parts.join('\n');
}

/** The memos by kind, as Markdown. */
export function memosMarkdown(memos: readonly ReportMemo[], lang: Language): string {
  const w = memoWords(lang);
  const md = (s: string) => s.replace(/([\\|*_`[\]<>#])/g, '\\$1');
  const out: string[] = [];
  for (const kind of MEMO_KINDS) {
    const ofKind = memos.filter((m) => m.kind === kind);
    if (ofKind.length === 0) continue;
    out.push(`### ${md(w.kinds[kind])}`, '');
    for (const m of ofKind) out.push(`**${md(m.title)}**`, '', ...m.text.split(/\r\n|\n|\r/).map((l) => md(l)), '', `— ${md(where(m, lang))}`, '');
  }
  return out.join('\n');
}
