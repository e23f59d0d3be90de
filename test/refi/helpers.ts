/**
 * Helpers of the REFI-QDA tests: validation against the standard's XSDs with libxml2 (xmllint compiled
 * to WebAssembly, offline), projects built from planned files, and segments as a user compares them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { cleanText } from '../../server/src/engine/transcript/transcript';
import { codeGuids } from '../../server/src/engine/refi/refiCodes';

export const FIXTURES = path.join(__dirname, '../fixtures');
export const STAY_TUNED = path.join(__dirname, '../../examples/stay-tuned');

export async function validate(xml: string, schema: 'Project' | 'Codebook'): Promise<{ valid: boolean; errors: string[] }> {
  const xsd = fs.readFileSync(path.join(FIXTURES, 'refi-qda', `${schema}.xsd`), 'utf8');
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [{ fileName: `${schema}.xsd`, contents: xsd }],
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

/** An in-memory project from files as an import plans them (codebook.yaml and transcripts). */
export function indexOf(files: readonly { path: string; content: string }[]): ProjectIndex {
  const codebook = files.find((f) => f.path === 'codebook.yaml');
  const index = new ProjectIndex(parseCodebook(codebook?.content ?? 'codes: {}\n'));
  for (const f of files) if (f.path !== 'codebook.yaml') index.set(f.path, f.content);
  return index;
}

/**
 * Every segment of a project as "document | code GUID | participant | text", sorted: what a user
 * compares between two projects. Documents are named by file name without folder and extension.
 */
export function segmentLines(index: ProjectIndex): string[] {
  const guids = codeGuids(index.codebook);
  const lines: string[] = [];
  for (const doc of index.documents()) {
    const parsed = index.parsed(doc.id)!;
    const name = (doc.id.split('/').pop() ?? doc.id).replace(/\.txt$/, '');
    for (const s of doc.resolved.segments) {
      lines.push(`${name} | ${guids.get(s.code)} | ${s.participant} | ${cleanText(parsed, s.span)}`);
    }
  }
  return lines.sort();
}

export const GUID = {
  alpha: '0e9d1f5a-1111-4c2b-9a1e-000000000001',
  beta: '0e9d1f5a-1111-4c2b-9a1e-000000000002',
  source: '0e9d1f5a-2222-4c2b-9a1e-000000000003',
  selection: '0e9d1f5a-3333-4c2b-9a1e-000000000004',
  coding: '0e9d1f5a-4444-4c2b-9a1e-000000000005',
};

/** A project.qde with two codes (Alpha, Beta) and the given sources. */
export function projectXml(sources: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="crafted"${extra}>
  <CodeBook><Codes>
    <Code guid="${GUID.alpha}" name="Alpha" isCodable="true"/>
    <Code guid="{${GUID.beta.toUpperCase()}}" name="Beta" isCodable="true"/>
  </Codes></CodeBook>
  <Sources>${sources}</Sources>
</Project>`;
}

/** A TextSource with one selection coded with Alpha. */
export function textSource(path: string, start: number | string, end: number | string, code = GUID.alpha): string {
  return `<TextSource guid="${GUID.source}" name="Interview" plainTextPath="${path}">
    <PlainTextSelection guid="${GUID.selection}" startPosition="${start}" endPosition="${end}">
      <Coding guid="${GUID.coding}"><CodeRef targetGUID="${code}"/></Coding>
    </PlainTextSelection>
  </TextSource>`;
}

/** A .qdpx from a project.qde and other entries, zipped as they are named (even when hostile). */
export function qdpx(qde: string | Uint8Array, entries: Record<string, string | Uint8Array> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = { 'project.qde': typeof qde === 'string' ? strToU8(qde) : qde };
  for (const [name, data] of Object.entries(entries)) files[name] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(files);
}
