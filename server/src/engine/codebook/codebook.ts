/**
 * The codebook: `codebook.yaml` parsed into a tree of codes, with every problem pointing at its place.
 */
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node as YamlNode, type Pair } from 'yaml';
import { diagnostic, DiagnosticCodes, type Diagnostic, type DiagnosticArgs, type Span } from '../diagnostics';
import { compileSpeakerPattern, defaultSettings, type ProjectSettings } from './projectSettings';
import { allTexts, localize, toLocalized, type Localized } from './localized';
import { validateCodebookShape } from './schema';
import { TextPositions } from '../text/positions';
import { editDistance, fold } from '../text/similarity';

export interface Code {
  /** Slugs from the root joined by `/`, e.g. `afstemmen/geduld`. */
  path: string;
  slug: string;
  parentPath: string | undefined;
  /** Paths of the children, in codebook order. */
  children: string[];
  depth: number;
  /** Position in a depth-first walk of the codebook, for codebook order. */
  order: number;
  label: Localized;
  definition?: Localized;
  whenToUse?: Localized;
  whenNotToUse?: Localized;
  examples: Localized[];
  color?: string;
  codable: boolean;
  aliases: string[];
  deprecated: boolean | string;
  mergedInto?: string;
  memo?: string;
  /** The code's REFI-QDA GUID as stored in codebook.yaml, when it has one (exports derive one otherwise). */
  guid?: string;
  /** Where the code's key stands in codebook.yaml. */
  keySpan: Span;
  /** The whole entry (key and its value) in codebook.yaml. */
  entrySpan: Span;
  /** Where its `merged_into` value stands, when it has one. */
  mergedIntoSpan?: Span;
  /** Where each alias stands. */
  aliasSpans: Span[];
}

export type Resolution =
  | { kind: 'exact'; code: Code }
  | { kind: 'alias'; code: Code; alias: string }
  | { kind: 'deprecated'; code: Code }
  | { kind: 'merged'; code: Code; from: Code }
  | { kind: 'unknown' };

export interface Codebook {
  readonly text: string;
  readonly title?: Localized;
  readonly settings: ProjectSettings;
  /** Codes by path, in codebook order. */
  readonly codes: ReadonlyMap<string, Code>;
  readonly roots: readonly string[];
  /** Old path → current path. */
  readonly aliases: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
  /** false when the file could not be read as YAML at all, so it holds no codes. */
  readonly parsed: boolean;
  /** Set when the codebook declared settings explicitly (`project:`). */
  readonly languages: readonly string[];
}

/** An empty codebook with default settings, for a project whose codebook is missing or unreadable. */
export function emptyCodebook(text = ''): Codebook {
  return {
    text,
    settings: defaultSettings(),
    codes: new Map(),
    roots: [],
    aliases: new Map(),
    diagnostics: [],
    parsed: false,
    languages: [],
  };
}

/**
 * Parses codebook.yaml. A codebook without problems is read with a quick YAML parser, and the places of
 * its codes in the file (for go to definition, renames, symbols) are worked out the first time one is
 * asked for; a codebook with any problem is read with the parser that knows where every node stands, so
 * that each problem points at its place.
 */
export function parseCodebook(text: string): Codebook {
  try {
    return readQuickly(text) ?? parseCodebookWithPositions(text);
  } catch (e) {
    return unreadable(text, { start: 0, end: 0 }, failureArgs(e));
  }
}

/**
 * How often the values of anchors (`&name`) may be repeated through aliases (`*name`), counted as the
 * YAML library counts them: enough for any codebook, and a bound on the work a "billion laughs" asks.
 */
export const MAX_ALIAS_COUNT = 1000;

/** A codebook that could not be read, with the one problem that says why. */
function unreadable(text: string, span: Span, args: DiagnosticArgs, earlier: Diagnostic[] = []): Codebook {
  return { ...emptyCodebook(text), diagnostics: [...earlier, diagnostic(DiagnosticCodes.codebookSyntax, span, args)] };
}

