/**
 * A codebook from another tool turned into codebook.yaml, or merged into an existing one. Codes are
 * matched by GUID (stored in codebook.yaml, or derived from the path as exports do), then by name among
 * their siblings. A matched code keeps its slug, so tags in transcripts stay valid; its label,
 * description fields, colour, `codable` and GUID are updated. New codes get slugs made from their names.
 * Codes the file does not have are kept where they are: an import never deletes. A code that moves gets
 * its old path as an alias, so tags with the old path still count.
 */
import { Document, isMap, isSeq, parseDocument, YAMLMap, type Node as YamlNode } from 'yaml';
import { parseCodebook, type Code, type Codebook } from '../codebook/codebook';
import { localize, type Localized } from '../codebook/localized';
import { readDescription, type CodeDescription } from './description';
import { normalizeGuid } from './guid';
import { slugify, unique } from './names';
import { codeGuids, flattenCodes, type RefiCode } from './refiCodes';
import { RefiError } from './refiError';

export interface CodebookImportOptions {
  /** The language labels and descriptions are compared and updated in (default: the codebook's). */
  language?: string;
  /** For a new codebook: its title and `project:` settings. */
  title?: string;
  project?: Record<string, unknown>;
  /** Memo texts by note GUID, for codes that reference notes. */
  notes?: ReadonlyMap<string, string>;
}

export interface CodebookImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Codes of the existing codebook the file does not have: kept. */
  kept: number;
  moved: number;
}

export interface CodebookImport {
  /** The new codebook.yaml. */
  text: string;
  codebook: Codebook;
  /** The path each imported code got, by GUID. */
  paths: Map<string, string>;
  summary: CodebookImportSummary;
}

interface OutNode {
  slug: string;
  refi?: RefiCode;
  existing?: Code;
  children: OutNode[];
}

export function importCodebook(codes: readonly RefiCode[], existingText: string | undefined, options: CodebookImportOptions = {}): CodebookImport {
  const existing = existingText !== undefined ? parseCodebook(existingText) : undefined;
  if (existing && !existing.parsed) {
    throw new RefiError("The existing codebook.yaml cannot be read as YAML: fix it first (run 'codeboom check'), then import again.");
  }
  const language = options.language ?? existing?.settings.language ?? 'en';
  const doc = existingText !== undefined ? parseDocument(existingText) : newDocument(options);
  const matches = matchCodes(codes, existing, language);
  const matched = new Set([...matches.values()].map((c) => c.path));

  const retained = (code: Code): OutNode => ({
    slug: code.slug,
    existing: code,
    children: code.children.filter((p) => !matched.has(p)).map((p) => retained(existing!.codes.get(p)!)),
  });
  /** `parent`: the existing code the list goes under, `null` for a new code, undefined at the top. */
  const build = (refi: readonly RefiCode[], parent: Code | null | undefined): OutNode[] => {
    const nodes: OutNode[] = refi.map((r) => {
      const m = matches.get(r.guid);
      return { slug: m?.slug ?? '', refi: r, existing: m, children: build(r.children, m ?? null) };
    });
    if (existing && parent !== null) {
      const siblings = parent ? parent.children : existing.roots;
      for (const p of siblings) if (!matched.has(p)) nodes.push(retained(existing.codes.get(p)!));
    }
    const taken = new Set<string>();
    for (const n of nodes) if (n.existing) n.slug = unique(n.existing.slug, taken);
    for (const n of nodes) if (!n.existing) n.slug = unique(slugify(n.refi!.name), taken);
    return nodes;
  };
  const tree = build(codes, undefined);

  const summary: CodebookImportSummary = { added: 0, updated: 0, unchanged: 0, kept: existing ? existing.codes.size - matched.size : 0, moved: 0 };
  const paths = new Map<string, string>();
  const allPaths = new Set<string>();
  const collect = (nodes: OutNode[], prefix: string) => {
    for (const n of nodes) {
      allPaths.add(prefix + n.slug);
      collect(n.children, `${prefix}${n.slug}/`);
    }
  };
  collect(tree, '');
  const toYaml = (nodes: OutNode[], prefix: string): YAMLMap => {
    const map = new YAMLMap();
    for (const n of nodes) {
      const path = prefix + n.slug;
      if (n.refi) paths.set(n.refi.guid, path);
      const node = n.existing ? updatedNode(doc, n, path, language, allPaths, summary, options) : newNode(doc, n.refi!, options);
      if (!n.existing) summary.added++;
      node.delete('codes');
      if (n.children.length > 0) node.set('codes', toYaml(n.children, `${path}/`));
      map.items.push(doc.createPair(n.slug, node));
    }
    return map;
  };
  doc.set('codes', toYaml(tree, ''));
  const text = doc.toString({ lineWidth: 0 });
  const codebook = parseCodebook(text);
  // The import itself must never make the codebook invalid (problems it already had may stay).
  const schemaProblems = (cb: Codebook | undefined) => cb?.diagnostics.filter((d) => d.code === 'codebook.schema').length ?? 0;
  if (!codebook.parsed || schemaProblems(codebook) > schemaProblems(existing)) {
    throw new Error(`importCodebook produced an invalid codebook: ${JSON.stringify(codebook.diagnostics[0]?.args)}`);
  }
  return { text, codebook, paths, summary };
}

