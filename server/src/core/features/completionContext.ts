/**
 * Where the cursor is, read from the text and its indentation rather than from the YAML
 * tree: while the user types, the document is usually incomplete (`owner: ` with nothing
 * after it, `- id: A.5.` mid-word, an empty line inside a list item) and the parser puts
 * no node there. Block-style YAML says enough through indentation: each line's keys and
 * dashes, and the nearest line above with a smaller indentation, give the path.
 */

/** A key name, or `*` for an item of a list. */
export type ContextSegment = string;

interface LineFrame {
  col: number;
  kind: 'dash' | 'key' | 'scalar';
  key?: string;
  /** The text after the key's colon (comment removed, trimmed), or a scalar's text. */
  value?: string;
}

interface ContextBase {
  /** Offset range the completion replaces (the word being typed, and its rest after the cursor). */
  start: number;
  end: number;
  /** What is typed between `start` and the cursor. */
  prefix: string;
}

/** A token at the start of an entry: a key of a map, or a new item of a list. */
export interface BareContext extends ContextBase {
  kind: 'bare';
  /**
   * After a dash: the path of the list whose new item this is. Otherwise the path of
   * the node that holds the token (a map whose key is typed, or a list at its item level).
   */
  parentPath: ContextSegment[];
  /** The token follows `- ` on its line (the first key of a new item, or a scalar item). */
  afterDash: boolean;
  /** What the lines around say the level is: keys (`map`) or dashes (`seq`); unknown on an empty block. */
  level: 'map' | 'seq' | undefined;
  /** Keys already present in the map the token belongs to (from the other lines). */
  presentKeys: Set<string>;
  /** Values of the map's other keys (e.g. an audit's `type`). */
  siblings: Map<string, string>;
  /** Scalar items already in the list (for a scalar item after a dash). */
  listed: string[];
  /** A colon follows the token: the key exists, only its name is replaced. */
  colonAfter: boolean;
}

/** The value of a key, or an item of a flow list `[a, b, |]`. */
export interface ValueContext extends ContextBase {
  kind: 'value';
  /** Path of the value: the map's path and the key, plus `*` inside a flow list. */
  valuePath: ContextSegment[];
  key: string;
  siblings: Map<string, string>;
  /** Other items of the flow list, when in one. */
  listed: string[];
  inFlowList: boolean;
  /** The value is inside quotes: insert the bare text. */
  quoted: boolean;
  /** The cursor is right after `key:` with no space: values need one in front. */
  needsSpace: boolean;
}

export type CursorContext = BareContext | ValueContext;

const KEY_RE = /^([A-Za-z_$][\w.$-]*|"[^"\n]*"|'[^'\n]*')[ \t]*:(?=[ \t]|$)/;
const BLOCK_SCALAR_RE = /^[>|][+-]?[1-9]?[+-]?$/;

function unquote(key: string): string {
  return (key.startsWith('"') && key.endsWith('"')) || (key.startsWith("'") && key.endsWith("'")) ? key.slice(1, -1) : key;
}

/** Removes a trailing `# comment` (a `#` at the start or after whitespace, outside quotes). */
function stripComment(text: string): string {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      if (i === 0 || /[\s[,{:]/.test(text[i - 1]!)) quote = ch;
    } else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      return text.slice(0, i);
    }
  }
  return text;
}

/** The dashes, key and scalar of one line, with their columns. */
function parseLine(line: string): LineFrame[] {
  const frames: LineFrame[] = [];
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  for (let guard = 0; guard < 200 && i < line.length; guard++) {
    const ch = line[i]!;
    if (ch === '#') break;
    if (ch === '-' && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) {
      frames.push({ col: i, kind: 'dash' });
      i++;
      while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
      continue;
    }
    const rest = line.slice(i);
    const key = KEY_RE.exec(rest);
    if (key) {
      frames.push({ col: i, kind: 'key', key: unquote(key[1]!), value: stripComment(rest.slice(key[0].length)).trim() });
    } else {
      const value = stripComment(rest).trim();
      if (value !== '') frames.push({ col: i, kind: 'scalar', value });
    }
    break;
  }
  return frames;
}

function isDocumentMarker(line: string): boolean {
  return /^(---|\.\.\.)(\s|$)/.test(line) || line.startsWith('%');
}

interface Lines {
  text: string;
  /** Offsets where each line starts. */
  starts: number[];
}

function splitLines(text: string): Lines {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return { text, starts };
}

function lineText(lines: Lines, index: number): string {
  const start = lines.starts[index]!;
  const next = lines.starts[index + 1];
  let end = next === undefined ? lines.text.length : next - 1;
  if (end > start && lines.text[end - 1] === '\r') end--;
  return lines.text.slice(start, end);
}