/** The words for an exception from reading YAML: whatever a library throws is a problem of the file, never a crash. */
function failureArgs(e: unknown): DiagnosticArgs {
  const message = e instanceof Error ? e.message : String(e);
  if (/excessive alias count/i.test(message)) return { kind: 'alias-count', max: MAX_ALIAS_COUNT };
  if (e instanceof RangeError || /call stack/i.test(message)) return { kind: 'too-deep' };
  return { detail: firstLine(message) };
}

const SLUG_THAT_REORDERS = /^(0|[1-9][0-9]*)$|^__proto__$/;

/**
 * The quick reading: the YAML's values only, no positions. Undefined when the codebook has any problem
 * (or a key a plain object would reorder), so that the caller reads it with positions instead.
 */
function readQuickly(text: string): Codebook | undefined {
  let value: unknown;
  try {
    // The core schema is YAML 1.2's, as the positioned parser reads it: `2016-02-11` and `yes` stay strings.
    // Aliases are left to the positioned parser, which limits how far they may expand.
    value = loadYaml(text, { schema: CORE_SCHEMA, maxAliases: 0 });
  } catch {
    return undefined;
  }
  if (!isRecord(value) || validateCodebookShape(value).length > 0) return undefined;
  let fine = true;
  const settings = isRecord(value.project) ? settingsFrom(value.project, () => (fine = false)) : defaultSettings();
  if (!fine) return undefined;

  let positioned: Codebook | undefined;
  const positions = () => (positioned ??= parseCodebookWithPositions(text));
  const codes = new Map<string, Code>();
  const roots: string[] = [];
  let order = 0;
  const read = (entries: Record<string, unknown>, parent: Code | undefined, depth: number, siblings: string[]): boolean => {
    for (const slug of Object.keys(entries)) {
      if (SLUG_THAT_REORDERS.test(slug)) return false;
      const fields = isRecord(entries[slug]) ? entries[slug] : {};
      const path = parent ? `${parent.path}/${slug}` : slug;
      const code = codeFromFields(path, slug, parent, depth, order++, fields, NO_SPAN, NO_SPAN);
      if (typeof fields.color === 'string') {
        if (!COLOR.test(fields.color)) return false;
        code.color = normalizeColor(fields.color);
      } else if (fields.color !== undefined && fields.color !== null) {
        return false;
      }
      placeLazily(code, () => positions().codes.get(path));
      codes.set(path, code);
      siblings.push(path);
      parent?.children.push(path);
      if (isRecord(fields.codes) && !read(fields.codes, code, depth + 1, [])) return false;
    }
    return true;
  };
  if (isRecord(value.codes) && !read(value.codes, undefined, 0, roots)) return undefined;
  const codebook = assemble(text, value.title, settings, codes, roots, []);
  return codebook.diagnostics.length > 0 ? undefined : codebook;
}

const NO_SPAN: Span = { start: 0, end: 0 };
const COLOR = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Makes a code's places in the file come from `placed` (the same code read with positions) when asked. */
function placeLazily(code: Code, placed: () => Code | undefined): void {
  const from = <K extends 'keySpan' | 'entrySpan' | 'aliasSpans' | 'mergedIntoSpan'>(key: K) => ({
    enumerable: true,
    configurable: true,
    get: () => placed()?.[key] ?? (key === 'aliasSpans' ? [] : key === 'mergedIntoSpan' ? undefined : NO_SPAN),
    set: (v: Code[K]) => Object.defineProperty(code, key, { value: v, enumerable: true, writable: true, configurable: true }),
  });
  Object.defineProperties(code, {
    keySpan: from('keySpan'),
    entrySpan: from('entrySpan'),
    aliasSpans: from('aliasSpans'),
    mergedIntoSpan: from('mergedIntoSpan'),
  });
}

/** Parses codebook.yaml with the parser that knows where every node stands (what `parseCodebook` falls back on). */
export function parseCodebookWithPositions(text: string): Codebook {
  try {
    return readWithPositions(text);
  } catch (e) {
    return unreadable(text, { start: 0, end: 0 }, failureArgs(e));
  }
}

