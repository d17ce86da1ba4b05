/**
 * One fuzz case end to end: build the workspace in memory, diagnose the target file, then
 * ask every entry point that exists (see entryPoints.ts) about it, checking each answer's
 * invariants. Nothing may throw (a refused rename aside), no rule may fail, every range
 * lies in its document, every edit applies, every report is well-formed.
 */
import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDate } from '../../server/src/core/dates';
import { parseIsmsFile } from '../../server/src/core/parse/ismsFile';
import { RULE_CODES } from '../../server/src/core/rules/index';
import { hasInvisible } from '../../server/src/core/visibleText';
import { IsmsWorkspace } from '../../server/src/core/workspace/ismsWorkspace';
import { ROOT, memoryHost, uriOf, type MemoryTree } from '../helpers/memoryHost';
import { discoverEntryPoints } from './entryPoints';
import type { FuzzCase } from './generators';
import {
  applyEdits, applyWorkspaceEdit, checkCsv, checkHtml, checkMarkdown, checkPosition, checkRange, checkVisible, contains, documentOf, fail, KnownIssueError,
  type Documents,
} from './invariants';

/** Files beside every case: evidence the links can reach, and a symbolic link that leaves the folder. */
const EVIDENCE_TREE: MemoryTree = {
  'evidence/policy.pdf': '%PDF',
  'evidence/a b.pdf': '%PDF',
  'evidence/escape.pdf': { link: 'file:///elsewhere/secret.pdf' },
  'evidence/board-minutes-2026-01.pdf': '%PDF',
};

/**
 * Runs one group of checks; a known issue (knownIssues.ts) ends the group, not the case,
 * so that the other entry points are still checked on this input.
 */
function section(work: () => void): void {
  try {
    work();
  } catch (error) {
    if (!(error instanceof KnownIssueError)) throw error;
  }
}

