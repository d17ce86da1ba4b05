/**
 * One ISMS file parsed once per version. The YAML tree, its plain value and the
 * syntax findings are shared by the schema check, every rule and every editor feature.
 */
import { isMap, isScalar, parseDocument, visit, type Document, type YAMLError, type YAMLMap } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../diagnostics/finding';

/** Files above this size get one diagnostic and no parse: a hand-kept ISMS file is far smaller. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Aliases expanded per file before we call it an alias bomb. */
export const MAX_ALIAS_COUNT = 1000;

export interface IsmsFile {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  /** For offset ↔ line/character conversion. */
  readonly lines: TextDocument;
  /** The parsed document, or undefined when the file was too large to parse. */
  readonly yaml: Document.Parsed | undefined;
  /** The top-level mapping, when the file has one. */
  readonly root: YAMLMap | undefined;
  /** The plain JavaScript value (for the schema check); undefined when it could not be built. */
  readonly value: unknown;
  /** `yaml-syntax` findings (parse errors, duplicate keys, aliases, size). */
  readonly syntax: readonly Finding[];
}

export function parseIsmsFile(uri: string, text: string, version = 0): IsmsFile {
  const lines = TextDocument.create(uri, 'isms-yaml', version, text);
  if (text.length > MAX_FILE_BYTES) {
    const end = text.indexOf('\n');
    return {
      uri, version, text, lines, yaml: undefined, root: undefined, value: undefined,
      syntax: [{
        code: 'yaml-syntax', start: 0, end: end < 0 ? Math.min(text.length, 200) : end,
        message: `This file is ${(text.length / 1048576).toFixed(1)} MB, above the ${MAX_FILE_BYTES / 1048576} MB limit for ISMS files; it was not checked. Split it into several .isms.yaml files.`,
      }],
    };
  }
  const yaml = parseDocument(text, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  const syntax: Finding[] = [];
  for (const error of yaml.errors) {
    const [start, end] = errorRange(yaml, text, error);
    syntax.push({ code: 'yaml-syntax', start, end, message: syntaxMessage(error.code, error.message) });
  }
  for (const warning of yaml.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      syntax.push({ code: 'yaml-syntax', start: warning.pos[0], end: warning.pos[1], message: 'Custom YAML tags are not supported in ISMS files; the value is read as plain text. Remove the tag.' });
    }
  }
  let value: unknown;
  try {
    value = yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // `yaml` throws while resolving aliases: an alias bomb, or an alias without an anchor.
    value = undefined;
    const unresolved = unresolvedAlias(yaml);
    if (unresolved) {
      syntax.push({ code: 'yaml-syntax', start: unresolved.start, end: unresolved.end, message: `The alias '*${unresolved.name}' refers to no anchor '&${unresolved.name}' defined before it. Define the anchor first, or write the value out.` });
    } else {
      const [at, length] = firstAlias(text);
      syntax.push({ code: 'yaml-syntax', start: at, end: at + length, message: `YAML aliases expand to too many nodes (limit ${MAX_ALIAS_COUNT}); this looks like an alias bomb. Write the values out instead of using aliases.` });
    }
  }
  const root = isMap(yaml.contents) ? yaml.contents : undefined;
  return { uri, version, text, lines, yaml, root, value, syntax };
}

/** The first alias whose anchor is not defined before it. */
function unresolvedAlias(yaml: Document.Parsed): { name: string; start: number; end: number } | undefined {
  let found: { name: string; start: number; end: number } | undefined;
  visit(yaml, {
    Alias(_, alias) {
      if (alias.range && alias.resolve(yaml) === undefined) {
        found = { name: alias.source, start: alias.range[0], end: alias.range[1] };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Offset and length of the first alias (`*name`), the visible start of an expansion. */
function firstAlias(text: string): [number, number] {
  const m = /\*[^\s,\]}]+/.exec(text);
  return m ? [m.index, m[0].length] : [0, 1];
}

/**
 * The range to show for a parse error. `yaml` gives one character; a duplicate key gets
 * the whole (second) key, a second document its first line, and a position at the end
 * of the file (an unclosed `[`) moves back onto the last character written, so that the
 * range is never empty nor on a blank line past the content.
 */
function errorRange(yaml: Document.Parsed, text: string, error: YAMLError): [number, number] {
  let [start, end] = error.pos;
  if (error.code === 'DUPLICATE_KEY') {
    const key = keyRangeAt(yaml, start);
    if (key) return key;
  }
  if (error.code === 'MULTIPLE_DOCS') {
    const lineEnd = text.indexOf('\n', start);
    if (lineEnd > start) end = Math.min(end, text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd);
  }
  const contentEnd = text.trimEnd().length;
  if (start >= contentEnd && contentEnd > 0) return [contentEnd - 1, contentEnd];
  return [start, Math.max(end, start + 1)];
}

/** The range of the mapping key that starts at `offset`, if there is one. */
function keyRangeAt(yaml: Document.Parsed, offset: number): [number, number] | undefined {
  let found: [number, number] | undefined;
  visit(yaml, {
    Pair(_, pair) {
      const range = (pair.key as { range?: [number, number, number] } | null)?.range;
      if (range && range[0] === offset) {
        found = [range[0], range[1]];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function syntaxMessage(code: string, message: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'This key appears twice in the same mapping; YAML keeps only the last one, so the first is silently lost. Remove or rename one of them.';
    case 'MULTIPLE_DOCS':
      return 'An ISMS file holds one YAML document; this second document (after `---`) is ignored. Move it into a file of its own.';
    case 'UNEXPECTED_TOKEN':
      return `YAML syntax error: ${plain(message)}. Text continues after a complete value; a quote inside a quoted value (O'Neil) must be doubled ('O''Neil') or the value written in double quotes.`;
    case 'TAB_AS_INDENT':
      return 'YAML does not allow tabs for indentation; indent with spaces.';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'YAML syntax error: a second `key:` on the same line. Put each key on its own line, or quote a value that contains ": ".';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'YAML syntax error: a key must be on a single line; check for a missing `:` or wrong indentation on the line above.';
    case 'BAD_SCALAR_START':
      return `YAML syntax error: ${plain(message)}; put the value in quotes.`;
    case 'MISSING_CHAR':
      return `YAML syntax error: ${plain(message)}.`;
    default:
      return `YAML syntax error: ${plain(message)}.`;
  }
}

function plain(message: string): string {
  return message.replace(/\s+at line \d+, column \d+.*$/s, '').replace(/\.$/, '');
}

/** The top-level keys of the file and their key nodes (for sections). */
export function topLevelKeys(file: IsmsFile): { name: string; key: import('yaml').Scalar; value: unknown }[] {
  if (!file.root) return [];
  const out: { name: string; key: import('yaml').Scalar; value: unknown }[] = [];
  for (const pair of file.root.items) {
    if (isScalar(pair.key) && typeof pair.key.value === 'string') out.push({ name: pair.key.value, key: pair.key, value: pair.value });
  }
  return out;
}
