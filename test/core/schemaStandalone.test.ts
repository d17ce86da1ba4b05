/**
 * The schema check runs Ajv standalone code generated at build time
 * (scripts/build-validators.ts → server/src/core/schema/generated/). These tests keep it
 * honest: the committed code is what the generator writes from today's schemas and Ajv,
 * it reports exactly what a validator compiled now reports, and the bundles that use it
 * do not contain Ajv's compiler.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ErrorObject } from 'ajv';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { generatedFiles } from '../../scripts/build-validators';
import { compileRootValidator } from '../../server/src/core/schema/schemaCompiler';
import { SCHEMA_FILES } from '../../server/src/core/schema/schemaFiles';
import { validateIsmsValue } from '../../server/src/core/schema/schemaValidator';

const REPO = path.resolve(__dirname, '../..');

const compiled = compileRootValidator().validate;
const compiledErrors = (value: unknown): ErrorObject[] => (compiled(value) ? [] : [...(compiled.errors ?? [])]);

/** Both validators on one value: the same errors, in the same order, down to the schema objects they point at. */
function assertSameErrors(value: unknown, label: string): ErrorObject[] {
  const expected = compiledErrors(value);
  const actual = validateIsmsValue(value);
  assert.deepStrictEqual(actual, expected, label);
  actual.forEach((error, i) => {
    assert.equal(error.parentSchema, expected[i]!.parentSchema, `${label}: parentSchema of error ${i} is a copy`);
    assert.ok(error.parentSchema !== undefined && 'data' in error, `${label}: error ${i} is not verbose`);
  });
  return actual;
}

function ismsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? ismsFilesUnder(path.join(dir, e.name)) : /\.isms\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : []))
    .sort();
}

const valueOf = (text: string): unknown => parseDocument(text).toJS({ maxAliasCount: 100 });

/** The draft-07 keywords that raise errors of their own (`properties`, `items`, `$ref` pass on their subschemas'). */
const ERROR_KEYWORDS = [
  'type', 'enum', 'const', 'format', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'contains', 'additionalItems', 'required',
  'additionalProperties', 'propertyNames', 'minProperties', 'maxProperties', 'dependencies', 'anyOf', 'oneOf', 'not', 'if',
];

/** Keywords whose values are data, not schemas: an example audit's `type:` is no keyword. */
const ANNOTATION_VALUES = ['examples', 'default', 'enum', 'const', 'defaultSnippets'];

/** Documents that between them break every keyword the schemas use. */
const INVALID_DOCUMENTS: Record<string, string> = {
  'top level a list': '- a\n- b\n',
  'top level a scalar': 'just text\n',
  'unknown section and typo': 'isms: 2\norganisation: {}\nsoa: { controlz: [] }\n',
  'wrong types everywhere': 'organization: []\npeople: {}\nscope: 3\nsoa: true\nrisks: x\nevidence: 1\naudits: {}\nnonconformities: ~\ncertificate: []\ncertificationBody: []\n',
  organization: `organization:
  name: ''
  reviewCadence: weekly
  approval:
    approvedBy: Jane Doe
    date: 2026-02-30
    budget: -5
    evidence: [EV-001, EV-001, 7]
    extra: 1
`,
  people: `people:
  - id: Jane
    name: 42
    email: not-an-email
    roles: [top-management, top-management, chef]
  - nme: Bob
  - 17
`,
  scope: `scope:
  statement: "   "
  dataCategories: [Customer Data, customer-data]
  locations: []
  exclusions:
    - item: Retail
    - justification: none given
`,
  soa: `soa:
  revision: "3"
  approvedOn: yesterday
  controls:
    - id: A.5.99
      applicable: yes
      status: done
      reasons: [gut-feeling]
    - id: 5.1
    - { id: [A.5.1], applicable: false, justification: "" }
    - ~
`,
  risks: `risks:
  - id: R1
    title: Data loss
    likelihood: 6
    impact: 0
    treatment: ignore
    controls: [A.5.1, {id: A.5.2}, 12]
    owner: [alice]
  - {}
`,
  evidence: `evidence:
  - id: ev 1
    title: Policy
    link: 7
    collected: 2026-13-01
  - id: EV-002
`,
  'certification body and audits': `certificationBody:
  name: ~
  accreditation: {}
audits:
  - id: AU-1
    type: stage-3
    date: 2026/01/01
    auditors: alice
  - type: internal
`,
  nonconformities: `nonconformities:
  - id: NC-1
    audit: 3
    severity: huge
    description: Missing policy
  - id: NC-2
    control: A.5.1
    clause: "4.1"
    raised: 2026-01-01
    dueDate: nope
`,
  certificate: `certificate:
  number: 12
  issued: 2026-01-01
  expires: 2020-02-31
  unknown: true
`,
};

