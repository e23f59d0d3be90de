/**
 * The words the engine shows people, in English and Dutch. Diagnostics carry a code and arguments; this
 * module turns them into a sentence that says what is wrong and what to do.
 */
import type { Diagnostic, DiagnosticArgs, DiagnosticCode } from './diagnostics';

export type Language = 'en' | 'nl';

export function languageOf(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/**
 * Who reads a message. The editor keeps using the last valid codebook while codebook.yaml is broken and
 * says so; the command line reads the file once and has no earlier version to fall back on.
 */
export type Audience = 'editor' | 'command-line';

type Template = (a: DiagnosticArgs, audience: Audience) => string;

const list = (v: DiagnosticArgs[string], lang: Language): string => {
  const items = Array.isArray(v) ? v : v === undefined ? [] : [String(v)];
  return joinList(items.map((s) => `'${s}'`), lang, 'or');
};

/** `1 transcript`, `2 transcripts`: a number with the word for what it counts, in the singular for one. */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A count as people write it in the language: `31,608` in English, `31 608` in Dutch (with a no-break
 * space, so the number never breaks over two lines). Numbers below 1,000 are as they are.
 */
export function formatCount(n: number, lang: Language): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'nl' ? '\u00a0' : ',');
}

/** Every item, quoted: `'a', 'b' and 'c'`. */
const all = (v: DiagnosticArgs[string], lang: Language): string => joinList((Array.isArray(v) ? v : v === undefined ? [] : [String(v)]).map((s) => `'${s}'`), lang);

/** `a, b and c` / `a, b en c`; `a, b or c` / `a, b of c`. */
export function joinList(items: string[], lang: Language, word: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  const conj = word === 'and' ? (lang === 'nl' ? 'en' : 'and') : lang === 'nl' ? 'of' : 'or';
  return `${items.slice(0, -1).join(', ')} ${conj} ${items[items.length - 1]}`;
}