/** Runs one case; throws InvariantError (or whatever the core threw) when something is wrong. */
export function checkCase(c: FuzzCase): void {
  const { api } = discoverEntryPoints();
  const ruleFailures: string[] = [];
  const today = parseDate(c.today)!;
  const ws = new IsmsWorkspace({
    host: memoryHost({ ...EVIDENCE_TREE, ...c.files }),
    folderUri: ROOT,
    today: () => today,
    unusedSuppressionSeverity: DiagnosticSeverity.Hint,
    log: (message) => {
      if (/^Rule '/.test(message)) ruleFailures.push(message);
    },
  });
  ws.scan();
  const uri = uriOf(c.target);
  const file = ws.file(uri);
  if (!file) fail(`the target ${c.target} was not loaded by the scan`);
  const docs: Map<string, TextDocument> = new Map(ws.uris().map((u) => [u, ws.file(u)!.lines]));
  const doc = file.lines;
  const text = file.text;
  if (doc.getText() !== text) fail('the file text and its TextDocument differ');

  // Diagnostics of the target.
  const result = ws.diagnose(uri);
  if (!result) fail('diagnose returned nothing for a loaded file');
  const diagnostics = result.diagnostics;
  section(() => checkDiagnostics(docs, doc, diagnostics));
  if (ruleFailures.length > 0) section(() => fail(`a rule threw: ${ruleFailures[0]}`));
  // From the parse itself: a suppressed yaml-syntax diagnostic still leaves the YAML broken.
  const syntaxClean = file.syntax.length === 0;

  const positions: Position[] = c.positions.map((f) => doc.positionAt(Math.floor(f * (text.length + 1))));
  const wild = c.wildPosition;
  const whole: Range = { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };

  for (const [i, position] of [...positions, wild].entries()) {
    // The extra position is "wild" only when it really lies outside the text.
    const isWild = i === positions.length && !isValidPosition(doc, wild);
    const at = `${isWild ? 'wild position' : 'position'} ${JSON.stringify(position)}`;
    if (api.getHover) section(() => {
      const hover = api.getHover!(ws, uri, position);
      if (!hover) return;
      if (hover.range) {
        checkRange(doc, hover.range, `hover at ${at}`);
        if (!isWild && !contains(hover.range, position)) fail(`hover at ${at}: its range ${JSON.stringify(hover.range)} does not contain the position`);
      }
      const contents = hover.contents as { value?: unknown } | string;
      if (typeof contents !== 'string' && typeof contents?.value !== 'string' && !Array.isArray(contents)) fail(`hover at ${at}: no contents`);
      for (const part of [contents].flat()) checkVisible(typeof part === 'string' ? part : part.value, `hover at ${at}`, /\n/g);
    });
    if (api.getCompletions) section(() => {
      for (const snippetSupport of [true, false]) {
        if (!snippetSupport && i > 0) continue;
        const list = api.getCompletions!(ws, uri, position, { snippetSupport });
        if (!list || !Array.isArray(list.items)) fail(`completion at ${at}: not a list`);
        for (const item of list.items.slice(0, 200)) checkCompletionItem(doc, item, position, isWild, `completion '${item.label}' at ${at}`);
      }
    });
    if (api.getDefinition) section(() => {
      for (const loc of api.getDefinition!(ws, uri, position)) checkRange(documentOf(docs, loc.uri, `definition at ${at}`), loc.range, `definition at ${at}`);
    });
    if (api.getReferences) section(() => {
      for (const loc of api.getReferences!(ws, uri, position, true)) checkRange(documentOf(docs, loc.uri, `references at ${at}`), loc.range, `references at ${at}`);
    });
    if (api.getDocumentHighlights) section(() => {
      for (const h of api.getDocumentHighlights!(ws, uri, position)) checkRange(doc, h.range, `highlight at ${at}`);
    });
    if (api.prepareRename) section(() => {
      const prepared = api.prepareRename!(ws, uri, position);
      if (!prepared) return;
      checkRange(doc, prepared.range, `prepareRename at ${at}`);
      // The cursor may sit on the quote just outside a quoted id's range.
      const near = { start: { line: prepared.range.start.line, character: Math.max(0, prepared.range.start.character - 1) }, end: { line: prepared.range.end.line, character: prepared.range.end.character + 1 } };
      if (!isWild && !contains(near, position)) fail(`prepareRename at ${at}: its range ${JSON.stringify(prepared.range)} does not contain the position`);
      if (typeof prepared.placeholder !== 'string') fail(`prepareRename at ${at}: no placeholder`);
      if (api.getRename) checkRename(api, ws, docs, uri, position, c.renameTo, syntaxClean, at);
    });
  }

  if (api.getCodeActions && c.heavy) section(() => checkCodeActions(api.getCodeActions!, ws, docs, uri, whole, diagnostics, syntaxClean));

  if (api.getDocumentSymbols) section(() => {
    const walk = (symbols: ReturnType<NonNullable<typeof api.getDocumentSymbols>>, where: string) => {
      for (const s of symbols) {
        const what = `document symbol '${s.name}' ${where}`;
        if (typeof s.name !== 'string' || s.name === '') fail(`${what}: an empty name (VS Code rejects it: "name must not be falsy")`);
        checkVisible(s.name, `${what}: name`);
        checkVisible(s.detail, `${what}: detail`);
        checkRange(doc, s.range, what);
        checkRange(doc, s.selectionRange, `${what} selectionRange`);
        if (!contains(s.range, s.selectionRange.start) || !contains(s.range, s.selectionRange.end)) fail(`${what}: selectionRange ${JSON.stringify(s.selectionRange)} is not inside range ${JSON.stringify(s.range)} (VS Code rejects it)`);
        if (s.children) walk(s.children, `under '${s.name}'`);
      }
    };
    walk(api.getDocumentSymbols!(ws, uri), '');
  });
  if (api.getWorkspaceSymbols) section(() => {
    for (const s of api.getWorkspaceSymbols!([ws], c.symbolQuery)) {
      if (typeof s.name !== 'string' || s.name === '') fail(`workspace symbol for ${JSON.stringify(c.symbolQuery)}: an empty name`);
      checkVisible(s.name, 'workspace symbol: name');
      checkVisible(s.containerName, 'workspace symbol: container name');
      checkRange(documentOf(docs, s.location.uri, 'workspace symbol'), s.location.range, `workspace symbol '${s.name}'`);
    }
  });
  if (api.getDocumentLinks) section(() => {
    for (const link of api.getDocumentLinks!(ws, uri)) {
      checkRange(doc, link.range, 'document link');
      const target = link.target ?? '';
      if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(target)) fail(`document link: target ${JSON.stringify(target)} is not a URI`);
      if (/^file:/i.test(target) && !target.startsWith(ROOT + '/')) fail(`document link: target ${target} lies outside the workspace`);
      if (/^file:/i.test(target) && target.startsWith(ROOT + '/evidence/escape')) fail(`document link: target ${target} leaves the workspace through a symbolic link`);
      if (!/^(https|file):/i.test(target)) fail(`document link: scheme of ${target} is neither https nor file`);
      checkVisible(link.tooltip, 'document link: tooltip');
    }
  });
  if (api.getCodeLenses) section(() => {
    for (const lens of api.getCodeLenses!(ws, uri, 'isms.showReferences')) {
      checkRange(doc, lens.range, 'code lens');
      if (!lens.command || typeof lens.command.title !== 'string' || lens.command.title === '') fail('code lens: no command title once resolved');
      checkVisible(lens.command.title, 'code lens: title');
    }
  });
  if (api.getInlayHints) section(() => {
    for (const hint of api.getInlayHints!(ws, uri, whole)) {
      checkPosition(doc, hint.position, 'inlay hint');
      const label = typeof hint.label === 'string' ? hint.label : hint.label.map((p) => p.value).join('');
      if (label === '') fail('inlay hint: an empty label');
      checkVisible(label, 'inlay hint: label');
      checkVisible(typeof hint.tooltip === 'string' ? hint.tooltip : hint.tooltip?.value, 'inlay hint: tooltip', /\n/g);
    }
  });

  if (api.computePhases && c.heavy) section(() => {
    const progress = api.computePhases!(ws);
    const steps = progress.phases.flatMap((p) => p.steps);
    if (progress.phases.length !== 3 || steps.length !== 12) fail(`phases: ${progress.phases.length} phases and ${steps.length} steps, not 3 and 12`);
    for (const step of steps) {
      for (const place of [step, ...(step.children ?? [])]) {
        if (place.file === undefined) continue;
        const target = documentOf(docs, place.file, `phase step ${step.id}`);
        if (place.line !== undefined) checkPosition(target, { line: place.line, character: 0 }, `phase step ${step.id} line`);
      }
    }
    if (api.phasesToJson) JSON.parse(JSON.stringify(api.phasesToJson(progress, (u) => u.slice(ROOT.length + 1))));
    if (api.phasesToText) {
      api.phasesToText(progress, { ascii: true });
      api.phasesToText(progress, { relative: (u) => u.slice(ROOT.length + 1) });
    }
  });

  if (api.missingControlsEdit && c.heavy) section(() => {
    for (const ids of [undefined, ['A.5.1', 'A.8.34', 'A.9.9']]) {
      const result = api.missingControlsEdit!(ws, ids);
      const what = `missingControlsEdit(${ids ? ids.join(',') : 'all'})`;
      if (!result.edit) {
        if (result.added.length > 0) fail(`${what}: names added controls but has no edit`);
        continue;
      }
      const changed = applyWorkspaceEdit(docs, result.edit, what, ROOT);
      if (result.targetUri !== undefined && !changed.has(result.targetUri)) fail(`${what}: does not change its target ${result.targetUri}`);
      if (!syntaxClean) continue;
      for (const [u, after] of changed) {
        const syntax = parseIsmsFile(u, after).syntax;
        if (syntax.length > 0) fail(`${what}: leaves ${u} with a YAML error (${syntax[0]!.message.slice(0, 80)})`);
      }
    }
  });

  if (api.renderReport && c.heavy) section(() => {
    const kinds = api.REPORT_KINDS ?? [c.report.kind];
    const formats = api.REPORT_FORMATS ?? [c.report.format];
    if (!kinds.includes(c.report.kind) || !formats.includes(c.report.format)) return;
    const what = `report ${c.report.kind}.${c.report.format}`;
    const out = api.renderReport!(ws, c.report.kind, c.report.format, { generatedOn: c.today });
    if (typeof out !== 'string' || out.length === 0) fail(`${what}: empty`);
    if (c.report.format === 'html') checkHtml(out, what);
    else if (c.report.format === 'csv') checkCsv(out, what);
    else checkMarkdown(out, what);
    // Line ends are the format's structure (and tabs, inside CSV fields); nothing else may be raw.
    if (hasInvisible(out.replace(c.report.format === 'csv' ? /[\t\r\n]/g : /\n/g, ''))) fail(`${what}: a raw control or invisible character`);
    const again = api.renderReport!(ws, c.report.kind, c.report.format, { generatedOn: c.today });
    if (again !== out) fail(`${what}: not deterministic`);
  });
}

