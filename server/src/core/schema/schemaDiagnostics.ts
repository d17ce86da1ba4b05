import type { ErrorObject } from 'ajv';
import { isScalar, type Document, type Node } from 'yaml';
import type { Finding } from '../diagnostics/finding';
import { exemptionFor, pointerSegments } from './schemaExemptions';
import {
  closestName,
  duplicateItemMessage,
  missingAlternativeMessage,
  missingPropertyMessage,
  topLevelMessage,
  unknownPropertyMessage,
  valueMessage,
} from './schemaMessages';
import { validateIsmsValue } from './schemaValidator';
import { keyRange, locate, missingPropertyRange, rangeOf, valueRange, type Located, type OffsetRange } from './yamlPath';

const CODE = 'schema';

/** Errors about the object itself rather than a value; the others are "value errors". */
const OBJECT_KEYWORDS = new Set(['required', 'additionalProperties', 'anyOf', 'oneOf', 'uniqueItems']);

/** When one value has several errors, the first of these is reported. */
const VALUE_PRIORITY = ['type', 'enum', 'const', 'format', 'pattern', 'minLength', 'minimum', 'maximum'];
const priorityOf = (keyword: string): number => {
  const i = VALUE_PRIORITY.indexOf(keyword);
  return i < 0 ? VALUE_PRIORITY.length : i;
};

const isUnder = (path: string, ancestor: string): boolean => path === ancestor || path.startsWith(ancestor + '/');

/** True for errors raised inside one branch of an anyOf/oneOf: the anyOf error speaks for them. */
const insideAlternative = (error: ErrorObject): boolean => /\/(anyOf|oneOf)\/\d+(\/|$)/.test(error.schemaPath);

/**
 * Keeps one error per problem: no error that a dedicated rule owns, no error from inside
 * an alternative, only the type error for a value of the wrong type, one error per value,
 * and no repeats.
 */
function selectErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const relevant = errors.filter((e) => !insideAlternative(e) && exemptionFor(e) === undefined);
  const mistyped = relevant.filter((e) => e.keyword === 'type').map((e) => e.instancePath);
  const bestValueError = new Map<string, ErrorObject>();
  const seen = new Set<string>();
  const selected: ErrorObject[] = [];
  for (const error of relevant) {
    if (error.keyword !== 'type' && mistyped.some((path) => isUnder(error.instancePath, path))) continue;
    if (OBJECT_KEYWORDS.has(error.keyword)) {
      const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
      if (!seen.has(key)) {
        seen.add(key);
        selected.push(error);
      }
      continue;
    }
    const current = bestValueError.get(error.instancePath);
    if (!current || priorityOf(error.keyword) < priorityOf(current.keyword)) bestValueError.set(error.instancePath, error);
  }
  return dropMisspelledRequired([...selected, ...bestValueError.values()]);
}

/**
 * A misspelled key (`nme:` for `name:`) is one problem, not two: the unknown-property
 * finding suggests the right name, so "needs a 'name'" is not reported as well.
 */
function dropMisspelledRequired(errors: ErrorObject[]): ErrorObject[] {
  const suggested = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const allowed = Object.keys((error.parentSchema?.['properties'] as object | undefined) ?? {});
    const suggestion = closestName(String(error.params['additionalProperty']), allowed);
    if (suggestion) suggested.add(`${error.instancePath}/${suggestion}`);
  }
  if (suggested.size === 0) return errors;
  return errors.filter((error) => {
    if (error.keyword === 'required') return !suggested.has(`${error.instancePath}/${String(error.params['missingProperty'])}`);
    if (error.keyword === 'anyOf') return !alternativeNames(error).some((name) => suggested.has(`${error.instancePath}/${name}`));
    return true;
  });
}

/** The property names of an anyOf whose branches each require one property. */
function alternativeNames(error: ErrorObject): string[] {
  const branches = error.parentSchema?.['anyOf'];
  if (!Array.isArray(branches)) return [];
  return branches.flatMap((b: { required?: unknown }) => (Array.isArray(b.required) ? b.required.map(String) : []));
}

function sourceOf(located: Located): string | undefined {
  if (!located.complete) return undefined;
  const node = located.steps[located.steps.length - 1]!.node;
  return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
}

function finding(range: OffsetRange | undefined, message: string, data?: Record<string, unknown>): Finding | undefined {
  if (!range) return undefined;
  const result: Finding = { code: CODE, start: range[0], end: range[1], message };
  if (data) result.data = data;
  return result;
}

/** Turns one selected Ajv error into a finding on the narrowest node that shows it. */
function toFinding(doc: Document.Parsed, error: ErrorObject): Finding | undefined {
  const segments = pointerSegments(error.instancePath);
  const parentSchema = (error.parentSchema ?? {}) as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const property = String(error.params['additionalProperty']);
      const { message, data } = unknownPropertyMessage(segments, property, parentSchema);
      return finding(keyRange(locate(doc, [...segments, property])), message, data);
    }
    case 'required': {
      const property = String(error.params['missingProperty']);
      const message = missingPropertyMessage(segments, property, parentSchema);
      return finding(missingPropertyRange(locate(doc, segments)), message, { property });
    }
    case 'anyOf': {
      const message =
        missingAlternativeMessage(segments, parentSchema) ?? valueMessage(error, segments, sourceOf(locate(doc, segments)));
      return finding(missingPropertyRange(locate(doc, segments)), message);
    }
    case 'uniqueItems': {
      // Ajv names the two equal items i and j; the later one is the repeat.
      const index = String(Math.max(Number(error.params['i']), Number(error.params['j'])));
      const item = Array.isArray(error.data) ? (error.data as unknown[])[Number(index)] : undefined;
      return finding(valueRange(locate(doc, [...segments, index])), duplicateItemMessage(segments, item));
    }
    default: {
      const located = locate(doc, segments);
      return finding(valueRange(located), valueMessage(error, segments, sourceOf(located)));
    }
  }
}

const isPlainObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The `schema` findings of one ISMS file: JSON Schema violations placed on the node that
 * is wrong (an unknown or missing property on a key, a bad value on the value), exactly
 * one per problem, and none for what a dedicated rule reports (see schemaExemptions.ts).
 *
 * @param doc the parsed document, for ranges
 * @param value `doc.toJS({ maxAliasCount: 100 })`, computed once by the caller
 */
export function schemaFindings(doc: Document.Parsed, value: unknown): Finding[] {
  if (value === null || value === undefined) return []; // an empty or comment-only file is fine
  if (!isPlainObject(value)) {
    const contents = doc.contents as Node | null;
    const source = isScalar(contents) && typeof contents.source === 'string' ? contents.source : undefined;
    const one = finding(rangeOf(contents), topLevelMessage(value, source));
    return one ? [one] : [];
  }
  const findings: Finding[] = [];
  for (const error of selectErrors(validateIsmsValue(value))) {
    const f = toFinding(doc, error);
    if (f) findings.push(f);
  }
  // Stable: for the same range, Ajv's order (the schema's `required` order) is kept.
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}
