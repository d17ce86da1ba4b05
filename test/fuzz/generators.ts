/**
 * fast-check arbitraries for ISMS files: the example workspace and structured ISMS
 * documents, damaged by random mutations (lines deleted, duplicated, swapped, re-indented;
 * characters, BOMs, CRLFs, tabs, `---`, anchors, aliases and tags inserted; truncation),
 * and arbitrary text. A case is a small workspace plus what to ask of it (positions, a
 * rename target, a symbol query, a report), so one seed replays one whole interaction.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { CONTROL_IDS } from '../../server/src/core/catalog/annexA';
import { LEGACY_CONTROLS } from '../../server/src/core/catalog/legacy';

const ACME_DIR = path.resolve(__dirname, '../../examples/acme');

/** The example workspace's ISMS files, by file name. */
export const ACME: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    fs.readdirSync(ACME_DIR).filter((name) => name.endsWith('.isms.yaml')).sort().map((name) => [name, fs.readFileSync(path.join(ACME_DIR, name), 'utf8')]),
  ),
);

/** One interaction with a small workspace: the files, the one under test, and the questions. */
export interface FuzzCase {
  /** Which generator produced the target (for statistics and reports). */
  origin: string;
  /** Workspace files by relative path; `target` is among them. */
  files: Record<string, string>;
  target: string;
  /** Cursor places as fractions of the target's length (mapped to offsets at run time). */
  positions: number[];
  /** A position the client should not send but might (stale, past the end). */
  wildPosition: { line: number; character: number };
  renameTo: string;
  symbolQuery: string;
  report: { kind: string; format: string };
  today: string;
  /** Also ask for code actions, the phase model and a report (the costly questions). */
  heavy: boolean;
}

// ---------------------------------------------------------------------------------------
// Mutations

/** Text that breaks YAML, encodings and offsets in interesting ways. */
const NASTY = [
  '\uFEFF', '\r\n', '\r', '\t', '\n---\n', '---', '...', '\n...\n', '&a ', '*a', '&x [1, *x]', '<<: *a', '!!js/function ', '!!python/object:os.system ',
  '!custom ', '!!binary ', '!!str ', '!!int ', '!!set ', '!!omap ', '? ', ': ', '- ', '- - ', '[', ']', '{', '}', ',', '"', "'", '|', '>', '|-', '>+',
  '#', ' # isms-disable-line schema', ' # isms-disable-next-line yaml-syntax, nope', '%YAML 1.1\n', '%TAG ! tag:x,2000:\n', '\u0000', '\u0085', '\u2028',
  '\u2029', '\u00A0', '\u200B', '\u202E', '\uFFFD', '\uD800', '\uDC00', '😀', '👩‍👩‍👧', 'e\u0301', '\u{10FFFF}', '\x7f', '\x1b[31m', '<script>alert(1)</script>',
  '=cmd|"/c calc"!A1', '../../../../etc/passwd', 'file:///etc/passwd', 'javascript:alert(1)', 'https://example.com/x?a=1#f', 'A.5.1', 'A.9.2.1', '5.10',
  'a.5.1', 'A.5.99', 'EV-001', 'jane', 'AU-2026-S1', 'NC-001', 'R-001', '2026-02-30', '2026-01-15', 'TODO', 'null', '~', 'true', '0x1F', '.inf', '1e400',
  'id:', 'owner:', 'status: closed', 'applicable: false', 'controls:', 'people:', 'soa:', 'evidence:', 'isms: 2',
];

export type Mutation =
  | { op: 'delete'; line: number }
  | { op: 'duplicate'; line: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'indent'; line: number; delta: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'replace'; at: number; length: number; text: string }
  | { op: 'truncate'; at: number }
  | { op: 'crlf' }
  | { op: 'bom' }
  | { op: 'tabs'; line: number };

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const insertion = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...NASTY), { maxLength: 4 }).map((parts) => parts.join('')) },
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fraction.map((line): Mutation => ({ op: 'delete', line })) },
  { weight: 2, arbitrary: fraction.map((line): Mutation => ({ op: 'duplicate', line })) },
  { weight: 2, arbitrary: fc.tuple(fraction, fraction).map(([a, b]): Mutation => ({ op: 'swap', a, b })) },
  { weight: 3, arbitrary: fc.tuple(fraction, fc.integer({ min: -6, max: 6 })).map(([line, delta]): Mutation => ({ op: 'indent', line, delta })) },
  { weight: 6, arbitrary: fc.tuple(fraction, insertion).map(([at, text]): Mutation => ({ op: 'insert', at, text })) },
  { weight: 3, arbitrary: fc.tuple(fraction, fc.integer({ min: 1, max: 12 }), insertion).map(([at, length, text]): Mutation => ({ op: 'replace', at, length, text })) },
  { weight: 1, arbitrary: fraction.map((at): Mutation => ({ op: 'truncate', at })) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ op: 'crlf' }) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ op: 'bom' }) },
  { weight: 1, arbitrary: fraction.map((line): Mutation => ({ op: 'tabs', line })) },
);

