/**
 * URIs of a project's files, as strings: a project's root is a folder URI, a transcript's id is its path
 * below the root with `/`, and a document's URI is the root joined with its id. Clients spell the same
 * URI in more than one way (`%20` or a space, `(` or `%28`, `C:` or `c%3A`, a trailing `/`), so URIs are
 * compared by their key: the scheme in lower case, the path decoded, no trailing `/`.
 */

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/** The form of a URI that two spellings of it share. */
export function uriKey(uri: string): string {
  const m = SCHEME.exec(uri);
  const scheme = m ? m[1].toLowerCase() : '';
  let rest = m ? uri.slice(m[0].length) : uri;
  try {
    rest = decodeURIComponent(rest);
  } catch {
    // A stray `%` that starts no escape: compared as written.
  }
  // A Windows drive letter, which VS Code writes in lower case and Node's URLs in upper case.
  if (scheme === 'file') rest = rest.replace(/^(\/\/[^/]*\/)([A-Za-z])(?=:)/, (_, start: string, drive: string) => start + drive.toLowerCase());
  if (rest.length > 1 && rest.endsWith('/') && !rest.endsWith('://') && !/^\/\/[^/]*\/$/.test(rest)) rest = rest.slice(0, -1);
  return `${scheme}:${rest}`;
}

/** Whether two URIs name the same file or folder. */
export function sameUri(a: string, b: string): boolean {
  return a === b || uriKey(a) === uriKey(b);
}

/** A path segment as VS Code writes it in a URI: everything but letters, digits and `-._~` escaped. */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The URI of `id` (a path relative to the folder `base`, with `/`; '' for the folder itself). */
export function joinUri(base: string, id: string): string {
  const folder = base.endsWith('/') ? base.slice(0, -1) : base;
  if (id === '' || id === '.') return folder;
  return `${folder}/${id.split('/').map(encodeSegment).join('/')}`;
}

/** The path of `uri` relative to the folder `base`, with `/` ('' for the folder itself), or undefined when it is not inside it. */
export function relativeId(base: string, uri: string): string | undefined {
  const folder = uriKey(base);
  const file = uriKey(uri);
  if (file === folder) return '';
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return file.startsWith(prefix) ? file.slice(prefix.length) : undefined;
}

/** Whether `uri` is `base` or inside it. */
export function isInside(base: string, uri: string): boolean {
  return relativeId(base, uri) !== undefined;
}

/** The folder that holds `uri`. */
export function parentUri(uri: string): string {
  const trimmed = uri.endsWith('/') ? uri.slice(0, -1) : uri;
  const slash = trimmed.lastIndexOf('/');
  const start = SCHEME.exec(trimmed)?.[0].length ?? 0;
  return slash <= start ? trimmed : trimmed.slice(0, slash);
}

/** The last segment of a URI's path, decoded: a file's name. */
export function baseName(uri: string): string {
  const key = uriKey(uri);
  return key.slice(key.lastIndexOf('/') + 1);
}
