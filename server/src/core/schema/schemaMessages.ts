/**
 * Messages for schema findings, in the words of an ISO 27001 practitioner: properties by
 * name, objects by what they are ("an SoA entry"), the allowed values listed, never a
 * JSON pointer. The schemas' own descriptions say what a missing property is for.
 */
import type { ErrorObject } from 'ajv';

type Schema = Record<string, unknown>;

/** Human names of the objects of the format, by instance path (`*` = a list index). */
const OBJECT_NAMES: Readonly<Record<string, string>> = {
  '': 'the ISMS file',
  '/organization': 'the organization',
  '/organization/approval': 'the management approval',
  '/people/*': 'a person',
  '/scope': 'the scope',
  '/scope/exclusions/*': 'a scope exclusion',
  '/soa': 'the SoA',
  '/soa/controls/*': 'an SoA entry',
  '/risks/*': 'a risk',
  '/evidence/*': 'an evidence item',
  '/certificationBody': 'the certification body',
  '/audits/*': 'an audit',
  '/nonconformities/*': 'a nonconformity',
  '/certificate': 'the certificate',
};

const isIndex = (segment: string): boolean => /^\d+$/.test(segment);

/** "a person", "the certificate", … for the object at these path segments. */
export function objectName(segments: readonly string[]): string {
  const pattern = segments.map((s) => (isIndex(s) ? '/*' : '/' + s)).join('');
  const known = OBJECT_NAMES[pattern];
  if (known) return known;
  const last = segments[segments.length - 1];
  if (last === undefined) return 'the ISMS file';
  return isIndex(last) ? `an entry of ${segments[segments.length - 2] ?? 'the list'}` : `'${last}'`;
}

interface Subject {
  text: string;
  /** A property name keeps its spelling at the start of a sentence. */
  isProperty: boolean;
}

/** What a value message talks about: the property, a list entry, or a named object. */
function subjectOf(segments: readonly string[]): Subject {
  const pattern = segments.map((s) => (isIndex(s) ? '/*' : '/' + s)).join('');
  const known = OBJECT_NAMES[pattern];
  if (known) return { text: known, isProperty: false };
  const last = segments[segments.length - 1];
  if (last === undefined) return { text: 'the ISMS file', isProperty: false };
  if (isIndex(last)) return { text: `each entry of ${segments[segments.length - 2] ?? 'the list'}`, isProperty: false };
  return { text: last, isProperty: true };
}

function sentence(subject: Subject, rest: string): string {
  const text = subject.isProperty ? subject.text : subject.text[0]!.toUpperCase() + subject.text.slice(1);
  return `${text} ${rest}`;
}

const capitalize = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
const article = (word: string): string => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/** The first sentence of a description, to follow a colon: "the person's full name". */
function purpose(description: unknown): string | undefined {
  if (typeof description !== 'string' || description === '') return undefined;
  const first = description.split(/\.(\s|$)/)[0]!.trim();
  if (first === '') return undefined;
  return /^[A-Z][a-z]/.test(first) ? first[0]!.toLowerCase() + first.slice(1) : first;
}

function propertySchema(parent: Schema, name: string): Schema | undefined {
  const properties = parent['properties'] as Record<string, Schema> | undefined;
  return properties?.[name];
}

function truncate(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 40 ? oneLine.slice(0, 39) + '…' : oneLine;
}

/**
 * How the value that was found is shown: 'text' in quotes, numbers and booleans as
 * written (`source` is the YAML text of a scalar, which keeps `0001` as typed).
 */
