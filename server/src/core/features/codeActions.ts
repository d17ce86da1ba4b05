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
import { SOURCE, UNUSED_SUPPRESSION } from '../diagnostics/diagnose';
import type { IsmsFile } from '../parse/ismsFile';
import { keyOf, pairOf } from '../parse/yamlAccess';
import { RULE_CODES } from '../rules/index';
import type { IsmsWorkspace } from '../workspace/ismsWorkspace';
import { removeSuppressionAction, suppressAction, SuppressionContext } from './suppressionActions';
import { appendListToMap, appendSection, appendToList, keepsYamlValid, textEdit, yamlScalar, type ItemLines } from './yamlEdits';

/**
 * The quick fixes for `diagnostics` (those the client reports at `range`) in the file
 * `uri`. Diagnostics from other sources, or that no longer match the text, get none.
 */
export function getCodeActions(ws: IsmsWorkspace, uri: string, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const file = ws.file(uri);
  if (!file) return [];
  const ours = diagnostics.filter((d) => d.source === SOURCE && typeof d.code === 'string' && intersects(d.range, range));
  const fixes: CodeAction[] = [];
  for (const diagnostic of ours) {
    try {
      fixes.push(...fixesFor(ws, file, diagnostic));
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

function fixesFor(ws: IsmsWorkspace, file: IsmsFile, diagnostic: Diagnostic): CodeAction[] {
  const data = (diagnostic.data ?? {}) as Record<string, unknown>;
  switch (diagnostic.code) {
    case 'control-id-format': {
      const replacement = stringData(data.replacement);
      return replacement ? compact([replaceAction(ws, file, diagnostic, replacement, `Change to ${controlText(replacement)}`, true)]) : [];
    }
    case 'legacy-control': {
      const targets = stringList(data.ids2022);
      const replacement = stringData(data.replacement);
      if (replacement) return compact([replaceAction(ws, file, diagnostic, replacement, `Change to ${controlText(replacement)}`, true)]);
      return compact(targets.map((id) => replaceAction(ws, file, diagnostic, id, `Change to ${controlText(id)}`, false)));
    }
    case 'unknown-control': {
      const suggestions = stringList(data.suggestions);
      return compact(suggestions.map((id) => replaceAction(ws, file, diagnostic, id, `Change to ${controlText(id)}`, suggestions.length === 1)));
    }
    case 'unknown-person':
    case 'unknown-evidence':
    case 'unknown-audit': {
      const suggestions = stringList(data.suggestions);
      const actions = suggestions.map((id) => replaceAction(ws, file, diagnostic, yamlScalar(id), `Change to '${id}'`, suggestions.length === 1));
      const id = stringData(data.id);
      if (diagnostic.code === 'unknown-evidence' && id !== undefined) actions.push(addEvidenceAction(ws, file, diagnostic, id));
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
    if (!RULE_CODES.has(code)) continue;
    const key = `${diagnostic.range.start.line}\u0000${code}`;
    const group = groups.get(key);
    if (group) group.push(diagnostic);
    else groups.set(key, [diagnostic]);
  }
  for (const [key, group] of groups) {
    const action = suppressAction(ctx, uri, key.slice(key.indexOf('\u0000') + 1), group);
    if (action) out.push(action);
  }
  return out;
}

function quickFix(title: string, diagnostic: Diagnostic, uri: string, edits: TextEdit[], isPreferred: boolean): CodeAction {
  const action: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: edits } } };
  if (isPreferred) action.isPreferred = true;
  return action;
}

/**
 * Replaces the cited value the diagnostic covers by `newText`. A diagnostic older than
 * the text (its range no longer a citation's exact range) gets no fix.
 */
function replaceAction(ws: IsmsWorkspace, file: IsmsFile, diagnostic: Diagnostic, newText: string, title: string, isPreferred: boolean): CodeAction | undefined {
  const start = file.lines.offsetAt(diagnostic.range.start);
  const end = file.lines.offsetAt(diagnostic.range.end);
  const cited = ws.model.facts(file).citations.some((c) => c.node.range![0] === start && c.node.range![1] === end);
  if (!cited || /[\r\n]/.test(file.text.slice(start, end)) || file.text.slice(start, end) === newText) return undefined;
  // One scalar on one line for a plain-safe or double-quoted one: valid in block and flow
  // context alike, so no re-parse is needed (code actions are asked for on every cursor move).
  return quickFix(title, diagnostic, file.uri, [textEdit(file, start, end, newText)], isPreferred);
}

/** "Add evidence item 'EV-404' to the register": a new item at the end of the first evidence section. */
function addEvidenceAction(ws: IsmsWorkspace, file: IsmsFile, diagnostic: Diagnostic, id: string): CodeAction | undefined {
  const model = ws.model;
  if (model.itemsWithId('evidence', id).length > 0) return undefined;
  const item: ItemLines = [`id: ${yamlScalar(id)}`, 'title: TODO', 'link:', `collected: ${formatDate(ws.today())}`];
  const section = model.sections('evidence')[0];
  const target = section ? section.file : file;
  // Structure is only extended in a file that parses cleanly.
  if (!target.yaml || target.yaml.errors.length > 0) return undefined;
  const edit = section ? appendToList(target, section.key, section.value, [item]) : appendSection(file, 'evidence', [item]);
  if (!edit || !keepsYamlValid(target, [edit], false)) return undefined;
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
