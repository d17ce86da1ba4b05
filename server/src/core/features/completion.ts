/**
 * Completion for `.isms.yaml` files: keys from the schemas, enum values, control ids
 * with their titles, the ids of people, evidence, audits and risks from the whole
 * workspace, clause ids, today's date, and snippets for new list items. Works on the
 * half-typed text of an editor buffer (see completionContext.ts) and never throws on
 * a shape it does not expect: it offers nothing there.
 */
import { isScalar } from 'yaml';
import {
  CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Position, type Range,
} from 'vscode-languageserver-types';
import { CITABLE_CLAUSES, CONTROLS, clauseLabel, getTheme, type Control } from '../catalog/index';
import { formatDate } from '../dates';
import { INTERNAL_AUDIT_TYPES, LIST_SECTIONS, SINGLETON_SECTIONS, type IdKind, type Item } from '../model/facts';
import type { IsmsFile } from '../parse/ismsFile';
import { nodeAt } from '../parse/nodeAt';
import { scalarsOf, stringOf, trimmedRangeOf } from '../parse/yamlAccess';
import { hasType, resolveRefs, schemaAt, schemaMarkdown, type ResolvedSchema } from '../schema/schemaAt';
import { escapeInvisible } from '../visibleText';
import type { IsmsWorkspace } from '../workspace/ismsWorkspace';
import { completionContextAt, type BareContext, type CursorContext } from './completionContext';
import {
  ITEM_LABELS, dashedItem, itemSnippetLines, keySnippet, nextId, plainText, refKindAt, type SnippetEnv,
} from './completionSnippets';

export interface CompletionOptions {
  /** The client accepts snippets (`${1|a,b|}`); otherwise plain text is inserted. Default true. */
  snippetSupport?: boolean;
}

