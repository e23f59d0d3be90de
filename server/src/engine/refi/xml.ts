/**
 * XML for REFI-QDA: a strict, non-validating reader that turns a document into a small element tree
 * (refusing a DOCTYPE, so no entity tricks), and a writer that escapes everything it is given.
 */
import { SaxesParser, type SaxesAttributeNS } from 'saxes';
import { RefiError } from './refiError';

export interface XmlElement {
  /** The local name, without a prefix. */
  name: string;
  /** The namespace URI ('' for none). */
  ns: string;
  /** Attributes without a namespace, by name. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's), as written. */
  text: string;
  /** 1-based line of the start tag, for messages. */
  line: number;
}

const MAX_DEPTH = 256;

/**
 * Parses an XML document. `what` names it in errors ("project.qde").
 * @throws RefiError when the text is not well-formed XML.
 */
export function parseXml(text: string, what: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: string | undefined;
  parser.on('error', (e) => {
    failure ??= e.message;
    throw e;
  });
  parser.on('doctype', () => {
    failure ??= 'it has a DOCTYPE, which REFI-QDA files never have';
    throw new Error(failure);
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes as Record<string, SaxesAttributeNS>)) {
      if (a.uri === '' && a.prefix === '') attrs[a.local] = a.value;
    }
    const element: XmlElement = { name: tag.local ?? tag.name, ns: tag.uri ?? '', attrs, children: [], text: '', line: parser.line };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
    if (stack.length > MAX_DEPTH) {
      failure ??= `its elements are nested more than ${MAX_DEPTH} deep`;
      throw new Error(failure);
    }
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (t: string) => {
    const current = stack[stack.length - 1];
    if (current) current.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).close();
  } catch (e) {
    // saxes puts its own "line:column: " (after a file name, when it has one) before the message: the
    // line is said once, in words.
    const message = failure ?? (e instanceof Error ? e.message : String(e));
    const position = /^(?:[^:\s]*:)?(\d+):\d+: /.exec(message);
    const line = position ? Number(position[1]) : parser.line;
    const detail = message.slice(position ? position[0].length : 0).replace(/\.$/, '');
    throw new RefiError(`${what} is not well-formed XML (line ${line}: ${detail}): the file is damaged or is not a REFI-QDA file.`);
  }
  if (!root) throw new RefiError(`${what} holds no XML element: the file is damaged or is not a REFI-QDA file.`);
  return root;
}

/** The child elements with a given local name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/** Characters XML 1.0 cannot hold at all; they are left out of what is written. */
const INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeText(text: string): string {
  return text
    .replace(INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

export type Attributes = readonly (readonly [string, string | number | boolean | undefined])[];

/** Writes an indented XML document, one element per line; attributes in the order given. */
export class XmlWriter {
  private readonly out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  private readonly open: string[] = [];

  start(name: string, attrs: Attributes = []): this {
    this.out.push(`${this.indent()}<${name}${attributes(attrs)}>\n`);
    this.open.push(name);
    return this;
  }

  end(): this {
    const name = this.open.pop();
    if (name === undefined) throw new Error('XmlWriter: end() without start()');
    this.out.push(`${this.indent()}</${name}>\n`);
    return this;
  }

  empty(name: string, attrs: Attributes = []): this {
    this.out.push(`${this.indent()}<${name}${attributes(attrs)}/>\n`);
    return this;
  }

  textElement(name: string, text: string, attrs: Attributes = []): this {
    this.out.push(`${this.indent()}<${name}${attributes(attrs)}>${escapeText(text)}</${name}>\n`);
    return this;
  }

  toString(): string {
    if (this.open.length > 0) throw new Error(`XmlWriter: <${this.open[this.open.length - 1]}> is not closed`);
    return this.out.join('');
  }

  private indent(): string {
    return '  '.repeat(this.open.length);
  }
}

function attributes(attrs: Attributes): string {
  let s = '';
  for (const [k, v] of attrs) if (v !== undefined) s += ` ${k}="${escapeAttribute(String(v))}"`;
  return s;
}
