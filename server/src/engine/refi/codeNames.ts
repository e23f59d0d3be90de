/**
 * The names codes are exported with, and the names more than one code shares. REFI-QDA lets two codes
 * share a name (they differ by GUID), but QualCoder keeps one code per name (and one group of codes, a
 * non-codable code, per name): it gives the codings of the second to the first, or drops them, without a
 * word. So the export names such clashes, and can make names unique with the parent's label:
 * "Geduld (Kenmerken therapeut)".
 */
import { codeLabel, type Codebook } from '../codebook/codebook';

export interface NameClash {
  name: string;
  /** The paths of the codes that share it, in codebook order. */
  paths: string[];
}

/** Codes (codable) and groups (not codable) are named apart in QualCoder, so they clash only among themselves. */
const kind = (codable: boolean) => (codable ? 'code' : 'group');

/** Names that more than one code of the same kind has in this language, in codebook order. */
export function nameClashes(codebook: Codebook, language: string): NameClash[] {
  const groups = new Map<string, NameClash>();
  for (const code of codebook.codes.values()) {
    const name = codeLabel(codebook, code, language);
    const key = `${kind(code.codable)}\u0000${name}`;
    if (!groups.has(key)) groups.set(key, { name, paths: [] });
    groups.get(key)!.paths.push(code.path);
  }
  return [...groups.values()].filter((g) => g.paths.length > 1);
}

/**
 * Each code's exported name by path. With `unique`, a code whose name another code of its kind shares
 * gets its parent's label in brackets, and a counter when that is still not enough; `reserved` names
 * (of the same kind as codable codes) are never given out.
 */
export function exportedNames(codebook: Codebook, language: string, unique: boolean, reserved: Iterable<string> = []): Map<string, string> {
  const names = new Map<string, string>();
  for (const code of codebook.codes.values()) names.set(code.path, codeLabel(codebook, code, language));
  if (!unique) return names;
  const clashing = new Set(nameClashes(codebook, language).flatMap((c) => c.paths));
  const taken = new Set<string>([...reserved].map((n) => `code\u0000${n}`));
  for (const code of codebook.codes.values()) {
    if (!clashing.has(code.path)) taken.add(`${kind(code.codable)}\u0000${names.get(code.path)}`);
  }
  for (const code of codebook.codes.values()) {
    if (!clashing.has(code.path)) continue;
    const name = names.get(code.path)!;
    const parent = code.parentPath !== undefined ? codebook.codes.get(code.parentPath) : undefined;
    const base = parent ? `${name} (${codeLabel(codebook, parent, language)})` : name;
    let candidate = base;
    for (let n = 2; taken.has(`${kind(code.codable)}\u0000${candidate}`); n++) candidate = `${base} (${n})`;
    taken.add(`${kind(code.codable)}\u0000${candidate}`);
    names.set(code.path, candidate);
  }
  return names;
}

/** One sentence per clash, for the export's warnings. */
export function clashWarnings(clashes: readonly NameClash[]): string[] {
  return clashes.map(
    (c) =>
      `${c.paths.length} codes are named ${JSON.stringify(c.name)} (${c.paths.join(', ')}): QualCoder keeps one code per name and would give all their codings to the first; export with --unique-names to name them apart.`,
  );
}