const en: Record<DiagnosticCode, Template> = {
  'tag.unclosed': () => "This tag is not closed: end it with ']]' on the same line.",
  'tag.malformed': (a) =>
    a.path
      ? `'${a.path}' is not a code path: use slugs of letters, digits, '-', '_' or '.', joined by '/'.`
      : 'This tag is empty: write a code path between the brackets, e.g. [[afstemmen/geduld]].',
  'passage.unclosed': (a) =>
    a.label ? `Passage '${a.label}' is never closed: end it with '}}#${a.label}' followed by its tags.` : "This passage is never closed: end it with '}}' followed by its tags.",
  'passage.unopened': (a) =>
    a.label ? `No passage '${a.label}' is open here: open it with '{{#${a.label} ' or remove this mark.` : "No passage is open here: open it with '{{' or remove this '}}'.",
  'passage.uncoded': () => "This passage has no code: put a tag right after its close, e.g. '}}[[code]]'.",
  'passage.malformed': (a) => `Passage label '${a.label}' is already open: give the overlapping passage another label.`,
  'code.unknown': (a) => {
    const s = a.suggestions as string[] | undefined;
    return s && s.length > 0
      ? `Unknown code '${a.path}'. Did you mean ${list(s, 'en')}? Or add it to codebook.yaml.`
      : `Unknown code '${a.path}': add it to codebook.yaml or correct the tag.`;
  },
  'code.alias': (a) => `'${a.path}' is an old name of '${a.replacement}': replace it with the current path.`,
  'code.deprecated': (a) => `'${a.path}' is deprecated${a.reason ? ` (${a.reason})` : ''}: code this passage with a current code.`,
  'code.merged': (a) => `'${a.path}' was merged into '${a.replacement}': replace the tag with '${a.replacement}'.`,
  'code.not-codable': (a) => {
    const s = a.suggestions as string[] | undefined;
    return `'${a.path}' only groups other codes and is not meant for passages${s && s.length ? `: use one of its subcodes, e.g. ${list(s, 'en')}` : ''}.`;
  },
  'participant.missing': (a) =>
    `This transcript names no participant: add 'participant: …' to its front matter. Its segments are counted as '${a.fallback}' until then.`,
  'frontmatter.invalid': (a) => {
    if (a.detail === 'duplicate') return `'${a.key}' is set twice in the front matter: keep one.`;
    if (a.detail === 'participant-list') return "'participant' must name one participant; list the speakers of a group interview in the codebook's project.participants.";
    if (a.detail === 'not-a-map') return "The front matter must be 'key: value' lines.";
    if (a.detail === 'too-deep') return "The front matter nests brackets ([ or {) more than 32 deep, which is no front matter Codeboom reads: keep it to a few 'key: value' lines, and check that its closing '---' is where it should be.";
    if (a.detail === 'too-long') return `The front matter runs to ${formatCount(Number(a.size), 'en')} characters, more than Codeboom reads as front matter (256 KiB): keep it to a few 'key: value' lines, and check that its closing '---' is where it should be.`;
    return `The front matter is not valid YAML: ${a.detail}.`;
  },
  'frontmatter.unclosed': () => "The front matter is not closed: end it with a line '---'.",
  'codebook.syntax': (a, audience) =>
    `${yamlProblem(a, 'en')}${audience === 'editor' ? ' Codes from the last valid version are used until it is fixed.' : ''}`,
  'codebook.schema': (a) => schemaMessage(String(a.detail ?? ''), 'en'),
  'codebook.duplicate': (a) => `'${a.key}' appears twice at this level of codebook.yaml: rename or merge one of them.`,
  'codebook.merge-target': (a) =>
    `'${a.path}' is merged into '${a.target}', which is not in the codebook${(a.suggestions as string[] | undefined)?.length ? `; did you mean ${list(a.suggestions, 'en')}?` : '.'}`,
  'codebook.merge-cycle': (a) => `Merges go round in a circle (${a.cycle}): remove one 'merged_into'.`,
  'codebook.color': (a) => `'${a.color}' is not a colour: write it as #RRGGBB, e.g. "#2a9d8f" (in quotes).`,
  'codebook.alias-conflict': (a) => `Alias '${a.alias}' is already ${a.alias === a.other ? 'the path of a code' : `an alias of '${a.other}'`}: remove it here.`,
  'codebook.pattern': (a) => {
    const rest = 'Codeboom runs patterns in RE2, which never takes more than linear time and so has none';
    if (a.unsupported === 'backreference') return `speaker_pattern uses a backreference (${a.part}): ${rest}. Write out what it should match instead; the default pattern is used until then.`;
    if (a.unsupported === 'lookaround') return `speaker_pattern uses a lookahead or lookbehind (${a.part}): ${rest}. Match that text itself, outside the group 'speaker', instead; the default pattern is used until then.`;
    return `speaker_pattern is not a valid regular expression (${a.detail}); the default pattern is used.`;
  },
  'codebook.language': (a) =>
    `Codeboom speaks Dutch (nl) and English (en), not '${a.language}': reports are written in English, with the codebook's English labels where it has them. Set project.language to nl or en.`,
  'codebook.missing': (a) => `No codebook.yaml in ${a.folder}: create one (see the README) or point to the folder that has it.`,
  'file.not-utf8': (a) =>
    a.encoding === 'UTF-16'
      ? `${a.file} is UTF-16 text (what Notepad calls "Unicode") and was skipped: save it as UTF-8: in Notepad, File > Save As, Encoding: UTF-8.`
      : `${a.file} is not UTF-8 text and was skipped: save it as UTF-8.`,
  'file.binary': (a) => `${a.file} is not a text file and was skipped.`,
  'file.unreadable': (a) =>
    a.folder
      ? `The folder ${a.file} could not be read (${a.detail}), so the transcripts in it were skipped: check that you may open it.`
      : `${a.file} could not be read (${a.detail}) and was skipped.`,
  'file.extra-bom': () =>
    'This transcript starts with a second byte-order mark (an invisible U+FEFF, left when two editors each added one), so front matter or a speaker label on its first line is not read: remove it.',
  'diagnostics.truncated': (a) =>
    `${counted(Number(a.count), 'more problem', 'more problems')} in this transcript (${truncatedBreakdown(a, 'en')}) ${Number(a.count) === 1 ? 'is' : 'are'} not listed, to keep the list usable: fix the problems above first, as they often repeat one mistake.`,
  'project.no-transcripts': (a) => {
    const none = `No file matches project.transcripts (${all(a.patterns, 'en')})`;
    if (Number(a.textFiles) > 0) {
      const n = Number(a.textFiles);
      return `${none}, but the project has ${counted(n, 'other text file', 'other text files')}, such as '${a.textExample}': add ${n === 1 ? 'its' : 'their'} folder to project.transcripts in codebook.yaml.`;
    }
    if (Number(a.documents) > 0) {
      const n = Number(a.documents);
      return `${none}. The project has ${counted(n, 'word-processor file', 'word-processor files')}, such as '${a.documentExample}': Codeboom reads plain text, so import ${n === 1 ? 'it' : 'them'} with 'codeboom import' or Import Transcripts… in the editor (.docx), or save ${n === 1 ? 'it' : 'them'} as .txt (UTF-8).`;
    }
    return `${none}: put transcripts there as .txt or .md files, or change the patterns in codebook.yaml.`;
  },
};

