import type { ErrorObject } from 'ajv';
import validateIsms from './generated/validateIsms';

export { ROOT_SCHEMA, SCHEMA_FILES } from './schemaFiles';

/**
 * Validates the JavaScript value of one ISMS file (`doc.toJS()`) against the root schema.
 * Returns Ajv's raw errors (all of them, with `parentSchema` and `data`); an empty array
 * when the value is valid. The validator is Ajv standalone code generated at build time
 * (scripts/build-validators.ts, options in schemaCompiler.ts): nothing is compiled at run time.
 */
export function validateIsmsValue(value: unknown): ErrorObject[] {
  return validateIsms(value) ? [] : [...(validateIsms.errors ?? [])];
}
