/**
 * REFI-QDA import and export: a project exported and imported again keeps its text and codings; any other
 * bytes (random, a damaged export, an export whose XML was changed) are either imported or refused with a
 * RefiError, the one sentence for the user, and never throw anything else.
 */
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { exportQdc, exportQdpx, importQdc, importQdpx, RefiError } from '../../server/src/engine/refi';
import { codeGuids } from '../../server/src/engine/refi/refiCodes';
import { writeZip } from '../../server/src/engine/refi/zip';
import { cleanDocument, cleanText, type ParsedTranscript } from '../../server/src/engine/transcript/transcript';
import { exportableCodebook, exportableTranscript } from './generators';
import { clip, ensure, ensureEqual, FuzzFailure } from './invariants';
import type { FuzzTarget } from './target';

interface ProjectInput {
  codebook: string;
  transcripts: string[];
}

type ByteMutation = { at: number; remove: number; insert: number[] };
type TextMutation = { at: number; remove: number; insert: string };

type RefiCase =
  | { kind: 'round trip'; project: ProjectInput }
  | { kind: 'random bytes'; bytes: Uint8Array; as: 'qdpx' | 'qdc' }
  | { kind: 'damaged export'; project: ProjectInput; mutations: ByteMutation[]; as: 'qdpx' | 'qdc' }
  | { kind: 'changed XML'; project: ProjectInput; mutations: TextMutation[]; as: 'qdpx' | 'qdc' };

const project: fc.Arbitrary<ProjectInput> = fc.record({ codebook: exportableCodebook, transcripts: fc.array(exportableTranscript, { minLength: 1, maxLength: 3 }) });

const byteMutation: fc.Arbitrary<ByteMutation> = fc.record({ at: fc.nat(20000), remove: fc.nat(40), insert: fc.array(fc.nat(255), { maxLength: 8 }) });

/** What an attacker or a damaged file puts into the XML: entities, structure out of place, values of the wrong kind. */
const xmlInsert = fc.oneof(
  fc.constantFrom(
    '<!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>', '<!ENTITY x SYSTEM "file:///etc/passwd">', '&x;', '&amp;', '&#0;', '&#xD800;',
    '<', '>', '"', "'", '</Code>', '<Code guid="x" name="y" isCodable="true"/>', '<Code>', '</Codes>', 'guid="{00000000-0000-0000-0000-000000000000}" ',
    'startPosition="-1" ', 'endPosition="99999999999" ', 'startPosition="abc" ', 'plainTextPath="internal://../../x.txt" ', 'plainTextPath="/etc/passwd" ',
    '<Coding guid="c"><CodeRef targetGUID="nope"/></Coding>', '<NoteRef targetGUID="x"/>', '\ufeff', '\u0000', '<![CDATA[x]]>', '<?pi x?>', '<!-- -->',
  ),
  fc.string({ maxLength: 6 }),
);
const textMutation: fc.Arbitrary<TextMutation> = fc.record({ at: fc.nat(20000), remove: fc.nat(40), insert: xmlInsert });

const refiCase: fc.Arbitrary<RefiCase> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('round trip' as const), project }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('random bytes' as const), bytes: fc.uint8Array({ maxLength: 400 }), as: fc.constantFrom('qdpx' as const, 'qdc' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('damaged export' as const), project, mutations: fc.array(byteMutation, { minLength: 1, maxLength: 4 }), as: fc.constantFrom('qdpx' as const, 'qdc' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('changed XML' as const), project, mutations: fc.array(textMutation, { minLength: 1, maxLength: 4 }), as: fc.constantFrom('qdpx' as const, 'qdc' as const) }) },
);

function indexOf(p: ProjectInput): ProjectIndex {
  const index = new ProjectIndex(parseCodebook(p.codebook));
  p.transcripts.forEach((t, i) => index.set(`T${i + 1}.txt`, t));
  return index;
}

/**
 * Each segment as "document | code GUID | participant | text", sorted: what a user compares between two projects.
 * Segments without text (a tag alone in its paragraph) are left out: a REFI-QDA selection of nothing is not
 * kept by the import (see docs/fuzzing.md).
 */
function segmentLines(index: ProjectIndex, leaveOut: ReadonlySet<string> = new Set()): string[] {
  const guids = codeGuids(index.codebook);
  const lines: string[] = [];
  for (const doc of index.documents()) {
    const parsed = index.parsed(doc.id)!;
    const name = (doc.id.split('/').pop() ?? doc.id).replace(/\.txt$/, '');
    if (leaveOut.has(name)) continue;
    for (const s of doc.resolved.segments) {
      const text = cleanText(parsed, s.span);
      if (text !== '') lines.push(`${name} | ${guids.get(s.code)} | ${s.participant} | ${text}`);
    }
  }
  // A paragraph tag and a passage over the same whole paragraph with the same code are two segments in
  // Codeboom and one selection in REFI-QDA (it has no paragraphs): the same stretch and code compare once.
  return [...new Set(lines)].sort();
}

function plannedIndex(files: readonly { path: string; content: string }[]): ProjectIndex {
  const codebook = files.find((f) => f.path === 'codebook.yaml');
  const index = new ProjectIndex(parseCodebook(codebook?.content ?? 'codes: {}\n'));
  for (const f of files) if (f.path !== 'codebook.yaml') index.set(f.path, f.content);
  return index;
}

