/**
 * Quick fixes for the ISMS diagnostics (spec §3 and §9 "Protocol"): each carries its
 * edit (no `codeAction/resolve`), names the diagnostics it fixes, and is preferred when
 * it is the single obvious fix. Fixes read a diagnostic's `code` and `data`, never its
 * message. Every edit keeps the file valid YAML with the file's line endings: a value is
 * replaced by a plain-safe or quoted scalar, added structure is re-parsed before it is
 * offered, and a suppression comment goes only where YAML reads it as a comment.
 *
 * Offered:
 * - `control-id-format`: write `data.replacement` (`5.10` → `A.5.10`); preferred.
 * - `legacy-control`: write the 2022 id; preferred when the mapping is one-to-one; a
 *   control that was split (`A.18.2.3` → A.5.36, A.8.8) gets one fix per 2022 control,
 *   none preferred — which one applies is the author's call.
 * - `unknown-control`: one fix per suggestion, with the control's title.
 * - `unknown-person|evidence|audit`: "Change to 'id'" per suggestion; for evidence also
 *   "Add evidence item 'ID' to the register" (to the first evidence section of the
 *   workspace, or a new section in this file).
 * - `soa-incomplete`: one edit appending a stub for every missing control, in Annex A order.
 * - every rule: "Suppress 'code' on this line"; `unused-suppression`: remove it.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { CONTROLS, getControl } from '../catalog';
import { formatDate } from '../dates';
import { notShownOf, SOURCE, UNUSED_SUPPRESSION } from '../diagnostics/diagnose';
import type { IsmsFile } from '../parse/ismsFile';
import { keyOf, pairOf } from '../parse/yamlAccess';
import { RULE_CODES } from '../rules/index';
import { escapeInvisible } from '../visibleText';
import type { IsmsWorkspace } from '../workspace/ismsWorkspace';
import { removeSuppressionAction, suppressActions } from './suppressionActions';
import { SuppressionContext } from './suppressionContext';
import { appendListToMap, appendSection, appendToList, keepsYamlValid, textEdit, yamlScalar, type ItemLines } from './yamlEdits';

/**
 * The quick fixes for `diagnostics` (those the client reports at `range`) in the file
 * `uri`. Diagnostics from other sources, or that no longer match the text, get none.
 */
export function getCodeActions(ws: IsmsWorkspace, uri: string, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const file = ws.file(uri);
  if (!file) return [];
  const ours = diagnostics.filter((d) => d.source === SOURCE && typeof d.code === 'string' && intersects(d.range, range));
  const request = new FixRequest(ws, file);
  const fixes: CodeAction[] = [];
  for (const diagnostic of ours) {
    try {
      fixes.push(...fixesFor(request, diagnostic));
    } catch {
      // A stale or odd diagnostic gets no fix rather than failing the whole request.
    }
  }
  return [...fixes, ...suppressionActions(file, uri, ours)];
}

