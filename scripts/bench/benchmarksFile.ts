/**
 * BENCHMARKS.md holds the main benchmark (`npm run bench`, which writes the file anew) and sections that other
 * benchmarks write between markers of their own (`<!-- bench:ui -->` … `<!-- /bench:ui -->`); the main
 * benchmark keeps those sections, at the end of the file, when it writes.
 */
import * as fs from 'node:fs';

const SECTION = /<!-- bench:([a-z-]+) -->\n[\s\S]*?<!-- \/bench:\1 -->\n?/g;

const open = (id: string) => `<!-- bench:${id} -->`;
const close = (id: string) => `<!-- /bench:${id} -->`;

/** The marked sections of a BENCHMARKS.md text, each with its markers, in their order. */
export function markedSections(text: string): string[] {
  return [...text.matchAll(SECTION)].map((m) => (m[0].endsWith('\n') ? m[0] : `${m[0]}\n`));
}

/** The text of the marked section `id` between its markers, or undefined. */
export function sectionText(text: string, id: string): string | undefined {
  const start = text.indexOf(`${open(id)}\n`);
  const end = text.indexOf(close(id));
  return start >= 0 && end > start ? text.slice(start + open(id).length + 1, end) : undefined;
}

/** Replaces (or appends) the marked section `id` of the file with `markdown`. */
export function writeSection(file: string, id: string, markdown: string): void {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const block = `${open(id)}\n${markdown.trimEnd()}\n${close(id)}\n`;
  const start = text.indexOf(`${open(id)}\n`);
  const end = text.indexOf(close(id));
  let next: string;
  if (start >= 0 && end > start) {
    const after = text.slice(end + close(id).length).replace(/^\n/, '');
    next = text.slice(0, start) + block + after;
  } else {
    next = `${text.trimEnd()}\n\n${block}`;
  }
  fs.writeFileSync(file, next);
}
