/**
 * One ISMS file parsed once per version. The YAML tree, its plain value and the
 * syntax findings are shared by the schema check, every rule and every editor feature.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type YAMLError, type YAMLMap } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../diagnostics/finding';
import { isYamlSpace } from './yamlAccess';

/** Files above this size get one diagnostic and no parse: a hand-kept ISMS file is far smaller. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Aliases expanded per file before we call it an alias bomb. */
export const MAX_ALIAS_COUNT = 1000;
/**
 * Lists and mappings nested deeper than this are refused before parsing. `yaml` builds its
 * tree recursively and exhausts the stack near 900 levels; when that happens inside V8's
 * regular-expression compiler the process aborts, which no try/catch can stop. A
 * hand-kept ISMS file nests fewer than ten levels.
 */
export const MAX_NESTING_DEPTH = 256;
/** Parse errors reported per file; the rest are counted in the last message. */
export const MAX_SYNTAX_ERRORS = 100;

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
  const refusal = refuseUnparsable(text);
  if (refusal) return { uri, version, text, lines, yaml: undefined, root: undefined, value: undefined, syntax: [refusal] };
  // A lone CR (classic Mac line end) is a line break to YAML 1.2 and to the editor, not to
  // `yaml`: parse it as LF, which keeps every offset, and say so once below.
  const loneCr = text.search(/\r(?!\n)/);
  const source = withoutBom(loneCr < 0 ? text : text.replace(/\r(?!\n)/g, '\n'));
  // Duplicate keys are found below in one pass: yaml's own check compares each key with
  // every earlier key of its mapping, quadratic on a mapping of many keys.
  // logLevel 'error': yaml would otherwise print warnings (a collection used as a key) on
  // the process's stderr; the core reports through findings only.
  // schema 'core' (YAML 1.2, spec §1) even under a `%YAML 1.1` directive, which would
  // otherwise turn dates into Date objects, `yes` into true, `!!binary` into bytes and
  // apply `<<` merges: a value means the same in every file.
  const yaml = parseDocument(source, { prettyErrors: false, uniqueKeys: false, keepSourceTokens: false, logLevel: 'error', schema: 'core' });
  const syntax: Finding[] = [];
  const contentEnd = text.trimEnd().length;
  // After the first errors, the parser's recovery mostly reports consequences of them: on
  // a garbled file, one per token. The first MAX_SYNTAX_ERRORS are shown, the rest counted.
  for (const error of yaml.errors.slice(0, MAX_SYNTAX_ERRORS)) {
    const [start, end] = errorRange(text, error, contentEnd);
    syntax.push({ code: 'yaml-syntax', start, end, message: syntaxMessage(error.code, error.message) });
  }
  if (yaml.errors.length > MAX_SYNTAX_ERRORS) {
    const last = syntax[syntax.length - 1]!;
    last.message += ` (${yaml.errors.length - MAX_SYNTAX_ERRORS} more YAML errors follow, not shown; they often go away once the ones above are fixed.)`;
  }
  const tree = walkTree(yaml);
  for (const [start, end] of tree.duplicateKeys) {
    syntax.push({ code: 'yaml-syntax', start, end, message: syntaxMessage('DUPLICATE_KEY', '') });
  }
  for (const warning of yaml.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      syntax.push({ code: 'yaml-syntax', start: warning.pos[0], end: warning.pos[1], message: 'Custom YAML tags are not supported in ISMS files; the value is read as plain text. Remove the tag.' });
    }
  }
  if (loneCr >= 0) {
    // On the line's last character: a range over the CR itself would end on the next line.
    const at = loneCr > 0 && !/[\r\n]/.test(text[loneCr - 1]!) ? loneCr - 1 : loneCr;
    syntax.push({ code: 'yaml-syntax', start: at, end: at + 1, message: 'This line ends with a lone carriage return (CR, a classic Mac OS line end). The file was read as if it ended in LF, but other tools may not: save it with LF or CRLF line ends.' });
  }
  const replaced = text.indexOf('\uFFFD');
  if (replaced >= 0) {
    syntax.push({ code: 'yaml-syntax', start: replaced, end: replaced + 1, message: 'This file contains the replacement character U+FFFD, which stands for bytes that were not valid UTF-8 when the file was read (it was probably saved as Latin-1 or Windows-1252). Re-save the file as UTF-8 and check the text around it.' });
  }
  let value: unknown;
  try {
    // Every alias expands at least one node: more aliases than the cap is a bomb without
    // resolving them (yaml's resolution scans the anchors once per alias).
    if (tree.aliases > MAX_ALIAS_COUNT) throw new ReferenceError('too many aliases');
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

/**
 * A leading byte-order mark as an empty first line, which keeps every offset. An editor
 * may hand the text over with its BOM (the disk host drops it); `yaml` counts the BOM in
 * the first line's indentation, so that `\uFEFF? a: b\nsoa:` reads `soa` into the
 * explicit key's mapping, not as a key of the top level as without the BOM.
 */
function withoutBom(source: string): string {
  return source.charCodeAt(0) === 0xfeff ? '\n' + source.slice(1) : source;
}

/**
 * The one finding for a text that must not be parsed: too large, not text, or nested
 * too deeply for the parser's recursion. Undefined when the text can be parsed.
 */
function refuseUnparsable(text: string): Finding | undefined {
  if (text.length > MAX_FILE_BYTES) {
    const end = text.indexOf('\n');
    return {
      code: 'yaml-syntax', start: 0, end: end < 0 ? Math.min(text.length, 200) : end,
      message: `This file is larger than the ${MAX_FILE_BYTES / 1048576} MB limit for ISMS files; it was not checked. Split it into several .isms.yaml files.`,
    };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    return {
      code: 'yaml-syntax', start: nul, end: nul + 1,
      message: 'This file is not text: it contains NUL bytes, so it is binary or saved as UTF-16/UTF-32. ISMS files are YAML saved as UTF-8; it was not checked.',
    };
  }
  const deep = tooDeep(text, MAX_NESTING_DEPTH);
  if (deep >= 0) {
    return {
      code: 'yaml-syntax', start: deep, end: Math.min(deep + 1, text.length),
      message: `Lists and mappings are nested more than ${MAX_NESTING_DEPTH} levels deep here; an ISMS file needs fewer than ten. The file was not checked, so that it cannot exhaust the checker. Remove the extra nesting.`,
    };
  }
  return undefined;
}

/**
 * The offset at which the text nests collections more than `limit` levels deep, or -1.
 * One pass, no parse: flow brackets opened where a value may start (every bracket inside
 * a flow collection), plus the block levels implied by increasing indentation and by
 * compact items (`- - x`, `- key: x`). Quoted scalars, comments and block scalars are
 * skipped. An estimate close to the parser's own depth for every shape that can nest.
 */
function tooDeep(text: string, limit: number): number {
  const n = text.length;
  const code = (at: number): number => (at < n ? text.charCodeAt(at) : -1);
  const lineEnd = (from: number): number => {
    let j = from;
    while (j < n && !isBreak(text.charCodeAt(j))) j++;
    return j;
  };
  const blocks: { indent: number; seq: boolean }[] = [];
  let flow = 0;
  let blockScalarIndent = -1; // >= 0 while the lines of a block scalar (`|`, `>`) are skipped
  let i = code(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    const lineStart = i;
    while (code(i) === SPACE) i++;
    const indent = i - lineStart;
    if (i >= n) break;
    if (isBreak(code(i))) { i++; continue; }
    if (blockScalarIndent >= 0) {
      if (indent > blockScalarIndent) { i = lineEnd(i); continue; }
      blockScalarIndent = -1;
    }
    if (code(i) === HASH) { i = lineEnd(i); continue; }
    if (flow === 0) {
      if (indent === 0 && (text.startsWith('---', i) || text.startsWith('...', i)) && (i + 3 >= n || isYamlSpace(code(i + 3)))) {
        blocks.length = 0; // a new document
        i += 3;
      } else {
        const dash = isIndicator(text, i, DASH);
        while (blocks.length > 0) {
          const top = blocks[blocks.length - 1]!;
          if (top.indent > indent || (top.indent === indent && top.seq && !dash)) blocks.pop();
          else break;
        }
        const top = blocks[blocks.length - 1];
        if (!top || top.indent < indent || (top.indent === indent && dash && !top.seq)) {
          blocks.push({ indent, seq: dash });
          if (blocks.length > limit) return i;
        }
        // Compact nesting on one line: `- - x`, `? - x`, and a mapping in `- key: x`.
        while (isIndicator(text, i, DASH) || isIndicator(text, i, QUESTION)) {
          i++;
          while (code(i) === SPACE) i++;
          if (i >= n || isBreak(code(i)) || code(i) === HASH) break;
          const nested = isIndicator(text, i, DASH) || isIndicator(text, i, QUESTION);
          if (!nested && !startsMapping(text, i)) break;
          blocks.push({ indent: i - lineStart, seq: isIndicator(text, i, DASH) });
          if (blocks.length > limit) return i;
        }
      }
    }
    // The rest of the line: scalars, quotes, brackets, comments.
    let valueStart = true;
    while (i < n) {
      const c = code(i);
      if (isBreak(c)) break;
      if (c === SPACE || c === TAB) { i++; continue; }
      if (c === HASH && isYamlSpace(code(i - 1))) { i = lineEnd(i); break; }
      if (valueStart && (c === DQUOTE || c === SQUOTE)) { i = quoteEnd(text, i); valueStart = false; continue; }
      if ((c === OPEN_SQUARE || c === OPEN_CURLY) && (valueStart || flow > 0)) {
        if (++flow + blocks.length > limit) return i;
        i++;
        valueStart = true;
        continue;
      }
      if ((c === CLOSE_SQUARE || c === CLOSE_CURLY) && flow > 0) { flow--; i++; valueStart = false; continue; }
      if (c === COMMA && flow > 0) { i++; valueStart = true; continue; }
      if ((c === AMPERSAND || c === BANG) && valueStart) {
        // An anchor or a tag: the value follows it.
        while (i < n && !isYamlSpace(code(i)) && !(flow > 0 && isFlowIndicator(code(i)))) i++;
        continue;
      }
      if (flow === 0 && valueStart && (c === PIPE || c === GREATER)) {
        let j = i + 1;
        while (j < n && /[-+0-9]/.test(text[j]!)) j++;
        if (j >= n || isYamlSpace(code(j))) blockScalarIndent = indent;
      }
      if ((c === COLON || c === DASH || c === QUESTION) && (i + 1 >= n || isYamlSpace(code(i + 1)) || (flow > 0 && isFlowIndicator(code(i + 1))))) {
        i++;
        valueStart = true;
        continue;
      }
      // A plain scalar: up to a space, a `: ` or (in a flow collection) an indicator.
      while (i < n) {
        const d = code(i);
        if (isYamlSpace(d) || (flow > 0 && isFlowIndicator(d))) break;
        if (d === COLON && (i + 1 >= n || isYamlSpace(code(i + 1)) || (flow > 0 && isFlowIndicator(code(i + 1))))) break;
        i++;
      }
      valueStart = false;
    }
  }
  return -1;
}

const SPACE = 0x20, TAB = 0x09, LF = 0x0a, CR = 0x0d, HASH = 0x23, DASH = 0x2d, QUESTION = 0x3f, COLON = 0x3a;
const DQUOTE = 0x22, SQUOTE = 0x27, BACKSLASH = 0x5c, COMMA = 0x2c, AMPERSAND = 0x26, BANG = 0x21, PIPE = 0x7c, GREATER = 0x3e;
const OPEN_SQUARE = 0x5b, CLOSE_SQUARE = 0x5d, OPEN_CURLY = 0x7b, CLOSE_CURLY = 0x7d;

function isBreak(c: number): boolean {
  return c === LF || c === CR;
}


function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === OPEN_SQUARE || c === CLOSE_SQUARE || c === OPEN_CURLY || c === CLOSE_CURLY;
}

