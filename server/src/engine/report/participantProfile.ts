/**
 * A participant's profile: their transcripts and document variables, and every code they were coded
 * with, in codebook order under its parent, with each quote and where it stands.
 */
import { codeLabel } from '../codebook/codebook';
import { localize } from '../codebook/localized';
import { findSegments, segmentLines, segmentText } from '../analysis/retrieval';
import { counted, type Language } from '../messages';
import { compareNatural, type ProjectIndex } from '../project/projectIndex';
import { escapeHtml, htmlPage } from './html';
import { oneLine } from './textTable';

export interface ProfileQuote {
  file: string;
  start_line: number;
  end_line: number;
  /** The speaker label of the turn, when there is one. */
  speaker?: string;
  text: string;
  memos: string[];
}

export interface ProfileCode {
  path: string;
  label: string;
  /** The parent code's label; undefined for a code at the top of the tree. */
  parent?: string;
  quotes: ProfileQuote[];
}

export interface ParticipantProfile {
  participant: string;
  title?: string;
  language: Language;
  /** The transcripts with this participant, with their document variables. */
  documents: { file: string; variables: Record<string, string>; memo?: string }[];
  segments: number;
  codes: ProfileCode[];
}

/** Undefined when nobody in the project is called `participant`. */
export function buildParticipantProfile(index: ProjectIndex, participant: string, language: Language): ParticipantProfile | undefined {
  const codebook = index.codebook;
  const documents = index
    .documents()
    .filter((d) => d.resolved.participant === participant || d.resolved.segments.some((s) => s.participant === participant))
    .map((d) => ({ file: d.id, variables: { ...(d.digest.frontMatter?.variables ?? {}) }, memo: d.digest.frontMatter?.memo }));
  if (documents.length === 0) return undefined;
  const byCode = new Map<string, ProfileQuote[]>();
  const hits = findSegments(index, { participant, withInterviewers: true });
  for (const hit of hits) {
    const lines = segmentLines(hit);
    const quote: ProfileQuote = {
      file: hit.document.id,
      start_line: lines.start,
      end_line: lines.end,
      speaker: hit.segment.speaker,
      text: segmentText(index, hit) ?? '',
      memos: [...hit.segment.memos],
    };
    let list = byCode.get(hit.segment.code);
    if (!list) byCode.set(hit.segment.code, (list = []));
    list.push(quote);
  }
  const codes: ProfileCode[] = [];
  for (const code of codebook.codes.values()) {
    const quotes = byCode.get(code.path);
    if (!quotes) continue;
    const parent = code.parentPath ? codebook.codes.get(code.parentPath) : undefined;
    codes.push({ path: code.path, label: codeLabel(codebook, code, language), parent: parent ? codeLabel(codebook, parent, language) : undefined, quotes });
  }
  return {
    participant,
    title: localize(codebook.title, language, codebook.settings.language),
    language,
    documents: documents.sort((a, b) => compareNatural(a.file, b.file)),
    segments: hits.length,
    codes,
  };
}

function words(lang: Language) {
  return lang === 'nl'
    ? {
        profile: (p: string) => `Profiel van ${p}`,
        summary: (segments: number, codes: number) => `${counted(segments, 'segment', 'segmenten')} · ${counted(codes, 'code', 'codes')}`,
        line: 'regel',
        nothing: 'Bij deze deelnemer is nog niets gecodeerd.',
        memo: 'memo',
      }
    : {
        profile: (p: string) => `Profile of ${p}`,
        summary: (segments: number, codes: number) => `${counted(segments, 'segment', 'segments')} · ${counted(codes, 'code', 'codes')}`,
        line: 'line',
        nothing: 'Nothing has been coded for this participant yet.',
        memo: 'memo',
      };
}

function place(q: ProfileQuote, lang: Language): string {
  const w = words(lang);
  return `${q.file}, ${w.line} ${q.start_line === q.end_line ? q.start_line : `${q.start_line}–${q.end_line}`}`;
}