const nl: Record<DiagnosticCode, Template> = {
  'tag.unclosed': () => "Deze tag is niet gesloten: sluit hem af met ']]' op dezelfde regel.",
  'tag.malformed': (a) =>
    a.path
      ? `'${a.path}' is geen codepad: gebruik slugs van letters, cijfers, '-', '_' of '.', gescheiden door '/'.`
      : 'Deze tag is leeg: zet een codepad tussen de haken, bijv. [[afstemmen/geduld]].',
  'passage.unclosed': (a) =>
    a.label ? `Passage '${a.label}' wordt nergens gesloten: sluit hem af met '}}#${a.label}' en daarna de tags.` : "Deze passage wordt nergens gesloten: sluit hem af met '}}' en daarna de tags.",
  'passage.unopened': (a) =>
    a.label ? `Hier is geen passage '${a.label}' open: open hem met '{{#${a.label} ' of verwijder dit teken.` : "Hier is geen passage open: open er een met '{{' of verwijder deze '}}'.",
  'passage.uncoded': () => "Deze passage heeft geen code: zet direct na de sluiting een tag, bijv. '}}[[code]]'.",
  'passage.malformed': (a) => `Passagelabel '${a.label}' is al open: geef de overlappende passage een ander label.`,
  'code.unknown': (a) => {
    const s = a.suggestions as string[] | undefined;
    return s && s.length > 0
      ? `Onbekende code '${a.path}'. Bedoel je ${list(s, 'nl')}? Of voeg hem toe aan codebook.yaml.`
      : `Onbekende code '${a.path}': voeg hem toe aan codebook.yaml of verbeter de tag.`;
  },
  'code.alias': (a) => `'${a.path}' is een oude naam van '${a.replacement}': vervang hem door het huidige pad.`,
  'code.deprecated': (a) => `'${a.path}' is verouderd${a.reason ? ` (${a.reason})` : ''}: codeer deze passage met een actuele code.`,
  'code.merged': (a) => `'${a.path}' is samengevoegd met '${a.replacement}': vervang de tag door '${a.replacement}'.`,
  'code.not-codable': (a) => {
    const s = a.suggestions as string[] | undefined;
    return `'${a.path}' groepeert alleen andere codes en is niet bedoeld voor passages${s && s.length ? `: gebruik een van de subcodes, bijv. ${list(s, 'nl')}` : ''}.`;
  },
  'participant.missing': (a) =>
    `Dit transcript noemt geen deelnemer: zet 'participant: …' in de front matter. Tot dan tellen de segmenten als '${a.fallback}'.`,
  'frontmatter.invalid': (a) => {
    if (a.detail === 'duplicate') return `'${a.key}' staat twee keer in de front matter: houd er één.`;
    if (a.detail === 'participant-list') return "'participant' noemt één deelnemer; zet de sprekers van een groepsinterview in project.participants van het codeboek.";
    if (a.detail === 'not-a-map') return "De front matter moet uit regels 'sleutel: waarde' bestaan.";
    if (a.detail === 'too-deep') return "De front matter nest haken ([ of {) meer dan 32 diep, en zo'n front matter leest Codeboom niet: houd hem bij een paar regels 'sleutel: waarde', en kijk of de afsluitende '---' staat waar hij hoort.";
    if (a.detail === 'too-long') return `De front matter is ${formatCount(Number(a.size), 'nl')} tekens lang, meer dan Codeboom als front matter leest (256 KiB): houd hem bij een paar regels 'sleutel: waarde', en kijk of de afsluitende '---' staat waar hij hoort.`;
    return `De front matter is geen geldige YAML: ${a.detail}.`;
  },
  'frontmatter.unclosed': () => "De front matter is niet gesloten: sluit hem af met een regel '---'.",
  'codebook.syntax': (a, audience) =>
    `${yamlProblem(a, 'nl')}${audience === 'editor' ? ' De codes van de laatste geldige versie blijven in gebruik tot dit is opgelost.' : ''}`,
  'codebook.schema': (a) => schemaMessage(String(a.detail ?? ''), 'nl'),
  'codebook.duplicate': (a) => `'${a.key}' staat twee keer op dit niveau van codebook.yaml: hernoem of voeg er een samen.`,
  'codebook.merge-target': (a) =>
    `'${a.path}' is samengevoegd met '${a.target}', maar die staat niet in het codeboek${(a.suggestions as string[] | undefined)?.length ? `; bedoel je ${list(a.suggestions, 'nl')}?` : '.'}`,
  'codebook.merge-cycle': (a) => `Samenvoegingen vormen een kring (${a.cycle}): verwijder één 'merged_into'.`,
  'codebook.color': (a) => `'${a.color}' is geen kleur: schrijf hem als #RRGGBB, bijv. "#2a9d8f" (tussen aanhalingstekens).`,
  'codebook.alias-conflict': (a) => `Alias '${a.alias}' is al ${a.alias === a.other ? 'het pad van een code' : `een alias van '${a.other}'`}: verwijder hem hier.`,
  'codebook.pattern': (a) => {
    const rest = 'Codeboom voert patronen uit in RE2, dat nooit meer dan lineaire tijd neemt en ze daarom niet kent';
    if (a.unsupported === 'backreference') return `speaker_pattern gebruikt een terugverwijzing (${a.part}): ${rest}. Schrijf uit wat het moet vinden; tot dan wordt het standaardpatroon gebruikt.`;
    if (a.unsupported === 'lookaround') return `speaker_pattern gebruikt een lookahead of lookbehind (${a.part}): ${rest}. Laat het patroon die tekst zelf vinden, buiten de groep 'speaker'; tot dan wordt het standaardpatroon gebruikt.`;
    return `speaker_pattern is geen geldige reguliere expressie (${a.detail}); het standaardpatroon wordt gebruikt.`;
  },
  'codebook.language': (a) =>
    `Codeboom spreekt Nederlands (nl) en Engels (en), geen '${a.language}': rapporten worden in het Engels geschreven, met de Engelse labels van het codeboek waar die er zijn. Zet project.language op nl of en.`,
  'codebook.missing': (a) => `Geen codebook.yaml in ${a.folder}: maak er een (zie de README) of wijs de map aan die er een heeft.`,
  'file.not-utf8': (a) =>
    a.encoding === 'UTF-16'
      ? `${a.file} is UTF-16-tekst (wat Kladblok "Unicode" noemt) en is overgeslagen: sla het op als UTF-8: in Kladblok via Bestand > Opslaan als, Codering: UTF-8.`
      : `${a.file} is geen UTF-8-tekst en is overgeslagen: sla het op als UTF-8.`,
  'file.binary': (a) => `${a.file} is geen tekstbestand en is overgeslagen.`,
  'file.unreadable': (a) =>
    a.folder
      ? `De map ${a.file} kon niet gelezen worden (${a.detail}), dus de transcripten erin zijn overgeslagen: controleer of je hem mag openen.`
      : `${a.file} kon niet gelezen worden (${a.detail}) en is overgeslagen.`,
  'file.extra-bom': () =>
    'Dit transcript begint met een tweede byte-order mark (een onzichtbaar teken U+FEFF, achtergelaten doordat twee editors er elk een toevoegden), zodat front matter of een sprekerlabel op de eerste regel niet gelezen wordt: verwijder het.',
  'diagnostics.truncated': (a) =>
    `${counted(Number(a.count), 'probleem', 'problemen')} meer in dit transcript (${truncatedBreakdown(a, 'nl')}) ${Number(a.count) === 1 ? 'staat' : 'staan'} niet in de lijst, om die bruikbaar te houden: los eerst de problemen hierboven op, vaak is het één fout die zich herhaalt.`,
  'project.no-transcripts': (a) => {
    const none = `Geen enkel bestand past bij project.transcripts (${all(a.patterns, 'nl')})`;
    if (Number(a.textFiles) > 0) {
      const n = Number(a.textFiles);
      return `${none}, maar het project heeft ${counted(n, 'ander tekstbestand', 'andere tekstbestanden')}, zoals '${a.textExample}': voeg de map daarvan toe aan project.transcripts in codebook.yaml.`;
    }
    if (Number(a.documents) > 0) {
      const n = Number(a.documents);
      return `${none}. Het project heeft ${counted(n, 'tekstverwerkerbestand', 'tekstverwerkerbestanden')}, zoals '${a.documentExample}': Codeboom leest platte tekst, dus importeer ${n === 1 ? 'het' : 'ze'} met 'codeboom import' of Transcripten importeren… in de editor (.docx), of sla ${n === 1 ? 'het' : 'ze'} op als .txt (UTF-8).`;
    }
    return `${none}: zet daar transcripten als .txt- of .md-bestanden, of pas de patronen aan in codebook.yaml.`;
  },
};

