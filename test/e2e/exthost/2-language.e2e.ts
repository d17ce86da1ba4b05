/**
 * Language features through VS Code's own provider commands, answered by the real
 * language server: hover, code lenses, completion, a quick fix, rename across files.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CONTROLS } from '../../../server/src/core/catalog/annexA';
import { activateExtension, codeOf, fileIn, folder, ismsDiagnostics, ismsFiles, nextDiagnostics, positionOf, revertAll, waitFor } from './helpers';

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** Markdown escapes (`\.`, `\(`) removed, so titles compare as plain text. */
function unescape(markdown: string): string {
  return markdown.replace(/\\([\\`*_{}[\]<>()#+\-.!|~])/g, '$1');
}

describe('language features', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await revertAll();
  });

  it('hover on a control id shows its title', async () => {
    const doc = await vscode.workspace.openTextDocument(fileIn('acme', 'soa.isms.yaml'));
    await vscode.window.showTextDocument(doc);
    const control = CONTROLS.find((c) => c.id === 'A.8.24');
    assert.ok(control);
    const position = positionOf(doc, `- id: ${control.id}\n`, 0, '- id: A.8'.length);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
    const text = unescape(hoverText(hovers));
    assert.match(text, new RegExp(control.id.replace(/\./g, '\\.')));
    assert.ok(text.includes(control.title), `hover should name "${control.title}":\n${text}`);
  });

  it("hover on a control id shows its state in this ISMS (the SoA's status)", async () => {
    const doc = await vscode.workspace.openTextDocument(fileIn('acme', 'soa.isms.yaml'));
    const entry = doc.getText().slice(doc.offsetAt(positionOf(doc, '- id: A.5.1\n')));
    const status = /\n\s+status: ([a-z-]+)/.exec(entry)?.[1];
    assert.ok(status, 'acme SoA has a status for A.5.1');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, '- id: A.5.1\n', 0, 8));
    const text = unescape(hoverText(hovers));
    assert.ok(text.toLowerCase().includes(status.replace(/-/g, ' ')) || text.includes(status), `hover should show the status '${status}':\n${text}`);
  });

  it('code lenses above SoA entries resolve to counts that open the references', async () => {
    const doc = await vscode.workspace.openTextDocument(fileIn('acme', 'soa.isms.yaml'));
    // VS Code resolves up to this many lenses, as it does for those on screen.
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 200);
    assert.equal(lenses?.length, 93);
    assert.ok(lenses.every((l) => l.command && l.command.title !== ''), 'every lens has a title once resolved');
    const clickable = lenses.find((l) => l.command?.command === 'isms.showReferences');
    assert.ok(clickable, 'some lens opens its references');
    assert.match(clickable.command!.title, /\d+ (risks?|evidence|open nonconformit)/);
  });

  it('completion at an SoA id offers all 93 Annex A controls with their titles', async () => {
    const doc = await vscode.workspace.openTextDocument(fileIn('broken', 'soa.isms.yaml'));
    const editor = await vscode.window.showTextDocument(doc);
    // a new SoA entry right after `controls:`
    const controlsLine = positionOf(doc, '  controls:\n').line;
    const indent = /^(\s*)- /.exec(doc.lineAt(controlsLine + 1).text)?.[1] ?? '    ';
    const inserted = `${indent}- id: \n`;
    const republished = nextDiagnostics(doc.uri);
    await editor.edit((e) => e.insert(new vscode.Position(controlsLine + 1, 0), inserted));
    const position = new vscode.Position(controlsLine + 1, inserted.length - 1);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
    const labels = new Map(list.items.map((i) => [typeof i.label === 'string' ? i.label : i.label.label, i]));
    assert.ok(await republished, 'the server checks the edited text');
    const missing = CONTROLS.filter((c) => !labels.has(c.id)).map((c) => c.id);
    assert.deepEqual(missing, [], 'every Annex A control is offered');
    assert.equal(CONTROLS.length, 93);
    for (const control of CONTROLS) {
      const item = labels.get(control.id)!;
      const shown = [item.detail, typeof item.label === 'string' ? '' : `${item.label.detail ?? ''} ${item.label.description ?? ''}`].join(' ');
      assert.ok(shown.includes(control.title), `${control.id} shows its title "${control.title}" (got "${shown.trim()}")`);
    }
  });

  it('a quick fix applies and its diagnostic goes away (control-id-format: 5.10 → A.5.10)', async () => {
    const uri = fileIn('broken', 'soa.isms.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    // the diagnostic on the bare `5.10` of the text as it is now
    const target = await waitFor([vscode.languages.onDidChangeDiagnostics], () =>
      ismsDiagnostics(uri).find((d) => codeOf(d) === 'control-id-format' && /^['"]?\d+\.\d+['"]?$/.test(doc.getText(d.range).trim())));
    assert.ok(target, 'broken/soa.isms.yaml has a control-id-format diagnostic');
    const line = target.range.start.line;
    const before = doc.lineAt(line).text;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, target.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.diagnostics?.some((d) => codeOf(d) === 'control-id-format' && d.range.isEqual(target.range)) && a.edit)
      ?? actions.find((a) => a.kind?.value.startsWith('quickfix') && a.edit && /A\.\d/.test(a.title));
    assert.ok(fix?.edit, `a quick fix with an edit for control-id-format at ${line + 1}:${target.range.start.character + 1} ("${doc.getText(target.range)}" in "${before}", version ${doc.version}, dirty ${doc.isDirty}); got: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const after = doc.lineAt(line).text;
    assert.notEqual(after, before);
    assert.match(after, /A\.\d+\.\d+/, `the fixed line carries an A.-prefixed id: ${after}`);
    const gone = await waitFor([vscode.languages.onDidChangeDiagnostics], () =>
      ismsDiagnostics(uri).some((d) => codeOf(d) === 'control-id-format' && d.range.start.line === line) ? undefined : true);
    assert.ok(gone, `the control-id-format diagnostic on line ${line + 1} is gone after the fix`);
  });

  it('rename of a person id changes every reference in every file, and the ISMS stays clean', async () => {
    // A YAML value `alice` (a key's value, a list item, a flow-list entry), not `alice.chen@…`.
    const reference = /(?<=(?:^|[\s[,:-]))alice(?=\s*(?:$|[\],#]))/gm;
    const files = await ismsFiles(folder('acme'));
    const expected = new Map<string, number>();
    for (const file of files) {
      const count = ((await vscode.workspace.openTextDocument(file)).getText().match(reference) ?? []).length;
      if (count > 0) expected.set(file.fsPath, count);
    }
    assert.ok(expected.size >= 3, 'alice is referred to from several acme files');
    const uri = fileIn('acme', 'people.isms.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const position = positionOf(doc, 'id: alice', 0, 'id: '.length + 1);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, position, 'alice-renamed');
    assert.ok(edit, 'rename returns an edit');
    const got = new Map(edit.entries().map(([u, edits]) => [u.fsPath, edits.length]));
    assert.deepEqual(Object.fromEntries(got), Object.fromEntries(expected), 'one edit per reference, in every file');
    for (const [, edits] of edit.entries()) for (const e of edits) assert.equal(e.newText, 'alice-renamed');
    assert.ok(await vscode.workspace.applyEdit(edit));
    for (const file of expected.keys()) {
      const text = (await vscode.workspace.openTextDocument(vscode.Uri.file(file))).getText();
      assert.equal((text.match(reference) ?? []).length, 0, `${file} still refers to alice`);
    }
    const clean = await waitFor([vscode.languages.onDidChangeDiagnostics], () =>
      files.every((u) => ismsDiagnostics(u).filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint).length === 0) ? true : undefined);
    assert.ok(clean, `acme has no problem after the rename: ${files.flatMap((u) => ismsDiagnostics(u).map((d) => `${codeOf(d)} ${d.message}`)).join('; ')}`);
  });
});
