/**
 * The status bar item: SoA coverage and error count of the ISMS in view (the active
 * editor's folder, else the first folder with ISMS files), e.g. "$(shield) SoA 87/93 · 3
 * errors"; the tooltip lists every folder; a click focuses the phase tree.
 */
import * as vscode from 'vscode';
import type { FolderProgress, PhasesResult } from '../../server/src/protocol';
import type { Ctx } from './ctx';
import { activeFolder, folderName } from './folders';
import { PHASES_VIEW_ID } from './phaseTree';
import type { PhaseStore } from './phaseStore';

export function registerStatusBar(ctx: Ctx, store: PhaseStore): void {
  const item = vscode.window.createStatusBarItem('isms.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'ISMS Status';
  item.command = { command: `${PHASES_VIEW_ID}.focus`, title: 'Show the ISMS phase progress' };
  let last: PhasesResult | undefined;
  const update = () => {
    const folders = last?.folders.filter((f) => f.fileCount > 0) ?? [];
    const shown = activeFolder(folders) ?? folders[0];
    if (!shown) {
      item.hide();
      return;
    }
    item.text = `$(shield) SoA ${shown.soa.addressed}/${shown.soa.total} · ${plural(shown.errors, 'error')}`;
    item.tooltip = tooltip(folders);
    item.backgroundColor = shown.errors > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.accessibilityInformation = { label: `ISMS: Statement of Applicability addresses ${shown.soa.addressed} of ${shown.soa.total} controls; ${plural(shown.errors, 'error')}, ${plural(shown.warnings, 'warning')}` };
    item.show();
  };
  ctx.push(
    item,
    store.onDidChange((result) => {
      last = result;
      update();
    }),
    vscode.window.onDidChangeActiveTextEditor(update),
  );
}

function tooltip(folders: readonly FolderProgress[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.supportThemeIcons = true;
  md.appendMarkdown('**ISMS as Code**\n\n');
  for (const folder of folders) {
    const steps = folder.phases.flatMap((p) => p.steps);
    const done = steps.filter((s) => s.state === 'done').length;
    const attention = steps.filter((s) => s.state === 'attention').length;
    if (folders.length > 1) md.appendMarkdown('$(folder) ').appendText(folderName(folder)).appendMarkdown('\n\n');
    md.appendMarkdown(`- Statement of Applicability: ${folder.soa.addressed} of ${folder.soa.total} controls addressed\n`);
    md.appendMarkdown(`- ${plural(folder.errors, 'error')}, ${plural(folder.warnings, 'warning')} in ${plural(folder.fileCount, 'ISMS file')}\n`);
    md.appendMarkdown(`- ${done} of ${steps.length} certification steps done${attention > 0 ? `, ${attention} needing attention` : ''}\n\n`);
  }
  md.appendMarkdown('Click to show the phase progress.');
  return md;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