function readWithPositions(text: string): Codebook {
  const diagnostics: Diagnostic[] = [];
  // The library's warnings (a key that is a list, say) would go to the process's own output.
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, logLevel: 'error' });

  const aliasProblems = checkAliases(doc, text);
  diagnostics.push(...aliasProblems);
  let fatal = aliasProblems.length > 0;
  let keys: Map<number, YamlNode> | undefined;
  let aliasLines: Set<number> | undefined;
  const positions = new TextPositions(text);
  for (const err of doc.errors) {
    const span = spanIn(text, err.pos[0], err.pos[1]);
    if (err.code === 'DUPLICATE_KEY') {
      const keyNode = duplicateKeyAt((keys ??= keysByOffset(doc)), err.pos[0]);
      // In a file the parser could not read (a `?` where a value should be), a duplicate it reports at no
      // key is one more symptom of that error, which is reported.
      if (!keyNode && doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) continue;
      const keySpan = keyNode ? rangeSpan(keyNode) : span;
      // Named as written (`~` stays `~`, not its value null), without the quotes around it.
      const written = text.slice(keySpan.start, keySpan.end).replace(/^(["'])(.*)\1$/s, '$2');
      const key = keyNode && isScalar(keyNode) ? written : text.slice(span.start).split(/[:\r\n]/)[0];
      diagnostics.push(diagnostic(DiagnosticCodes.codebookDuplicate, keySpan, { key: key.trim() }));
    } else {
      fatal = true;
      // What follows an alias that stands for nothing on its line (`*Geduld* is fijn`) is the same problem.
      aliasLines ??= new Set(aliasProblems.map((a) => positions.positionAt(a.span.start).line));
      if (aliasLines.has(positions.positionAt(span.start).line)) continue;
      diagnostics.push(diagnostic(DiagnosticCodes.codebookSyntax, span, { detail: firstLine(err.message) }));
    }
  }
  if (fatal) return { ...emptyCodebook(text), diagnostics };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    let first: Span = { start: 0, end: 0 };
    visit(doc, { Alias: (_key, node) => ((first = node.range ? spanIn(text, node.range[0], node.range[1]) : first), visit.BREAK) });
    return unreadable(text, first, failureArgs(e), diagnostics);
  }
  const toJs = (node: YamlNode): unknown => node.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT });
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.push(
      diagnostic(DiagnosticCodes.codebookSchema, { start: 0, end: Math.min(text.length, 1) }, { detail: 'root' }),
    );
    return { ...emptyCodebook(text), diagnostics, parsed: true };
  }

  for (const problem of validateCodebookShape(value)) {
    // Colours get their own, more precise diagnostic below.
    if (problem.path.length >= 1 && problem.path[problem.path.length - 1] === 'color' && problem.keyword === 'pattern') continue;
    const span = spanOfPath(doc, problem.path, problem.property) ?? { start: 0, end: 0 };
    diagnostics.push(diagnostic(DiagnosticCodes.codebookSchema, span, { detail: problem.message, field: problem.property }));
  }

  const settings = readSettings(doc, diagnostics, toJs);
  const codes = new Map<string, Code>();
  const roots: string[] = [];
  const codesNode = (doc.contents && isMap(doc.contents) ? doc.contents.get('codes', true) : undefined) as YamlNode | undefined;
  const counter = { order: 0 };
  if (codesNode && isMap(codesNode)) {
    readCodes(codesNode.items as Pair<unknown, unknown>[], undefined, 0, codes, roots, diagnostics, counter, toJs);
  }

  return assemble(text, (value as Record<string, unknown>).title, settings, codes, roots, diagnostics);
}

/**
 * Every alias (`*name`) that stands for nothing: no anchor `&name` before it, or one around it, whose value
 * would never end. Most often Markdown's emphasis in a plain value (`nl: *Geduld*`), so the words say
 * to put the text in quotes. One walk in document order, as the YAML library resolves aliases.
 */
function checkAliases(doc: Document.Parsed, text: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const anchors = new Map<string, YamlNode>();
  visit(doc, {
    Node: (_key, node, path) => {
      if (isAlias(node)) {
        const span = node.range ? spanIn(text, node.range[0], node.range[1]) : { start: 0, end: 0 };
        const target = anchors.get(node.source);
        if (!target) {
          problems.push(diagnostic(DiagnosticCodes.codebookSyntax, span, { kind: 'alias', alias: node.source, text: quotedValue(text, span.start) }));
        } else if ((path as readonly unknown[]).includes(target)) {
          problems.push(diagnostic(DiagnosticCodes.codebookSyntax, span, { kind: 'alias-cycle', alias: node.source }));
        }
      } else if (node.anchor) {
        anchors.set(node.anchor, node);
      }
    },
  });
  return problems;
}

