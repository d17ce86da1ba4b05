/**
 * The Problems an editor shows are the findings `isms check` prints: for every ISMS file
 * of both examples, the same codes on the same ranges (and severities, but for
 * `unused-suppression`, a hint in the editor and a warning in the CLI by design).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, cli, codeOf, folder, ismsDiagnostics, ismsFiles, waitFor } from './helpers';

interface CliFinding {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

const SEVERITY: Record<vscode.DiagnosticSeverity, CliFinding['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** One line per finding, comparable between the editor and the CLI. */
function key(code: string, severity: string, r: CliFinding['range']): string {
  const sev = code === 'unused-suppression' ? '*' : severity;
  return `${code} ${sev} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

function expectedFromCli(dir: string): Map<string, string[]> {
  const result = cli(['check', '.', '--format', 'json'], dir);
  assert.ok(result.status === 0 || result.status === 1, `isms check exited ${result.status}: ${result.stderr}`);
  const findings = JSON.parse(result.stdout) as CliFinding[];
  const byFile = new Map<string, string[]>();
  for (const f of findings) {
    if (f.severity === 'hint' && f.code !== 'unused-suppression') continue;
    const file = path.resolve(dir, f.file);
    byFile.set(file, [...(byFile.get(file) ?? []), key(f.code, f.severity, f.range)]);
  }
  for (const list of byFile.values()) list.sort();
  return byFile;
}

function actualInEditor(files: vscode.Uri[]): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const uri of files) {
    const keys = ismsDiagnostics(uri)
      .filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint || codeOf(d) === 'unused-suppression')
      .map((d) => key(codeOf(d), SEVERITY[d.severity], {
        start: { line: d.range.start.line, character: d.range.start.character },
        end: { line: d.range.end.line, character: d.range.end.character },
      }))
      .sort();
    if (keys.length > 0) byFile.set(uri.fsPath, keys);
  }
  return byFile;
}

const asObject = (m: Map<string, string[]>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));

describe('diagnostics', () => {
  before(async () => {
    await activateExtension();
  });

  // broken first: its findings prove the server has checked the workspace before acme's
  // expected "nothing" is compared.
  for (const name of ['broken', 'acme'] as const) {
    it(`${name}: every file's diagnostics equal 'isms check --format json'`, async () => {
      const ws = folder(name);
      const files = await ismsFiles(ws);
      assert.ok(files.length >= 4, `expected the ISMS files of ${name}, found ${files.length}`);
      const expected = asObject(expectedFromCli(ws.uri.fsPath));
      if (name === 'broken') assert.ok(Object.keys(expected).length >= 3, 'the CLI reports findings in several files of broken');
      const same = () => (JSON.stringify(asObject(actualInEditor(files))) === JSON.stringify(expected) ? true : undefined);
      await waitFor([vscode.languages.onDidChangeDiagnostics], same, 30_000);
      assert.deepEqual(asObject(actualInEditor(files)), expected);
    });
  }

  it('broken: opening a file keeps its diagnostics (the buffer is checked like the disk)', async () => {
    const ws = folder('broken');
    const expected = asObject(expectedFromCli(ws.uri.fsPath));
    const files = await ismsFiles(ws);
    for (const uri of files) await vscode.window.showTextDocument(uri, { preview: false });
    const same = () => (JSON.stringify(asObject(actualInEditor(files))) === JSON.stringify(expected) ? true : undefined);
    await waitFor([vscode.languages.onDidChangeDiagnostics], same, 30_000);
    assert.deepEqual(asObject(actualInEditor(files)), expected);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