function lineIndexAt(lines: Lines, offset: number): number {
  let lo = 0;
  let hi = lines.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Keys (with values) at column `col` of the map that continues above/below `lineIndex`. */
function mapKeysAround(lines: Lines, lineIndex: number, col: number, scanUp: boolean): Map<string, string> {
  const keys = new Map<string, string>();
  const take = (frames: LineFrame[]): boolean => {
    if (frames.length === 0) return true;
    if (frames[0]!.col < col) {
      // The line that opens the map (`- id: x`) still holds one of its keys.
      const own = frames.find((f) => f.col === col && f.kind === 'key');
      if (own) keys.set(own.key!, own.value ?? '');
      return false;
    }
    const own = frames.find((f) => f.col === col && f.kind === 'key');
    if (own && !keys.has(own.key!)) keys.set(own.key!, own.value ?? '');
    return true;
  };
  if (scanUp) {
    for (let i = lineIndex - 1; i >= 0; i--) {
      const line = lineText(lines, i);
      if (isDocumentMarker(line)) break;
      if (!take(parseLine(line))) break;
    }
  }
  for (let i = lineIndex + 1; i < lines.starts.length; i++) {
    const line = lineText(lines, i);
    if (isDocumentMarker(line)) break;
    const frames = parseLine(line);
    if (frames.length > 0 && frames[0]!.col < col) break;
    take(frames);
  }
  return keys;
}

/** Scalar items of the block list whose dashes sit at `dashCol`, around `lineIndex`. */
function blockItemsAround(lines: Lines, lineIndex: number, dashCol: number): string[] {
  const items: string[] = [];
  const scan = (from: number, step: number): void => {
    for (let i = from; i >= 0 && i < lines.starts.length; i += step) {
      const line = lineText(lines, i);
      if (isDocumentMarker(line)) return;
      const frames = parseLine(line);
      if (frames.length === 0) continue;
      if (frames[0]!.col < dashCol) return;
      if (frames[0]!.col === dashCol && frames[0]!.kind !== 'dash') return;
      if (frames[0]!.col === dashCol && frames[1]?.kind === 'scalar') items.push(unquote(frames[1].value!));
    }
  };
  scan(lineIndex - 1, -1);
  scan(lineIndex + 1, 1);
  return items;
}

/**
 * The path of the node that holds a level starting at column `need` on line `lineIndex`
 * (walking up to the nearest line that is less indented). Undefined when the cursor is
 * inside a block scalar or a multi-line plain value, where nothing should be offered.
 */
function ancestorsOf(
  lines: Lines, lineIndex: number, need: number, needIsSeq: boolean,
): { path: ContextSegment[]; level: 'map' | 'seq' | undefined } | undefined {
  const path: ContextSegment[] = [];
  let level: 'map' | 'seq' | undefined;
  let first = true;
  for (let i = lineIndex - 1; i >= 0; i--) {
    if (need === 0 && !needIsSeq) break;
    const line = lineText(lines, i);
    if (isDocumentMarker(line)) break;
    const frames = parseLine(line);
    if (frames.length === 0) continue;
    let parentAt = -1;
    for (let f = frames.length - 1; f >= 0; f--) {
      if (frames[f]!.col < need) {
        parentAt = f;
        break;
      }
    }
    if (parentAt < 0) {
      const head = frames[0]!;
      if (head.col === need) {
        if (first && level === undefined) level = head.kind === 'dash' ? 'seq' : head.kind === 'key' ? 'map' : undefined;
        if (head.kind === 'dash') needIsSeq = true;
        // A list may sit at its key's own column (`controls:` then `- id:` below it).
        if (needIsSeq && head.kind === 'key' && frames.length === 1 && head.value === '') {
          path.unshift(head.key!);
          needIsSeq = false;
          first = false;
        }
      }
      continue;
    }
    const parent = frames[parentAt]!;
    if (parent.kind === 'scalar') return undefined;
    if (parent.kind === 'key') {
      // A less-indented key with a value: the cursor is in that value's continuation.
      if (parent.value !== '') return undefined;
      path.unshift(parent.key!);
    } else {
      path.unshift('*');
    }
    for (let f = parentAt - 1; f >= 0; f--) path.unshift(frames[f]!.kind === 'dash' ? '*' : frames[f]!.key ?? '');
    need = frames[0]!.col;
    needIsSeq = frames[0]!.kind === 'dash';
    first = false;
  }
  return { path, level };
}

/** Is the offset inside an unclosed `[` on the same line? Returns where the current item starts. */
function flowItemStart(valueText: string): { itemStart: number } | undefined {
  if (!valueText.trimStart().startsWith('[')) return undefined;
  let depth = 0;
  let quote: string | undefined;
  let itemStart = -1;
  for (let i = 0; i < valueText.length; i++) {
    const ch = valueText[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 1) itemStart = i + 1;
    } else if (ch === ']' || ch === '}') {
      depth--;
      if (depth <= 0) return undefined;
    } else if (ch === ',' && depth === 1) itemStart = i + 1;
  }
  if (depth !== 1) return undefined;
  return { itemStart };
}

