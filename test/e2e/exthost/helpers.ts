/**
 * Helpers for the extension-host suite: the extension, the workspace folders (copies of
 * examples/acme and examples/broken), the CLI as the oracle, and waiting on VS Code's
 * events with a deadline (never on sleeps).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'isms-as-code.isms-yaml';

/** The project (for dist/cli.js): ISMS_E2E_ROOT, else found from this file. */
export function projectRoot(): string {
  if (process.env.ISMS_E2E_ROOT) return process.env.ISMS_E2E_ROOT;
  let dir = __dirname;
  while (dir !== path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'dist', 'cli.js')) && fs.existsSync(path.join(dir, 'examples'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error('cannot find the project root (set ISMS_E2E_ROOT)');
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  await ext.activate();
  return ext;
}

export function folder(name: 'acme' | 'broken'): vscode.WorkspaceFolder {
  const found = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  if (!found) throw new Error(`workspace folder ${name} is not open (open examples.code-workspace)`);
  return found;
}

export async function ismsFiles(ws: vscode.WorkspaceFolder): Promise<vscode.Uri[]> {
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(ws, '**/*.isms.{yaml,yml}'));
  return files.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}

export function fileIn(name: 'acme' | 'broken', relative: string): vscode.Uri {
  return vscode.Uri.joinPath(folder(name).uri, relative);
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js ARGS` in `cwd` with the suite's ISMS_TODAY. */
export function cli(args: string[], cwd: string): CliResult {
  const result = spawnSync(process.execPath, [path.join(projectRoot(), 'dist', 'cli.js'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// ── Diagnostics in the editor and in `isms check` ───────────────────────

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

export function expectedFromCli(dir: string): Map<string, string[]> {
  const result = cli(['check', '.', '--format', 'json'], dir);
  if (result.status !== 0 && result.status !== 1) throw new Error(`isms check exited ${result.status}: ${result.stderr}`);
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

export function actualInEditor(files: vscode.Uri[]): Map<string, string[]> {
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

export const asObject = (m: Map<string, string[]>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));

/** True when the CLI declares `command` "not available yet" (a planned, unbuilt command). */
export function cliLacks(command: string): boolean {
  const help = cli(['help', command], projectRoot());
  return /not available yet/i.test(help.stdout + help.stderr);
}

/** The contributed command ids of our extension (package.json), to tell "not built yet" from "broken". */
export function contributedCommands(): Set<string> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  const commands = (ext?.packageJSON as { contributes?: { commands?: { command: string }[] } } | undefined)?.contributes?.commands ?? [];
  return new Set(commands.map((c) => c.command));
}

/**
 * Resolves as soon as `check()` returns a value other than undefined, re-checking on
 * every `events` firing; after `timeoutMs` resolves with undefined (the caller asserts
 * and reports what it saw).
 */
export function waitFor<T>(events: vscode.Event<unknown>[], check: () => T | undefined, timeoutMs = 30_000): Promise<T | undefined> {
  return new Promise((resolve) => {
    const disposables: vscode.Disposable[] = [];
    let done = false;
    const finish = (value: T | undefined) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const d of disposables) d.dispose();
      resolve(value);
    };
    const tryNow = () => {
      try {
        const value = check();
        if (value !== undefined) finish(value);
      } catch {
        // not yet
      }
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    for (const event of events) disposables.push(event(() => tryNow()));
    tryNow();
  });
}

/**
 * Resolves on the next diagnostics change of `uri` (or after `timeoutMs`): call before an
 * edit, await after it, so that no publication for the edited text is still on its way.
 */
export function nextDiagnostics(uri: vscode.Uri, timeoutMs = 15_000): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      resolve(false);
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(true);
    });
  });
}

/** Our diagnostics (source `isms`) of one file. */
export function ismsDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'isms');
}

export function codeOf(d: vscode.Diagnostic): string {
  const code = d.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The position of the `nth` (0-based) occurrence of `text` in the document, plus `delta` characters. */
export function positionOf(doc: vscode.TextDocument, text: string, nth = 0, delta = 0): vscode.Position {
  const source = doc.getText();
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = source.indexOf(text, index + 1);
    if (index < 0) throw new Error(`'${text}' (#${nth}) not found in ${doc.uri.fsPath}`);
  }
  return doc.positionAt(index + delta);
}

/**
 * Reverts every dirty document (the suite edits copies; each test leaves them as it
 * found them) and waits until their diagnostics are those of the disk again (what
 * `isms check` reports), so the next test never sees diagnostics of the edited text.
 */
export async function revertAll(): Promise<void> {
  const dirty = vscode.workspace.textDocuments.filter((doc) => doc.isDirty && doc.uri.scheme === 'file');
  for (const doc of dirty) {
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const folders = new Map<string, vscode.Uri[]>();
  for (const doc of dirty) {
    const ws = vscode.workspace.getWorkspaceFolder(doc.uri);
    if (ws) folders.set(ws.uri.fsPath, [...(folders.get(ws.uri.fsPath) ?? []), doc.uri]);
  }
  for (const [dir, uris] of folders) {
    const all = expectedFromCli(dir);
    const expected = JSON.stringify(asObject(new Map(uris.filter((u) => all.has(u.fsPath)).map((u) => [u.fsPath, all.get(u.fsPath)!]))));
    const settled = await waitFor([vscode.languages.onDidChangeDiagnostics], () => (JSON.stringify(asObject(actualInEditor(uris))) === expected ? true : undefined), 15_000);
    if (!settled) throw new Error(`the diagnostics of ${uris.map((u) => u.fsPath).join(', ')} did not return to those of the disk after the revert`);
  }
}

/**
 * Replaces functions of an API namespace for the duration of `fn` (e.g. the prompts of
 * `vscode.window`). Works because this suite lives inside the extension's folder, so
 * `require('vscode')` gives the extension and the tests the same API object.
 */
export async function withStubs<T extends object, R>(target: T, stubs: Partial<T>, fn: () => Promise<R>): Promise<R> {
  const saved = new Map<PropertyKey, unknown>();
  for (const key of Object.keys(stubs) as (keyof T)[]) {
    saved.set(key, target[key]);
    (target as Record<PropertyKey, unknown>)[key as PropertyKey] = stubs[key];
  }
  try {
    return await fn();
  } finally {
    for (const [key, value] of saved) (target as Record<PropertyKey, unknown>)[key] = value;
  }
}

/** Marks the running test pending with a reason that the runner prints. */
export function pending(ctx: Mocha.Context, reason: string): never {
  if (ctx.test) ctx.test.title += ` [pending: ${reason}]`;
  ctx.skip();
}
