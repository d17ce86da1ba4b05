/**
 * The report commands write, through their prompts (a format pick and a save dialog,
 * answered here by stubs), the very file `isms report` writes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, cli, contributedCommands, folder, withStubs } from './helpers';

const REPORTS = [
  { kind: 'soa', command: 'isms.generateSoa', mentions: ['A.5.1', 'A.8.34'] },
  { kind: 'pre-assessment', command: 'isms.generatePreAssessment', mentions: ['Acme Cloud Ltd'] },
  { kind: 'nonconformities', command: 'isms.generateNonconformities', mentions: ['NC-2026-001', 'NC-2026-003'] },
] as const;

const FORMATS = [
  { format: 'md', label: /markdown/i },
  { format: 'html', label: /html/i },
  { format: 'csv', label: /csv/i },
] as const;

type Pickable = vscode.QuickPickItem & Record<string, unknown>;

/** Runs a report command on acme, picking `format` and saving to `target`; resolves when it finished. */
async function generate(command: string, format: (typeof FORMATS)[number], target: vscode.Uri): Promise<void> {
  const answered: string[] = [];
  await withStubs(vscode.window, {
    showQuickPick: (async (items: readonly Pickable[] | Thenable<readonly Pickable[]>) => {
      const list = await items;
      const picked = list.find((i) => format.label.test(i.label)) ;
      answered.push(`quick pick → ${picked?.label ?? 'nothing'} of ${list.map((i) => i.label).join(', ')}`);
      return picked;
    }) as unknown as typeof vscode.window.showQuickPick,
    showSaveDialog: (async () => target) as typeof vscode.window.showSaveDialog,
    showInformationMessage: (async () => undefined) as typeof vscode.window.showInformationMessage,
    showWarningMessage: (async (...args: unknown[]) => {
      answered.push(`warning: ${String(args[0])}`);
      return undefined;
    }) as typeof vscode.window.showWarningMessage,
  }, async () => {
    await vscode.commands.executeCommand(command, { folderUri: folder('acme').uri.toString() });
  });
  assert.ok(fs.existsSync(target.fsPath), `${command} wrote no file (${answered.join('; ') || 'no prompt was shown'})`);
}

describe('report commands', () => {
  const outDir = fs.mkdtempSync(path.join(process.env.ISMS_E2E_OUT ?? os.tmpdir(), 'reports-'));

  before(async () => {
    await activateExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (!process.env.ISMS_E2E_OUT) fs.rmSync(outDir, { recursive: true, force: true });
  });

  for (const report of REPORTS) {
    it(`${report.command} writes a Markdown ${report.kind} report of the chosen folder`, async () => {
      assert.ok(contributedCommands().has(report.command), `package.json contributes ${report.command}`);
      const target = vscode.Uri.file(path.join(outDir, `${report.kind}.md`));
      await generate(report.command, FORMATS[0], target);
      const text = fs.readFileSync(target.fsPath, 'utf8');
      for (const mention of report.mentions) assert.ok(text.includes(mention), `the ${report.kind} report of acme mentions ${mention}:\n${text.slice(0, 600)}`);
    });

    for (const format of FORMATS) {
      it(`${report.command} (${format.format}) writes what 'isms report ${report.kind} --format ${format.format}' writes`, async () => {
        const target = vscode.Uri.file(path.join(outDir, `editor-${report.kind}.${format.format}`));
        await generate(report.command, format, target);
        const cliFile = path.join(outDir, `cli-${report.kind}.${format.format}`);
        const ran = cli(['report', report.kind, '.', '--format', format.format, '-o', cliFile, '--force'], folder('acme').uri.fsPath);
        assert.equal(ran.status, 0, `isms report failed: ${ran.stderr}`);
        assert.equal(fs.readFileSync(target.fsPath, 'utf8'), fs.readFileSync(cliFile, 'utf8'));
      });
    }
  }
});