/** The items written in a flow list `[a, b]` of a line (beyond the cursor too). */
function flowItems(valueText: string): string[] {
  const open = valueText.indexOf('[');
  if (open < 0) return [];
  const close = valueText.indexOf(']', open);
  const inner = valueText.slice(open + 1, close < 0 ? undefined : close);
  return stripComment(inner).split(',').map((s) => unquote(s.trim())).filter((s) => s !== '');
}

const VALUE_WORD_END = /[^\s,[\]{}#"']*/y;
const KEY_WORD_END = /[\w.$-]*/y;

function wordEnd(text: string, offset: number, re: RegExp): number {
  re.lastIndex = offset;
  const m = re.exec(text);
  return offset + (m ? m[0].length : 0);
}

/**
 * The completion context at `offset`, or undefined where nothing should be offered
 * (a comment, a block scalar, a flow mapping, text after a closed flow list).
 */
export function completionContextAt(text: string, offset: number): CursorContext | undefined {
  offset = Math.max(0, Math.min(offset, text.length));
  const lines = splitLines(text);
  const lineIndex = lineIndexAt(lines, offset);
  const lineStart = lines.starts[lineIndex]!;
  const fullLine = lineText(lines, lineIndex);
  const before = fullLine.slice(0, offset - lineStart);
  if (stripComment(before) !== before) return undefined;
  if (isDocumentMarker(before)) return undefined;

  // Dashes of the cursor's line, then the token.
  let i = 0;
  while (i < before.length && before[i] === ' ') i++;
  if (before[i] === '\t') return undefined;
  const dashes: number[] = [];
  while (before[i] === '-' && (i + 1 === before.length || before[i + 1] === ' ')) {
    dashes.push(i);
    i++;
    while (before[i] === ' ') i++;
  }
  const tokenCol = i;
  const rest = before.slice(i);
  const key = KEY_RE.exec(rest);
  const levelCol = dashes[0] ?? tokenCol;
  const anc = ancestorsOf(lines, lineIndex, levelCol, dashes.length > 0);
  if (!anc) return undefined;
  const linePath = dashes.slice(1).map(() => '*');

  if (key) {
    const keyName = unquote(key[1]!);
    const mapPath = dashes.length > 0 ? [...anc.path, '*', ...linePath] : anc.path;
    const siblings = mapKeysAround(lines, lineIndex, tokenCol, dashes.length === 0);
    siblings.delete(keyName);
    const valueText = rest.slice(key[0].length);
    const valueOffset = lineStart + tokenCol + key[0].length;
    const trimmed = valueText.trimStart();
    if (trimmed.startsWith('{') || BLOCK_SCALAR_RE.test(trimmed.trim()) || trimmed.startsWith('&') || trimmed.startsWith('*') || trimmed.startsWith('!')) return undefined;
    const flow = flowItemStart(valueText);
    if (trimmed.startsWith('[') && !flow) return undefined;
    let start: number;
    let inFlowList = false;
    if (flow) {
      inFlowList = true;
      let s = flow.itemStart;
      while (valueText[s] === ' ') s++;
      start = valueOffset + s;
    } else {
      start = valueOffset + (valueText.length - trimmed.length);
    }
    let quoted = false;
    if (text[start] === '"' || text[start] === "'") {
      quoted = true;
      start++;
    }
    const end = wordEnd(text, offset, VALUE_WORD_END);
    let listed: string[] = [];
    if (inFlowList) {
      listed = flowItems(fullLine.slice(tokenCol + key[0].length));
      const current = listed.indexOf(text.slice(start, end));
      if (current >= 0) listed.splice(current, 1);
    }
    const prefix = text.slice(start, offset);
    const needsSpace = valueText === '' && !inFlowList;
    const valuePath = [...mapPath, keyName, ...(inFlowList ? ['*'] : [])];
    return { kind: 'value', valuePath, key: keyName, start, end, prefix, siblings, listed, inFlowList, quoted, needsSpace };
  }

  // A bare token: a key being typed, or a new list item.
  if (/:\s/.test(rest) || rest.endsWith(':')) return undefined;
  const start = lineStart + tokenCol;
  const after = fullLine.slice(offset - lineStart);
  const end = rest.includes(' ') ? wordEnd(text, offset, VALUE_WORD_END) : wordEnd(text, offset, KEY_WORD_END);
  const colonAfter = /^[\w.$-]*[ \t]*:(\s|$)/.test(after);
  const afterDash = dashes.length > 0;
  const parentPath = afterDash ? [...anc.path, ...linePath] : anc.path;
  const siblings = mapKeysAround(lines, lineIndex, tokenCol, !afterDash);
  const presentKeys = new Set(siblings.keys());
  const listed = afterDash ? blockItemsAround(lines, lineIndex, dashes[dashes.length - 1]!) : [];
  return {
    kind: 'bare', parentPath, afterDash, level: afterDash ? undefined : anc.level, presentKeys, siblings, listed,
    colonAfter, start, end, prefix: rest,
  };
}
