/**
 * Names made from other tools' names: code slugs (the keys of codebook.yaml) and transcript file names,
 * each kept unique among its siblings.
 */

/**
 * A slug for a code name: lower case, accents dropped, anything but letters, digits, `_`, `.` and `-`
 * turned into `-`. "Afstemmen op cliënt" → `afstemmen-op-client`; "中文 关键词" → `中文-关键词`.
 */
export function slugify(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_.-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[-.]+$/, '');
  return folded || 'code';
}

/** `base`, or `base-2`, `base-3`, ... whichever is not taken yet (compared without case); marks it taken. */
export function unique(base: string, taken: Set<string>, separator = '-'): string {
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base}${separator}${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name (without extension) for a source name that is safe on every system: no folders, no
 * characters Windows forbids, no leading dots, at most 80 characters. An extension in the name
 * (`interview.docx`) is dropped.
 */
export function fileStem(name: string): string {
  let stem = name
    .replace(/\.(txt|docx?|rtf|pdf|odt|md)$/i, '')
    .replace(/[\u0000-\u001f<>:"/\\|?*\u007f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+/, '')
    .replace(/[.\s]+$/, '');
  stem = [...stem].slice(0, 80).join('').trim();
  if (RESERVED.test(stem)) stem = `_${stem}`;
  return stem || 'source';
}