/** What kept codebook.yaml from being read as YAML: the parser's words, or an alias that stands for nothing. */
function yamlProblem(a: DiagnosticArgs, lang: Language): string {
  const dutch = lang === 'nl';
  switch (a.kind) {
    case 'alias':
      return dutch
        ? `codebook.yaml is geen geldige YAML: '*${a.alias}' wordt gelezen als YAML-alias (een verwijzing naar een anker '&${a.alias}'), en zo'n anker staat er niet vóór. Is het tekst, zet het dan tussen aanhalingstekens: ${a.text}.`
        : `codebook.yaml is not valid YAML: '*${a.alias}' reads as a YAML alias (a reference to an anchor '&${a.alias}'), and no such anchor comes before it. If it is text, put it in quotes: ${a.text}.`;
    case 'alias-cycle':
      return dutch
        ? `codebook.yaml is geen geldige YAML: de alias '*${a.alias}' staat binnen zijn eigen anker '&${a.alias}', zodat de waarde nooit eindigt: schrijf de waarde uit.`
        : `codebook.yaml is not valid YAML: the alias '*${a.alias}' stands inside its own anchor '&${a.alias}', so its value would never end: write the value out.`;
    case 'alias-count':
      return dutch
        ? `codebook.yaml herhaalt de waarden van zijn ankers (&naam) via aliassen (*naam) meer dan ${a.max} keer, meer dan Codeboom leest: schrijf de waarden uit.`
        : `codebook.yaml repeats the values of its anchors (&name) through aliases (*name) more than ${a.max} times, more than Codeboom reads: write the values out.`;
    case 'too-deep':
      return dutch
        ? 'codebook.yaml is dieper genest dan Codeboom leest: maak de lijsten en maps minder diep.'
        : 'codebook.yaml is nested more deeply than Codeboom reads: make its lists and maps less deep.';
    default:
      return dutch ? `codebook.yaml is geen geldige YAML: ${a.detail}.` : `codebook.yaml is not valid YAML: ${a.detail}.`;
  }
}

