/**
 * The Ajv set-up of the schema check, for build time and tests only: the language server
 * and the CLI run the standalone code that `scripts/build-validators.ts` generates from it
 * (`generated/validateIsms.js`), so that neither loads nor runs Ajv's compiler at start-up.
 * Runtime code must not import this module, or the compiler is bundled again.
 */
import Ajv, { type CodeOptions, type Options, type ValidateFunction } from 'ajv';
import addFormats, { type FormatName } from 'ajv-formats';
import { ROOT_SCHEMA, SCHEMA_FILES } from './schemaFiles';

export const AJV_OPTIONS: Readonly<Options> = Object.freeze({
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

export const FORMATS: readonly FormatName[] = ['date', 'email'];

/**
 * Editor annotations that Ajv does not know. They are registered as annotation-only
 * keywords so that Ajv's strict mode still rejects real typos in the schemas.
 */
export const ANNOTATION_KEYWORDS: readonly string[] = [
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'patternErrorMessage',
  'errorMessage',
  'deprecationMessage',
  'defaultSnippets',
];

/**
 * An Ajv instance with every schema file registered under its file name. `code` is for
 * the standalone generator (`source`, and where the formats come from at run time).
 */
export function createAjv(code?: CodeOptions): Ajv {
  const ajv = new Ajv(code ? { ...AJV_OPTIONS, code } : { ...AJV_OPTIONS });
  addFormats(ajv, [...FORMATS]);
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword, schemaType: ['string', 'array', 'object'] });
  for (const [name, schema] of Object.entries(SCHEMA_FILES)) ajv.addSchema(schema as object, name);
  return ajv;
}

/** The root schema's validator, compiled now: the reference the generated code is tested against. */
export function compileRootValidator(code?: CodeOptions): { ajv: Ajv; validate: ValidateFunction } {
  const ajv = createAjv(code);
  const validate = ajv.getSchema(ROOT_SCHEMA);
  if (!validate) throw new Error(`schema ${ROOT_SCHEMA} is not registered`);
  return { ajv, validate };
}
