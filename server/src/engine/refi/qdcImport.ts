/**
 * Import of a REFI-QDA codebook (.qdc): a new codebook.yaml, or an update of the existing one (see
 * codebookImport.ts for how codes are matched and what is kept).
 */
import { importCodebook, type CodebookImport, type CodebookImportOptions } from './codebookImport';
import { readCodes } from './refiCodes';
import { decodeUtf8, readRefiXml } from './refiXml';
import { RefiError } from './refiError';
import { childNamed } from './xml';

/**
 * @param bytes the .qdc file
 * @param existingCodebook the text of the codebook.yaml to update, if there is one
 * @throws RefiError when the file is not a well-formed REFI-QDA codebook
 */
export function importQdc(bytes: Uint8Array, existingCodebook: string | undefined, options: CodebookImportOptions = {}): CodebookImport {
  const what = 'The .qdc file';
  const root = readRefiXml(decodeUtf8(bytes, what), what, 'codebook');
  const codes = childNamed(root, 'Codes');
  if (!codes) throw new RefiError(`${what} has no <Codes> element: it is damaged or not a REFI-QDA codebook.`);
  return importCodebook(readCodes(codes, what), existingCodebook, options);
}