/** `-` or `?` at `at` used as an indicator: followed by white space or the end of the text. */
function isIndicator(text: string, at: number, indicator: number): boolean {
  return text.charCodeAt(at) === indicator && (at + 1 >= text.length || isYamlSpace(text.charCodeAt(at + 1)));
}

/** True when the line from `at` holds a mapping key (`key: …`, `"key": …`). */
function startsMapping(text: string, at: number): boolean {
  let i = at;
  const c = text.charCodeAt(i);
  if (c === DQUOTE || c === SQUOTE) i = quoteEnd(text, i);
  for (; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (isBreak(d)) return false;
    if (d === HASH && isYamlSpace(text.charCodeAt(i - 1))) return false;
    if (d === COLON && (i + 1 >= text.length || isYamlSpace(text.charCodeAt(i + 1)))) return true;
  }
  return false;
}

/** The offset after the quoted scalar that starts at `at` (or the end of the text). */
function quoteEnd(text: string, at: number): number {
  const quote = text.charCodeAt(at);
  let i = at + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (quote === DQUOTE && c === BACKSLASH) { i += 2; continue; }
    if (c === quote) {
      if (quote === SQUOTE && text.charCodeAt(i + 1) === SQUOTE) { i += 2; continue; }
      return i + 1;
    }
    i++;
  }
  return text.length;
}