function isValidPosition(doc: TextDocument, p: Position): boolean {
  try {
    checkPosition(doc, p, 'position');
    return true;
  } catch {
    return false;
  }
}

function checkDiagnostics(docs: Documents, doc: TextDocument, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const what = `diagnostic ${String(d.code)} '${d.message?.slice(0, 60)}'`;
    checkRange(doc, d.range, what);
    if (d.source !== 'isms') fail(`${what}: source ${d.source}`);
    if (typeof d.code !== 'string' || !RULE_CODES.has(d.code)) fail(`${what}: unknown code`);
    if (!(d.severity! >= 1 && d.severity! <= 4)) fail(`${what}: severity ${d.severity}`);
    if (typeof d.message !== 'string' || d.message.trim() === '') fail(`${what}: empty message`);
    if (/\[object Object\]|undefined|NaN/.test(d.message)) fail(`${what}: the message shows a programming value: ${d.message}`);
    if (hasInvisible(d.message)) fail(`${what}: the message holds a raw control or invisible character: ${JSON.stringify(d.message)}`);
    for (const r of d.relatedInformation ?? []) {
      checkRange(documentOf(docs, r.location.uri, `${what} related`), r.location.range, `${what} related`);
      if (hasInvisible(r.message)) fail(`${what}: a related message holds a raw control or invisible character: ${JSON.stringify(r.message)}`);
    }
    try {
      JSON.stringify(d);
    } catch (error) {
      fail(`${what}: cannot be sent as JSON (${(error as Error).message})`);
    }
  }
}