/** `3 errors and 2 warnings` of a diagnostics.truncated: how many of each severity were left out. */
function truncatedBreakdown(a: DiagnosticArgs, lang: Language): string {
  const nl = lang === 'nl';
  const parts: string[] = [];
  if (Number(a.errors) > 0) parts.push(nl ? counted(Number(a.errors), 'fout', 'fouten') : counted(Number(a.errors), 'error', 'errors'));
  if (Number(a.warnings) > 0) parts.push(nl ? counted(Number(a.warnings), 'waarschuwing', 'waarschuwingen') : counted(Number(a.warnings), 'warning', 'warnings'));
  if (Number(a.others) > 0) parts.push(nl ? counted(Number(a.others), 'opmerking', 'opmerkingen') : counted(Number(a.others), 'note', 'notes'));
  return joinList(parts, lang);
}

function schemaMessage(detail: string, lang: Language): string {
  const [kind, field = '', extra] = detail.split(':');
  const dutch = lang === 'nl';
  switch (kind) {
    case 'unknown-field':
      return dutch
        ? `'${field}' is hier geen veld${extra ? `; bedoel je '${extra}'?` : '.'}`
        : `'${field}' is not a field here${extra ? `; did you mean '${extra}'?` : '.'}`;
    case 'missing-field':
      return dutch ? `Hier ontbreekt '${field}'.` : `'${field}' is missing here.`;
    case 'wrong-type': {
      const expected = extra ?? '';
      const words: Record<string, [string, string]> = {
        string: ['text', 'tekst'],
        boolean: ['true or false', 'true of false'],
        array: ['a list', 'een lijst'],
        object: ['a map of keys and values', 'een map van sleutels en waarden'],
        number: ['a number', 'een getal'],
      };
      const w = words[expected] ?? [expected, expected];
      return dutch ? `'${field}' moet ${w[1]} zijn.` : `'${field}' must be ${w[0]}.`;
    }
    case 'bad-slug':
      return dutch
        ? `'${field}' is geen geldige slug: gebruik letters, cijfers, '-', '_' of '.', zonder spaties of '/'.`
        : `'${field}' is not a valid slug: use letters, digits, '-', '_' or '.', without spaces or '/'.`;
    case 'bad-value':
      return dutch ? `De waarde van '${field}' is niet toegestaan.` : `The value of '${field}' is not allowed.`;
    case 'empty':
      return dutch ? `'${field}' mag niet leeg zijn.` : `'${field}' must not be empty.`;
    case 'repeated':
      return dutch ? `'${field}' bevat een waarde twee keer.` : `'${field}' holds a value twice.`;
    case 'root':
      return dutch ? "codebook.yaml moet een map zijn met ten minste 'codes:'." : "codebook.yaml must be a map with at least 'codes:'.";
    default:
      return dutch ? `'${field}' klopt niet met het schema van het codeboek.` : `'${field}' does not fit the codebook's schema.`;
  }
}

export function diagnosticMessage(d: Pick<Diagnostic, 'code' | 'args'>, lang: Language = 'en', audience: Audience = 'editor'): string {
  return (lang === 'nl' ? nl : en)[d.code](d.args, audience);
}

// ---------------------------------------------------------------------------------------------------------
// Words of the editor features and of refusals, in both languages.

type Words = Record<string, (a: Record<string, string | number>) => string>;