function newDocument(options: CodebookImportOptions): Document {
  const top: Record<string, unknown> = {};
  if (options.title) top.title = options.title;
  if (options.project) top.project = options.project;
  return new Document(top);
}

/** Imported GUID → existing code: by GUID first, then by name among the matched parent's children. */
function matchCodes(codes: readonly RefiCode[], existing: Codebook | undefined, language: string): Map<string, Code> {
  const result = new Map<string, Code>();
  if (!existing) return result;
  const byGuid = new Map<string, Code>();
  for (const [path, guid] of codeGuids(existing)) byGuid.set(guid, existing.codes.get(path)!);
  const used = new Set<string>();
  for (const r of flattenCodes(codes)) {
    const c = byGuid.get(r.guid);
    if (c && !used.has(c.path)) {
      result.set(r.guid, c);
      used.add(c.path);
    }
  }
  const byName = (refi: readonly RefiCode[], parent: Code | undefined) => {
    const siblings = (parent ? parent.children : existing.roots).map((p) => existing.codes.get(p)!);
    for (const r of refi) {
      if (!result.has(r.guid)) {
        const name = r.name.trim();
        const c = siblings.find(
          (s) => !used.has(s.path) && (localize(s.label, language) === name || Object.values(s.label).includes(name) || s.slug === slugify(name)),
        );
        if (c) {
          result.set(r.guid, c);
          used.add(c.path);
        }
      }
      byName(r.children, result.get(r.guid));
    }
  };
  byName(codes, undefined);
  return result;
}

function newNode(doc: Document, r: RefiCode, options: CodebookImportOptions): YAMLMap {
  const fields: Record<string, unknown> = { label: r.name };
  const d = r.description ? readDescription(r.description) : undefined;
  if (d?.definition) fields.definition = d.definition;
  if (d?.whenToUse) fields.when_to_use = d.whenToUse;
  if (d?.whenNotToUse) fields.when_not_to_use = d.whenNotToUse;
  if (d && d.examples.length > 0) fields.examples = d.examples;
  if (r.color) fields.color = r.color;
  if (!r.codable) fields.codable = false;
  const memo = memoOf(r, options);
  if (memo) fields.memo = memo;
  fields.guid = r.guid;
  return doc.createNode(fields) as YAMLMap;
}

function updatedNode(
  doc: Document,
  n: OutNode,
  path: string,
  language: string,
  allPaths: ReadonlySet<string>,
  summary: CodebookImportSummary,
  options: CodebookImportOptions,
): YAMLMap {
  const code = n.existing!;
  const source = doc.getIn(code.path.split('/').flatMap((s) => ['codes', s]), true) as YamlNode | undefined;
  const node = source && isMap(source) ? (source.clone() as YAMLMap) : new YAMLMap();
  let changed = false;
  const r = n.refi;
  if (r) {
    const name = r.name.trim();
    if (name && localize(code.label, language) !== name) changed = setLocalized(doc, node, 'label', code.label, name, language) || changed;
    const d: CodeDescription = r.description ? readDescription(r.description) : { examples: [] };
    const fields: [string, Localized | undefined, string | undefined][] = [
      ['definition', code.definition, d.definition],
      ['when_to_use', code.whenToUse, d.whenToUse],
      ['when_not_to_use', code.whenNotToUse, d.whenNotToUse],
    ];
    for (const [key, old, value] of fields) {
      if (value !== undefined && localize(old, language) !== value) changed = setLocalized(doc, node, key, old, value, language) || changed;
    }
    const oldExamples = code.examples.map((e) => localize(e, language) ?? '');
    if (d.examples.length > 0 && d.examples.join('\n') !== oldExamples.join('\n')) {
      node.set('examples', doc.createNode(d.examples));
      changed = true;
    }
    if (r.color && r.color !== code.color) {
      node.set('color', doc.createNode(r.color));
      changed = true;
    }
    if (r.codable !== code.codable) {
      if (r.codable) node.delete('codable');
      else node.set('codable', doc.createNode(false));
      changed = true;
    }
    const memo = memoOf(r, options);
    if (memo && memo !== code.memo) {
      node.set('memo', doc.createNode(memo));
      changed = true;
    }
    if (normalizeGuid(code.guid) !== r.guid) {
      node.set('guid', doc.createNode(r.guid));
      changed = true;
    }
  }
  if (path !== code.path) {
    summary.moved++;
    if (!allPaths.has(code.path) && !code.aliases.includes(code.path)) {
      const aliases = node.get('aliases', true);
      if (aliases && isSeq(aliases)) aliases.add(doc.createNode(code.path));
      else node.set('aliases', doc.createNode([code.path]));
      changed = true;
    }
  }
  if (r) {
    if (changed) summary.updated++;
    else summary.unchanged++;
  }
  return node;
}

/** Sets a field that may be written in several languages: only this language's text changes. */
function setLocalized(doc: Document, node: YAMLMap, key: string, old: Localized | undefined, value: string, language: string): boolean {
  const current = node.get(key, true);
  if (old && current && isMap(current) && !('*' in old)) {
    current.set(language, doc.createNode(value));
  } else {
    node.set(key, doc.createNode(value));
  }
  return true;
}

function memoOf(r: RefiCode, options: CodebookImportOptions): string | undefined {
  const texts = r.noteRefs.map((g) => options.notes?.get(g)).filter((t): t is string => !!t && t.trim() !== '');
  return texts.length > 0 ? texts.join('\n\n') : undefined;
}