/** The plain value that starts at `start` (up to the end of its line, or of its item in a flow), in double quotes. */
function quotedValue(text: string, start: number): string {
  let value = text.slice(start, start + 200).split(/\r|\n/)[0].replace(/\s+#.*$/, '');
  const flowEnd = value.search(/[,\]}]/);
  if (flowEnd >= 0) value = value.slice(0, flowEnd);
  return JSON.stringify(value.trim());
}

/**
 * The key the parser means by a duplicate at `offset`: the key that starts there, or (after a key without a
 * value, where the parser points at the end of that key's empty value) the first key after it.
 */
function duplicateKeyAt(keys: Map<number, YamlNode>, offset: number): YamlNode | undefined {
  const exact = keys.get(offset);
  if (exact) return exact;
  let best: number | undefined;
  for (const start of keys.keys()) if (start > offset && (best === undefined || start < best)) best = start;
  return best === undefined ? undefined : keys.get(best);
}

/** The keys of every map by where they start, for the duplicate keys the parser reports by offset. */
function keysByOffset(doc: Document.Parsed): Map<number, YamlNode> {
  const keys = new Map<number, YamlNode>();
  visit(doc, {
    Pair: (_key, pair) => {
      const key = pair.key as YamlNode | null;
      if (key && typeof key === 'object' && key.range && key.range[1] > key.range[0]) keys.set(key.range[0], key);
    },
  });
  return keys;
}

/** A span that lies within the text, however far past its end the parser points (a quote left open at the end). */
function spanIn(text: string, start: number, end: number): Span {
  const s = Math.min(Math.max(0, start), text.length);
  return { start: s, end: Math.min(Math.max(s, end), text.length) };
}

/** A code from its entry's values; where it stands in the file is the caller's to say. */
function codeFromFields(
  path: string,
  slug: string,
  parent: Code | undefined,
  depth: number,
  order: number,
  fields: Record<string, unknown>,
  keySpan: Span,
  entrySpan: Span,
): Code {
  return {
    path,
    slug,
    parentPath: parent?.path,
    children: [],
    depth,
    order,
    label: toLocalized(fields.label) ?? { '*': slug },
    definition: toLocalized(fields.definition),
    whenToUse: toLocalized(fields.when_to_use),
    whenNotToUse: toLocalized(fields.when_not_to_use),
    examples: Array.isArray(fields.examples) ? fields.examples.map(toLocalized).filter((x): x is Localized => x !== undefined) : [],
    codable: fields.codable !== false,
    aliases: Array.isArray(fields.aliases) ? fields.aliases.filter((a): a is string => typeof a === 'string') : [],
    aliasSpans: [],
    deprecated: typeof fields.deprecated === 'string' ? fields.deprecated : fields.deprecated === true,
    mergedInto: typeof fields.merged_into === 'string' ? fields.merged_into : undefined,
    memo: typeof fields.memo === 'string' ? fields.memo : undefined,
    guid: typeof fields.guid === 'string' ? fields.guid : undefined,
    keySpan,
    entrySpan,
  };
}