function checkCompletionItem(doc: TextDocument, item: import('vscode-languageserver-types').CompletionItem, position: Position, isWild: boolean, what: string): void {
  if (typeof item.label !== 'string' || item.label === '') fail(`${what}: empty label`);
  checkVisible(item.label, `${what}: label`);
  checkVisible(item.detail, `${what}: detail`);
  checkVisible(item.labelDetails?.detail, `${what}: label detail`);
  checkVisible(item.labelDetails?.description, `${what}: label description`);
  checkVisible(typeof item.documentation === 'string' ? item.documentation : item.documentation?.value, `${what}: documentation`, /\n/g);
  const edit = item.textEdit;
  const ranges: Range[] = [];
  if (edit) {
    if ('range' in edit) ranges.push(edit.range);
    else ranges.push(edit.insert, edit.replace);
    for (const r of ranges) {
      checkRange(doc, r, `${what} textEdit`);
      if (r.start.line !== r.end.line) fail(`${what}: textEdit spans lines ${JSON.stringify(r)} (must be a single line)`);
      if (!isWild && !contains(r, doc.positionAt(doc.offsetAt(position)))) fail(`${what}: textEdit ${JSON.stringify(r)} does not contain the position ${JSON.stringify(position)}`);
    }
  }
  if (item.additionalTextEdits) {
    const main = edit ? [{ range: 'range' in edit ? edit.range : edit.replace, newText: edit.newText }] : [];
    applyEdits(doc, [...main, ...item.additionalTextEdits], `${what} with additionalTextEdits`);
  }
}

function checkCodeActions(
  getCodeActions: NonNullable<ReturnType<typeof discoverEntryPoints>['api']['getCodeActions']>,
  ws: IsmsWorkspace, docs: Documents, uri: string, whole: Range, diagnostics: readonly Diagnostic[], syntaxClean: boolean,
): void {
  // The whole file with a handful of its diagnostics, then one diagnostic at its own range
  // (as an editor asks on a click); more finds little and costs much.
  const requests: [Range, readonly Diagnostic[]][] = [[whole, diagnostics.slice(0, 4)], ...diagnostics.slice(-1).map((d): [Range, Diagnostic[]] => [d.range, [d]])];
  let parsed = 0;
  for (const [range, ds] of requests) {
    for (const action of getCodeActions(ws, uri, range, ds)) {
      const what = `code action '${action.title}'`;
      if (!action.title) fail('code action: no title');
      checkVisible(action.title, 'code action: title');
      if (!action.edit && !action.command) fail(`${what}: neither an edit nor a command (resolve is not offered)`);
      if (!action.edit) continue;
      const changed = applyWorkspaceEdit(docs, action.edit, what);
      if (!syntaxClean || parsed++ >= 3) continue;
      for (const [u, after] of changed) {
        const syntax = parseIsmsFile(u, after).syntax;
        if (syntax.length > 0) fail(`${what}: leaves ${u} with a YAML error (${syntax[0]!.message.slice(0, 80)}) — the edit result:\n${after.slice(0, 2000)}`);
      }
    }
  }
}

function checkRename(
  api: ReturnType<typeof discoverEntryPoints>['api'], ws: IsmsWorkspace, docs: Documents, uri: string, position: Position, newName: string, syntaxClean: boolean, at: string,
): void {
  let edit;
  try {
    edit = api.getRename!(ws, uri, position, newName);
  } catch (error) {
    if (api.RenameError && error instanceof api.RenameError) {
      checkVisible(error.message, `refused rename to ${JSON.stringify(newName)} at ${at}: message`);
      return;
    }
    throw error;
  }
  const what = `rename to ${JSON.stringify(newName)} at ${at}`;
  const changed = applyWorkspaceEdit(docs, edit, what);
  if (!syntaxClean) return;
  for (const [u, after] of changed) {
    const before = parseIsmsFile(u, docs.get(u)!.getText()).syntax.length;
    const syntax = parseIsmsFile(u, after).syntax;
    if (syntax.length > before) fail(`${what}: leaves ${u} with a YAML error (${syntax[0]!.message.slice(0, 80)})`);
  }
}

