/**
 * What the fuzzer makes its inputs of: transcripts and codebooks assembled from pieces that hit every path of
 * the parsers (their markup, its mistakes, and the characters that shift offsets), and edits to apply to them.
 * Everything here is a fast-check arbitrary, so a failing input shrinks to a small one.
 */
import fc from 'fast-check';

/** A codebook every transcript piece below can refer to, with settings of every kind. */
export const FUZZ_CODEBOOK = `project:
  language: nl
  interviewers: [I, Interviewer]
codes:
  afstemmen:
    label: {nl: Afstemmen op cliënt, en: Attuning to the client}
    codable: false
    codes:
      geduld:
        label: {nl: Geduld, en: Patience}
        aliases: [afstemmen/wachten]
      improvisatie:
        label: Improvisatorisch vermogen
  effect:
    label: Effect
    codes:
      band:
        label: Band
      oud:
        label: Oude code
        merged_into: effect/band
      verouderd:
        label: Verouderd
        deprecated: vervangen door effect/band
`;

const BOM = '\ufeff';

/** Pieces of transcripts: markup, its mistakes, line ends, and characters that are more than one unit. */
const transcriptPiece = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom(
    'T1= ', 'T2= ', 'I= ', 'Interviewer: ', 'P3: ', '[32:56] T12= ', 'Nee: ', '\n', '\n\n', '\r\n', '\r', '\r\n\r\n', ' ', '\t',
    'woord ', 'cliënt ', 'zei ', '😀', '👩‍👩‍👧', 'e\u0301', '\u00a0', '\u2028', '\u3000', BOM, BOM + BOM, '𝄞',
    '[[effect/band]]', '[[afstemmen/geduld | memo]]', '[[afstemmen/geduld|]]', '[[afstemmen/wachten]]', '[[effect/oud]]',
    '[[effect/verouderd]]', '[[onbekend/code]]', '[[afstemmen]]', '[[ effect/band ]]', '[[effect//band]]', '[[😀]]',
    '[[', ']]', '[[]]', '[[|]]', '[[[[', ']]]]', '{{', '}}', '{{{{', '}}}}', '{{#a ', '}}#a', '{{#b ', '}}#b', '{{#', '}}#',
    '{{#a', '}}[[effect/band]]', '}}#a[[effect/band]]', '}} [[effect/band]]', '[inaudible]', '(lacht)', '[', ']', '{', '}', '#', '|',
    '---\n', '---\r\n', 'participant: T1\n', 'participant: [T1, T2]\n', 'participant:\n', 'discipline: drama\n', ': x\n', 'a: "b\n',
  ) },
  // Text of any Unicode character, surrogate pairs included (whole code points: files hold no lone halves).
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  // Empty lines, huge lines and long runs of unclosed markup.
  { weight: 1, arbitrary: fc.record({ unit: fc.constantFrom('x', 'é', '😀', '[[', '{{', '{{#a ', ']]', '}}', '\n', 'T1= a\n', ' '), times: fc.integer({ min: 50, max: 4000 }) }).map(({ unit, times }) => unit.repeat(times)) },
  // A line a catastrophic speaker pattern backtracks on; short enough that even a backtracking engine ends.
  { weight: 1, arbitrary: fc.integer({ min: 8, max: 22 }).map((n) => `\n${'a'.repeat(n)}!\n`) },
);

/** A transcript as a file holds it (no lone surrogates), with U+FEFF at its start and inside it as often as elsewhere. */
export const transcriptText: fc.Arbitrary<string> = fc.array(transcriptPiece, { maxLength: 40 }).map((pieces) => pieces.join(''));

/** Any string, lone surrogates included: what an editor may send the language server. */
export const anyText: fc.Arbitrary<string> = fc.oneof(transcriptText, fc.string({ unit: 'binary', maxLength: 300 }));

export type TextEdit =
  | { kind: 'set'; doc: number; text: string }
  | { kind: 'splice'; doc: number; at: number; remove: number; insert: string }
  | { kind: 'delete'; doc: number };