function intersects(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/**
 * What the fixes of one request share, computed once however many diagnostics it covers
 * (a request over a whole file may carry a hundred).
 */
class FixRequest {
  private citedCache: Set<string> | undefined;
  private readonly appendChecked = new Map<string, boolean>();
  private readonly scalars = new Map<string, string>();

  constructor(readonly ws: IsmsWorkspace, readonly file: IsmsFile) {}

  /** True when a citation of the file spans exactly `start` to `end`. */
  isCitation(start: number, end: number): boolean {
    this.citedCache ??= new Set(this.ws.model.facts(this.file).citations.map((c) => `${c.node.range![0]}:${c.node.range![1]}`));
    return this.citedCache.has(`${start}:${end}`);
  }

  /** `yamlScalar(value)`, which parses the value: the same few ids are suggested again and again. */
  scalar(value: string): string {
    let out = this.scalars.get(value);
    if (out === undefined) this.scalars.set(value, (out = yamlScalar(value)));
    return out;
  }

  /**
   * True when the items `edit(id)` appends to `target` keep it valid YAML. The items of one
   * request differ only in their id, written by `yamlScalar` as one scalar valid wherever
   * a plain one is; so the edit is parsed once per target, with a stand-in id.
   */
  appendKeepsYamlValid(target: IsmsFile, edit: (id: string) => TextEdit | undefined): boolean {
    let ok = this.appendChecked.get(target.uri);
    if (ok === undefined) {
      const probe = edit(STAND_IN_ID);
      ok = probe !== undefined && keepsYamlValid(target, [probe], false);
      this.appendChecked.set(target.uri, ok);
    }
    return ok;
  }
}

const STAND_IN_ID = 'EV-000';

function fixesFor(request: FixRequest, diagnostic: Diagnostic): CodeAction[] {
  const { ws, file } = request;
  const data = (diagnostic.data ?? {}) as Record<string, unknown>;
  switch (diagnostic.code) {
    case 'control-id-format': {
      const replacement = stringData(data.replacement);
      return replacement ? compact([replaceAction(request, diagnostic, replacement, `Change to ${controlText(replacement)}`, true)]) : [];
    }
    case 'legacy-control': {
      const targets = stringList(data.ids2022);
      const replacement = stringData(data.replacement);
      if (replacement) return compact([replaceAction(request, diagnostic, replacement, `Change to ${controlText(replacement)}`, true)]);
      return compact(targets.map((id) => replaceAction(request, diagnostic, id, `Change to ${controlText(id)}`, false)));
    }
    case 'unknown-control': {
      const suggestions = stringList(data.suggestions);
      return compact(suggestions.map((id) => replaceAction(request, diagnostic, id, `Change to ${controlText(id)}`, suggestions.length === 1)));
    }
    case 'unknown-person':
    case 'unknown-evidence':
    case 'unknown-audit': {
      const suggestions = stringList(data.suggestions);
      const actions = suggestions.map((id) => replaceAction(request, diagnostic, request.scalar(id), `Change to '${id}'`, suggestions.length === 1));
      const id = stringData(data.id);
      if (diagnostic.code === 'unknown-evidence' && id !== undefined) actions.push(addEvidenceAction(request, diagnostic, id));
      return compact(actions);
    }
    case 'soa-incomplete':
      return compact([addMissingControlsAction(ws, file, diagnostic, stringList(data.missing))]);
    default:
      return [];
  }
}

/** One suppression fix per code and line (one comment silences all of them), and unused-suppression removals. */
function suppressionActions(file: IsmsFile, uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const ctx = new SuppressionContext(file);
  const groups = new Map<string, Diagnostic[]>();
  const out: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const code = diagnostic.code as string;
    if (code === UNUSED_SUPPRESSION) {
      const removal = removeSuppressionAction(ctx, uri, diagnostic);
      if (removal) out.push(removal);
      continue;
    }
    // The "more problems not shown" notice goes away by fixing problems, not by a comment
    // (which would only silence the file's other yaml-syntax findings on that line).
    if (!RULE_CODES.has(code) || notShownOf(diagnostic)) continue;
    const key = `${diagnostic.range.start.line}\u0000${code}`;
    const group = groups.get(key);
    if (group) group.push(diagnostic);
    else groups.set(key, [diagnostic]);
  }
  const byCode = [...groups].map(([key, group]) => ({ code: key.slice(key.indexOf('\u0000') + 1), diagnostics: group }));
  return [...out, ...suppressActions(ctx, uri, byCode)];
}

/** The title quotes ids and file names: acting and invisible characters in them are shown as escapes. */
function quickFix(title: string, diagnostic: Diagnostic, uri: string, edits: TextEdit[], isPreferred: boolean): CodeAction {
  const action: CodeAction = { title: escapeInvisible(title), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: edits } } };
  if (isPreferred) action.isPreferred = true;
  return action;
}

