import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { schemaFindings } from '../../server/src/core/schema/schemaDiagnostics';
import { SCHEMA_EXEMPTIONS } from '../../server/src/core/schema/schemaExemptions';
import { SCHEMA_FILES, validateIsmsValue } from '../../server/src/core/schema/schemaValidator';

/** The example of spec section 2, verbatim. */
const SPEC_EXAMPLE = `isms: 1

organization:
  name: Acme Ltd
  reviewCadence: annual            # annual | semiannual  (internal review frequency)
  approval:                        # Phase 1: senior management approval
    approvedBy: jane               # person id
    date: 2026-01-15
    budget: 60000                  # optional, number
    evidence: [EV-001]             # evidence ids

people:                            # the team; roles keep duties apart (conflict of interest)
  - id: jane
    name: Jane Doe
    email: jane@example.com        # optional
    roles: [top-management]
  - id: alice
    name: Alice Chen
    roles: [isms-manager, review-supervisor]
  - id: bob
    name: Bob Diaz
    roles: [remediation-owner]
  - id: carol
    name: Carol Evans
    roles: [verifier, internal-auditor]
# roles: top-management | isms-manager | review-supervisor | remediation-owner |
#        verifier | internal-auditor | control-owner | risk-owner

scope:
  statement: >
    Design, development and operation of the Acme SaaS platform from the London office.
  dataCategories: [customer-personal-data, financial-records, employee-records]
  # suggested: customer-personal-data | financial-records | employee-records |
  #   health-information | payment-card-data | intellectual-property | credentials
  #   (other kebab-case names are allowed)
  locations: [London HQ]
  systems: [Production AWS account, Corporate Google Workspace]
  exclusions:
    - item: Retail stores
      justification: Operated by a separate legal entity with its own ISMS.

soa:                               # Statement of Applicability (clause 6.1.3 d)
  revision: 3
  approvedBy: jane
  approvedOn: 2026-02-01
  controls:
    - id: A.5.1                    # ISO/IEC 27001:2022 Annex A id, written A.x.y
      applicable: true
      justification: Needed to direct the ISMS; required by risk R-004.
      reasons: [risk-assessment, contractual]   # optional: risk-assessment | legal |
                                               #   contractual | business
      status: implemented          # implemented | partially-implemented | planned | not-implemented
      owner: alice
      evidence: [EV-002]
    - id: A.7.4
      applicable: false
      justification: No premises in scope; the company is fully remote.

risks:                             # internal risk assessment (pre-assessment)
  - id: R-001
    title: Stolen laptop exposes customer data
    likelihood: 3                  # 1..5
    impact: 4                      # 1..5
    treatment: mitigate            # mitigate | accept | transfer | avoid
    controls: [A.8.1, A.8.24]
    owner: alice

evidence:                          # the evidence register; everything else cites these ids
  - id: EV-001
    title: Board minutes approving the ISMS programme
    link: evidence/board-minutes-2026-01.pdf     # relative path, or an https URL
    collected: 2026-01-15
    owner: jane

certificationBody:                 # Phase 2: the external auditor
  name: Example Certification Ltd
  accreditation: UKAS              # the accreditation body (ISO/IEC 17021-1, CASCO)
  accreditationNumber: "0000"

audits:
  - id: AU-2026-S1
    type: stage-1                  # pre-assessment | internal-audit | management-review |
                                   # stage-1 | stage-2 | surveillance | recertification
    date: 2026-04-01
    status: completed              # planned | completed
    auditor: Example Certification Ltd   # free text, or a person id for internal audits
    report: EV-030                 # evidence id

nonconformities:
  - id: NC-001
    audit: AU-2026-S1              # the audit that raised it
    severity: major                # major | minor
    control: A.5.15                # an Annex A id ...
    # clause: "6.1.3"              # ... or a clause of the standard's body (4.1 .. 10.2)
    description: Access reviews are not performed for production systems.
    raised: 2026-04-02
    due: 2026-05-02
    status: closed                 # open | corrected | closed
    actionPlan: Quarterly access reviews with automated revocation.
    owner: bob                     # who remediates
    verifiedBy: carol              # who verifies; must not be the owner
    correctionEvidence: [EV-040]   # evidence of correction (major and minor)
    remediationEvidence: [EV-041]  # evidence of remediation (major only)

certificate:                       # after stage 2
  number: IS 000000
  issued: 2026-06-01
  expires: 2029-05-31              # at most 3 years after issue
`;

