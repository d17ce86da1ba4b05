/**
 * "Add missing controls to the SoA" as one workspace edit: a stub (`applicable: true`,
 * `justification: TODO`) for every Annex A control the SoA does not address, in Annex A
 * order. With an SoA section, this is exactly the `soa-incomplete` quick fix (asked for
 * through its public entry point, so both stay one implementation); without one, the
 * edit creates `soa.isms.yaml` in the workspace folder (or appends the section to it).
 */
import type { CreateFile, Diagnostic, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Scalar } from 'yaml';
import { CONTROLS, getControl, type Control } from './catalog';
import { SOURCE } from './diagnostics/diagnose';
import { getCodeActions } from './features/codeActions';
import { eolOf, keepsYamlValid, textEdit } from './features/yamlEdits';
import { keyOf } from './parse/yamlAccess';
import { childUri } from './uri';
import type { IsmsWorkspace } from './workspace/ismsWorkspace';

/** The file a new SoA section goes to when the workspace has none. */
export const NEW_SOA_FILE_NAME = 'soa.isms.yaml';

export interface SoaStubsEdit {
  /** Undefined when there is nothing to add or no safe edit (see `reason`). */
  edit?: WorkspaceEdit;
  /** Control ids the edit adds, in Annex A order. */
  added: string[];
  /** The file the edit changes or creates. */
  targetUri?: string;
  reason?: string;
}

/**
 * The edit adding stubs for the controls of `ids` (default: all 93) that the SoA does not
 * address yet. Ids that are not 2022 controls are ignored.
 */
export function missingControlsEdit(ws: IsmsWorkspace, ids?: readonly string[]): SoaStubsEdit {
  const model = ws.model;
  const addressed = new Set(model.soaEntries.map((e) => e.id).filter((id): id is string => id !== undefined && getControl(id) !== undefined));
  const wanted = ids ? new Set(ids) : undefined;
  const missing = CONTROLS.filter((c) => (!wanted || wanted.has(c.id)) && !addressed.has(c.id));
  if (missing.length === 0) {
    const reason = wanted && wanted.size === 1 ? `${[...wanted][0]} is already in the SoA.` : 'The SoA already addresses every control asked for.';
    return { added: [], reason };
  }
  const soa = model.singleton('soa');
  if (soa) return viaQuickFix(ws, soa.file.uri, soa.key, keyOf(soa.value, 'controls'), missing);
  return newSoaSection(ws, missing);
}

/** Asks the `soa-incomplete` quick fix for its edit, with a diagnostic naming `missing`. */
function viaQuickFix(ws: IsmsWorkspace, uri: string, soaKey: Scalar, controlsKey: Scalar | undefined, missing: readonly Control[]): SoaStubsEdit {
  const file = ws.file(uri)!;
  const anchor = controlsKey?.range ?? soaKey.range ?? [0, 0, 0];
  const range = { start: file.lines.positionAt(anchor[0]), end: file.lines.positionAt(anchor[1]) };
  const diagnostic: Diagnostic = { range, message: 'soa-incomplete', source: SOURCE, code: 'soa-incomplete', data: { missing: missing.map((c) => c.id) } };
  // The fix is the preferred action attached to our diagnostic; suppressions are not preferred.
  const action = getCodeActions(ws, uri, range, [diagnostic]).find((a) => a.isPreferred === true && a.edit && a.diagnostics?.includes(diagnostic));
  if (!action?.edit) {
    const broken = file.yaml === undefined || file.yaml.errors.length > 0;
    return {
      added: [],
      targetUri: uri,
      reason: broken ? 'The SoA file has YAML errors; fix them first, then add the missing controls.' : 'The SoA could not be extended automatically (is `soa.controls` a block list?).',
    };
  }
  return { edit: action.edit, added: missing.map((c) => c.id), targetUri: uri };
}

/** `soa:` with `controls:` and the stubs, appended to `soa.isms.yaml` or as that new file. */
function newSoaSection(ws: IsmsWorkspace, missing: readonly Control[]): SoaStubsEdit {
  const uri = childUri(ws.folderUri, NEW_SOA_FILE_NAME);
  const existing = ws.file(uri);
  const eol = existing ? eolOf(existing.text) : '\n';
  const body = ['soa:', '  controls:', ...missing.flatMap((c) => [`    - id: ${c.id} # ${c.title}`, '      applicable: true', '      justification: TODO'])].join(eol) + eol;
  const added = missing.map((c) => c.id);
  if (existing) {
    const text = existing.text;
    const prefix = text.length === 0 ? '' : text.endsWith('\n') ? eol : eol + eol;
    const edit = textEdit(existing, text.length, text.length, prefix + body);
    if (!existing.yaml || existing.yaml.errors.length > 0 || !keepsYamlValid(existing, [edit], false)) {
      return { added: [], targetUri: uri, reason: `${NEW_SOA_FILE_NAME} has YAML errors or is not a mapping; fix it first, then add the missing controls.` };
    }
    return { edit: { changes: { [uri]: [edit] } }, added, targetUri: uri };
  }
  if (ws.host.stat(uri) !== undefined) {
    return { added: [], targetUri: uri, reason: `${NEW_SOA_FILE_NAME} exists but could not be read.` };
  }
  const header = `# Statement of Applicability (ISO/IEC 27001:2022 clause 6.1.3 d): every Annex A control,${eol}# included or excluded, each with a justification.${eol}`;
  const create: CreateFile = { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: true } };
  const insert: TextDocumentEdit = {
    textDocument: { uri, version: null },
    edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: header + body }],
  };
  return { edit: { documentChanges: [create, insert] }, added, targetUri: uri };
}
