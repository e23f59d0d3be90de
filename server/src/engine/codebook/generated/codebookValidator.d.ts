import type { ErrorObject } from 'ajv';

/** Validates a codebook against codebook.schema.json; on failure, `validate.errors` holds the problems. */
declare function validate(data: unknown): boolean;
declare namespace validate {
  let errors: ErrorObject[] | null | undefined;
}
export = validate;
