/**
 * Opening a REFI-QDA XML document: UTF-8 with or without a byte-order mark, well-formed, and with the
 * root element and namespace the standard gives it. Anything else is refused with one clear sentence.
 */
import { stripBom } from '../text/positions';
import { RefiError } from './refiError';
import { parseXml, type XmlElement } from './xml';

export type RefiKind = 'codebook' | 'project';

const ROOTS: Record<RefiKind, { element: string; namespace: string }> = {
  codebook: { element: 'CodeBook', namespace: 'urn:QDA-XML:codebook:' },
  project: { element: 'Project', namespace: 'urn:QDA-XML:project:' },
};

/** Takes off no byte-order mark itself: only a file's first is not text (text/positions.ts). */
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return stripBom(decoder.decode(bytes)).text;
  } catch {
    throw new RefiError(`${what} is not UTF-8 text, as REFI-QDA requires: the file is damaged or not a REFI-QDA file.`);
  }
}

/** Which kind of REFI-QDA document an XML root is, if any. */
export function kindOf(root: XmlElement): RefiKind | undefined {
  for (const kind of Object.keys(ROOTS) as RefiKind[]) {
    if (root.name === ROOTS[kind].element && root.ns.startsWith(ROOTS[kind].namespace)) return kind;
  }
  return undefined;
}

/** Parses a REFI-QDA document of the expected kind. */
export function readRefiXml(text: string, what: string, expected: RefiKind): XmlElement {
  const root = parseXml(text, what);
  const kind = kindOf(root);
  if (kind === expected) return root;
  if (kind === 'project') {
    throw new RefiError(`${what} is a REFI-QDA project, not a codebook: import the .qdpx file it came in.`);
  }
  if (kind === 'codebook') {
    throw new RefiError(`${what} is a REFI-QDA codebook, not a project: import it as a .qdc file.`);
  }
  const ns = root.ns ? ` in namespace ${root.ns}` : ' without a namespace';
  throw new RefiError(
    `${what} is XML but not a REFI-QDA ${expected} (its root is <${root.name}>${ns}, not <${ROOTS[expected].element}> in ${ROOTS[expected].namespace}1.0).`,
  );
}
