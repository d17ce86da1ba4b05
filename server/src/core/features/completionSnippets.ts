/**
 * Snippets for completion: the insert text of a key (with a choice for enums, today for
 * dates, a list for arrays) and a whole new list item (a SoA entry, a person, a risk …)
 * with the next free id and the workspace's people and audits as choices.
 */
import { CONTROLS } from '../catalog/index';
import { formatDate } from '../dates';
import { CITATION_FIELDS, LIST_SECTIONS, type IdKind, type RefKind } from '../model/facts';
import type { WorkspaceModel } from '../model/workspaceModel';
import { childSchema, hasType, resolveRefs, type ResolvedSchema } from '../schema/schemaAt';
import type { IsmsWorkspace } from '../workspace/ismsWorkspace';

/** Fields a new item of each list gets, in this order; other lists get their required fields. */
const ITEM_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'soa.controls': ['id', 'applicable', 'justification', 'status', 'owner'],
  people: ['id', 'name', 'email', 'roles'],
  risks: ['id', 'title', 'likelihood', 'impact', 'treatment', 'controls', 'owner'],
  evidence: ['id', 'title', 'link', 'collected', 'owner'],
  audits: ['id', 'type', 'date', 'status', 'auditor'],
  nonconformities: ['id', 'audit', 'severity', 'control', 'description', 'raised', 'due', 'status', 'owner'],
};

/** Labels of the item snippets. */
export const ITEM_LABELS: Readonly<Record<string, string>> = {
  'soa.controls': 'New SoA entry',
  people: 'New person',
  risks: 'New risk',
  evidence: 'New evidence item',
  audits: 'New audit',
  nonconformities: 'New nonconformity',
};

const DEFAULT_ID_PREFIX: Readonly<Partial<Record<IdKind, string>>> = {
  risk: 'R-',
  evidence: 'EV-',
  audit: 'AU-',
  nonconformity: 'NC-',
};

/** Escapes text for a snippet placeholder or plain snippet text. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => '\\' + c);
}

function choice(n: number, values: readonly string[]): string {
  return `\${${n}|${values.map((v) => v.replace(/[\\,|$}]/g, (c) => '\\' + c)).join(',')}|}`;
}

/** A snippet without its tab stops, for clients without snippet support. */
export function plainText(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|((?:\\.|[^,|\\])*)(?:,(?:\\.|[^|\\])*)*\|\}/g, (_, first: string) => first)
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_, text: string) => text)
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\(.)/g, '$1');
}

/** The kind of id a field cites, per the one CITATION_FIELDS table (trailing list items ignored). */
export function refKindAt(path: readonly string[]): { kind: RefKind; conditional: boolean } | undefined {
  const clean = [...path];
  while (clean[clean.length - 1] === '*') clean.pop();
  const [section, ...rest] = clean;
  for (const field of CITATION_FIELDS) {
    if (field.section !== section || field.path.length !== rest.length) continue;
    if (field.path.every((segment, i) => segment === rest[i])) return { kind: field.kind, conditional: field.when !== undefined };
  }
  return undefined;
}

/** The next id in the style of the existing ones: `EV-012` after `EV-011`, `EV-001` when none. */
export function nextId(model: WorkspaceModel, kind: IdKind): string | undefined {
  const prefixDefault = DEFAULT_ID_PREFIX[kind];
  if (prefixDefault === undefined) return undefined;
  let best: { prefix: string; number: number; width: number } | undefined;
  for (const id of model.ids(kind)) {
    const m = /^(.*?)(\d+)$/.exec(id);
    if (!m) continue;
    const number = Number(m[2]);
    if (!best || number > best.number || (number === best.number && m[2]!.length > best.width)) best = { prefix: m[1]!, number, width: m[2]!.length };
  }
  if (!best) return `${prefixDefault}001`;
  return `${best.prefix}${String(best.number + 1).padStart(best.width, '0')}`;
}

/** The first control (Annex A order) that no SoA entry addresses yet. */
export function firstMissingControl(model: WorkspaceModel): string | undefined {
  const addressed = new Set(model.soaEntries.map((e) => e.id));
  return CONTROLS.find((c) => !addressed.has(c.id))?.id;
}

function idChoices(model: WorkspaceModel, kind: IdKind): string[] {
  return model.ids(kind).slice(0, 30);
}

export interface SnippetEnv {
  ws: IsmsWorkspace;
  model: WorkspaceModel;
}