export function describeFound(value: unknown, source?: string): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return `'${truncate(value)}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return source || String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of properties',
  null: 'empty',
};

function typeList(schema: Schema): string[] {
  const type = schema['type'];
  return Array.isArray(type) ? type.map(String) : typeof type === 'string' ? [type] : [];
}

function rangeWords(schema: Schema): string | undefined {
  const min = schema['minimum'];
  const max = schema['maximum'];
  if (typeof min === 'number' && typeof max === 'number') return `from ${min} to ${max}`;
  if (typeof min === 'number') return `at least ${min}`;
  if (typeof max === 'number') return `at most ${max}`;
  return undefined;
}

function enumMessage(subject: Subject, schema: Schema, found: string): string {
  const allowed = (schema['enum'] as unknown[]).map(String).join(', ');
  return sentence(subject, `must be one of: ${allowed} (found ${found})`);
}

function dateMessage(subject: Subject, value: unknown, found: string): string {
  const impossible = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  return sentence(subject, `must be a date written YYYY-MM-DD (found ${found}${impossible ? ', which is not a calendar date' : ''})`);
}

function typeMessage(subject: Subject, schema: Schema, value: unknown, found: string, source?: string): string {
  if (Array.isArray(schema['enum'])) return enumMessage(subject, schema, found);
  if (schema['format'] === 'date') return dateMessage(subject, value, found);
  const types = typeList(schema);
  const explained = schema['patternErrorMessage'];
  if (types.length === 1 && types[0] === 'string' && typeof explained === 'string' && explained.startsWith('Must be ')) {
    // "must be an Annex A control id written A.x.y" says more than "must be text".
    return sentence(subject, `${explained.replace(/\.$/, '').replace(/^Must/, 'must')} (found ${found})`);
  }
  const words = types.map((t) => {
    if (t === 'object' && Array.isArray(schema['required']) && schema['required'].length > 0) {
      return `${TYPE_WORDS[t]} such as ${(schema['required'] as string[]).slice(0, 2).join(' and ')}`;
    }
    const limits = t === 'integer' || t === 'number' ? rangeWords(schema) : undefined;
    return (TYPE_WORDS[t] ?? t) + (limits ? ` ${limits}` : '');
  });
  let message = sentence(subject, `must be ${words.join(' or ')} (found ${found})`);
  if (types.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) {
    message += `; put it in quotes, "${source || String(value)}", so that YAML keeps it as text`;
  } else if (types.includes('array') && (value === null || value === undefined)) {
    message += '; write [] for an empty list';
  }
  return message;
}

function patternMessage(subject: Subject, schema: Schema, value: unknown, found: string): string {
  const explained = schema['patternErrorMessage'];
  const blank = typeof value === 'string' && value.trim() === '';
  if (typeof explained === 'string' && explained !== '') {
    const text = explained.replace(/\.$/, '');
    return sentence(subject, text[0]!.toLowerCase() + text.slice(1) + (blank ? '' : ` (found ${found})`));
  }
  return sentence(subject, `does not have the expected form (found ${found})`);
}

function formatMessage(subject: Subject, schema: Schema, value: unknown, found: string): string {
  switch (schema['format']) {
    case 'date':
      return dateMessage(subject, value, found);
    case 'email':
      return sentence(subject, `must be an email address such as jane@example.com (found ${found})`);
    default:
      return sentence(subject, `must be written as a ${String(schema['format'])} (found ${found})`);
  }
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The allowed name closest to an unknown one, when it is plausibly a typo. */
export function closestName(name: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = candidate.toLowerCase() === name.toLowerCase() ? 0 : distance(name, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(1, Math.min(2, Math.floor(name.length / 3))) ? best : undefined;
}

/** Message and quick-fix data for an unknown property. */
export function unknownPropertyMessage(
  segments: readonly string[],
  property: string,
  parentSchema: Schema,
): { message: string; data: Record<string, unknown> } {
  const allowed = Object.keys((parentSchema['properties'] as Schema | undefined) ?? {});
  const suggestion = closestName(property, allowed);
  const where = segments.length === 0 ? `Unknown section '${property}' at the top level.` : `Unknown property '${property}' in ${objectName(segments)}.`;
  const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
  const data: Record<string, unknown> = { property, allowed };
  if (suggestion) data['suggestion'] = suggestion;
  return { message: `${where}${hint} Allowed: ${allowed.join(', ')}.`, data };
}

/** "A person needs a 'name': the full name of the person." */
export function missingPropertyMessage(segments: readonly string[], property: string, parentSchema: Schema): string {
  const what = purpose(propertySchema(parentSchema, property)?.['description']);
  const needs = `${capitalize(objectName(segments))} needs ${article(property)} '${property}'`;
  return what ? `${needs}: ${what}.` : `${needs}.`;
}

/**
 * For `anyOf` alternatives that each require one property (a nonconformity's control
 * or clause): one message naming all of them; undefined for other kinds of anyOf.
 */
export function missingAlternativeMessage(segments: readonly string[], parentSchema: Schema): string | undefined {
  const branches = parentSchema['anyOf'];
  if (!Array.isArray(branches)) return undefined;
  const names: string[] = [];
  for (const branch of branches as Schema[]) {
    const required = branch['required'];
    if (Object.keys(branch).length !== 1 || !Array.isArray(required) || required.length !== 1) return undefined;
    names.push(String(required[0]));
  }
  const options = names.map((n) => `${article(n)} '${n}'`).join(' or ');
  const purposes = names.map((n) => purpose(propertySchema(parentSchema, n)?.['description'])).filter((p) => p !== undefined);
  const explained = purposes.length === names.length ? `: ${purposes.join(', or ')}` : '';
  return `${capitalize(objectName(segments))} needs ${options}${explained}.`;
}

/**
 * The message for an error about a value (type, enum, pattern, format, bounds, length).
 * `segments` is the value's path; `source` its YAML text when it is a scalar.
 */
export function valueMessage(error: ErrorObject, segments: readonly string[], source?: string): string {
  const schema = (error.parentSchema ?? {}) as Schema;
  const subject = subjectOf(segments);
  const value: unknown = error.data;
  const found = describeFound(value, source);
  switch (error.keyword) {
    case 'type':
      return typeMessage(subject, schema, value, found, source);
    case 'enum':
      return enumMessage(subject, schema, found);
    case 'const':
      return sentence(subject, `must be ${String(schema['const'])} (found ${found})`);
    case 'format':
      return formatMessage(subject, schema, value, found);
    case 'pattern':
      return patternMessage(subject, schema, value, found);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return sentence(subject, `must be ${rangeWords(schema) ?? 'within the allowed range'} (found ${found})`);
    case 'minLength':
      return sentence(subject, Number(schema['minLength']) <= 1 ? 'must not be empty' : `must be at least ${String(schema['minLength'])} characters long (found ${found})`);
    case 'maxLength':
      return sentence(subject, `must be at most ${String(schema['maxLength'])} characters long`);
    case 'minItems':
      return sentence(subject, `must list at least ${String(schema['minItems'])} ${Number(schema['minItems']) === 1 ? 'entry' : 'entries'}`);
    default:
      return sentence(subject, `is not valid: ${error.message ?? 'it does not match the schema'}`);
  }
}

/** "roles lists 'verifier' twice." for a repeated list entry. */
export function duplicateItemMessage(segments: readonly string[], item: unknown): string {
  const subject = subjectOf(segments);
  return sentence(subject, `lists ${describeFound(item)} more than once; remove the repeated entry.`);
}

/** The single message for a top level that is not a mapping. */
export function topLevelMessage(value: unknown, source?: string): string {
  return `The top level of an ISMS file must be a mapping of sections such as organization:, people: and soa: (found ${describeFound(value, source)}).`;
}