function readCodes(
  items: Pair<unknown, unknown>[],
  parent: Code | undefined,
  depth: number,
  codes: Map<string, Code>,
  siblings: string[],
  diagnostics: Diagnostic[],
  counter: { order: number },
  toJs: (node: YamlNode) => unknown,
): void {
  const seen = new Set<string>();
  for (const pair of items) {
    const keyNode = pair.key as YamlNode | null;
    if (!keyNode || !isScalar(keyNode)) continue;
    const slug = String(keyNode.value);
    const keySpan = rangeSpan(keyNode);
    if (seen.has(slug)) continue; // reported as a duplicate key by the YAML parser
    seen.add(slug);
    const path = parent ? `${parent.path}/${slug}` : slug;
    const valueNode = pair.value as YamlNode | null;
    const entryEnd = valueNode?.range ? valueNode.range[1] : keySpan.end;
    const fields = valueNode && isMap(valueNode) ? (toJs(valueNode) as Record<string, unknown>) : {};
    const code = codeFromFields(path, slug, parent, depth, counter.order++, fields, keySpan, { start: keySpan.start, end: entryEnd });
    if (valueNode && isMap(valueNode)) {
      const colorNode = valueNode.get('color', true) as YamlNode | undefined;
      if (colorNode && isScalar(colorNode)) {
        const color = String(colorNode.value);
        if (COLOR.test(color)) code.color = normalizeColor(color);
        else diagnostics.push(diagnostic(DiagnosticCodes.codebookColor, rangeSpan(colorNode), { color, path }));
      }
      const mergedNode = valueNode.get('merged_into', true) as YamlNode | undefined;
      if (mergedNode && isScalar(mergedNode)) code.mergedIntoSpan = rangeSpan(mergedNode);
      const aliasNode = valueNode.get('aliases', true) as YamlNode | undefined;
      if (aliasNode && isSeq(aliasNode)) {
        for (const item of aliasNode.items) {
          if (isScalar(item) && typeof item.value === 'string') code.aliasSpans.push(rangeSpan(item));
        }
      }
    }
    codes.set(path, code);
    siblings.push(path);
    parent?.children.push(path);
    const childNode = valueNode && isMap(valueNode) ? (valueNode.get('codes', true) as YamlNode | undefined) : undefined;
    if (childNode && isMap(childNode)) {
      readCodes(childNode.items as Pair<unknown, unknown>[], code, depth + 1, codes, [], diagnostics, counter, toJs);
    }
  }
}

/** The codebook from its codes, once aliases and merges are checked (problems go to `diagnostics`). */
function assemble(
  text: string,
  title: unknown,
  settings: ProjectSettings,
  codes: Map<string, Code>,
  roots: string[],
  diagnostics: Diagnostic[],
): Codebook {
  const aliases = aliasTable(codes, diagnostics);
  checkMerges(codes, aliases, diagnostics);
  return { text, title: toLocalized(title), settings, codes, roots, aliases, diagnostics, parsed: true, languages: collectLanguages(codes) };
}

/** Old path → current path; an alias that is a code's path, or another code's alias, is a problem. */
function aliasTable(codes: Map<string, Code>, diagnostics: Diagnostic[]): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const code of codes.values()) {
    code.aliases.forEach((alias, i) => {
      if (codes.has(alias)) {
        diagnostics.push(diagnostic(DiagnosticCodes.codebookAliasConflict, code.aliasSpans[i] ?? code.keySpan, { alias, other: alias }));
      } else if (aliases.has(alias) && aliases.get(alias) !== code.path) {
        diagnostics.push(
          diagnostic(DiagnosticCodes.codebookAliasConflict, code.aliasSpans[i] ?? code.keySpan, { alias, other: aliases.get(alias)! }),
        );
      } else {
        aliases.set(alias, code.path);
      }
    });
  }
  return aliases;
}

function checkMerges(codes: Map<string, Code>, aliases: Map<string, string>, diagnostics: Diagnostic[]): void {
  for (const code of codes.values()) {
    if (!code.mergedInto) continue;
    const span = code.mergedIntoSpan ?? code.keySpan;
    const target = codes.get(code.mergedInto) ?? codes.get(aliases.get(code.mergedInto) ?? '');
    if (!target) {
      diagnostics.push(
        diagnostic(DiagnosticCodes.codebookMergeTarget, span, {
          target: code.mergedInto,
          path: code.path,
          suggestions: nearestPaths(code.mergedInto, codes, 3),
        }),
      );
      code.mergedInto = undefined;
    }
  }
  for (const code of codes.values()) {
    if (!code.mergedInto) continue;
    const visited = new Set<string>([code.path]);
    let current: Code | undefined = code;
    while (current?.mergedInto) {
      const next: string = aliases.get(current.mergedInto) ?? current.mergedInto;
      if (visited.has(next)) {
        diagnostics.push(
          diagnostic(DiagnosticCodes.codebookMergeCycle, code.mergedIntoSpan ?? code.keySpan, {
            path: code.path,
            cycle: [...visited, next].join(' → '),
          }),
        );
        break;
      }
      visited.add(next);
      current = codes.get(next);
    }
  }
  // A code in a cycle must not redirect anywhere, or every lookup of it would loop.
  for (const d of diagnostics) {
    if (d.code === DiagnosticCodes.codebookMergeCycle) {
      const c = codes.get(String(d.args.path));
      if (c) c.mergedInto = undefined;
    }
  }
}