export const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), doc: fc.nat(3), text: transcriptText }),
  fc.record({ kind: fc.constant('splice' as const), doc: fc.nat(3), at: fc.nat(600), remove: fc.nat(30), insert: transcriptText }),
  fc.record({ kind: fc.constant('delete' as const), doc: fc.nat(3) }),
);

// --- codebooks ---------------------------------------------------------------------------------------

const slug = fc.constantFrom('a', 'b', 'geduld', 'band', 'a/b', 'ünï', 'x y', '0', '12', '__proto__', 'constructor', 'a.b', '-a', '😀', '"q"', 'dup');

/** A YAML scalar as a researcher might type it, Markdown and anchors included. */
const scalar = fc.constantFrom(
  'Geduld', '"Geduld"', "'Geduld'", '*Geduld*', '**Geduld**', '&a Geduld', '*a', '&b [x, y]', '*b', '"abc', "'abc", '|', '>',
  '{nl: Geduld, en: Patience}', '{nl: *Geduld*}', '[a, b', '{a: b', 'null', '~', 'true', '5', '2016-03-08', '#not a comment', 'a: b',
  '"\\u00e9"', '"\\x"', '!!binary aGk=', '!custom x', '"\ufeff"', '😀', '', ' ', '?', '- x', '@x', '`x`', '%x',
);

const pattern = fc.constantFrom(
  "'^(?<speaker>[A-Z]+)='", "'^(?<speaker>(a+)+)='", "'(?<speaker>x'", "'^(?<speaker>\\\\w+):'", "'[z-a]'", "'(?<speaker>.*)*='",
  "'^(?<speaker>(a|a)+)='", "'^(?<speaker>\\\\1)'", "'(?<=x)(?<speaker>y)'", '5', '[a]',
);

interface CodeNode {
  slug: string;
  fields: string[];
  children: CodeNode[];
}

const codeFields = fc.array(
  fc.oneof(
    scalar.map((s) => `label: ${s}`),
    scalar.map((s) => `definition: ${s}`),
    fc.constantFrom('codable: false', 'codable: maybe', 'color: "#2a9d8f"', 'color: red', 'color: "#12345"', 'deprecated: true', 'deprecated: oud'),
    fc.constantFrom('aliases: [a/oud]', 'aliases: a/oud', 'aliases: [b]', 'merged_into: b', 'merged_into: a', 'merged_into: nergens', 'memo: x'),
    fc.constantFrom('examples: [x, {nl: y}]', 'examples: x', 'guid: 0e9d1f5a-1111-4c2b-9a1e-000000000001', 'unknown_field: 1'),
  ),
  { maxLength: 4 },
);

const codeTree: fc.Arbitrary<CodeNode[]> = fc.letrec<{ nodes: CodeNode[] }>((tie) => ({
  nodes: fc.array(
    fc.record({ slug, fields: codeFields, children: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant([] as CodeNode[]), tie('nodes')) }),
    { maxLength: 4 },
  ),
})).nodes;

function codesYaml(nodes: readonly CodeNode[], indent: string): string {
  return nodes
    .map((n) => {
      const inner = indent + '  ';
      const fields = n.fields.map((f) => `${inner}${f}\n`).join('');
      const children = n.children.length > 0 ? `${inner}codes:\n${codesYaml(n.children, inner + '  ')}` : '';
      return `${indent}${n.slug}:\n${fields}${children}`;
    })
    .join('');
}

