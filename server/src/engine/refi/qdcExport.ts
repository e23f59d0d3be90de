/**
 * Export of the codebook as a REFI-QDA codebook (.qdc), valid against Codebook.xsd: the tree, labels in
 * one language, colours, `isCodable`, and the definition, criteria and examples as the Description.
 */
import type { Codebook } from '../codebook/codebook';
import { RefiError } from './refiError';
import { exportedNames } from './codeNames';
import { codeGuids, writeCodes } from './refiCodes';
import { XmlWriter } from './xml';

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

export interface QdcExportOptions {
  /** The language of names and descriptions (default: the codebook's project language). */
  language?: string;
  /** Written as `origin`, e.g. "Codeboom 0.1.0". */
  origin?: string;
  /** Names codes that share a name apart, with their parent's label (see codeNames.ts). */
  uniqueNames?: boolean;
}

/**
 * The codebook as .qdc XML. Takes a project index or anything else that holds a codebook.
 * @throws RefiError when the codebook has no codes (a .qdc must hold at least one).
 */
export function exportQdc(project: { readonly codebook: Codebook }, options: QdcExportOptions = {}): string {
  const codebook = project.codebook;
  if (codebook.roots.length === 0) {
    throw new RefiError('The codebook has no codes, and a REFI-QDA codebook must hold at least one: add codes to codebook.yaml first.');
  }
  const w = new XmlWriter();
  w.start('CodeBook', [
    ['xmlns', CODEBOOK_NAMESPACE],
    ['origin', options.origin ?? 'Codeboom'],
  ]);
  w.start('Codes');
  const language = options.language ?? codebook.settings.language;
  writeCodes(w, codebook, codeGuids(codebook), { language, names: exportedNames(codebook, language, options.uniqueNames ?? false) });
  w.end();
  w.end();
  return w.toString();
}
