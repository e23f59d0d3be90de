/**
 * Helpers of the REFI-QDA tests: validation against the standard's XSDs with libxml2 (xmllint compiled
 * to WebAssembly, offline), projects built from planned files, and segments as a user compares them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { parseCodebook } from '../../server/src/engine/codebook/codebook';
import { ProjectIndex } from '../../server/src/engine/project/projectIndex';
import { cleanText } from '../../server/src/engine/transcript/transcript';
import { codeGuids } from '../../server/src/engine/refi/refiCodes';

export const SAMPLES = path.join(__dirname, '../../../shared/refi-qda/samples');
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