/** Deep nesting of one kind: codes in codes, YAML flow collections, or aliases of aliases (a billion laughs, bounded). */
const deep = fc.record({ kind: fc.constantFrom('codes', 'flow', 'laughs'), depth: fc.integer({ min: 1, max: 120 }) }).map(({ kind, depth }) => {
  if (kind === 'codes') {
    let text = 'codes:\n';
    for (let i = 0; i < depth; i++) text += `${'  '.repeat(2 * i + 1)}c${i}:\n${'  '.repeat(2 * i + 2)}label: C${i}\n${'  '.repeat(2 * i + 2)}codes:\n`;
    return text + `${'  '.repeat(2 * depth + 1)}end: {label: End}\n`;
  }
  if (kind === 'flow') return `codes: {a: {label: ${'['.repeat(depth)}x${']'.repeat(depth)}}}\n`;
  const levels = Math.min(depth, 10);
  let text = 'l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < levels; i++) text += `l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]\n`;
  return text + `codes:\n  a:\n    label: *l${levels - 1}\n`;
});

const projectSection = fc
  .array(
    fc.oneof(
      fc.constantFrom('language: nl', 'language: en', 'language: de', 'language: [nl]', 'transcripts: ["*.txt"]', 'transcripts: 5', 'interviewers: [I]'),
      fc.constantFrom('count_interviewers: true', 'participants: [T1]', 'exclude: ["x/**"]', 'severity: {code.unknown: off}', 'severity: {x: y}'),
      pattern.map((p) => `speaker_pattern: ${p}`),
    ),
    { maxLength: 4 },
  )
  .map((lines) => (lines.length > 0 ? `project:\n${lines.map((l) => `  ${l}\n`).join('')}` : ''));

/** A codebook that is mostly well formed, with the mistakes people make in it. */
const structuredCodebook = fc
  .record({ project: projectSection, title: fc.option(scalar, { nil: undefined }), codes: codeTree, codesKey: fc.constantFrom('codes', 'codes', 'codes', 'kodes', 'Codes') })
  .map(({ project, title, codes, codesKey }) => `${title !== undefined ? `title: ${title}\n` : ''}${project}${codesKey}:\n${codesYaml(codes, '  ')}`);

type Mutation = { at: number; remove: number; insert: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(2000),
  remove: fc.nat(8),
  insert: fc.oneof(fc.constantFrom('', ':', ' ', '  ', '\t', '\n', '\r\n', '"', "'", '&a', '*a', '[', ']', '{', '}', '-', '#', '---\n', '...\n', BOM, '\u0000', '😀'), fc.string({ maxLength: 4 })),
});

function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = Math.min(m.at, out.length);
    out = out.slice(0, at) + m.insert + out.slice(at + m.remove);
  }
  return out;
}

/** codebook.yaml as it may be found: well formed, slightly broken, deeply nested, or anything at all. */
export const codebookText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ text: structuredCodebook, mutations: fc.array(mutation, { maxLength: 3 }) }).map(({ text, mutations }) => mutate(text, mutations)) },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.constantFrom('', '\n', 'codes: 5\n', 'kodes:\n  a: {label: A}\n', '- a\n- b\n', 'codes:\n  x:\n    label: "abc', BOM + 'codes: {}\n', FUZZ_CODEBOOK) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

/** A codebook whose codes every generated transcript may use, and codes with the shapes exports find hard. */
export const exportableCodebook: fc.Arbitrary<string> = fc.constantFrom(
  FUZZ_CODEBOOK,
  // A root slug with a slash beside the nested code of the same path; two codes with one label under different parents.
  `codes:\n  a/b:\n    label: Root a/b\n  a:\n    label: A\n    codes:\n      b:\n        label: Nested b\n  effect:\n    label: Effect\n    codes:\n      band: {label: Geduld}\n  afstemmen:\n    label: Afstemmen\n    codes:\n      geduld: {label: Geduld}\n`,
);

/** Transcripts that use the codes of `exportableCodebook`. */
export const exportableTranscript: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: transcriptPiece },
      { weight: 1, arbitrary: fc.constantFrom('[[a/b]]', '{{x}}[[a/b]]', '{{y}}[[a/b]][[a]]', '[[effect/band]]', '{{#a z}}#a[[afstemmen/geduld]]') },
    ),
    { maxLength: 30 },
  )
  .map((p) => p.join(''));