const wordsEn: Words = {
  segmentCount: (a) => `${formatCount(Number(a.segments), 'en')} ${Number(a.segments) === 1 ? 'segment' : 'segments'} · ${formatCount(Number(a.participants), 'en')} of ${formatCount(Number(a.total), 'en')} participants`,
  definition: () => 'Definition',
  whenToUse: () => 'When to use',
  whenNotToUse: () => 'When not to use',
  example: () => 'Example',
  groupingCode: () => 'Groups other codes; not meant for passages.',
  deprecated: () => 'Deprecated',
  aliasOf: (a) => `Old name of \`${a.path}\`.`,
  mergedInto: (a) => `Merged into \`${a.path}\`.`,
  memo: () => 'Memo',
  replaceWith: (a) => `Replace with '${a.path}'`,
  replaceEverywhere: (a) => `Replace '${a.from}' with '${a.path}' in every transcript`,
  addToCodebook: (a) => `Add '${a.path}' to the codebook`,
  mergeInto: (a) => `Merge '${a.from}' into '${a.path}'`,
  removeExtraBom: () => 'Remove the second byte-order mark',
  indexing: () => 'Indexing transcripts',
  indexingProgress: (a) => `${a.done} of ${a.total}`,
  notCodable: () => 'groups codes',
  'refuse.unknown-code': (a) => `'${a.path}' is not a code of the codebook.`,
  'refuse.invalid-path': (a) => `'${a.path}' is not a code path: use slugs of letters, digits, '-', '_' or '.', joined by '/'.`,
  'refuse.exists': (a) => `'${a.path}' already exists: choose another name, or merge the two codes instead.`,
  'refuse.other-parent': (a) => `Renaming keeps a code under its parent: '${a.path}' can become '${a.newPath}' only by moving it in codebook.yaml.`,
  'refuse.same-code': (a) => `A code cannot be merged into itself ('${a.path}').`,
  'refuse.has-subcodes': (a) => `'${a.path}' has subcodes: merge or move them first.`,
  'refuse.into-subcode': (a) => `'${a.path}' cannot be merged into its own subcode '${a.into}'.`,
  'refuse.codebook': (a) => String(a.detail),
  'internal-error': (a) => `Codeboom could not answer ${a.request} (${a.detail}): this is a fault in Codeboom; the log has the details to report it with.`,
  'refuse.unit': (a) => `'${a.unit}' is not a unit: use overlap, paragraph, turn or window:N.`,
  'refuse.not-a-code': () => 'Put the cursor on a tag or on a code in codebook.yaml to rename it.',
  'refuse.broken-codebook': () => 'codebook.yaml has errors: fix them before renaming or merging codes.',
  'refuse.agreement-needs-disk': () =>
    'Agreement between coders reads other folders and git, which this editor cannot reach: run it in desktop VS Code or with codeboom agreement.',
  'refuse.not-a-transcript': () => 'This file is not a transcript of a project with a codebook.yaml: open one of its transcripts to code it.',
  'refuse.not-open': () => 'Codeboom has not been given the text of this transcript: open it as a Codeboom transcript (Change Language Mode) and try again.',
  'refuse.content-modified': () => 'The transcript changed while Codeboom worked on it, so nothing was done: try again.',
  'refuse.memo-no-coding': () => 'There is no coding at the cursor: put the cursor in a coded passage or paragraph, or on its tag, to give it a memo.',
  'refuse.memo-front-matter': () => 'The front matter of this transcript cannot be read as YAML: fix it (see Problems), then add the memo.',
  'refuse.memo-broken-codebook': () => 'codebook.yaml cannot be read as YAML: fix it (see Problems), then add the memo.',
  'refuse.memo-flow-code': (a) => `'${a.path}' is written on one line in codebook.yaml ({…}), where a memo cannot be added neatly: write its fields on lines of their own, or add memo: by hand.`,
  'refuse.memo-no-project': () => 'This file is not part of a project with a codebook.yaml, so it has no memos.',
  'refuse.in-use': (a) =>
    `'${a.path}' has ${counted(Number(a.codings), 'coding', 'codings')} in ${counted(Number(a.documents), 'transcript', 'transcripts')}, so it cannot be deleted: merge it into another code or deprecate it.`,
  'refuse.merge-target': (a) => `Other codes are merged into '${a.path}' (${a.from}), so it cannot be deleted: merge it into another code or deprecate it.`,
  'refuse.entry-flow': (a) => `'${a.path}' is written inside braces ({…}) in codebook.yaml, where this change cannot keep the layout: make it by hand.`,
  'refuse.entry-shape': (a) => `codebook.yaml is written in a way this change to '${a.path}' cannot make safely: make it by hand.`,
  'refuse.same-parent': (a) => `'${a.path}' is already there.`,
  'refuse.under-itself': (a) => `'${a.path}' cannot move under itself or its own subcode '${a.parent}'.`,
  'refuse.color': (a) => `'${a.color}' is not a colour: write it as #RRGGBB, such as #2a9d8f.`,
  'refuse.empty-label': () => 'A code needs a label: type one.',
  'refuse.no-project': (a) => `Codeboom knows no project at ${a.project}: open a folder with a codebook.yaml.`,
  'media.none': () => 'This transcript names no recording: add a line such as media: audio/T09.m4a to its front matter.',
  'media.missing': (a) => `${a.path} is not in the project folder: check media: in the front matter.`,
  'media.folder': (a) => `${a.path} is a folder, not a recording: check media: in the front matter.`,
  'media.outside': (a) => `${a.path} is not inside the project folder, where the media panel plays recordings from: move it there and write its path relative to the folder, such as audio/T09.m4a.`,
  'media.not-playable': (a) => `VS Code cannot play .${a.extension} files: convert ${a.path} to .m4a or .mp3.`,
  'framing.stop': (a) => `the editor sent a message the server cannot read (${a.problem}); the server stops so that the editor can start it again.`,
  'framing.no-header': (a) => `it starts with '${a.start}' instead of a header such as Content-Length`,
  'framing.bare-lf': () => 'its header lines end in a bare line feed instead of \\r\\n',
  'framing.no-colon': (a) => `header line '${a.line}' has no ':'`,
  'framing.no-length': () => 'its header has no Content-Length',
  'framing.bad-length': (a) => `Content-Length '${a.value}' is not a number of bytes`,
  'framing.too-large': (a) => `Content-Length ${a.value} is more than the ${a.max} MB a message may have`,
  'framing.header-too-long': (a) => `its header is longer than ${a.max} KB without the empty line that ends it`,
  'framing.charset': (a) => `its charset '${a.value}' is not utf-8`,
  'framing.not-json': (a) => `the message body is not JSON: ${a.detail}`,
  'framing.not-message': () => 'the message body is JSON but not a JSON-RPC message',
};