/** The snippet for a value of a field (`${1|a,b|}`, today, `[${1}]` …), tab stop `n`. */
export function valueSnippet(env: SnippetEnv, fieldPath: readonly string[], schema: ResolvedSchema, n: number): string {
  const s = schema.schema;
  const field = fieldPath[fieldPath.length - 1];
  const section = fieldPath[0] ?? '';
  if (field === 'id' && fieldPath.length === 3 && fieldPath[1] === '*' && LIST_SECTIONS[section]) {
    const id = nextId(env.model, LIST_SECTIONS[section]!);
    return id ? `\${${n}:${escapeSnippet(id)}}` : `\${${n}}`;
  }
  if (fieldPath.join('.') === 'soa.controls.*.id') {
    const id = firstMissingControl(env.model);
    return id ? `\${${n}:${id}}` : `\${${n}:A.}`;
  }
  if (s.enum) return choice(n, s.enum.map(String));
  if (s.const !== undefined) return String(s.const);
  if (hasType(s, 'boolean')) return choice(n, ['true', 'false']);
  if (hasType(s, 'integer') && s.minimum !== undefined && s.maximum !== undefined) {
    const { minimum: min, maximum: max } = s;
    if (max - min <= 10) return choice(n, Array.from({ length: max - min + 1 }, (_, i) => String(min + i)));
  }
  if (s.format === 'date') return `\${${n}:${formatDate(env.ws.today())}}`;
  if (hasType(s, 'array')) return `[\${${n}}]`;
  const ref = refKindAt(fieldPath);
  if (ref && !ref.conditional && (ref.kind === 'person' || ref.kind === 'audit')) {
    const ids = idChoices(env.model, ref.kind);
    if (ids.length > 0) return choice(n, ids);
  }
  return `\${${n}}`;
}

/**
 * The lines of a new item of the list at `seqPath` (the first line without its dash,
 * the others relative to the item's first key), or undefined when the items are not maps.
 */
export function itemSnippetLines(env: SnippetEnv, seqPath: readonly string[], items: ResolvedSchema): string[] | undefined {
  const props = items.schema.properties;
  if (!props) return undefined;
  const key = seqPath.join('.');
  const fields = ITEM_FIELDS[key] ?? (items.schema.required?.length ? items.schema.required : Object.keys(props));
  const lines: string[] = [];
  let n = 1;
  for (const name of fields) {
    const raw = props[name];
    if (!raw) continue;
    const field = resolveRefs(raw, items.file);
    lines.push(`${name}: ${valueSnippet(env, [...seqPath, '*', name], field, n++)}`);
  }
  if (lines.length === 0) return undefined;
  lines[lines.length - 1] += '$0';
  return lines;
}

/** Joins item lines under a dash: `- first` then the others two columns in. */
export function dashedItem(lines: readonly string[], withDash: boolean): string {
  return (withDash ? '- ' : '') + lines.map((line, i) => (i === 0 ? line : '  ' + line)).join('\n');
}

/** The snippet inserted for a key: `key: ` plus a value skeleton that fits its schema. */
export function keySnippet(env: SnippetEnv, mapPath: readonly string[], name: string, schema: ResolvedSchema): string {
  const s = schema.schema;
  const path = [...mapPath, name];
  if (hasType(s, 'object') && s.properties) {
    // The SoA starts with its controls list; other maps with an empty line under the key.
    if (path.join('.') === 'soa') {
      const controls = childSchema(schema, 'controls');
      const items = controls && childSchema(controls, '*');
      const lines = items && itemSnippetLines(env, ['soa', 'controls'], items);
      if (lines) return `soa:\n  controls:\n${indent(dashedItem(lines, true), '    ')}`;
    }
    return `${name}:\n  $0`;
  }
  if (hasType(s, 'array')) {
    const items = childSchema(schema, '*');
    if (items && hasType(items.schema, 'object')) {
      const lines = itemSnippetLines(env, path, items);
      return lines ? `${name}:\n${indent(dashedItem(lines, true), '  ')}` : `${name}:\n  - $0`;
    }
    return `${name}: [$0]`;
  }
  return `${name}: ${valueSnippet(env, path, schema, 1)}$0`.replace(/\$\{1\}\$0$/, '$0');
}

function indent(text: string, by: string): string {
  return text.split('\n').map((line) => by + line).join('\n');
}
