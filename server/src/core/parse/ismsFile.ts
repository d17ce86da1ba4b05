/**
 * One ISMS file parsed once per version. The YAML tree, its plain value and the
 * syntax findings are shared by the schema check, every rule and every editor feature.
 */
import { isMap, isScalar, parseDocument, type Document, type YAMLMap } from 'yaml';
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
    syntax.push({ code: 'yaml-syntax', start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1), message: syntaxMessage(error.code, error.message) });
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
    value = undefined;
    const at = firstAlias(text);
    syntax.push({ code: 'yaml-syntax', start: at, end: at + 1, message: `YAML aliases expand to too many nodes (limit ${MAX_ALIAS_COUNT}); this looks like an alias bomb. Write the values out instead of using aliases.` });
    void error;
  }
  const root = isMap(yaml.contents) ? yaml.contents : undefined;
  return { uri, version, text, lines, yaml, root, value, syntax };
}

function firstAlias(text: string): number {
  const m = /\*[^\s,\]}]+/.exec(text);
  return m ? m.index : 0;
}

function syntaxMessage(code: string, message: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'This key appears twice in the same mapping; YAML keeps only the last one, so the first is silently lost. Remove or rename one of them.';
    case 'MULTIPLE_DOCS':
      return 'An ISMS file holds one YAML document; this second document (after `---`) is ignored. Move it into a file of its own.';
    default:
      return `YAML syntax error: ${message.replace(/\s+at line \d+, column \d+.*$/s, '')}`;
  }
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
