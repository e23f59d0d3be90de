/**
 * The code tree in REFI-QDA terms, shared by codebook (.qdc) and project (.qdpx) files: writing a
 * Codeboom codebook as `<Code>` elements, and reading `<Code>` elements from any tool.
 */
import { codeLabel, type Code, type Codebook } from '../codebook/codebook';
import { localize, type Localized } from '../codebook/localized';
import { writeDescription } from './description';
import { nameGuid, normalizeGuid } from './guid';
import { RefiError } from './refiError';
import { childNamed, childrenNamed, type XmlElement, type XmlWriter } from './xml';

/** A code as another tool wrote it. */
export interface RefiCode {
  guid: string;
  name: string;
  codable: boolean;
  /** `#rrggbb`, when the tool gave a valid colour. */
  color?: string;
  description?: string;
  /** GUIDs of the notes attached to the code (projects only). */
  noteRefs: string[];
  children: RefiCode[];
}

/**
 * The GUID each code is exported with: the one stored in codebook.yaml, else one derived from its path.
 * Every code gets its own, whatever the slugs and stored GUIDs say: a GUID stored on a second code (a
 * copy) would merge the two in the other program, so the first code in codebook order keeps it and the
 * second gets a derived one; a derived GUID that another code already stores is derived again with a
 * counter. The same codebook always gives the same GUIDs.
 */
export function codeGuids(codebook: Codebook): Map<string, string> {
  const stored = new Map<string, string>();
  const used = new Set<string>();
  for (const code of codebook.codes.values()) {
    const guid = normalizeGuid(code.guid);
    if (guid && !used.has(guid)) {
      used.add(guid);
      stored.set(code.path, guid);
    }
  }
  const result = new Map<string, string>();
  for (const code of codebook.codes.values()) {
    let guid = stored.get(code.path);
    if (!guid) {
      guid = derivedCodeGuid(code.path);
      for (let n = 2; used.has(guid); n++) guid = nameGuid(`code:${code.path}#${n}`);
      used.add(guid);
    }
    result.set(code.path, guid);
  }
  return result;
}

export function derivedCodeGuid(path: string): string {
  return nameGuid(`code:${path}`);
}

export interface WriteCodesOptions {
  language: string;
  /** Note GUIDs to reference from a code (projects only: codebooks have no notes). */
  noteRefs?: ReadonlyMap<string, string>;
  /** The name of each code by path (default: its label in the language). */
  names?: ReadonlyMap<string, string>;
}

/**
 * Writes the codebook's tree as `<Code>` elements inside the current element, each code once, under its
 * own parent. (A codebook with a slug that holds a `/`, which check reports, can list one path twice: a
 * root `a/b` beside `a: codes: b:`. A code whose parent lost its path to another code that way is
 * written at the top, so that every code its tags point at is in the file.)
 */
export function writeCodes(w: XmlWriter, codebook: Codebook, guids: ReadonlyMap<string, string>, options: WriteCodesOptions): void {
  const written = new Set<string>();
  const visit = (path: string, parent: string | undefined, orphan = false) => {
    const code = codebook.codes.get(path);
    if (!code || (!orphan && code.parentPath !== parent) || written.has(path)) return;
    written.add(path);
    const attrs = [
      ['guid', guids.get(path)],
      ['name', options.names?.get(path) ?? codeLabel(codebook, code, options.language)],
      ['isCodable', code.codable],
      ['color', code.color],
    ] as const;
    const description = describe(codebook, code, options.language);
    const note = options.noteRefs?.get(path);
    if (!description && !note && code.children.length === 0) {
      w.empty('Code', attrs);
      return;
    }
    w.start('Code', attrs);
    if (description) w.textElement('Description', description);
    if (note) w.empty('NoteRef', [['targetGUID', note]]);
    for (const child of code.children) visit(child, path);
    w.end();
  };
  for (const root of codebook.roots) visit(root, undefined);
  for (const path of codebook.codes.keys()) if (!written.has(path)) visit(path, undefined, true);
}

function describe(codebook: Codebook, code: Code, language: string): string | undefined {
  const text = (l: Localized | undefined) => localize(l, language, codebook.settings.language);
  return writeDescription(
    {
      definition: text(code.definition),
      whenToUse: text(code.whenToUse),
      whenNotToUse: text(code.whenNotToUse),
      examples: code.examples.map((e) => text(e)).filter((e): e is string => e !== undefined),
    },
    language,
  );
}

/**
 * Reads the `<Code>` elements of a `<Codes>` element. `what` names the file in errors.
 * @throws RefiError for a code without a valid GUID, or two codes with the same GUID.
 */
export function readCodes(codes: XmlElement, what: string): RefiCode[] {
  const seen = new Set<string>();
  const read = (element: XmlElement): RefiCode => {
    const name = element.attrs.name ?? '';
    const guid = normalizeGuid(element.attrs.guid);
    if (!guid) {
      throw new RefiError(`The code ${JSON.stringify(name)} in ${what} (line ${element.line}) has no valid GUID: the file is damaged or not REFI-QDA.`);
    }
    if (seen.has(guid)) {
      throw new RefiError(`Two codes in ${what} have the GUID ${guid} (the second at line ${element.line}): the file is damaged; export it again.`);
    }
    seen.add(guid);
    const color = element.attrs.color?.trim();
    const description = childNamed(element, 'Description')?.text;
    return {
      guid,
      name,
      codable: element.attrs.isCodable?.trim() !== 'false' && element.attrs.isCodable?.trim() !== '0',
      color: color && /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(color) ? expandColor(color) : undefined,
      description: description && description.trim() ? description.trim() : undefined,
      noteRefs: childrenNamed(element, 'NoteRef')
        .map((n) => normalizeGuid(n.attrs.targetGUID))
        .filter((g): g is string => g !== undefined),
      children: childrenNamed(element, 'Code').map(read),
    };
  };
  return childrenNamed(codes, 'Code').map(read);
}

function expandColor(color: string): string {
  const c = color.toLowerCase();
  return c.length === 4 ? `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}` : c;
}

/** Every code of a tree, depth first. */
export function flattenCodes(codes: readonly RefiCode[]): RefiCode[] {
  const out: RefiCode[] = [];
  const visit = (c: RefiCode) => {
    out.push(c);
    c.children.forEach(visit);
  };
  codes.forEach(visit);
  return out;
}
