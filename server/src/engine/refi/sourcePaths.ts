/**
 * Where a source's text is inside a .qdpx. REFI-QDA writes `internal://NAME` (in the zip's `sources/`
 * folder), `relative://PATH` (against the project's `basePath`, usually outside the zip) and
 * `absolute://PATH`; some tools write a bare file name. A path that climbs out with `..`, or an absolute
 * path for a plain-text source, is refused: exports never write one, crafted files do.
 */
import { RefiError } from './refiError';
import type { ZipReader } from './zip';

export type SourceLocation = { entry: string } | { missing: string };

export function locateSource(path: string, basePath: string | undefined, zip: ZipReader, sourceName: string): SourceLocation {
  const m = /^(internal|relative|absolute):\/\/(.*)$/i.exec(path.trim());
  const scheme = m ? m[1].toLowerCase() : 'bare';
  const rest = m ? m[2] : path.trim();
  if (scheme === 'absolute' || (scheme === 'bare' && isAbsolute(rest))) {
    throw escapes(path, sourceName);
  }
  const relative = rest.replace(/\\/g, '/').replace(/^\/+/, '');
  for (const variant of new Set([relative, safeDecode(relative)])) {
    if (variant.split('/').some((s) => s === '..') || isAbsolute(variant)) throw escapes(path, sourceName);
  }
  const candidates = [relative, safeDecode(relative)].flatMap((p) => [`sources/${p}`, p]);
  if (scheme === 'relative') {
    // Some tools put relative sources into the zip as well, by their file name.
    const base = relative.split('/').pop() ?? relative;
    candidates.push(`sources/${base}`);
  }
  for (const c of candidates) {
    const found = zip.findIgnoringCase(c);
    if (found) return { entry: found };
  }
  if (scheme === 'relative') {
    const where = basePath ? ` under the base path ${basePath}` : '';
    return { missing: `its text is outside the .qdpx (${path}${where}); export the project with its sources inside` };
  }
  return { missing: `its text file ${path} is missing from the .qdpx` };
}

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:/.test(p);
}

function safeDecode(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

function escapes(path: string, sourceName: string): RefiError {
  return new RefiError(
    `The source ${JSON.stringify(sourceName)} points at ${JSON.stringify(path)}, outside the .qdpx: the file may have been crafted to read other files, so nothing was imported.`,
  );
}
