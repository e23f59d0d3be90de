/**
 * Retrieved segments as a Word document (.docx), made with the `docx` package, which runs in Node and in
 * browsers alike: a heading per code, each quote indented in italics with its context before and after
 * in grey, its participant and place, and its memos. The bytes come from `Packer.toArrayBuffer`, so the
 * engine stays free of Node's Buffer. `docx` is loaded when a document is first asked for, so the
 * language server does not pay for it at start.
 */
import type { RetrievalResult, RetrievedSegment } from '../analysis/retrievedSegments';
import type { Language } from '../messages';
import { attribution, retrievalSummary, retrievalWords, rowsByCode } from './retrievedSegmentsReport';

/** The grey of the context: dark enough to read on white and in print. */
const GREY = '6E6E6E';

export async function retrievalDocx(result: RetrievalResult, lang: Language): Promise<Uint8Array> {
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const w = retrievalWords(lang);
  /** Text whose paragraph breaks become line breaks within one Word paragraph. */
  const runs = (text: string, style: { italics?: boolean; color?: string; bold?: boolean; size?: number } = {}) =>
    xmlSafe(text)
      .split('\n\n').flatMap((p, i) => [...(i > 0 ? [new TextRun({ text: '', break: 2, ...style })] : []), new TextRun({ text: p, ...style })]);

  const children: InstanceType<typeof Paragraph>[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(w.title)] }),
    new Paragraph({ children: runs(retrievalSummary(result, lang), { color: GREY }) }),
  ];
  if (result.rows.length === 0) children.push(new Paragraph({ children: [new TextRun(w.none)] }));
  const quote = (row: RetrievedSegment) => {
    if (row.before) children.push(new Paragraph({ spacing: { before: 240 }, children: runs(`…${row.before}`, { color: GREY }) }));
    children.push(
      new Paragraph({ indent: { left: 567, right: 567 }, spacing: { before: row.before ? 60 : 240, after: 60 }, children: runs(`“${row.text}”`, { italics: true }) }),
      new Paragraph({ indent: { left: 567, right: 567 }, alignment: AlignmentType.RIGHT, children: runs(attribution(row), { size: 18 }) }),
    );
    if (row.after) children.push(new Paragraph({ children: runs(`${row.after}…`, { color: GREY }) }));
    for (const memo of row.memos) children.push(new Paragraph({ children: [new TextRun({ text: `${w.memo}: `, bold: true }), ...runs(memo)] }));
    if (row.alsoCoded.length > 0) children.push(new Paragraph({ children: runs(`${w.alsoCoded}: ${row.alsoCoded.join(', ')}`, { color: GREY, size: 18 }) }));
  };
  for (const group of rowsByCode(result)) {
    if (group.rows.length === 0) continue;
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs(group.label) }),
      new Paragraph({ children: runs(`${group.path} · ${w.segments(group.rows.length)}`, { color: GREY, size: 18 }) }),
    );
    group.rows.forEach(quote);
  }
  if (result.unreadable.length > 0) children.push(new Paragraph({ children: runs(w.unreadable(result.unreadable)) }));

  const document = new Document({
    creator: 'Codeboom',
    title: w.title,
    description: xmlSafe(retrievalSummary(result, lang)),
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

/** Characters XML cannot hold (control characters, lone surrogates) left out, so that Word opens the file. */
function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}