function readSettings(doc: Document.Parsed, diagnostics: Diagnostic[], toJs: (node: YamlNode) => unknown): ProjectSettings {
  const root = doc.contents;
  if (!root || !isMap(root)) return defaultSettings();
  const node = root.get('project', true) as YamlNode | undefined;
  if (!node || !isMap(node)) return defaultSettings();
  return settingsFrom(toJs(node) as Record<string, unknown>, (field, problem) => {
    const at = node.get(field, true) as YamlNode | undefined;
    diagnostics.push({ ...problem, span: at ? rangeSpan(at) : rangeSpan(node) });
  });
}

/** The languages Codeboom's own words are written in. */
const WORD_LANGUAGES = ['nl', 'en'];

/**
 * The settings of a `project:` section; a setting that cannot be used as written (a speaker pattern RE2
 * cannot compile, a language Codeboom does not speak) goes to `problem`, without its place.
 */
function settingsFrom(p: Record<string, unknown>, problem: (field: string, d: Diagnostic) => void): ProjectSettings {
  const settings = defaultSettings();
  const strings = (v: unknown): string[] | undefined =>
    Array.isArray(v) ? v.filter((x) => typeof x === 'string' || typeof x === 'number').map(String) : undefined;
  if (typeof p.language === 'string') {
    settings.language = p.language;
    if (!WORD_LANGUAGES.includes(p.language.split('-')[0].toLowerCase())) {
      problem('language', diagnostic(DiagnosticCodes.codebookLanguage, NO_SPAN, { language: p.language, supported: WORD_LANGUAGES }));
    }
  }
  const transcripts = strings(p.transcripts);
  if (transcripts && transcripts.length > 0) settings.transcripts = transcripts;
  const exclude = strings(p.exclude);
  if (exclude) settings.exclude = [...settings.exclude, ...exclude];
  if (typeof p.speaker_pattern === 'string') {
    const compiled = compileSpeakerPattern(p.speaker_pattern);
    if ('detail' in compiled) problem('speaker_pattern', diagnostic(DiagnosticCodes.codebookPattern, NO_SPAN, { ...compiled }));
    else settings.speakerPattern = compiled;
  }
  const interviewers = strings(p.interviewers);
  if (interviewers) settings.interviewers = new Set(interviewers);
  const participants = strings(p.participants);
  if (participants) settings.participants = new Set(participants);
  if (typeof p.count_interviewers === 'boolean') settings.countInterviewers = p.count_interviewers;
  if (p.severity && typeof p.severity === 'object') {
    const severity: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'> = {};
    for (const [k, v] of Object.entries(p.severity as Record<string, unknown>)) {
      if (v === 'error' || v === 'warning' || v === 'information' || v === 'hint' || v === 'off') severity[k] = v;
    }
    settings.severity = severity;
  }
  return settings;
}

function collectLanguages(codes: Map<string, Code>): string[] {
  const langs = new Set<string>();
  for (const code of codes.values()) {
    for (const k of Object.keys(code.label)) if (k !== '*') langs.add(k);
  }
  return [...langs];
}

