/**
 * The phase-progress tree (spec §4, §8): phases, their steps with a state icon and a
 * detail line, and under a step what needs doing (errors, open findings, missing
 * controls). Fed by the server's `isms/phases` answer through the PhaseStore, the way
 * rust-analyzer's dependencies view is fed by a server request. Multi-root: one folder
 * node per workspace folder.
 */
import * as vscode from 'vscode';
import type { FolderProgress, PhaseJson, PhasesResult, StepChildJson, StepJson, StepStateJson } from '../../server/src/protocol';
import { escapeInvisible as visible } from '../../server/src/core/visibleText';
import { folderName } from './folders';
import type { Ctx } from './ctx';
import type { PhaseStore } from './phaseStore';

export const PHASES_VIEW_ID = 'isms.phases';

type Node =
  | { kind: 'folder'; folderUri: string; folder: FolderProgress }
  | { kind: 'phase'; folderUri: string; phase: PhaseJson; index: number }
  | { kind: 'step'; folderUri: string; step: StepJson }
  | { kind: 'child'; folderUri: string; step: StepJson; child: StepChildJson; index: number }
  | { kind: 'empty'; folderUri: string }
  | { kind: 'failed'; message: string };

const STATE_ICONS: Record<StepStateJson, vscode.ThemeIcon> = {
  done: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  'in-progress': new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('charts.blue')),
  'not-started': new vscode.ThemeIcon('circle-outline', new vscode.ThemeColor('disabledForeground')),
  attention: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
};

const STATE_WORDS: Record<StepStateJson, string> = {
  done: 'Done',
  'in-progress': 'In progress',
  'not-started': 'Not started',
  attention: 'Needs attention',
};

const CHILD_ICONS: Record<StepChildJson['kind'], vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  'missing-control': new vscode.ThemeIcon('circle-outline'),
  finding: new vscode.ThemeIcon('issues', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  item: new vscode.ThemeIcon('circle-small-filled'),
};

export class PhaseTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly store: PhaseStore) {}

  /** Everything changed: VS Code asks for the roots again (node ids keep expansion state). */
  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      try {
        return this.roots(await this.store.get());
      } catch (error) {
        return [{ kind: 'failed', message: error instanceof Error ? error.message : String(error) }];
      }
    }
    switch (node.kind) {
      case 'folder':
        return node.folder.fileCount === 0 ? [{ kind: 'empty', folderUri: node.folderUri }] : phaseNodes(node.folder);
      case 'phase':
        return node.phase.steps.map((step) => ({ kind: 'step', folderUri: node.folderUri, step }));
      case 'step':
        return (node.step.children ?? []).map((child, index) => ({ kind: 'child', folderUri: node.folderUri, step: node.step, child, index }));
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'folder':
        return folderItem(node.folder);
      case 'phase':
        return phaseItem(node.folderUri, node.phase, node.index);
      case 'step':
        return stepItem(node.folderUri, node.step);
      case 'child':
        return childItem(node.folderUri, node.step, node.child, node.index);
      case 'empty':
        return emptyItem(node.folderUri);
      case 'failed':
        return failedItem(node.message);
    }
  }

  /**
   * One folder: its phases at the top level, or nothing when it has no ISMS files (the
   * welcome view shows). Several folders: a node each.
   */
  private roots(result: PhasesResult): Node[] {
    const folders = result.folders;
    if ((vscode.workspace.workspaceFolders?.length ?? 0) > 1 && folders.length > 1) {
      if (folders.every((f) => f.fileCount === 0)) return [];
      return folders.map((folder) => ({ kind: 'folder', folderUri: folder.folderUri, folder }));
    }
    const folder = folders.find((f) => f.fileCount > 0);
    return folder ? phaseNodes(folder) : [];
  }
}

function phaseNodes(folder: FolderProgress): Node[] {
  return folder.phases.map((phase, index) => ({ kind: 'phase', folderUri: folder.folderUri, phase, index }));
}

function folderItem(folder: FolderProgress): vscode.TreeItem {
  const item = new vscode.TreeItem(folderName(folder), vscode.TreeItemCollapsibleState.Expanded);
  item.id = `folder:${folder.folderUri}`;
  item.iconPath = vscode.ThemeIcon.Folder;
  item.resourceUri = vscode.Uri.parse(folder.folderUri);
  item.description = folder.fileCount === 0 ? 'no ISMS files' : `SoA ${folder.soa.addressed}/${folder.soa.total} · ${count(folder.errors, 'error')}`;
  item.contextValue = folder.fileCount === 0 ? 'isms.folder.empty' : 'isms.folder';
  return item;
}