/**
 * Replaces the cited value the diagnostic covers by `newText`. A diagnostic older than
 * the text (its range no longer a citation's exact range) gets no fix.
 */
function replaceAction(request: FixRequest, diagnostic: Diagnostic, newText: string, title: string, isPreferred: boolean): CodeAction | undefined {
  const { file } = request;
  const start = file.lines.offsetAt(diagnostic.range.start);
  const end = file.lines.offsetAt(diagnostic.range.end);
  if (!request.isCitation(start, end) || /[\r\n]/.test(file.text.slice(start, end)) || file.text.slice(start, end) === newText) return undefined;
  // One scalar on one line for a plain-safe or double-quoted one: valid in block and flow
  // context alike, so no re-parse is needed (code actions are asked for on every cursor move).
  return quickFix(title, diagnostic, file.uri, [textEdit(file, start, end, newText)], isPreferred);
}

/** "Add evidence item 'EV-404' to the register": a new item at the end of the first evidence section. */
function addEvidenceAction(request: FixRequest, diagnostic: Diagnostic, id: string): CodeAction | undefined {
  const { ws, file } = request;
  const model = ws.model;
  if (model.itemsWithId('evidence', id).length > 0) return undefined;
  const section = model.sections('evidence')[0];
  const target = section ? section.file : file;
  // Structure is only extended in a file that parses cleanly.
  if (!target.yaml || target.yaml.errors.length > 0) return undefined;
  const collected = formatDate(ws.today());
  const append = (itemId: string) => {
    const item: ItemLines = [`id: ${request.scalar(itemId)}`, 'title: TODO', 'link:', `collected: ${collected}`];
    return section ? appendToList(target, section.key, section.value, [item]) : appendSection(file, 'evidence', [item]);
  };
  const edit = append(id);
  if (!edit || !request.appendKeepsYamlValid(target, append)) return undefined;
  const where = target === file ? '' : ` (${target.uri.slice(target.uri.lastIndexOf('/') + 1)})`;
  return quickFix(`Add evidence item '${id}' to the register${where}`, diagnostic, target.uri, [edit], false);
}

/** Stubs for every missing control, in Annex A order, appended to `soa.controls` in one edit. */
function addMissingControlsAction(ws: IsmsWorkspace, file: IsmsFile, diagnostic: Diagnostic, missing: string[]): CodeAction | undefined {
  const model = ws.model;
  const soa = model.singleton('soa');
  if (!soa || soa.file !== file || !file.yaml || file.yaml.errors.length > 0) return undefined;
  // The diagnostic may be older than the text: add only what is still missing.
  const addressed = new Set(model.soaEntries.map((e) => e.id));
  const wanted = new Set(missing);
  const controls = CONTROLS.filter((c) => wanted.has(c.id) && !addressed.has(c.id));
  if (controls.length === 0) return undefined;
  const items: ItemLines[] = controls.map((c) => [`id: ${c.id} # ${c.title}`, 'applicable: true', 'justification: TODO']);
  const controlsPair = pairOf(soa.value, 'controls');
  const edit = controlsPair
    ? appendToList(file, keyOf(soa.value, 'controls')!, controlsPair.value, items)
    : appendListToMap(file, soa.key, soa.value, 'controls', items);
  if (!edit || !keepsYamlValid(file, [edit], false)) return undefined;
  const title = `Add the ${controls.length} missing control${controls.length === 1 ? '' : 's'} to the SoA`;
  return quickFix(title, diagnostic, file.uri, [edit], true);
}

/** `A.5.37 Documented operating procedures` (the id alone when it is not a 2022 control). */
function controlText(id: string): string {
  const control = getControl(id);
  return control ? `${id} ${control.title}` : id;
}

function stringData(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : [];
}

function compact<T>(list: (T | undefined)[]): T[] {
  return list.filter((x): x is T => x !== undefined);
}