interface Seen {
  /** The text under the finding's range. */
  at: string;
  message: string;
}

/** Parses a YAML text as the server does and returns its schema findings as text slices. */
function check(text: string): Seen[] {
  const doc = parseDocument(text);
  const findings = schemaFindings(doc, doc.toJS({ maxAliasCount: 100 }));
  for (const f of findings) assert.equal(f.code, 'schema');
  return findings.map((f) => ({ at: text.slice(f.start, f.end), message: f.message }));
}

const SOA_STATUSES = 'implemented, partially-implemented, planned, not-implemented';

describe('schema', () => {
  describe('YAML values', () => {
    it('reads unquoted dates as strings (YAML 1.2 core schema, no timestamps)', () => {
      const value = parseDocument('date: 2026-01-15\n').toJS() as { date: unknown };
      assert.equal(value.date, '2026-01-15');
    });
  });

  describe('valid documents', () => {
    it('gives no finding for the example of the specification', () => {
      assert.deepEqual(check(SPEC_EXAMPLE), []);
      assert.deepEqual(validateIsmsValue(parseDocument(SPEC_EXAMPLE).toJS()), []);
    });

    it('gives no finding for an empty or comment-only file', () => {
      assert.deepEqual(check(''), []);
      assert.deepEqual(check('# nothing yet\n'), []);
      assert.deepEqual(check('---\n'), []);
    });

    it('accepts the extension fields soa.controls[].risks and nonconformities[].rootCause', () => {
      const text = [
        'soa:',
        '  controls:',
        '    - id: A.5.1',
        '      applicable: true',
        '      justification: Needed to direct the ISMS.',
        '      risks: [R-001]',
        'nonconformities:',
        '  - id: NC-1',
        '    severity: minor',
        '    clause: "9.2"',
        '    description: Internal audit programme missing.',
        '    raised: 2026-04-02',
        '    status: open',
        '    rootCause: No owner for the audit programme.',
        '',
      ].join('\n');
      assert.deepEqual(check(text), []);
    });
  });

  describe('unknown properties', () => {
    it('reports the key, names the object, suggests the closest name and lists the allowed ones', () => {
      const text = 'soa:\n  controls:\n    - id: A.5.1\n      applicable: true\n      statuz: implemented\n';
      assert.deepEqual(check(text), [
        {
          at: 'statuz',
          message:
            "Unknown property 'statuz' in an SoA entry. Did you mean 'status'? Allowed: id, applicable, justification, reasons, status, owner, evidence, risks.",
        },
      ]);
    });

    it('reports an unknown key in a nonconformity', () => {
      const text = 'nonconformities:\n  - id: NC-1\n    severity: minor\n    control: A.5.15\n    description: Access reviews missing.\n    raised: 2026-04-02\n    status: open\n    foo: 1\n';
      assert.deepEqual(check(text), [
        {
          at: 'foo',
          message:
            "Unknown property 'foo' in a nonconformity. Allowed: id, audit, severity, control, clause, description, raised, due, status, actionPlan, owner, verifiedBy, correctionEvidence, remediationEvidence, rootCause.",
        },
      ]);
    });

    it('reports a misspelled required key once, as unknown, with the suggestion', () => {
      const text = 'people:\n  - id: jane\n    nme: Jane Doe\n';
      assert.deepEqual(check(text), [
        { at: 'nme', message: "Unknown property 'nme' in a person. Did you mean 'name'? Allowed: id, name, email, roles." },
      ]);
      const doc = parseDocument(text);
      assert.deepEqual(schemaFindings(doc, doc.toJS())[0]!.data, { property: 'nme', allowed: ['id', 'name', 'email', 'roles'], suggestion: 'name' });
      const nc = 'nonconformities:\n  - id: NC-1\n    severity: minor\n    contol: A.5.15\n    description: Access reviews missing.\n    raised: 2026-04-02\n    status: open\n';
      assert.deepEqual(
        check(nc).map((s) => s.at),
        ['contol'],
      );
    });

    it('reports an unknown top-level section', () => {
      const [f] = check('isms: 1\nsoas: {}\n');
      assert.equal(f?.at, 'soas');
      assert.match(f!.message, /^Unknown section 'soas' at the top level\. Did you mean 'soa'\? Allowed: isms, organization,/);
    });
  });

  describe('missing required properties', () => {
    it('reports on the first key of a list item (the "- id:" line)', () => {
      const text = 'people:\n  - id: jane\n    roles: [top-management]\n';
      assert.deepEqual(check(text), [{ at: 'id', message: "A person needs a 'name': the full name of the person." }]);
    });

    it('reports on the first key of the item even when it is not id', () => {
      const text = 'risks:\n  - title: Stolen laptop\n    id: R-001\n    likelihood: 3\n    impact: 4\n';
      assert.deepEqual(check(text), [
        {
          at: 'title',
          message: "A risk needs a 'treatment': the risk treatment option, one of mitigate, accept, transfer or avoid.",
        },
      ]);
    });

    it('reports on the section key for a singleton section', () => {
      const text = 'isms: 1\ncertificate:\n  number: IS 000000\n  issued: 2026-06-01\n';
      assert.deepEqual(check(text), [
        {
          at: 'certificate',
          message: "The certificate needs an 'expires': the date the certificate expires, YYYY-MM-DD; at most 3 years after issue.",
        },
      ]);
    });

    it('reports each missing property of an empty item once, on the item', () => {
      const seen = check('soa:\n  controls:\n    - {}\n');
      assert.deepEqual(
        seen.map((s) => s.at),
        ['{}', '{}'],
      );
      assert.match(seen[0]!.message, /^An SoA entry needs an 'id'/);
      assert.match(seen[1]!.message, /^An SoA entry needs an 'applicable'/);
    });

    it('reports a missing evidence link (required; not owned by the link rules)', () => {
      const text = 'evidence:\n  - id: EV-001\n    title: Board minutes\n';
      assert.deepEqual(check(text), [
        {
          at: 'id',
          message: "An evidence item needs a 'link': the location of the evidence, as a path relative to this file or an https URL.",
        },
      ]);
    });
  });

  describe('values', () => {
    it('lists the allowed values of an enum', () => {
      const text = 'soa:\n  controls:\n    - id: A.5.1\n      applicable: true\n      justification: Needed to direct the ISMS.\n      status: done\n';
      assert.deepEqual(check(text), [{ at: 'done', message: `status must be one of: ${SOA_STATUSES} (found 'done')` }]);
    });

    it('explains the date format', () => {
      const text = 'evidence:\n  - id: EV-001\n    title: Board minutes\n    link: minutes.pdf\n    collected: 15/01/2026\n';
      assert.deepEqual(check(text), [{ at: '15/01/2026', message: "collected must be a date written YYYY-MM-DD (found '15/01/2026')" }]);
    });

    it('rejects a date that is not in the calendar', () => {
      const [f] = check('certificate:\n  issued: 2026-02-30\n  expires: 2029-01-01\n');
      assert.deepEqual(f, {
        at: '2026-02-30',
        message: "issued must be a date written YYYY-MM-DD (found '2026-02-30', which is not a calendar date)",
      });
    });

    it('reports a wrong type on the value, and only the type error', () => {
      const text = 'risks:\n  - id: R-001\n    title: Stolen laptop\n    likelihood: high\n    impact: 9\n    treatment: mitigate\n';
      assert.deepEqual(check(text), [
        { at: 'high', message: "likelihood must be a whole number from 1 to 5 (found 'high')" },
        { at: '9', message: 'impact must be from 1 to 5 (found 9)' },
      ]);
    });

    it('gives one finding for a value of the wrong type that also fails its enum', () => {
      const text = 'soa:\n  controls:\n    - id: A.5.1\n      applicable: yes\n      justification: Needed to direct the ISMS.\n      status: 3\n';
      assert.deepEqual(check(text), [
        { at: 'yes', message: "applicable must be true or false (found 'yes')" },
        { at: '3', message: `status must be one of: ${SOA_STATUSES} (found 3)` },
      ]);
    });

    it('asks for quotes when a number stands where text belongs', () => {
      const text = 'certificationBody:\n  name: Example Certification Ltd\n  accreditation: UKAS\n  accreditationNumber: 0042\n';
      assert.deepEqual(check(text), [
        {
          at: '0042',
          message: 'accreditationNumber must be text (found 0042); put it in quotes, "0042", so that YAML keeps it as text',
        },
      ]);
    });

    it('reports an empty section on its key', () => {
      assert.deepEqual(check('audits:\n'), [{ at: 'audits', message: 'audits must be a list (found nothing); write [] for an empty list' }]);
    });

    it('reports a mapping where text belongs on the mapping, without trailing lines', () => {
      const text = 'soa:\n  approvedBy:\n    name: jane\n    when: today\n\n# next\nrisks: []\n';
      assert.deepEqual(check(text), [{ at: 'name: jane\n    when: today', message: 'approvedBy must be text (found a mapping)' }]);
    });

    it('reports an empty required text once', () => {
      assert.deepEqual(check('scope:\n  statement: ""\n'), [{ at: '""', message: 'statement must not be empty' }]);
    });

    it('reports a person id that is not a lowercase word', () => {
      const text = 'people:\n  - id: Jane Doe\n    name: Jane Doe\n';
      assert.deepEqual(check(text), [
        {
          at: 'Jane Doe',
          message:
            "id must be a lowercase id such as jane or j.doe: a letter followed by letters, digits, dots, underscores or hyphens (found 'Jane Doe')",
        },
      ]);
    });

    it('reports a role listed twice on the repeated entry', () => {
      const text = 'people:\n  - id: carol\n    name: Carol Evans\n    roles: [verifier, internal-auditor, verifier]\n';
      assert.deepEqual(check(text), [{ at: 'verifier', message: "roles lists 'verifier' more than once; remove the repeated entry." }]);
      const doc = parseDocument(text);
      const [f] = schemaFindings(doc, doc.toJS());
      assert.equal(f!.start, text.lastIndexOf('verifier'), 'on the repeated (second) entry');
    });

    it('reports data categories that are not kebab-case', () => {
      assert.deepEqual(check('scope:\n  statement: The platform.\n  dataCategories: [Customer Data]\n'), [
        {
          at: 'Customer Data',
          message:
            "Each entry of dataCategories must be lowercase words joined by hyphens, such as customer-personal-data (found 'Customer Data')",
        },
      ]);
    });
  });

  describe('paths that cannot be followed in the YAML tree', () => {
    it('falls back to the nearest node, an alias', () => {
      const text = 'people:\n  - &p\n    id: jane\n    name: Jane Doe\n    roles: [boss]\n  - *p\n';
      const seen = check(text);
      assert.deepEqual(
        seen.map((s) => s.at),
        ['boss', '*p'],
      );
      assert.match(seen[1]!.message, /^Each entry of roles must be one of: top-management, /);
    });

    it('unescapes JSON pointer segments (~1, ~0)', () => {
      assert.deepEqual(
        check('a/b~c: 1\n').map((s) => s.at),
        ['a/b~c'],
      );
    });
  });

  describe('top level', () => {
    it('gives exactly one finding on a list', () => {
      const text = '- id: jane\n- id: bob\n';
      assert.deepEqual(check(text), [
        {
          at: '- id: jane\n- id: bob',
          message: 'The top level of an ISMS file must be a mapping of sections such as organization:, people: and soa: (found a list).',
        },
      ]);
    });

    it('gives exactly one finding on a scalar', () => {
      assert.deepEqual(
        check('hello world\n').map((s) => s.at),
        ['hello world'],
      );
    });
  });

  describe('control or clause of a nonconformity', () => {
    const nc = (extra: string): string =>
      `nonconformities:\n  - id: NC-001\n    severity: major\n    description: Access reviews missing.\n    raised: 2026-04-02\n    status: open\n${extra}`;

    it('gives one finding when both are missing, on the item', () => {
      assert.deepEqual(check(nc('')), [
        {
          at: 'id',
          message:
            "A nonconformity needs a 'control' or a 'clause': the Annex A control the finding concerns, written A.x.y, or the clause of the standard the finding concerns, from 4.1 to 10.2.",
        },
      ]);
    });

    it('accepts either one', () => {
      assert.deepEqual(check(nc('    control: A.5.15\n')), []);
      assert.deepEqual(check(nc('    clause: "6.1.3"\n')), []);
      assert.deepEqual(check(nc('    clause: 9.2\n')), []);
    });
  });

  describe('problems owned by dedicated rules (one problem, one diagnostic)', () => {
    it('leaves the version to unsupported-version', () => {
      assert.deepEqual(check('isms: 2\n'), []);
      assert.deepEqual(check('isms: "1"\n'), []);
      assert.deepEqual(check('isms: [1]\n'), []);
    });

    it('leaves control ids to the control rules', () => {
      const text = [
        'soa:',
        '  controls:',
        '    - id: a.5.1',
        '      applicable: true',
        '      justification: Needed to direct the ISMS.',
        '    - id: 5.10',
        '      applicable: true',
        '      justification: Needed to direct the ISMS.',
        '    - id: A.9.2.1',
        '      applicable: true',
        '      justification: Needed to direct the ISMS.',
        'risks:',
        '  - id: R-001',
        '    title: Stolen laptop',
        '    likelihood: 3',
        '    impact: 4',
        '    treatment: mitigate',
        '    controls: [A.5.1, 8.1, A.99.1]',
        'nonconformities:',
        '  - id: NC-001',
        '    severity: minor',
        '    control: 5.15',
        '    description: Access reviews missing.',
        '    raised: 2026-04-02',
        '    status: open',
        '',
      ].join('\n');
      assert.deepEqual(check(text), []);
    });

    it('still reports a mapping or a list where a control id belongs', () => {
      const text = 'risks:\n  - id: R-001\n    title: Stolen laptop\n    likelihood: 3\n    impact: 4\n    treatment: mitigate\n    controls: [A.5.1, {id: A.8.1}]\n';
      assert.deepEqual(check(text), [
        { at: '{id: A.8.1}', message: 'Each entry of controls must be an Annex A control id written A.x.y, such as A.5.15 (found a mapping)' },
      ]);
    });

    it('leaves clause values to unknown-clause', () => {
      const text = 'nonconformities:\n  - id: NC-001\n    severity: minor\n    clause: "11.5"\n    description: Access reviews missing.\n    raised: 2026-04-02\n    status: open\n';
      assert.deepEqual(check(text), []);
    });

    it('leaves an empty justification and a missing or empty status to their rules', () => {
      const text = 'soa:\n  controls:\n    - id: A.5.1\n      applicable: true\n      justification: ""\n    - id: A.5.2\n      applicable: true\n      justification:\n      status:\n';
      assert.deepEqual(check(text), []);
    });

    it('leaves the evidence of a nonconformity, its plan and its verifier to the nc-* rules', () => {
      const text = [
        'nonconformities:',
        '  - id: NC-001',
        '    severity: major',
        '    control: A.5.15',
        '    description: Access reviews missing.',
        '    raised: 2026-04-02',
        '    status: closed',
        '    actionPlan: ""',
        '    verifiedBy:',
        '    correctionEvidence: []',
        '    remediationEvidence:',
        '',
      ].join('\n');
      assert.deepEqual(check(text), []);
    });

    it('leaves a missing or empty accreditation to auditor-not-accredited', () => {
      assert.deepEqual(check('certificationBody:\n  name: Example Certification Ltd\n'), []);
      assert.deepEqual(check('certificationBody:\n  name: Example Certification Ltd\n  accreditation: ""\n'), []);
    });

    it('leaves the form of a link to the link rules, but not its type', () => {
      const ev = (link: string): string => `evidence:\n  - id: EV-001\n    title: Board minutes\n    link: ${link}\n`;
      assert.deepEqual(check(ev('javascript:alert(1)')), []);
      assert.deepEqual(check(ev('""')), []);
      assert.deepEqual(
        check(ev('[a.pdf]')).map((s) => s.message),
        ['link must be text (found a list)'],
      );
    });

    it('still reports a wrong, non-empty type of a rule-covered field', () => {
      const text = 'soa:\n  controls:\n    - id: A.5.1\n      applicable: true\n      justification: [a, b]\n';
      assert.deepEqual(check(text), [{ at: '[a, b]', message: 'justification must be text (found a list)' }]);
    });

    it('documents every exemption with the rules that own it', () => {
      for (const entry of SCHEMA_EXEMPTIONS) {
        assert.match(entry.path, /^\/[A-Za-z*/]+$/);
        assert.ok(entry.rules.length > 0, entry.path);
      }
    });
  });

  describe('schema files', () => {
    const dir = path.join(__dirname, '..', '..', 'schemas');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    const load = (file: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;

    type Visit = (schema: Record<string, unknown>, where: string) => void;
    /** Calls visit on every subschema, and onProperty on every entry of every `properties`. */
    function walk(schema: unknown, where: string, visit: Visit, onProperty: Visit): void {
      if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return;
      const s = schema as Record<string, unknown>;
      visit(s, where);
      for (const [name, sub] of Object.entries((s['properties'] as Record<string, unknown>) ?? {})) {
        onProperty(sub as Record<string, unknown>, `${where}/properties/${name}`);
        walk(sub, `${where}/properties/${name}`, visit, onProperty);
      }
      for (const [name, sub] of Object.entries((s['definitions'] as Record<string, unknown>) ?? {})) {
        onProperty(sub as Record<string, unknown>, `${where}/definitions/${name}`);
        walk(sub, `${where}/definitions/${name}`, visit, onProperty);
      }
      if (s['items']) walk(s['items'], `${where}/items`, visit, onProperty);
      for (const key of ['anyOf', 'oneOf', 'allOf']) {
        if (Array.isArray(s[key])) (s[key] as unknown[]).forEach((sub, i) => walk(sub, `${where}/${key}/${i}`, visit, onProperty));
      }
    }

    it('are all registered with the validator, under their file names', () => {
      assert.deepEqual([...files].sort(), Object.keys(SCHEMA_FILES).sort());
    });

    it('give every property a description and a markdownDescription', () => {
      for (const file of files) {
        walk(load(file), file, () => undefined, (property, where) => {
          assert.equal(typeof property['description'], 'string', `${where} has no description`);
          assert.equal(typeof property['markdownDescription'], 'string', `${where} has no markdownDescription`);
        });
      }
    });

    it('give every enum enumDescriptions of the same length', () => {
      let enums = 0;
      for (const file of files) {
        walk(
          load(file),
          file,
          (schema, where) => {
            if (!Array.isArray(schema['enum'])) return;
            enums++;
            const values = schema['enum'] as unknown[];
            assert.equal((schema['enumDescriptions'] as unknown[] | undefined)?.length, values.length, `${where}: enumDescriptions`);
            if (schema['markdownEnumDescriptions'] !== undefined) {
              assert.equal((schema['markdownEnumDescriptions'] as unknown[]).length, values.length, `${where}: markdownEnumDescriptions`);
            }
          },
          () => undefined,
        );
      }
      assert.ok(enums >= 9, `only ${enums} enums found`);
    });

    it('are draft-07, without network $ids, with $refs to files of this folder', () => {
      for (const file of files) {
        const text = readFileSync(path.join(dir, file), 'utf8');
        const schema = load(file);
        assert.equal(schema['$schema'], 'http://json-schema.org/draft-07/schema#', file);
        assert.equal(schema['$id'], undefined, file);
        for (const [, target] of text.matchAll(/"\$ref": "([^"#]*)/g)) {
          if (target !== '') assert.ok(files.includes(target!), `${file}: $ref to ${target}`);
        }
      }
    });

    it('close every object (additionalProperties: false)', () => {
      for (const file of files) {
        walk(load(file), file, (schema, where) => {
          if (schema['type'] === 'object') assert.equal(schema['additionalProperties'], false, where);
        }, () => undefined);
      }
    });
  });

  describe('purity', () => {
    it('imports only yaml, ajv, ajv-formats and relative modules', () => {
      const dir = path.join(__dirname, '..', '..', 'server', 'src', 'core', 'schema');
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
        const source = readFileSync(path.join(dir, file), 'utf8');
        for (const [, target] of source.matchAll(/from '([^']+)'/g)) {
          assert.ok(['yaml', 'ajv', 'ajv-formats'].includes(target!) || target!.startsWith('.'), `${file} imports ${target}`);
        }
      }
    });
  });
});
