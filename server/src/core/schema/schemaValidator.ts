import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import audits from '../../../../schemas/audits.schema.json';
import certificate from '../../../../schemas/certificate.schema.json';
import certificationBody from '../../../../schemas/certification-body.schema.json';
import common from '../../../../schemas/common.schema.json';
import evidence from '../../../../schemas/evidence.schema.json';
import isms from '../../../../schemas/isms.schema.json';
import nonconformities from '../../../../schemas/nonconformities.schema.json';
import organization from '../../../../schemas/organization.schema.json';
import people from '../../../../schemas/people.schema.json';
import risks from '../../../../schemas/risks.schema.json';
import scope from '../../../../schemas/scope.schema.json';
import soa from '../../../../schemas/soa.schema.json';

/** File name of the root schema; the section schemas are referenced from it by file name. */
export const ROOT_SCHEMA = 'isms.schema.json';

/**
 * Every schema file of `schemas/`, by file name. The files carry no `$id`: each is
 * registered under its file name, so the relative `$ref`s (`"soa.schema.json"`) resolve
 * the same way here as they do from disk in other editors.
 */
export const SCHEMA_FILES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = Object.freeze({
  'isms.schema.json': isms,
  'common.schema.json': common,
  'organization.schema.json': organization,
  'people.schema.json': people,
  'scope.schema.json': scope,
  'soa.schema.json': soa,
  'risks.schema.json': risks,
  'evidence.schema.json': evidence,
  'certification-body.schema.json': certificationBody,
  'audits.schema.json': audits,
  'nonconformities.schema.json': nonconformities,
  'certificate.schema.json': certificate,
});

/**
 * Editor annotations that Ajv does not know. They are registered as annotation-only
 * keywords so that Ajv's strict mode still rejects real typos in the schemas.
 */
const ANNOTATION_KEYWORDS = [
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'patternErrorMessage',
  'errorMessage',
  'deprecationMessage',
  'defaultSnippets',
];

function createValidator(): ValidateFunction {
  const ajv = new Ajv({
    allErrors: true,
    // parentSchema and data on each error: the messages need the allowed properties,
    // the enum values and the pattern's explanation.
    verbose: true,
    strict: true,
    // The control/clause alternative is `anyOf: [{required: [control]}, {required: [clause]}]`,
    // whose branches name properties defined by the parent: valid, but strictRequired objects.
    strictRequired: false,
    allowUnionTypes: true,
    logger: false,
  });
  addFormats(ajv, ['date', 'email']);
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword, schemaType: ['string', 'array', 'object'] });
  for (const [name, schema] of Object.entries(SCHEMA_FILES)) ajv.addSchema(schema as object, name);
  const validate = ajv.getSchema(ROOT_SCHEMA);
  if (!validate) throw new Error(`schema ${ROOT_SCHEMA} is not registered`);
  return validate;
}

// Compiled once per process, on first use. A module-level value is acceptable here
// because it is immutable: the schemas never change while the process runs.
let compiled: ValidateFunction | undefined;

/**
 * Validates the JavaScript value of one ISMS file (`doc.toJS()`) against the root schema.
 * Returns Ajv's raw errors (all of them, with `parentSchema` and `data`); an empty array
 * when the value is valid. The schema is compiled once, on the first call.
 */
export function validateIsmsValue(value: unknown): ErrorObject[] {
  compiled ??= createValidator();
  return compiled(value) ? [] : [...(compiled.errors ?? [])];
}
