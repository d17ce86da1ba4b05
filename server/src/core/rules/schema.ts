import { schemaFindings } from '../schema/schemaDiagnostics';
import type { Rule } from './rule';

/** Parse errors after which the tree is a guess; the schema would only add noise. */
const TOLERATED_PARSE_ERRORS = new Set(['DUPLICATE_KEY', 'MULTIPLE_DOCS']);

export const schema: Rule = {
  code: 'schema',
  defaultSeverity: 'error',
  example: 'status: done',
  summary: 'A value that breaks the file format: wrong type, unknown property, missing required field, value not allowed.',
  help: 'The ISMS format (schemas/isms.schema.json) fixes which properties each section has and which values they take. Correct the value or the property name; the message lists what is allowed.',
  check(ctx) {
    const { yaml, value } = ctx.file;
    if (!yaml || value === undefined || yaml.contents === null) return;
    if (yaml.errors.some((e) => !TOLERATED_PARSE_ERRORS.has(e.code))) return;
    for (const finding of schemaFindings(yaml, value)) ctx.report([finding.start, finding.end], finding.message, finding.data ? { data: finding.data } : undefined);
  },
};
