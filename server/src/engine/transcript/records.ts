/**
 * The record layouts of a scan's columns: each record is a run of numbers in an Int32Array, and each name
 * below is a field's place in its record. The scanner writes these records, the digest keeps its tag and
 * coding records in the same layouts (so it copies them as they are), and both read them by these names.
 * They are `const enum`s so that the bundler writes each field as its number: the scanner's inner loops
 * read them without a lookup.
 */
import type { Coding, Tag } from './structure';

/** A tag: `[[` to `]]`, its path, its memo (-1 without), its passage and paragraph (-1 without), and 1 when its path is well formed. */
export const enum TAG {
  start = 0,
  end = 1,
  pathStart = 2,
  pathEnd = 3,
  memoStart = 4,
  memoEnd = 5,
  passage = 6,
  paragraph = 7,
  wellFormed = 8,
  fields = 9,
}

/** A coding: the tag that made it, the coded text, its paragraph, passage (-1 without) and turn (-1 without). */
export const enum CODING {
  tag = 0,
  start = 1,
  end = 2,
  paragraph = 3,
  passage = 4,
  turn = 5,
  fields = 6,
}

/** A speaker turn: its label, its whole span and where its words begin. */
export const enum TURN {
  labelStart = 0,
  labelEnd = 1,
  start = 2,
  end = 3,
  contentStart = 4,
  fields = 5,
}

/** A paragraph: its span, where its words begin, and its turn (-1 before the first). */
export const enum PARAGRAPH {
  start = 0,
  end = 1,
  contentStart = 2,
  turn = 3,
  fields = 4,
}

/** A passage: its opening and closing marks, its content, its paragraph, 1 when closed, and how many tags code it. */
export const enum PASSAGE {
  openStart = 0,
  openEnd = 1,
  closeStart = 2,
  closeEnd = 3,
  contentStart = 4,
  contentEnd = 5,
  paragraph = 6,
  closed = 7,
  tagCount = 8,
  fields = 9,
}

/** A span of markup (tags and passage marks), which removed gives the clean text. */
export const enum MARKUP {
  start = 0,
  end = 1,
  fields = 2,
}

/** Tag `i` of records in the TAG layout, as an object. */
export function tagOfRecord(d: Int32Array, i: number, path: string, memo: string | undefined): Tag {
  const o = i * TAG.fields;
  const tag: Tag = {
    span: { start: d[o + TAG.start], end: d[o + TAG.end] },
    path,
    pathSpan: { start: d[o + TAG.pathStart], end: d[o + TAG.pathEnd] },
    wellFormed: d[o + TAG.wellFormed] === 1,
    passage: d[o + TAG.passage],
    paragraph: d[o + TAG.paragraph],
  };
  if (memo !== undefined) {
    tag.memo = memo;
    tag.memoSpan = { start: d[o + TAG.memoStart], end: d[o + TAG.memoEnd] };
  }
  return tag;
}

/** Coding `i` of records in the CODING layout, as an object. */
export function codingOfRecord(d: Int32Array, i: number): Coding {
  const o = i * CODING.fields;
  return {
    tag: d[o + CODING.tag],
    span: { start: d[o + CODING.start], end: d[o + CODING.end] },
    paragraph: d[o + CODING.paragraph],
    passage: d[o + CODING.passage],
    turn: d[o + CODING.turn],
  };
}