function phaseItem(folderUri: string, phase: PhaseJson, index: number): vscode.TreeItem {
  const done = phase.steps.filter((s) => s.state === 'done').length;
  const item = new vscode.TreeItem(`${index + 1}. ${phase.title}`, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `${folderUri}#phase:${phase.id}`;
  item.description = `${done}/${phase.steps.length} done`;
  item.iconPath = STATE_ICONS[phaseState(phase)];
  item.tooltip = `${phase.title}: ${done} of ${phase.steps.length} steps done`;
  item.contextValue = `isms.phase.${phase.id}`;
  return item;
}

/** A phase is done when every step is, needs attention when any step does, … */
function phaseState(phase: PhaseJson): StepStateJson {
  const states = phase.steps.map((s) => s.state);
  if (states.includes('attention')) return 'attention';
  if (states.every((s) => s === 'done')) return 'done';
  if (states.every((s) => s === 'not-started')) return 'not-started';
  return 'in-progress';
}

function stepItem(folderUri: string, step: StepJson): vscode.TreeItem {
  const hasChildren = (step.children?.length ?? 0) > 0;
  const item = new vscode.TreeItem(step.title, hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = `${folderUri}#step:${step.id}`;
  // Details and labels quote ids and names as written: control and bidi characters are
  // shown as escapes, as in hovers and `isms status`, so that they cannot disguise a line.
  item.description = visible(step.detail);
  item.iconPath = STATE_ICONS[step.state];
  item.contextValue = `isms.step.${step.id}`;
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('**').appendText(step.title).appendMarkdown('** — ').appendText(STATE_WORDS[step.state]).appendMarkdown('\n\n');
  tooltip.appendText(visible(step.detail)).appendMarkdown('\n\n');
  tooltip.appendMarkdown('**Done when:** ').appendText(step.requirement);
  if (step.state === 'attention') tooltip.appendMarkdown('\n\n').appendText('Something on this step is overdue or has an error; see the items below it.');
  item.tooltip = tooltip;
  const open = openCommand(step.file, step.line, `Open the data of “${step.title}”`);
  if (open) item.command = open;
  return item;
}

function childItem(folderUri: string, step: StepJson, child: StepChildJson, index: number): vscode.TreeItem {
  const label = visible(child.label);
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = `${folderUri}#step:${step.id}#${index}:${child.label}`;
  if (child.detail !== undefined) item.description = visible(child.detail);
  item.iconPath = CHILD_ICONS[child.kind];
  item.tooltip = child.detail !== undefined ? `${label} — ${visible(child.detail)}` : label;
  item.contextValue = `isms.child.${child.kind}`;
  const open = openCommand(child.file, child.line, `Open ${label}`);
  if (open) item.command = open;
  return item;
}

function emptyItem(folderUri: string): vscode.TreeItem {
  const item = new vscode.TreeItem('Create an example ISMS here…', vscode.TreeItemCollapsibleState.None);
  item.id = `${folderUri}#empty`;
  item.iconPath = new vscode.ThemeIcon('new-file');
  item.command = { command: 'isms.createExample', title: 'Create an Example ISMS', arguments: [{ folderUri }] };
  return item;
}

function failedItem(message: string): vscode.TreeItem {
  const item = new vscode.TreeItem('The ISMS language server did not answer — restart it', vscode.TreeItemCollapsibleState.None);
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  item.tooltip = message;
  item.command = { command: 'isms.restartServer', title: 'Restart Language Server' };
  return item;
}

/** `vscode.open` at the start of a 0-based line. */
function openCommand(file: string | undefined, line: number | undefined, title: string): vscode.Command | undefined {
  if (file === undefined) return undefined;
  const position = new vscode.Position(line ?? 0, 0);
  const options: vscode.TextDocumentShowOptions = { selection: new vscode.Range(position, position), preview: true };
  return { command: 'vscode.open', title, arguments: [vscode.Uri.parse(file), options] };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The tree view, registered with VS Code; its badge counts the steps needing attention. */
export function registerPhaseTreeView(ctx: Ctx, store: PhaseStore): void {
  const provider = new PhaseTreeProvider(store);
  const view = vscode.window.createTreeView(PHASES_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  ctx.push(
    view,
    store.onDidChange((result) => {
      provider.refresh();
      const attention = result.folders.flatMap((f) => f.phases.flatMap((p) => p.steps)).filter((s) => s.state === 'attention').length;
      view.badge = attention > 0 ? { value: attention, tooltip: `${attention} step${attention === 1 ? ' needs' : 's need'} attention` } : undefined;
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => store.refresh()),
  );
}