function mutateBytes(bytes: Uint8Array, mutations: readonly ByteMutation[]): Uint8Array {
  let out = bytes;
  for (const m of mutations) {
    const at = Math.min(m.at, out.length);
    const next = new Uint8Array(out.length - Math.min(m.remove, out.length - at) + m.insert.length);
    next.set(out.subarray(0, at), 0);
    next.set(m.insert, at);
    next.set(out.subarray(Math.min(out.length, at + m.remove)), at + m.insert.length);
    out = next;
  }
  return out;
}

function mutateText(text: string, mutations: readonly TextMutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = Math.min(m.at, out.length);
    out = out.slice(0, at) + m.insert + out.slice(at + m.remove);
  }
  return out;
}

/** Imports hostile bytes: a RefiError is a fine answer; anything else thrown is a failure. What is imported must be safe. */
function importHostile(bytes: Uint8Array, as: 'qdpx' | 'qdc', counts: { add(what: string): void }): void {
  try {
    if (as === 'qdc') {
      const imported = importQdc(bytes, undefined);
      parseCodebook(imported.text);
    } else {
      const plan = importQdpx(bytes);
      for (const f of plan.files) {
        ensure(!f.path.startsWith('/') && !/^[A-Za-z]:/.test(f.path) && !f.path.split('/').includes('..'), `the import plans a file outside the project: ${clip(f.path, 100)}`);
      }
      plannedIndex(plan.files);
    }
    counts.add(`imported (${as})`);
  } catch (e) {
    if (e instanceof RefiError) {
      counts.add(`refused with a sentence (${as})`);
      return;
    }
    if (e instanceof FuzzFailure) throw e;
    throw new FuzzFailure(`importing a .${as} threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)} instead of a RefiError`);
  }
}

export function refiTarget(): FuzzTarget<RefiCase> {
  return {
    name: 'refi',
    arbitrary: refiCase,
    check(c, counts) {
      counts.add(c.kind);
      if (c.kind === 'random bytes') {
        importHostile(c.bytes, c.as, counts);
        return;
      }
      const original = indexOf(c.project);
      if (c.kind === 'round trip') {
        // A transcript without any text but spaces is a source the import skips; every other one comes back.
        const bodyOf = (parsed: ParsedTranscript) => {
          const clean = cleanDocument(parsed);
          return clean.text.slice(clean.toClean(parsed.bodyStart));
        };
        // A transcript whose text keeps brackets of broken markup (an unclosed `[[`) is refused by the import,
        // which would read them as markup, with a sentence that says so.
        const skippable = new Set(
          original
            .documents()
            .filter((d) => {
              const body = bodyOf(original.parsed(d.id)!);
              return body.trim() === '' || /\[\[|\]\]|\{\{|\}\}/.test(body);
            })
            .map((d) => d.id.replace(/\.txt$/, '')),
        );
        let imported: ProjectIndex;
        let skipped: Set<string>;
        let partial: Set<string>;
        try {
          const plan = importQdpx(exportQdpx(original));
          ensureEqual(plan.skipped.filter((s) => !skippable.has(s.source)), [], 'an export imports without skipping a source that has text');
          skipped = new Set(plan.skipped.map((s) => s.source));
          // A coding whose text meets a brace at its edge is left out with a warning that names it: its
          // transcript's text still comes back, its segments are not compared.
          partial = new Set(plan.warnings.filter((w) => / was left out: its text begins or ends next to a brace/.test(w)).map((w) => w.slice(0, w.indexOf(': '))));
          imported = plannedIndex(plan.files);
        } catch (e) {
          if (e instanceof FuzzFailure) throw e;
          throw new FuzzFailure(`Codeboom's own export could not be imported again: ${e instanceof Error ? e.message : String(e)}`);
        }
        // A transcript whose markup has errors (a stray `}}`) is exported as Codeboom read it, not as it was
        // written: where a label stands after the stray mark, the round trip may read its turn differently.
        const broken = new Set(
          original
            .documents()
            .filter((d) => d.resolved.diagnostics.some((x) => x.code.startsWith('tag.') || x.code.startsWith('passage.')))
            .map((d) => d.id.replace(/\.txt$/, '')),
        );
        ensureEqual(segmentLines(imported, new Set([...partial, ...broken])), segmentLines(original, new Set([...skipped, ...partial, ...broken])), 'an export imported again has the same segments (code, participant, text)');
        for (const doc of original.documents()) {
          if (skipped.has(doc.id.replace(/\.txt$/, ''))) continue;
          const copy = imported.parsed(`transcripts/${doc.id}`);
          ensure(copy, `the import has no transcripts/${doc.id}`);
          ensureEqual(bodyOf(copy), bodyOf(original.parsed(doc.id)!), `the text of ${doc.id} without markup is the same after the round trip`);
        }
        counts.add('segments compared', original.documents().reduce((n, d) => n + d.resolved.segments.length, 0));
        return;
      }
      if (c.as === 'qdc') {
        const xml = exportQdc(original);
        const bytes = c.kind === 'damaged export' ? mutateBytes(strToU8(xml), c.mutations) : strToU8(mutateText(xml, c.mutations));
        importHostile(bytes, 'qdc', counts);
        return;
      }
      const exported = exportQdpx(original);
      if (c.kind === 'damaged export') {
        importHostile(mutateBytes(exported, c.mutations), 'qdpx', counts);
        return;
      }
      const entries = unzipSync(exported);
      entries['project.qde'] = strToU8(mutateText(strFromU8(entries['project.qde']), c.mutations));
      importHostile(writeZip(Object.entries(entries).map(([name, data]) => ({ name, data }))), 'qdpx', counts);
    },
  };
}