const wordsNl: Words = {
  segmentCount: (a) => `${formatCount(Number(a.segments), 'nl')} ${Number(a.segments) === 1 ? 'segment' : 'segmenten'} · ${formatCount(Number(a.participants), 'nl')} van ${formatCount(Number(a.total), 'nl')} deelnemers`,
  definition: () => 'Definitie',
  whenToUse: () => 'Wanneer gebruiken',
  whenNotToUse: () => 'Wanneer niet gebruiken',
  example: () => 'Voorbeeld',
  groupingCode: () => 'Groepeert andere codes; niet bedoeld voor passages.',
  deprecated: () => 'Verouderd',
  aliasOf: (a) => `Oude naam van \`${a.path}\`.`,
  mergedInto: (a) => `Samengevoegd met \`${a.path}\`.`,
  memo: () => 'Memo',
  replaceWith: (a) => `Vervang door '${a.path}'`,
  replaceEverywhere: (a) => `Vervang '${a.from}' door '${a.path}' in alle transcripten`,
  addToCodebook: (a) => `Voeg '${a.path}' toe aan het codeboek`,
  mergeInto: (a) => `Voeg '${a.from}' samen met '${a.path}'`,
  removeExtraBom: () => 'Verwijder de tweede byte-order mark',
  indexing: () => 'Transcripten indexeren',
  indexingProgress: (a) => `${a.done} van ${a.total}`,
  notCodable: () => 'groepeert codes',
  'refuse.unknown-code': (a) => `'${a.path}' is geen code uit het codeboek.`,
  'refuse.invalid-path': (a) => `'${a.path}' is geen codepad: gebruik slugs van letters, cijfers, '-', '_' of '.', gescheiden door '/'.`,
  'refuse.exists': (a) => `'${a.path}' bestaat al: kies een andere naam, of voeg de twee codes samen.`,
  'refuse.other-parent': (a) => `Hernoemen houdt een code onder dezelfde bovenliggende code: '${a.path}' wordt '${a.newPath}' alleen door hem in codebook.yaml te verplaatsen.`,
  'refuse.same-code': (a) => `Een code kan niet met zichzelf worden samengevoegd ('${a.path}').`,
  'refuse.has-subcodes': (a) => `'${a.path}' heeft subcodes: voeg die eerst samen of verplaats ze.`,
  'refuse.into-subcode': (a) => `'${a.path}' kan niet worden samengevoegd met zijn eigen subcode '${a.into}'.`,
  'refuse.codebook': (a) => String(a.detail),
  'internal-error': (a) => `Codeboom kon ${a.request} niet beantwoorden (${a.detail}): dit is een fout in Codeboom; het logboek heeft de details om die te melden.`,
  'refuse.unit': (a) => `'${a.unit}' is geen eenheid: gebruik overlap, paragraph, turn of window:N.`,
  'refuse.not-a-code': () => 'Zet de cursor op een tag of op een code in codebook.yaml om die te hernoemen.',
  'refuse.broken-codebook': () => 'codebook.yaml bevat fouten: los die op voordat je codes hernoemt of samenvoegt.',
  'refuse.agreement-needs-disk': () =>
    'Overeenstemming tussen codeurs leest andere mappen en git, en daar kan deze editor niet bij: gebruik desktop-VS Code of codeboom agreement.',
  'refuse.not-a-transcript': () => 'Dit bestand is geen transcript van een project met een codebook.yaml: open een van de transcripten om te coderen.',
  'refuse.not-open': () => 'Codeboom heeft de tekst van dit transcript niet gekregen: open het als Codeboom-transcript (Taalmodus wijzigen) en probeer het opnieuw.',
  'refuse.content-modified': () => 'Het transcript veranderde terwijl Codeboom eraan werkte, dus er is niets gedaan: probeer het opnieuw.',
  'refuse.memo-no-coding': () => 'Bij de cursor staat geen codering: zet de cursor in een gecodeerde passage of alinea, of op de tag ervan, om er een memo bij te schrijven.',
  'refuse.memo-front-matter': () => 'De front matter van dit transcript is geen leesbare YAML: herstel die (zie Problemen) en voeg dan het memo toe.',
  'refuse.memo-broken-codebook': () => 'codebook.yaml is geen leesbare YAML: herstel het (zie Problemen) en voeg dan het memo toe.',
  'refuse.memo-flow-code': (a) => `'${a.path}' staat op één regel in codebook.yaml ({…}), waar een memo niet netjes bij kan: zet de velden elk op een eigen regel, of voeg memo: met de hand toe.`,
  'refuse.memo-no-project': () => 'Dit bestand hoort niet bij een project met een codebook.yaml en heeft dus geen memo\'s.',
  'refuse.in-use': (a) =>
    `'${a.path}' heeft ${counted(Number(a.codings), 'codering', 'coderingen')} in ${counted(Number(a.documents), 'transcript', 'transcripten')} en kan dus niet weg: voeg hem samen met een andere code of markeer hem als verouderd.`,
  'refuse.merge-target': (a) => `Andere codes zijn samengevoegd met '${a.path}' (${a.from}), dus hij kan niet weg: voeg hem samen met een andere code of markeer hem als verouderd.`,
  'refuse.entry-flow': (a) => `'${a.path}' staat tussen accolades ({…}) in codebook.yaml, waar deze wijziging de opmaak niet kan houden: doe het met de hand.`,
  'refuse.entry-shape': (a) => `codebook.yaml is zo geschreven dat deze wijziging van '${a.path}' niet veilig kan: doe het met de hand.`,
  'refuse.same-parent': (a) => `'${a.path}' staat daar al.`,
  'refuse.under-itself': (a) => `'${a.path}' kan niet onder zichzelf of zijn eigen subcode '${a.parent}' komen.`,
  'refuse.color': (a) => `'${a.color}' is geen kleur: schrijf hem als #RRGGBB, zoals #2a9d8f.`,
  'refuse.empty-label': () => 'Een code heeft een label nodig: typ er een.',
  'refuse.no-project': (a) => `Codeboom kent geen project op ${a.project}: open een map met een codebook.yaml.`,
  'media.none': () => 'Dit transcript noemt geen opname: voeg een regel zoals media: audio/T09.m4a toe aan de front matter.',
  'media.missing': (a) => `${a.path} staat niet in de projectmap: controleer media: in de front matter.`,
  'media.folder': (a) => `${a.path} is een map, geen opname: controleer media: in de front matter.`,
  'media.outside': (a) => `${a.path} staat niet in de projectmap, waar het mediapaneel opnamen uit afspeelt: zet de opname daar en schrijf het pad ten opzichte van die map, zoals audio/T09.m4a.`,
  'media.not-playable': (a) => `VS Code kan geen .${a.extension}-bestanden afspelen: zet ${a.path} om naar .m4a of .mp3.`,
  'framing.stop': (a) => `de editor stuurde een bericht dat de server niet kan lezen (${a.problem}); de server stopt zodat de editor hem opnieuw kan starten.`,
  'framing.no-header': (a) => `het begint met '${a.start}' in plaats van met een kop zoals Content-Length`,
  'framing.bare-lf': () => 'de kopregels eindigen op een losse regelovergang in plaats van op \\r\\n',
  'framing.no-colon': (a) => `kopregel '${a.line}' heeft geen ':'`,
  'framing.no-length': () => 'de kop heeft geen Content-Length',
  'framing.bad-length': (a) => `Content-Length '${a.value}' is geen aantal bytes`,
  'framing.too-large': (a) => `Content-Length ${a.value} is meer dan de ${a.max} MB die een bericht mag hebben`,
  'framing.header-too-long': (a) => `de kop is langer dan ${a.max} KB zonder de lege regel die hem afsluit`,
  'framing.charset': (a) => `de tekenset '${a.value}' is geen utf-8`,
  'framing.not-json': (a) => `de inhoud van het bericht is geen JSON: ${a.detail}`,
  'framing.not-message': () => 'de inhoud van het bericht is JSON maar geen JSON-RPC-bericht',
};

/** A sentence or phrase of the editor features in `lang`. */
export function words(lang: Language, key: keyof typeof wordsEn, args: Record<string, string | number> = {}): string {
  return (lang === 'nl' ? wordsNl : wordsEn)[key](args);
}