interface Env extends SnippetEnv {
  file: IsmsFile;
  offset: number;
  range: Range;
  snippets: boolean;
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/**
 * The completions at a position of an ISMS file of `ws`. An empty list (never an error)
 * when the file is unknown or the cursor is where nothing can be offered (a comment,
 * inside free text).
 */
export function getCompletions(ws: IsmsWorkspace, uri: string, position: Position, options: CompletionOptions = {}): CompletionList {
  const file = ws.file(uri);
  if (!file) return EMPTY;
  const offset = file.lines.offsetAt(position);
  if (insideMultilineScalar(file, offset)) return EMPTY;
  const ctx = completionContextAt(file.text, offset);
  if (!ctx) return EMPTY;
  const env: Env = { ws, model: ws.model, file, offset, snippets: options.snippetSupport !== false, range: replaceRange(file, ctx.start, ctx.end, offset) };
  const items = ctx.kind === 'value' ? valueCompletions(env, ctx) : bareCompletions(env, ctx);
  return { isIncomplete: false, items };
}

/**
 * The range completions replace. LSP requires a single-line range that contains the
 * cursor: a word that starts after the cursor (just before a quote) or spans a lone
 * `\r` line break falls back to inserting at the cursor.
 */
function replaceRange(file: IsmsFile, start: number, end: number, offset: number): Range {
  const from = file.lines.positionAt(Math.min(start, offset));
  const to = file.lines.positionAt(Math.max(end, offset));
  if (start > offset || from.line !== to.line) {
    const at = file.lines.positionAt(offset);
    return { start: at, end: at };
  }
  return { start: from, end: to };
}

/** Inside a block scalar (`>`, `|`) or on a later line of a multi-line value: free text. */
function insideMultilineScalar(file: IsmsFile, offset: number): boolean {
  const node = nodeAt(file, offset).node;
  if (!isScalar(node)) return false;
  const range = trimmedRangeOf(node, file.text);
  if (!range || offset <= range[0] || offset > range[1]) return false;
  return file.text.slice(range[0], offset).includes('\n');
}

// ── Items ────────────────────────────────────────────────────────────────

function item(env: Env, fields: Omit<CompletionItem, 'textEdit' | 'insertTextFormat'> & { newText: string; snippet?: boolean }): CompletionItem {
  const { newText, snippet, ...rest } = fields;
  const useSnippet = snippet === true && env.snippets;
  return {
    ...visible(rest),
    textEdit: { range: env.range, newText: snippet && !env.snippets ? plainText(newText) : newText },
    insertTextFormat: useSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
}

/**
 * What the list shows quotes ids, names and titles from the files: acting and invisible
 * characters in it are shown as escapes (a bidi override in a person's name would reorder
 * the line; a zero-width space would hide that two ids differ). What is inserted stays
 * the value. A label that changed filters by the value, so that what is typed still
 * matches it.
 */
function visible<T extends Omit<CompletionItem, 'textEdit' | 'insertTextFormat'>>(fields: T): T {
  const out: T = { ...fields, label: escapeInvisible(fields.label) };
  if (out.label !== fields.label) out.filterText ??= fields.label;
  if (typeof fields.detail === 'string') out.detail = escapeInvisible(fields.detail);
  if (fields.labelDetails) {
    const { detail, description } = fields.labelDetails;
    out.labelDetails = {
      ...fields.labelDetails,
      ...(detail !== undefined ? { detail: escapeInvisible(detail) } : {}),
      ...(description !== undefined ? { description: escapeInvisible(description) } : {}),
    };
  }
  const doc = fields.documentation;
  if (typeof doc === 'string') out.documentation = escapeInvisible(doc, '\n');
  else if (doc) out.documentation = { ...doc, value: escapeInvisible(doc.value, '\n') };
  return out;
}

function markdown(value: string): { kind: typeof MarkupKind.Markdown; value: string } {
  return { kind: MarkupKind.Markdown, value };
}

function sortKey(index: number, group = 0): string {
  return `${group}${String(index).padStart(4, '0')}`;
}

// ── Bare tokens: keys and new list items ─────────────────────────────────

function bareCompletions(env: Env, ctx: BareContext): CompletionItem[] {
  if (ctx.afterDash) {
    const items = schemaAt([...ctx.parentPath, '*']);
    if (!items) return [];
    if (hasType(items.schema, 'object')) {
      const out = keyCompletions(env, [...ctx.parentPath, '*'], ctx.presentKeys, ctx.colonAfter);
      if (ctx.presentKeys.size === 0 && !ctx.colonAfter) out.unshift(...itemSnippets(env, ctx.parentPath, items, false));
      return out;
    }
    return scalarItemCompletions(env, [...ctx.parentPath, '*'], ctx.listed, new Map(), '');
  }
  const container = schemaAt(ctx.parentPath);
  if (!container) return [];
  const isList = ctx.level === 'seq' || (ctx.level === undefined && hasType(container.schema, 'array') && !container.schema.properties);
  if (isList) {
    if (!hasType(container.schema, 'array')) return [];
    const items = schemaAt([...ctx.parentPath, '*']);
    if (!items) return [];
    if (hasType(items.schema, 'object')) return itemSnippets(env, ctx.parentPath, items, true);
    return scalarItemCompletions(env, [...ctx.parentPath, '*'], [], new Map(), '- ');
  }
  return keyCompletions(env, ctx.parentPath, ctx.presentKeys, ctx.colonAfter);
}

function itemSnippets(env: Env, seqPath: string[], items: ResolvedSchema, withDash: boolean): CompletionItem[] {
  const lines = itemSnippetLines(env, seqPath, items);
  if (!lines) return [];
  const key = seqPath.join('.');
  const label = ITEM_LABELS[key] ?? `New ${items.schema.title?.toLowerCase() ?? 'item'}`;
  const text = dashedItem(lines, withDash);
  return [item(env, {
    label,
    kind: CompletionItemKind.Snippet,
    detail: items.schema.title,
    documentation: markdown(['```yaml', plainText(dashedItem(lines, true)), '```'].join('\n')),
    filterText: withDash ? `- ${lines[0]!.split(':')[0]}` : lines[0]!.split(':')[0],
    sortText: sortKey(0, 0),
    newText: text,
    snippet: true,
  })];
}

function keyCompletions(env: Env, mapPath: string[], present: ReadonlySet<string>, colonAfter: boolean): CompletionItem[] {
  const map = schemaAt(mapPath);
  const props = map?.schema.properties;
  if (!map || !props) return [];
  const required = new Set(map.schema.required ?? []);
  const out: CompletionItem[] = [];
  Object.entries(props).forEach(([name, raw], index) => {
    if (present.has(name)) return;
    const child = resolveRefs(raw, map.file);
    const atRoot = mapPath.length === 0;
    let group = required.has(name) ? 1 : 2;
    let detail = child.schema.title;
    if (atRoot && (SINGLETON_SECTIONS as readonly string[]).includes(name)) {
      const elsewhere = env.model.sections(name).find((s) => s.file.uri !== env.file.uri);
      if (elsewhere) {
        group = 9;
        detail = `${detail ?? name} — already defined in ${elsewhere.file.uri.slice(elsewhere.file.uri.lastIndexOf('/') + 1)}`;
      }
    }
    out.push(item(env, {
      label: name,
      kind: atRoot ? CompletionItemKind.Module : CompletionItemKind.Property,
      detail,
      documentation: markdown(schemaMarkdown(child)),
      filterText: name,
      sortText: sortKey(index, group),
      newText: colonAfter ? name : keySnippet(env, mapPath, name, child),
      snippet: !colonAfter,
    }));
  });
  return out;
}

// ── Values ───────────────────────────────────────────────────────────────

function valueCompletions(env: Env, ctx: Extract<CursorContext, { kind: 'value' }>): CompletionItem[] {
  const schema = schemaAt(ctx.valuePath);
  const lead = ctx.needsSpace ? ' ' : '';
  if (schema && hasType(schema.schema, 'array') && !ctx.inFlowList) {
    // `controls: |` → offer the items, each inserted as a one-item flow list.
    return scalarItemCompletions(env, [...ctx.valuePath, '*'], [], ctx.siblings, lead, true);
  }
  return scalarItemCompletions(env, ctx.valuePath, ctx.listed, ctx.siblings, lead, false, ctx.quoted);
}

/** Completions for one scalar value at `valuePath` (a key's value or a list item). */
function scalarItemCompletions(
  env: Env, valuePath: string[], listed: readonly string[], siblings: ReadonlyMap<string, string>, lead: string,
  asList = false, quoted = false,
): CompletionItem[] {
  const schema = schemaAt(valuePath);
  const wrap = (text: string) => lead + (asList ? `[${text}]` : text);
  const skip = new Set(listed);
  const out: CompletionItem[] = [];
  const ref = refKindAt(valuePath);
  if (ref) {
    switch (ref.kind) {
      case 'control':
        out.push(...controlItems(env, valuePath, skip, wrap));
        break;
      case 'clause':
        out.push(...CITABLE_CLAUSES.map((clause, index) => item(env, {
          label: clause.id,
          kind: CompletionItemKind.Constant,
          detail: clauseLabel(clause),
          labelDetails: { description: clause.title },
          filterText: `${clause.id} ${clause.title}`,
          sortText: sortKey(index),
          newText: wrap(quoted ? clause.id : `"${clause.id}"`),
        })));
        break;
      case 'person':
        if (ref.conditional && !auditorIsPerson(siblings)) out.push(...certificationBodyItems(env, wrap));
        else out.push(...idItems(env, 'person', skip, wrap));
        break;
      default:
        out.push(...idItems(env, ref.kind, skip, wrap));
    }
  }
  const [section, , field] = valuePath;
  if (valuePath.length === 3 && field === 'id' && section && LIST_SECTIONS[section]) {
    const id = nextId(env.model, LIST_SECTIONS[section]!);
    if (id) out.push(item(env, { label: id, kind: CompletionItemKind.Value, detail: 'Next free id', sortText: sortKey(0), newText: wrap(id) }));
  }
  if (!schema) return out;
  const s = schema.schema;
  if (s.enum) {
    s.enum.forEach((value, index) => {
      const text = String(value);
      if (skip.has(text)) return;
      const doc = s.markdownEnumDescriptions?.[index] ?? s.enumDescriptions?.[index];
      out.push(item(env, {
        label: text, kind: CompletionItemKind.EnumMember, detail: s.enumDescriptions?.[index],
        ...(doc ? { documentation: markdown(doc) } : {}), sortText: sortKey(index), newText: wrap(text),
      }));
    });
  } else if (s.const !== undefined) {
    out.push(item(env, { label: String(s.const), kind: CompletionItemKind.Constant, detail: s.title, newText: wrap(String(s.const)) }));
  } else if (hasType(s, 'boolean')) {
    ['true', 'false'].forEach((text, index) => out.push(item(env, { label: text, kind: CompletionItemKind.Keyword, sortText: sortKey(index), newText: wrap(text) })));
  }
  if (s.format === 'date') {
    const today = formatDate(env.ws.today());
    out.push(item(env, { label: today, kind: CompletionItemKind.Value, detail: 'Today', labelDetails: { description: 'today' }, sortText: sortKey(0), newText: wrap(today) }));
  }
  if (!ref && !s.enum && valuePath[valuePath.length - 1] === '*' && hasType(s, 'string') && Array.isArray(s.examples)) {
    s.examples.forEach((example, index) => {
      if (typeof example === 'string' && !skip.has(example)) {
        out.push(item(env, { label: example, kind: CompletionItemKind.Value, detail: 'Suggested', sortText: sortKey(index), newText: wrap(example) }));
      }
    });
  }
  return out;
}

/** An audit's `auditor` is a person id for internal audit types (or when no type is written yet). */
function auditorIsPerson(siblings: ReadonlyMap<string, string>): boolean {
  const type = siblings.get('type');
  return type === undefined || type === '' || INTERNAL_AUDIT_TYPES.has(type);
}

function certificationBodyItems(env: Env, wrap: (text: string) => string): CompletionItem[] {
  const body = env.model.singleton('certificationBody');
  const name = body ? stringOf(body.value, 'name') : undefined;
  return name?.trim() ? [item(env, { label: name, kind: CompletionItemKind.Value, detail: 'The certification body', newText: wrap(name) })] : [];
}

function controlItems(env: Env, valuePath: string[], skip: ReadonlySet<string>, wrap: (text: string) => string): CompletionItem[] {
  const atSoaId = valuePath.join('.') === 'soa.controls.*.id';
  const inSoa = new Map<string, boolean | undefined>();
  for (const entry of env.model.soaEntries) {
    if (entry.id === undefined) continue;
    const r = entry.map.range;
    if (atSoaId && entry.file.uri === env.file.uri && r && r[0] <= env.offset && env.offset <= r[1]) continue;
    const applicable = entry.map.get('applicable');
    inSoa.set(entry.id, typeof applicable === 'boolean' ? applicable : undefined);
  }
  const out: CompletionItem[] = [];
  for (const control of CONTROLS) {
    if (skip.has(control.id)) continue;
    const state = inSoa.get(control.id);
    const present = inSoa.has(control.id);
    let description: string | undefined;
    let group = 0;
    if (atSoaId && present) {
      description = 'already in the SoA';
      group = 1;
    } else if (!atSoaId && state === false) {
      description = 'excluded in the SoA';
    }
    out.push(item(env, {
      label: control.id,
      kind: CompletionItemKind.Constant,
      detail: control.title,
      labelDetails: { detail: ` ${control.title}`, ...(description ? { description } : {}) },
      documentation: markdown(controlDoc(control)),
      filterText: `${control.id} ${control.title}`,
      sortText: sortKey(control.index, group),
      newText: wrap(control.id),
    }));
  }
  return out;
}

function controlDoc(control: Control): string {
  const theme = getTheme(control.theme).heading.replace(/ controls$/, '');
  return `**${control.id} ${control.title}**\n\n${theme} control${control.isNew ? ' · new in ISO/IEC 27001:2022' : ''}\n\n${control.guidance}`;
}

function idItems(env: Env, kind: IdKind, skip: ReadonlySet<string>, wrap: (text: string) => string): CompletionItem[] {
  const out: CompletionItem[] = [];
  const seen = new Set<string>();
  env.model.items(kind).forEach((entry, index) => {
    // A blank id (`id: ""`) is an item not yet named: nothing a citation could use.
    if (entry.id === undefined || entry.id.trim() === '' || seen.has(entry.id) || skip.has(entry.id)) return;
    seen.add(entry.id);
    const { detail, description } = describeItem(entry);
    out.push(item(env, {
      label: entry.id,
      kind: CompletionItemKind.Reference,
      detail,
      ...(description ? { labelDetails: { description } } : {}),
      filterText: description ? `${entry.id} ${description}` : entry.id,
      sortText: sortKey(index),
      newText: wrap(entry.id),
    }));
  });
  return out;
}

/** One line about a person, evidence item, audit or risk, for the completion list. */
function describeItem(entry: Item): { detail: string | undefined; description: string | undefined } {
  const text = (key: string) => stringOf(entry.map, key);
  switch (entry.kind) {
    case 'person': {
      const roles = scalarsOf(entry.map, 'roles').map((s) => String(s.value));
      const name = text('name');
      return { detail: [name, roles.join(', ')].filter(Boolean).join(' — ') || undefined, description: name };
    }
    case 'audit': {
      const parts = [text('type'), scalarText(entry, 'date'), text('status')].filter(Boolean);
      return { detail: parts.join(' · ') || undefined, description: parts.slice(0, 2).join(' ') || undefined };
    }
    default:
      return { detail: text('title'), description: text('title') };
  }
}

function scalarText(entry: Item, key: string): string | undefined {
  const value = entry.map.get(key);
  return value === undefined || value === null ? undefined : String(value);
}