/**
 * The first alias whose anchor is not defined before it, in one pass over the document
 * (`Alias.resolve` walks the document for each alias: quadratic on a file of aliases).
 */
function unresolvedAlias(yaml: Document.Parsed): { name: string; start: number; end: number } | undefined {
  const anchors = new Set<string>();
  let found: { name: string; start: number; end: number } | undefined;
  visit(yaml, {
    Node(_, node) {
      if (isAlias(node)) {
        if (node.range && !anchors.has(node.source)) {
          found = { name: node.source, start: node.range[0], end: node.range[1] };
          return visit.BREAK;
        }
      } else if (node.anchor) {
        anchors.add(node.anchor);
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
 * The range to show for a parse error. `yaml` gives one character; a second document
 * gets its first line, and a position at the end
 * of the file (an unclosed `[`) moves back onto the last character written, so that the
 * range is never empty nor on a blank line past the content.
 */
function errorRange(text: string, error: YAMLError, contentEnd: number): [number, number] {
  let [start, end] = error.pos;
  if (error.code === 'MULTIPLE_DOCS') {
    const lineEnd = text.indexOf('\n', start);
    if (lineEnd > start) end = Math.min(end, text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd);
  }
  if (start >= contentEnd && contentEnd > 0) return [contentEnd - 1, contentEnd];
  return [start, Math.max(end, start + 1)];
}

/**
 * What one walk over the tree finds: the range of each key that repeats an earlier key of
 * its mapping (YAML's equality for scalar keys: the same value; a set per mapping), and
 * the number of aliases. Hand-written rather than `yaml`'s `visit`, which freezes a copy
 * of the path at every node: on a large workspace that walk cost more than our rules.
 * Recursion is safe: deeper texts are refused before parsing (MAX_NESTING_DEPTH).
 */
function walkTree(yaml: Document.Parsed): TreeFindings {
  const found: TreeFindings = { duplicateKeys: [], aliases: 0 };
  walkNode(yaml.contents, found);
  return found;
}

interface TreeFindings {
  duplicateKeys: [number, number][];
  aliases: number;
}

function walkNode(node: unknown, found: TreeFindings): void {
  if (isAlias(node)) {
    found.aliases++;
  } else if (isMap(node)) {
    const seen = new Set<unknown>();
    for (const pair of node.items) {
      if (isScalar(pair.key)) {
        if (seen.has(pair.key.value) && pair.key.range) found.duplicateKeys.push([pair.key.range[0], pair.key.range[1]]);
        seen.add(pair.key.value);
      } else {
        walkNode(pair.key, found);
      }
      walkNode(pair.value, found);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) walkNode(item, found);
  } else if (isPair(node)) {
    walkNode(node.key, found);
    walkNode(node.value, found);
  }
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
