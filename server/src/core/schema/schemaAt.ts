/**
 * The JSON schema that applies at a YAML path (`soa` → `controls` → `*` → `status`),
 * read from the same schema files the validator uses, with `$ref`s followed across
 * files. Completion and hover use it for keys, enum values and documentation.
 */
import { ROOT_SCHEMA, SCHEMA_FILES } from './schemaValidator';

/** A schema node as the editor features read it (only the keywords they use). */
export interface SchemaNode {
  title?: string;
  description?: string;
  markdownDescription?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  enumDescriptions?: string[];
  markdownEnumDescriptions?: string[];
  examples?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  $ref?: string;
}

/** A schema node with its `$ref`s resolved (local annotations win over the target's). */
export interface ResolvedSchema {
  schema: SchemaNode;
  /** The schema file the node's structure comes from (for relative `#/…` refs below it). */
  file: string;
}

/** One step of a path: a property name, or `*` for any item of a list. */
export type SchemaSegment = string;

const MAX_REF_DEPTH = 16;

function pointer(root: unknown, fragment: string): unknown {
  if (fragment === '' || fragment === '/') return root;
  let current = root;
  for (const raw of fragment.replace(/^\//, '').split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Follows `$ref` (by bare file name and/or `#/json/pointer`) until a node without one. */
export function resolveRefs(node: SchemaNode, file: string): ResolvedSchema {
  let schema = node;
  let currentFile = file;
  for (let depth = 0; depth < MAX_REF_DEPTH && typeof schema.$ref === 'string'; depth++) {
    const [refFile, fragment = ''] = schema.$ref.split('#', 2) as [string, string?];
    const targetFile = refFile === '' ? currentFile : refFile;
    const target = pointer(SCHEMA_FILES[targetFile], fragment);
    if (target === null || typeof target !== 'object') break;
    const { $ref: _ignored, ...local } = schema;
    void _ignored;
    schema = { ...(target as SchemaNode), ...local };
    currentFile = targetFile;
  }
  return { schema, file: currentFile };
}

/** The root schema (`isms.schema.json`). */
export function rootSchema(): ResolvedSchema {
  return resolveRefs(SCHEMA_FILES[ROOT_SCHEMA] as SchemaNode, ROOT_SCHEMA);
}

/** One step down: a property of an object schema, or the items of an array schema. */
export function childSchema(parent: ResolvedSchema, segment: SchemaSegment): ResolvedSchema | undefined {
  const { schema, file } = parent;
  const child = segment === '*' ? schema.items : schema.properties?.[segment];
  if (!child || typeof child !== 'object') return undefined;
  return resolveRefs(child, file);
}

/**
 * The schema at a path below the root; numeric segments (list indexes) count as `*`.
 * Undefined when the path leaves the schema (an unknown key).
 */
export function schemaAt(path: readonly (string | number)[]): ResolvedSchema | undefined {
  let current: ResolvedSchema | undefined = rootSchema();
  for (const segment of path) {
    if (!current) return undefined;
    current = childSchema(current, typeof segment === 'number' ? '*' : segment);
  }
  return current;
}

export function hasType(schema: SchemaNode, type: string): boolean {
  return Array.isArray(schema.type) ? schema.type.includes(type) : schema.type === type;
}

/** The documentation of a schema node: its Markdown description, else its plain one. */
export function schemaDoc(schema: SchemaNode): string | undefined {
  return schema.markdownDescription ?? schema.description;
}

/** The description of one enum value (Markdown when the schema has it). */
export function enumValueDoc(schema: SchemaNode, index: number): string | undefined {
  return schema.markdownEnumDescriptions?.[index] ?? schema.enumDescriptions?.[index];
}

/** The allowed values of a node, or of its items for a list (`roles`, `reasons`), with their descriptions. */
export function allowedValues(resolved: ResolvedSchema): { value: unknown; doc: string | undefined }[] | undefined {
  let target = resolved;
  if (!target.schema.enum && hasType(target.schema, 'array')) {
    const items = childSchema(target, '*');
    if (items) target = items;
  }
  const values = target.schema.enum;
  if (!values) return undefined;
  return values.map((value, index) => ({ value, doc: enumValueDoc(target.schema, index) }));
}

/** The Markdown shown for a key: its description, then its allowed values with their meanings. */
export function schemaMarkdown(resolved: ResolvedSchema): string {
  const parts: string[] = [];
  const doc = schemaDoc(resolved.schema);
  if (doc) parts.push(doc);
  const values = allowedValues(resolved);
  if (values && values.length > 0) {
    parts.push(['Allowed values:', ...values.map((v) => `- \`${String(v.value)}\`${v.doc ? ` — ${v.doc}` : ''}`)].join('\n'));
  }
  return parts.join('\n\n');
}
