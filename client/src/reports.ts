/**
 * "Generate Statement of Applicability / pre-assessment report / nonconformity
 * register" (spec §5, §8): pick a format, pick where to save (asking before replacing a
 * file), write what the server renders — the same core as `isms report`, so the bytes
 * match the CLI's — and open it: Markdown in the preview, HTML in a locked-down webview,
 * CSV in the editor.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { fileExists } from './fileExists';
import { REPORT_REQUEST, type FolderProgress, type ReportFormat, type ReportKind } from '../../server/src/protocol';
import type { Ctx } from './ctx';
import { folderName, pickIsmsFolder } from './folders';
import type { PhaseStore } from './phaseStore';
import { showHtmlReport } from './reportView';

export const REPORTS: Readonly<Record<ReportKind, { title: string; fileStem: string }>> = {
  soa: { title: 'Statement of Applicability', fileStem: 'statement-of-applicability' },
  'pre-assessment': { title: 'Pre-assessment report', fileStem: 'pre-assessment-report' },
  nonconformities: { title: 'Nonconformity register', fileStem: 'nonconformity-register' },
};

const FORMATS: readonly { format: ReportFormat; label: string; detail: string; filter: string }[] = [
  { format: 'md', label: 'Markdown', detail: 'Readable in any editor and on code hosts; opens in the Markdown preview', filter: 'Markdown' },
  { format: 'html', label: 'HTML', detail: 'One self-contained, printable page for auditors and management', filter: 'HTML' },
  { format: 'csv', label: 'CSV', detail: 'One row per entry, for spreadsheets', filter: 'CSV' },
];

const LAST_FORMAT_KEY = 'isms.report.lastFormat';
const lastFolderKey = (folderUri: string) => `isms.report.lastFolder:${folderUri}`;

export function generateReportCommand(ctx: Ctx, store: PhaseStore, kind: ReportKind) {
  return async (arg?: unknown): Promise<void> => {
    const report = REPORTS[kind];
    const folder = await pickIsmsFolder(store, arg, `Which ISMS should the ${report.title.toLowerCase()} describe?`);
    if (!folder) return;
    const format = await pickFormat(ctx, report.title);
    if (!format) return;
    const target = await pickTarget(ctx, folder, report, format);
    if (!target) return;
    const content = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Generating the ${report.title.toLowerCase()}…` },
      (_progress, token) => ctx.request(REPORT_REQUEST, { folderUri: folder.folderUri, kind, format: format.format }, token),
    ).then((r) => r.content, (error: unknown) => {
      void vscode.window.showErrorMessage(`The ${report.title.toLowerCase()} could not be generated: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    if (content === undefined) return;
    await vscode.workspace.fs.writeFile(target, Buffer.from(content, 'utf8'));
    await ctx.extension.workspaceState.update(lastFolderKey(folder.folderUri), vscode.Uri.joinPath(target, '..').toString());
    await openReport(format.format, target, `${report.title} — ${folderName(folder)}`, content);
  };
}

async function pickFormat(ctx: Ctx, title: string): Promise<(typeof FORMATS)[number] | undefined> {
  const last = ctx.extension.globalState.get<ReportFormat>(LAST_FORMAT_KEY);
  const items = FORMATS.map((f) => ({ label: f.label, description: `.${f.format}`, detail: f.detail, picked: f.format === last, format: f }));
  items.sort((a, b) => Number(b.format.format === last) - Number(a.format.format === last));
  const picked = await vscode.window.showQuickPick(items, { title: `Generate ${title}`, placeHolder: 'Choose a format' });
  if (picked) await ctx.extension.globalState.update(LAST_FORMAT_KEY, picked.format.format);
  return picked?.format;
}

/** The file to write, from a save dialog; undefined when the user cancels or keeps an existing file. */
async function pickTarget(ctx: Ctx, folder: FolderProgress, report: { title: string; fileStem: string }, format: (typeof FORMATS)[number]): Promise<vscode.Uri | undefined> {
  const remembered = ctx.extension.workspaceState.get<string>(lastFolderKey(folder.folderUri));
  const dir = remembered ? vscode.Uri.parse(remembered) : vscode.Uri.parse(folder.folderUri);
  const target = await vscode.window.showSaveDialog({
    title: `Save the ${report.title.toLowerCase()}`,
    defaultUri: vscode.Uri.joinPath(dir, `${report.fileStem}.${format.format}`),
    filters: { [format.filter]: [format.format] },
    saveLabel: 'Generate',
  });
  if (!target) return undefined;
  if (await fileExists(target)) {
    const replace = 'Replace';
    const answer = await vscode.window.showWarningMessage(
      `${path.posix.basename(target.path)} already exists. Replace it with the new ${report.title.toLowerCase()}?`,
      { modal: true },
      replace,
    );
    if (answer !== replace) return undefined;
  }
  return target;
}

async function openReport(format: ReportFormat, uri: vscode.Uri, title: string, content: string): Promise<void> {
  const name = path.posix.basename(uri.path);
  switch (format) {
    case 'md':
      // The built-in Markdown extension may be disabled: the file itself is the fallback.
      await vscode.commands.executeCommand('markdown.showPreview', uri).then(undefined, () => vscode.window.showTextDocument(uri, { preview: false }));
      return;
    case 'csv':
      await vscode.window.showTextDocument(uri, { preview: false });
      return;
    case 'html': {
      showHtmlReport(title, content);
      const browser = 'Open in Browser';
      void vscode.window.showInformationMessage(`Saved ${name}.`, browser).then((answer) => {
        if (answer === browser) void vscode.env.openExternal(uri);
      });
    }
  }
}