/** Applies mutations in order; positions are fractions so that any list applies to any text. */
export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) out = applyMutation(out, m);
  return out;
}

function applyMutation(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const lineAt = (f: number) => Math.min(lines.length - 1, Math.floor(f * lines.length));
  const offsetAt = (f: number) => Math.floor(f * (text.length + 1));
  switch (m.op) {
    case 'delete':
      lines.splice(lineAt(m.line), 1);
      return lines.join('\n');
    case 'duplicate': {
      const i = lineAt(m.line);
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    }
    case 'swap': {
      const a = lineAt(m.a);
      const b = lineAt(m.b);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'indent': {
      const i = lineAt(m.line);
      lines[i] = m.delta >= 0 ? ' '.repeat(m.delta) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-m.delta}}`), '');
      return lines.join('\n');
    }
    case 'tabs': {
      const i = lineAt(m.line);
      lines[i] = lines[i]!.replace(/^ +/, (s) => '\t'.repeat(Math.max(1, s.length >> 1)));
      return lines.join('\n');
    }
    case 'insert': {
      const at = offsetAt(m.at);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'replace': {
      const at = offsetAt(m.at);
      return text.slice(0, at) + m.text + text.slice(at + m.length);
    }
    case 'truncate':
      return text.slice(0, offsetAt(m.at));
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'bom':
      return text.startsWith('\uFEFF') ? text : '\uFEFF' + text;
  }
}

// ---------------------------------------------------------------------------------------
// Structured ISMS documents: plausible shapes with values drawn from small pools, so that
// ids cross-reference, dates compare and rules fire; now and then a value of the wrong type.
// A few values hold acting or invisible characters (ESC, a bidi override, a zero-width
// space, a line break), which every label, title, name and hover must show escaped.

const PEOPLE = ['jane', 'alice', 'bob', 'carol', 'dave', 'Jane', 'x-y', 'ja\u200bne', 'e\u202eve'];
const EVIDENCE = ['EV-001', 'EV-002', 'EV-003', 'EV-040', 'EV-404', 'EV-\x1b[31m1', 'EV-\n2'];
const AUDITS = ['AU-1', 'AU-2', 'AU-3', 'AU-2026-S1'];
const RISKS = ['R-001', 'R-002', 'R-003'];
const ROLES = ['top-management', 'isms-manager', 'review-supervisor', 'remediation-owner', 'verifier', 'internal-auditor', 'control-owner', 'risk-owner', 'boss'];
const AUDIT_TYPES = ['pre-assessment', 'internal-audit', 'management-review', 'stage-1', 'stage-2', 'surveillance', 'recertification', 'party'];
const STATUSES = ['implemented', 'partially-implemented', 'planned', 'not-implemented', 'done'];
const LINKS = [
  'evidence/policy.pdf', 'evidence/missing.pdf', '../../outside.pdf', '/etc/passwd', 'C:\\secret.txt', 'http://example.com/x', 'https://example.com/x#frag',
  'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'evidence', 'https://', '%zz', 'evidence/a b.pdf',
];

/** Mostly one of `values`, sometimes any JSON value (the wrong type on purpose). */
function usually<T>(values: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 12, arbitrary: values }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
}

const date = usually(
  fc.oneof(
    fc.constantFrom('2024-01-01', '2025-11-28', '2026-01-15', '2026-04-01', '2026-05-02', '2026-06-01', '2026-11-28', '2029-05-31', '2029-06-01', '2026-02-30', '2026-1-5', 'soon'),
    fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2032-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  ),
);
const prose = usually(
  fc.oneof(
    fc.constantFrom('TODO', 'TBD: later', 'N/A', '-', '...', 'short', 'Needed to direct the ISMS; required by risk R-004.', 'Operated by a separate legal entity with its own ISMS.', 'Name\u0000\u202e with\nbreaks'),
    fc.lorem({ maxCount: 12 }),
    fc.string({ maxLength: 40 }),
  ),
);
const person = usually(fc.constantFrom(...PEOPLE));
const evidenceIds = usually(fc.array(fc.constantFrom(...EVIDENCE), { maxLength: 3 }));
const controlId = usually(
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...CONTROL_IDS) },
    { weight: 2, arbitrary: fc.constantFrom(...LEGACY_CONTROLS.slice(0, 40).map((c) => c.id2013)) },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(5.1, 5.10, '5.10', 'a.5.1', 'A.5.99', 'A.5', 'A.8.34', 'A.8.35', 'A.5.1 ', ' A.5.1') },
  ),
);

function section<T>(fields: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<Partial<T>> {
  return fc.record(fields, { requiredKeys: [] }) as fc.Arbitrary<Partial<T>>;
}

const organization = section({
  name: prose,
  reviewCadence: usually(fc.constantFrom('annual', 'semiannual', 'weekly')),
  approval: section({ approvedBy: person, date, budget: usually(fc.integer({ min: -1, max: 100000 })), evidence: evidenceIds }),
});
const peopleList = fc.array(section({ id: usually(fc.constantFrom(...PEOPLE)), name: prose, email: usually(fc.emailAddress()), roles: usually(fc.subarray(ROLES)) }), { maxLength: 5 });
const scope = section({
  statement: prose,
  dataCategories: usually(fc.array(fc.constantFrom('customer-personal-data', 'financial-records', 'Not Kebab', 'credentials'), { maxLength: 3 })),
  locations: usually(fc.array(fc.string({ maxLength: 10 }), { maxLength: 2 })),
  exclusions: usually(fc.array(section({ item: prose, justification: prose }), { maxLength: 2 })),
});
const soa = section({
  revision: usually(fc.nat(10)),
  approvedBy: person,
  approvedOn: date,
  controls: usually(
    fc.array(
      section({
        id: controlId, applicable: usually(fc.boolean()), justification: prose, reasons: usually(fc.subarray(['risk-assessment', 'legal', 'contractual', 'business', 'whim'])),
        status: usually(fc.constantFrom(...STATUSES)), owner: person, evidence: evidenceIds,
      }),
      { maxLength: 12 },
    ),
  ),
});
const risks = fc.array(
  section({
    id: usually(fc.constantFrom(...RISKS)), title: prose, likelihood: usually(fc.integer({ min: 0, max: 6 })), impact: usually(fc.integer({ min: 0, max: 6 })),
    treatment: usually(fc.constantFrom('mitigate', 'accept', 'transfer', 'avoid', 'ignore')), controls: usually(fc.array(controlId, { maxLength: 3 })), owner: person,
  }),
  { maxLength: 3 },
);
const evidence = fc.array(
  section({ id: usually(fc.constantFrom(...EVIDENCE)), title: prose, link: usually(fc.constantFrom(...LINKS)), collected: date, owner: person }),
  { maxLength: 4 },
);
const audits = fc.array(
  section({
    id: usually(fc.constantFrom(...AUDITS)), type: usually(fc.constantFrom(...AUDIT_TYPES)), date, status: usually(fc.constantFrom('planned', 'completed', 'cancelled')),
    auditor: usually(fc.constantFrom('Example Certification Ltd', ...PEOPLE)), report: usually(fc.constantFrom(...EVIDENCE)),
  }),
  { maxLength: 4 },
);
const nonconformities = fc.array(
  section({
    id: usually(fc.constantFrom('NC-001', 'NC-002', 'NC-003')), audit: usually(fc.constantFrom(...AUDITS)), severity: usually(fc.constantFrom('major', 'minor', 'cosmic')),
    control: controlId, clause: usually(fc.constantFrom('6.1.3', '4.1', '10.2', '11.1', 6.1)), description: prose, raised: date, due: date,
    status: usually(fc.constantFrom('open', 'corrected', 'closed', 'lost')), actionPlan: prose, owner: person, verifiedBy: person,
    correctionEvidence: evidenceIds, remediationEvidence: evidenceIds,
  }),
  { maxLength: 3 },
);

const ismsObject = section({
  isms: usually(fc.constantFrom<unknown>(1, 1, 2, '1')),
  organization,
  people: peopleList,
  scope,
  soa,
  risks,
  evidence,
  certificationBody: section({ name: prose, accreditation: usually(fc.constantFrom('UKAS', '', 'DAkkS')), accreditationNumber: usually(fc.constantFrom('0000', 17)) }),
  audits,
  nonconformities,
  certificate: section({ number: prose, issued: date, expires: date }),
});

const stringifyOptions = fc.record({
  indent: fc.constantFrom(2, 2, 4, 1),
  lineWidth: fc.constantFrom(0, 40, 80),
  collectionStyle: fc.constantFrom<'any' | 'block' | 'flow'>('any', 'any', 'block', 'flow'),
  defaultStringType: fc.constantFrom<'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL'>('PLAIN', 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL'),
});

/** A structured ISMS document as YAML text, in one of several styles. */
export const structuredIsms: fc.Arbitrary<string> = fc.tuple(ismsObject, stringifyOptions).map(([object, options]) => {
  try {
    return stringify(object, options);
  } catch {
    return stringify(object);
  }
});

// ---------------------------------------------------------------------------------------
// Arbitrary text

const YAML_TOKENS = [
  'people:', 'soa:', 'controls:', '- id: ', 'A.5.1', 'applicable: ', 'true', 'justification: ', 'status: ', 'evidence: ', '[', ']', '{', '}', ', ', ': ', '- ',
  '\n', '\n  ', '\n    ', '\t', '#', '&a', '*a', '!!str', '"', "'", '|', '>', '---', '...', '?', 'EV-001', 'jane', '2026-01-15', ' ', '\r\n', '\uFEFF', '%YAML 1.2',
];

export const arbitraryText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 60 }).map((tokens) => tokens.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(' ', '-', ':', '[', ']', '{', '}', '\n', 'a', '#', '"', "'", '&', '*', '!', '|', '>', '?', ','), maxLength: 200 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('utf8')) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')) },
);

// ---------------------------------------------------------------------------------------
// Whole cases

const ACME_NAMES = Object.keys(ACME);
const mutations = fc.array(mutation, { minLength: 1, maxLength: 8 });

interface Target {
  origin: string;
  files: Record<string, string>;
  target: string;
}

/** An example file damaged, alone or with the rest of the example workspace beside it. */
const mutatedAcme: fc.Arbitrary<Target> = fc.tuple(fc.constantFrom(...ACME_NAMES), mutations, fc.subarray(ACME_NAMES, { maxLength: 2 })).map(([name, ms, others]) => ({
  origin: 'acme',
  files: { ...Object.fromEntries(others.map((other) => [other, ACME[other]!])), [name]: applyMutations(ACME[name]!, ms) },
  target: name,
}));

/** A structured document, mutated or not, possibly beside a second one (duplicates across files). */
const mutatedStructured: fc.Arbitrary<Target> = fc
  .tuple(structuredIsms, fc.array(mutation, { maxLength: 4 }), fc.option(structuredIsms, { nil: undefined }))
  .map(([text, ms, other]) => ({
    origin: 'structured',
    files: { 'main.isms.yaml': applyMutations(text, ms), ...(other === undefined ? {} : { 'sub/other.isms.yml': other }) },
    target: 'main.isms.yaml',
  }));

const textTarget: fc.Arbitrary<Target> = arbitraryText.map((text) => ({ origin: 'text', files: { 'x.isms.yaml': text }, target: 'x.isms.yaml' }));

const REPORT_KINDS = ['soa', 'pre-assessment', 'nonconformities'];
const REPORT_FORMATS = ['md', 'html', 'csv'];

/** Every kind of case, weighted towards damaged real content. */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc
  .record({
    target: fc.oneof({ weight: 5, arbitrary: mutatedAcme }, { weight: 4, arbitrary: mutatedStructured }, { weight: 2, arbitrary: textTarget }),
    positions: fc.array(fraction, { minLength: 1, maxLength: 4 }),
    wildPosition: fc.record({ line: fc.integer({ min: -1, max: 5000 }), character: fc.integer({ min: -1, max: 5000 }) }),
    renameTo: fc.oneof(fc.constantFrom('bob', 'EV-999', 'A.5.2', 'new-id', '', ' ', 'a b', 'x: y', '"q"', '- z', '#c', '\n', 'jane', 'bo\u200bb', 'x\u202ey', '\x1b[2J'), fc.string({ maxLength: 12 })),
    symbolQuery: fc.oneof(fc.constantFrom('', 'access', 'A.5', 'EV', 'jane', '*', '.*', '(', '\\'), fc.string({ maxLength: 8 })),
    report: fc.record({ kind: fc.constantFrom(...REPORT_KINDS), format: fc.constantFrom(...REPORT_FORMATS) }),
    today: fc.constantFrom('2026-11-28', '2026-01-01', '2029-05-31', '2030-01-01'),
    heavy: fc.nat(5).map((n) => n === 0),
  })
  .map(({ target, ...rest }) => ({ ...target, ...rest }));