/** Finds the span of the node at a JSON path; for a missing or extra property, the span of its key. */
function spanOfPath(doc: Document.Parsed, path: string[], property?: string): Span | undefined {
  let node: YamlNode | undefined = doc.contents ?? undefined;
  let keySpan: Span | undefined;
  for (const segment of path) {
    if (!node) break;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) break;
      keySpan = isScalar(pair.key) ? rangeSpan(pair.key) : undefined;
      node = (pair.value as YamlNode | null) ?? undefined;
    } else if (isSeq(node)) {
      node = (node.items[Number(segment)] as YamlNode | undefined) ?? undefined;
      keySpan = undefined;
    } else {
      break;
    }
  }
  if (property && node && isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === property);
    if (pair && isScalar(pair.key)) return rangeSpan(pair.key);
    return keySpan ?? rangeSpan(node);
  }
  if (node && (isMap(node) || isSeq(node)) && keySpan) return keySpan;
  return node ? rangeSpan(node) : keySpan;
}

function rangeSpan(node: YamlNode): Span {
  const r = node.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function normalizeColor(color: string): string {
  const c = color.toLowerCase();
  return c.length === 4 ? `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}` : c;
}

// ---------------------------------------------------------------------------------------------------------
// Looking codes up

/** Resolves a path written in a tag to the code it counts for. */
export function resolveCode(codebook: Codebook, path: string): Resolution {
  let code = codebook.codes.get(path);
  let alias: string | undefined;
  if (!code) {
    const current = codebook.aliases.get(path);
    if (current) {
      code = codebook.codes.get(current);
      alias = path;
    }
  }
  if (!code) return { kind: 'unknown' };
  if (code.mergedInto) {
    let target: Code | undefined = code;
    for (let i = 0; i < 32 && target?.mergedInto; i++) {
      target = codebook.codes.get(codebook.aliases.get(target.mergedInto) ?? target.mergedInto);
    }
    if (target && target !== code) return { kind: 'merged', code: target, from: code };
  }
  if (alias) return { kind: 'alias', code, alias };
  if (code.deprecated) return { kind: 'deprecated', code };
  return { kind: 'exact', code };
}

export function codeLabel(codebook: Codebook, code: Code, language: string): string {
  return localize(code.label, language, codebook.settings.language) ?? code.slug;
}

/** The code's ancestors from the root down, then the code itself. */
export function codeLineage(codebook: Codebook, path: string): Code[] {
  const result: Code[] = [];
  let current = codebook.codes.get(path);
  while (current) {
    result.unshift(current);
    current = current.parentPath ? codebook.codes.get(current.parentPath) : undefined;
  }
  return result;
}

/** Every code under `path` (not the code itself), depth first. */
export function descendants(codebook: Codebook, path: string): Code[] {
  const result: Code[] = [];
  const visit = (p: string) => {
    const c = codebook.codes.get(p);
    if (!c) return;
    for (const child of c.children) {
      const cc = codebook.codes.get(child);
      if (cc) {
        result.push(cc);
        visit(child);
      }
    }
  };
  visit(path);
  return result;
}

/**
 * The codes nearest to a path that does not exist: by edit distance of the whole path, of its last
 * slug, and by labels that contain what was typed. Best first.
 */
export function nearestCodes(codebook: Codebook, path: string, limit = 3): string[] {
  return nearestPaths(path, codebook.codes, limit);
}

function nearestPaths(path: string, codes: ReadonlyMap<string, Code>, limit: number): string[] {
  const wanted = fold(path);
  const wantedLast = fold(path.split('/').pop() ?? path);
  const scored: { path: string; score: number }[] = [];
  for (const code of codes.values()) {
    if (code.mergedInto) continue;
    const whole = editDistance(wanted, fold(code.path));
    const last = editDistance(wantedLast, fold(code.slug));
    let score = Math.min(whole, last + 0.5);
    for (const label of allTexts(code.label)) {
      const l = fold(label);
      if (wantedLast.length >= 3 && (l.includes(wantedLast) || l.split(/\s+/).some((w) => w.startsWith(wantedLast)))) {
        score = Math.min(score, 0.75);
      } else {
        score = Math.min(score, editDistance(wantedLast, l) + 1);
      }
    }
    const limitScore = Math.max(2, Math.ceil(wantedLast.length / 2));
    if (score <= limitScore) scored.push({ path: code.path, score: score + (code.codable ? 0 : 0.25) });
  }
  scored.sort((a, b) => a.score - b.score || a.path.localeCompare(b.path));
  return scored.slice(0, limit).map((s) => s.path);
}

