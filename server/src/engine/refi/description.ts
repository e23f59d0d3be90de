/**
 * A code's definition, inclusion and exclusion criteria and examples (MacQueen's codebook fields) as
 * the one `Description` text REFI-QDA gives a code, and back. Headings are in the export's language;
 * both Dutch and English headings are read. A description without headings is a definition.
 */

export interface CodeDescription {
  definition?: string;
  whenToUse?: string;
  whenNotToUse?: string;
  examples: string[];
}

type Field = 'definition' | 'whenToUse' | 'whenNotToUse' | 'examples';

const HEADINGS: Record<string, Record<Field, string>> = {
  en: { definition: 'Definition', whenToUse: 'When to use', whenNotToUse: 'When not to use', examples: 'Examples' },
  nl: { definition: 'Definitie', whenToUse: 'Wanneer te gebruiken', whenNotToUse: 'Wanneer niet te gebruiken', examples: 'Voorbeelden' },
};

/** The Description text, or undefined when the code has none of the fields. */
export function writeDescription(d: CodeDescription, language: string): string | undefined {
  const h = HEADINGS[language.split('-')[0]] ?? HEADINGS.en;
  const parts: string[] = [];
  const only = d.definition !== undefined && !d.whenToUse && !d.whenNotToUse && d.examples.length === 0;
  if (only) return d.definition;
  if (d.definition) parts.push(`${h.definition}: ${d.definition}`);
  if (d.whenToUse) parts.push(`${h.whenToUse}: ${d.whenToUse}`);
  if (d.whenNotToUse) parts.push(`${h.whenNotToUse}: ${d.whenNotToUse}`);
  if (d.examples.length > 0) parts.push(`${h.examples}:\n${d.examples.map((e) => `- ${e.replace(/\r?\n/g, ' ')}`).join('\n')}`);
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

const FIELD_OF = new Map<string, Field>();
for (const h of Object.values(HEADINGS)) for (const [field, text] of Object.entries(h)) FIELD_OF.set(text.toLowerCase(), field as Field);
const HEADING = new RegExp(`^(${[...FIELD_OF.keys()].map(escapeRegExp).join('|')})[ \\t]*:[ \\t]*`, 'i');

export function readDescription(text: string): CodeDescription {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const found: { field: Field | undefined; lines: string[] }[] = [{ field: undefined, lines: [] }];
  for (const line of lines) {
    const m = HEADING.exec(line);
    if (m) found.push({ field: FIELD_OF.get(m[1].toLowerCase()), lines: [line.slice(m[0].length)] });
    else found[found.length - 1].lines.push(line);
  }
  const result: CodeDescription = { examples: [] };
  for (const part of found) {
    const body = part.lines.join('\n').trim();
    if (!body) continue;
    switch (part.field) {
      case undefined:
      case 'definition':
        result.definition = result.definition ? `${result.definition}\n\n${body}` : body;
        break;
      case 'whenToUse':
        result.whenToUse = body;
        break;
      case 'whenNotToUse':
        result.whenNotToUse = body;
        break;
      case 'examples':
        for (const example of readExamples(body)) result.examples.push(example);
        break;
    }
  }
  return result;
}

function readExamples(body: string): string[] {
  const items: string[] = [];
  for (const line of body.split('\n')) {
    const m = /^\s*[-*•]\s+(.*)$/.exec(line);
    if (m) items.push(m[1].trim());
    else if (items.length > 0 && line.trim()) items[items.length - 1] += ` ${line.trim()}`;
    else if (line.trim()) items.push(line.trim());
  }
  return items;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
