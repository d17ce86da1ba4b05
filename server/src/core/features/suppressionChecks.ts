/**
 * Whether a suggested suppression comment silences its code on its line and breaks
 * nothing. In a file that parses, SuppressionContext's structural checks decide where a
 * comment may go, and reading the edited lines back is enough. In a file with YAML errors
 * the structure is not to be trusted, so the edited file is parsed.
 *
 * Parsing once per comment made a request over a whole broken file (a hundred diagnostics,
 * a hundred comments) take seconds. The comments of one request are therefore checked
 * together: all applied, one parse. A comment changes no value; what it can do wrong is
 * end a scalar early (new errors, or the text after it read differently) or fall inside
 * one (then it is not read as a comment). When every comment of the batch is read as a
 * suppression of its line and the file has exactly the errors it had, at the same places,
 * none of them did either, and each is accepted. Otherwise the comments that were not read
 * are checked alone, as they used to be, and the others together again; a batch whose
 * errors changed is halved until the comment to blame is alone.
 */
import { readSuppressions, type Suppression } from '../diagnostics/suppression';
import { parseIsmsFile, type IsmsFile } from '../parse/ismsFile';
import { SuppressionContext } from './suppressionContext';
import { applyOffsetEdits, isVerified, keepsYamlValid, lineNumbered, textEdit, type OffsetEdit } from './yamlEdits';

/** A suggested comment (or a code added to one) meant to silence `code` on `line`. */
export interface SuppressionEdit {
  readonly edits: readonly OffsetEdit[];
  readonly code: string;
  /** The line, as numbered before the edit, whose findings are to be silenced. */
  readonly line: number;
}

/** For each edit, whether it silences its code on its line and adds no YAML error. */
export function checkSuppressions(file: IsmsFile, candidates: readonly SuppressionEdit[]): boolean[] {
  if (!file.yaml) return candidates.map(() => false);
  if (file.yaml.errors.length === 0) return candidates.map((c) => silencesLocally(file, c));
  // Too large to re-parse on a cursor move (see keepsYamlValid): the structural checks decide.
  if (!isVerified(file)) return candidates.map(() => true);
  const accepted = new Map<SuppressionEdit, boolean>();
  for (const batch of disjointBatches(file, candidates)) checkTogether(file, batch, accepted);
  return candidates.map((c) => accepted.get(c) === true);
}

/** The line that `line` becomes once `edits` are applied (a comment line above it moves it down). */
function lineAfter(file: IsmsFile, line: number, edits: readonly OffsetEdit[]): number {
  const start = lineNumbered(file, line).start;
  let shift = 0;
  for (const e of edits) if (e.start <= start) shift += lineBreaks(e.newText) - lineBreaks(file.text.slice(e.start, e.end));
  return line + shift;
}

function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function silencedBy(suppressions: readonly Suppression[], line: number, code: string): boolean {
  return suppressions.some((s) => s.targetLine === line && s.codes.includes(code));
}

/**
 * The edit applied to the target line and the one above it (where every suppression edit
 * goes), read back: a comment the structural checks allowed is read as diagnose reads it.
 */
function silencesLocally(file: IsmsFile, c: SuppressionEdit): boolean {
  const first = Math.max(0, c.line - 1);
  const from = lineNumbered(file, first).start;
  const to = lineNumbered(file, c.line).contentEnd;
  if (c.edits.some((e) => e.start < from || e.end > to)) return false;
  const region = applyOffsetEdits(file.text.slice(from, to), c.edits.map((e) => ({ start: e.start - from, end: e.end - from, newText: e.newText })));
  return silencedBy(readSuppressions(region), lineAfter(file, c.line, c.edits) - first, c.code);
}

/** One parse of the file with this edit alone: no new error, and the comment is read. */
function checkAlone(file: IsmsFile, c: SuppressionEdit): boolean {
  const edits = c.edits.map((e) => textEdit(file, e.start, e.end, e.newText));
  return keepsYamlValid(file, edits, true, (after) => silencedBy(new SuppressionContext(after).suppressions, lineAfter(file, c.line, c.edits), c.code));
}

/** Edits that can be applied together: no two touch the same line (two codes on one line would). */
function disjointBatches(file: IsmsFile, candidates: readonly SuppressionEdit[]): SuppressionEdit[][] {
  const batches: { lines: Set<number>; members: SuppressionEdit[] }[] = [];
  for (const c of candidates) {
    const lines = c.edits.flatMap((e) => [file.lines.positionAt(e.start).line, file.lines.positionAt(e.end).line]);
    let batch = batches.find((b) => lines.every((l) => !b.lines.has(l)));
    if (!batch) batches.push((batch = { lines: new Set(), members: [] }));
    for (const l of lines) batch.lines.add(l);
    batch.members.push(c);
  }
  return batches.map((b) => b.members);
}

function checkTogether(file: IsmsFile, batch: readonly SuppressionEdit[], accepted: Map<SuppressionEdit, boolean>): void {
  if (batch.length === 0) return;
  if (batch.length === 1) {
    accepted.set(batch[0]!, checkAlone(file, batch[0]!));
    return;
  }
  const edits = batch.flatMap((c) => c.edits);
  const after = parseIsmsFile(file.uri, applyOffsetEdits(file.text, edits), file.version);
  if (after.yaml) {
    const suppressions = new SuppressionContext(after).suppressions;
    const read = batch.filter((c) => silencedBy(suppressions, lineAfter(file, c.line, edits), c.code));
    if (read.length < batch.length) {
      const readSet = new Set(read);
      for (const c of batch) if (!readSet.has(c)) accepted.set(c, checkAlone(file, c));
      checkTogether(file, read, accepted);
      return;
    }
    if (sameErrors(file, after, edits)) {
      for (const c of batch) accepted.set(c, true);
      return;
    }
  }
  const half = Math.ceil(batch.length / 2);
  checkTogether(file, batch.slice(0, half), accepted);
  checkTogether(file, batch.slice(half), accepted);
}

/** The errors after the edits are those before, each where the edits moved it. */
function sameErrors(file: IsmsFile, after: IsmsFile, edits: readonly OffsetEdit[]): boolean {
  const before = file.yaml!.errors;
  const now = after.yaml!.errors;
  if (before.length !== now.length) return false;
  // An error where text was inserted may be reported before or after the insertion.
  const expected = before
    .map((e) => ({ code: e.code, low: moved(e.pos[0], edits, false), high: moved(e.pos[0], edits, true) }))
    .sort((a, b) => a.low - b.low || byCode(a, b));
  const found = now.map((e) => ({ code: e.code, at: e.pos[0] })).sort((a, b) => a.at - b.at || byCode(a, b));
  return expected.every((e, i) => e.code === found[i]!.code && e.low <= found[i]!.at && found[i]!.at <= e.high);
}

/** Where `offset` lands once `edits` are applied; `pastInserted` puts it after text inserted at it. */
function moved(offset: number, edits: readonly OffsetEdit[], pastInserted: boolean): number {
  let out = offset;
  for (const e of edits) {
    const growth = e.newText.length - (e.end - e.start);
    if (e.end < offset || (e.end === offset && (e.start < offset || pastInserted))) out += growth;
    else if (e.start < offset) out += e.start - offset + (pastInserted ? e.newText.length : 0);
  }
  return out;
}

/** Error codes are ASCII constants: code-unit order, without waking ICU's collator (memory) for localeCompare. */
function byCode(a: { code: string }, b: { code: string }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
