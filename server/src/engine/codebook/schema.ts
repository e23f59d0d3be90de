/**
 * Validation of a codebook's shape against codebook.schema.json (the same file editors use through
 * `yamlValidation`), turned into problems that name the field and say what is wrong. The validator is
 * compiled from the schema ahead of time (scripts/generate-validator.mjs), so starting is quick.
 */
import type { ErrorObject } from 'ajv';
import validate from './generated/codebookValidator';
import { editDistance } from '../text/similarity';

export interface ShapeProblem {
  /** JSON path of the node the problem is about. */
  path: string[];
  /** The field that is missing or not allowed, when the problem is about one. */
  property?: string;
  keyword: string;
  /** Arguments for the message (see messages.ts, `codebook.schema`). */
  message: string;
}

export function validateCodebookShape(value: unknown): ShapeProblem[] {
  if (validate(value)) return [];
  const errors = (validate.errors ?? []).filter(keep);
  const seen = new Set<string>();
  const problems: ShapeProblem[] = [];
  for (const e of errors) {
    const problem = describe(e);
    const key = `${problem.path.join('/')}|${problem.property ?? ''}|${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

/** `oneOf` reports every branch that failed; keep the one error a person can act on. */
function keep(e: ErrorObject): boolean {
  // The error inside `propertyNames` repeats the `propertyNames` error that names the key.
  if (e.propertyName !== undefined && e.keyword !== 'propertyNames') return false;
  return e.keyword !== 'oneOf' && !(e.keyword === 'type' && e.params.type === 'object' && e.schemaPath.includes('oneOf/1'));
}

const KNOWN_FIELDS = [
  'label',
  'definition',
  'when_to_use',
  'when_not_to_use',
  'examples',
  'color',
  'codable',
  'aliases',
  'deprecated',
  'merged_into',
  'memo',
  'codes',
  'language',
  'transcripts',
  'exclude',
  'speaker_pattern',
  'interviewers',
  'participants',
  'count_interviewers',
  'severity',
  'version',
  'title',
  'description',
  'project',
];

function describe(e: ErrorObject): ShapeProblem {
  const path = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const field = path[path.length - 1];
  switch (e.keyword) {
    case 'additionalProperties': {
      const property = String(e.params.additionalProperty);
      const near = KNOWN_FIELDS.map((f) => ({ f, d: editDistance(property.toLowerCase(), f) }))
        .filter((x) => x.d <= 2)
        .sort((a, b) => a.d - b.d)[0];
      return { path, property, keyword: e.keyword, message: near ? `unknown-field:${property}:${near.f}` : `unknown-field:${property}` };
    }
    case 'required':
      return { path, property: String(e.params.missingProperty), keyword: e.keyword, message: `missing-field:${String(e.params.missingProperty)}` };
    case 'type':
      return { path, keyword: e.keyword, message: `wrong-type:${field ?? ''}:${String(e.params.type)}` };
    case 'pattern':
      return { path, keyword: e.keyword, message: `bad-value:${field ?? ''}` };
    case 'propertyNames': {
      const name = String(e.params.propertyName);
      return { path, property: name, keyword: e.keyword, message: `bad-slug:${name}` };
    }
    case 'const':
    case 'enum':
      return { path, keyword: e.keyword, message: `bad-value:${field ?? ''}` };
    case 'minItems':
    case 'minProperties':
    case 'minLength':
      return { path, keyword: e.keyword, message: `empty:${field ?? ''}` };
    case 'uniqueItems':
      return { path, keyword: e.keyword, message: `repeated:${field ?? ''}` };
    default:
      return { path, keyword: e.keyword, message: `invalid:${field ?? ''}` };
  }
}