function variablesLine(d: ParticipantProfile['documents'][number]): string {
  const vars = Object.entries(d.variables).map(([k, v]) => `${k}: ${v}`);
  return vars.length > 0 ? `${d.file} (${vars.join(', ')})` : d.file;
}

/** Codes under their parent's label, in codebook order. */
function grouped(profile: ParticipantProfile): { parent?: string; codes: ProfileCode[] }[] {
  const groups: { parent?: string; codes: ProfileCode[] }[] = [];
  for (const c of profile.codes) {
    const last = groups[groups.length - 1];
    if (last && last.parent === c.parent) last.codes.push(c);
    else groups.push({ parent: c.parent, codes: [c] });
  }
  return groups;
}

export function profileText(profile: ParticipantProfile): string {
  const w = words(profile.language);
  const out = [
    w.profile(profile.participant),
    ...profile.documents.flatMap((d) => [variablesLine(d), ...(d.memo ? [`  ${w.memo}: ${oneLine(d.memo)}`] : [])]),
    w.summary(profile.segments, profile.codes.length),
    '',
  ];
  if (profile.codes.length === 0) out.push(w.nothing);
  for (const group of grouped(profile)) {
    const indent = group.parent ? '  ' : '';
    if (group.parent) out.push(group.parent);
    for (const c of group.codes) {
      out.push(`${indent}${c.label} (${c.quotes.length})`);
      for (const q of c.quotes) {
        out.push(`${indent}  "${oneLine(q.text)}" (${place(q, profile.language)})`);
        for (const m of q.memos) out.push(`${indent}    ${w.memo}: ${oneLine(m)}`);
      }
    }
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}

export function profileMarkdown(profile: ParticipantProfile): string {
  const w = words(profile.language);
  const md = (s: string) => s.replace(/([\\|*_`[\]<>])/g, '\\$1');
  const out = [`# ${md(w.profile(profile.participant))}`, '', ...profile.documents.map((d) => `- ${md(variablesLine(d))}${d.memo ? ` · ${w.memo}: ${md(oneLine(d.memo))}` : ''}`), '', md(w.summary(profile.segments, profile.codes.length)), ''];
  if (profile.codes.length === 0) out.push(w.nothing, '');
  for (const group of grouped(profile)) {
    if (group.parent) out.push(`## ${md(group.parent)}`, '');
    for (const c of group.codes) {
      out.push(`### ${md(c.label)} (${c.quotes.length})`, '');
      for (const q of c.quotes) {
        out.push(`> ${md(oneLine(q.text))}`, '', `— ${md(place(q, profile.language))}${q.memos.length ? ` · ${w.memo}: ${md(q.memos.join('; '))}` : ''}`, '');
      }
    }
  }
  return out.join('\n').trimEnd() + '\n';
}

export function profileHtml(profile: ParticipantProfile): string {
  const w = words(profile.language);
  const title = w.profile(profile.participant);
  const parts = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<ul>${profile.documents.map((d) => `<li>${escapeHtml(variablesLine(d))}${d.memo ? `<br>${escapeHtml(w.memo)}: ${escapeHtml(d.memo)}` : ''}</li>`).join('')}</ul>`,
    `<p class="summary">${escapeHtml(w.summary(profile.segments, profile.codes.length))}</p>`,
  ];
  if (profile.codes.length === 0) parts.push(`<p>${escapeHtml(w.nothing)}</p>`);
  for (const group of grouped(profile)) {
    if (group.parent) parts.push(`<h2>${escapeHtml(group.parent)}</h2>`);
    for (const c of group.codes) {
      parts.push(`<h3>${escapeHtml(c.label)} <span class="cite">(${c.quotes.length})</span></h3>`);
      for (const q of c.quotes) {
        const memo = q.memos.length ? ` · ${escapeHtml(w.memo)}: ${escapeHtml(q.memos.join('; '))}` : '';
        parts.push(`<blockquote>${escapeHtml(q.text)}</blockquote>\n<p class="quote-meta">— ${escapeHtml(place(q, profile.language))}${memo}</p>`);
      }
    }
  }
  return htmlPage(profile.title ? `${title} – ${profile.title}` : title, profile.language, parts.join('\n'));
}