describe('schema validator: generated standalone code', () => {
  let generated: Map<string, string>;
  before(() => {
    generated = generatedFiles();
  });

  it('is what scripts/build-validators.ts writes from the current schemas and Ajv (run npm run build when this fails)', () => {
    for (const [file, text] of generated) {
      // A checkout with CRLF line ends is not stale.
      assert.equal(readFileSync(file, 'utf8').replace(/\r\n/g, '\n'), text, `${path.relative(REPO, file)} is stale: run npm run build (or npx tsx scripts/build-validators.ts)`);
    }
  });

  it('shares the schema objects of SCHEMA_FILES instead of embedding copies', () => {
    const code = [...generated].find(([file]) => file.endsWith('.js'))?.[1];
    assert.doesNotMatch(code!, /^const schema\d+ = [{[]/m);
    assert.match(code!, /require\("\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/schemas\/isms\.schema\.json"\)/);
  });

  describe('reports what a validator compiled now reports', () => {
    for (const [label, text] of Object.entries(INVALID_DOCUMENTS)) {
      it(label, () => {
        const errors = assertSameErrors(valueOf(text), label);
        assert.ok(errors.length > 0, `${label} is valid`);
      });
    }

    it('between them, the documents break every error-raising keyword the schemas use', () => {
      const used = new Set<string>();
      const walk = (node: unknown): void => {
        if (node === null || typeof node !== 'object') return;
        for (const [key, value] of Object.entries(node)) {
          if (ERROR_KEYWORDS.includes(key)) used.add(key);
          // Property and definition names are not keywords.
          if (key === 'properties' || key === 'definitions') Object.values(value as object).forEach(walk);
          else if (!ANNOTATION_VALUES.includes(key)) walk(value);
        }
      };
      Object.values(SCHEMA_FILES).forEach(walk);
      assert.ok(used.size >= 8, `only ${[...used].join(', ')}`);
      const broken = new Set(Object.values(INVALID_DOCUMENTS).flatMap((text) => validateIsmsValue(valueOf(text)).map((e) => e.keyword)));
      assert.deepEqual([...used].filter((k) => !broken.has(k)), [], `broken: ${[...broken].join(', ')}`);
    });

    it('the example workspaces (broken and clean)', () => {
      const files = ismsFilesUnder(path.join(REPO, 'examples'));
      assert.ok(files.length >= 8, `only ${files.length} example files`);
      let errors = 0;
      for (const file of files) errors += assertSameErrors(valueOf(readFileSync(file, 'utf8')), path.relative(REPO, file)).length;
      assert.ok(errors > 0, 'examples/broken has no schema errors');
    });

    it('the hostile-input corpus', () => {
      const dir = path.join(REPO, 'test/bad-input/corpus');
      for (const name of readdirSync(dir).sort()) {
        let value: unknown;
        try {
          value = valueOf(readFileSync(path.join(dir, name), 'utf8'));
        } catch {
          continue; // alias bombs and the like never reach the validator
        }
        assertSameErrors(value, name);
      }
    });

    it('random values at random places of a valid document', () => {
      // Every section of the clean example in one document, so that paths reach into real lists.
      const valid = Object.assign({}, ...ismsFilesUnder(path.join(REPO, 'examples/acme')).map((file) => valueOf(readFileSync(file, 'utf8')) as object));
      assert.ok(Object.keys(valid).length >= 8);
      assert.deepEqual(validateIsmsValue(valid), []);
      const scalar = fc.oneof(
        fc.constantFrom('', ' ', 'A.5.1', 'A.9.9', '2026-02-30', '2026-01-01', 'jane@example.com', 'EV-001', 'annual', 'x y'),
        fc.string({ maxLength: 8 }),
        fc.integer({ min: -3, max: 1_000_000 }),
        fc.double({ noNaN: true }),
        fc.boolean(),
        fc.constant(null),
      );
      const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.constantFrom('id', 'name', 'date', 'x'), scalar, { maxKeys: 2 }));
      const section = fc.constantFrom('organization', 'people', 'scope', 'soa', 'risks', 'evidence', 'certificationBody', 'audits', 'nonconformities', 'certificate', 'isms', 'other');
      fc.assert(
        fc.property(section, fc.array(fc.constantFrom('0', 'id', 'name', 'approval', 'controls', 'date', 'roles', 'status'), { maxLength: 3 }), value, (top, rest, replacement) => {
          const doc = structuredClone(valid) as Record<string, unknown>;
          let node: Record<string, unknown> = doc;
          for (const key of [top, ...rest].slice(0, -1)) {
            const next = node[key];
            if (next === null || typeof next !== 'object') node[key] = {};
            node = node[key] as Record<string, unknown>;
          }
          node[[top, ...rest].at(-1)!] = replacement;
          assertSameErrors(doc, JSON.stringify([top, ...rest, replacement]));
        }),
        { seed: 27001, numRuns: 300 },
      );
    });
  });

  it('reads the schemas through SCHEMA_FILES: parentSchema is an object of the schema files', () => {
    const inFiles = new Set<unknown>();
    const collect = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      inFiles.add(node);
      Object.values(node).forEach(collect);
    };
    Object.values(SCHEMA_FILES).forEach(collect);
    for (const error of validateIsmsValue(valueOf(INVALID_DOCUMENTS['people']!))) {
      assert.ok(inFiles.has(error.parentSchema), `${error.schemaPath}: parentSchema is not an object of SCHEMA_FILES`);
    }
  });

  it("the server and CLI bundles leave out Ajv's compiler", async () => {
    const result = await esbuild.build({
      entryPoints: ['server/src/lsp/serverMain.ts', 'server/src/cli/main.ts'],
      absWorkingDir: REPO,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outdir: 'out',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.some((i) => i.endsWith('schema/generated/validateIsms.js')), 'the generated validator is not bundled');
    const compiler = inputs.filter((i) => /node_modules\/ajv\/dist\/(core|ajv|compile\/)/.test(i) || /node_modules\/ajv-formats\/dist\/index/.test(i));
    assert.deepEqual(compiler, []);
  });
});
