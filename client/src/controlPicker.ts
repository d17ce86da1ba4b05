/**
 * "Show Annex A Control…": a quick pick over the 93 controls of ISO/IEC 27001:2022,
 * grouped by theme, each with its title and its state in this ISMS; picking one opens its
 * SoA entry, or offers to add it when the SoA does not address it yet.
 */
import * as vscode from 'vscode';
import { CONTROLS_REQUEST, type ControlState, type FolderProgress } from '../../server/src/protocol';
import type { Ctx } from './ctx';
import { pickIsmsFolder } from './folders';
import { addControls } from './missingControls';
import type { PhaseStore } from './phaseStore';

interface ControlItem extends vscode.QuickPickItem {
  control?: ControlState;
}

export function showControlCommand(ctx: Ctx, store: PhaseStore) {
  return async (arg?: unknown): Promise<void> => {
    const folder = await pickIsmsFolder(store, arg, 'Show the controls of which ISMS?');
    if (!folder) return;
    const { controls } = await ctx.request(CONTROLS_REQUEST, { folderUri: folder.folderUri });
    const picked = await vscode.window.showQuickPick(items(controls), {
      title: `Annex A controls — SoA ${controls.filter((c) => c.addressed).length}/${controls.length}`,
      placeHolder: 'Type an id (5.15) or words of a title (access)',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (picked?.control) await openControl(ctx, folder, picked.control);
  };
}

function items(controls: readonly ControlState[]): ControlItem[] {
  const out: ControlItem[] = [];
  let theme: string | undefined;
  for (const control of controls) {
    if (control.theme !== theme) {
      theme = control.theme;
      out.push({ label: `${theme} controls`, kind: vscode.QuickPickItemKind.Separator });
    }
    out.push({
      label: `${stateIcon(control)} ${control.id}`,
      description: control.title + (control.isNew ? ' · new in 2022' : ''),
      detail: stateText(control),
      control,
    });
  }
  return out;
}

function stateIcon(control: ControlState): string {
  if (!control.addressed) return '$(circle-outline)';
  if (control.applicable === false) return '$(circle-slash)';
  if (control.status === 'implemented') return '$(pass)';
  return '$(circle-large-outline)';
}

/** "Applicable · implemented · owner alice · 2 evidence" or "Not in the SoA". */
function stateText(control: ControlState): string {
  if (!control.addressed) return 'Not in the SoA yet — pick to add it';
  if (control.applicable === false) return 'Excluded (not applicable)';
  const parts = [control.applicable === true ? 'Applicable' : 'Applicability not set', control.status ?? 'no status'];
  if (control.owner) parts.push(`owner ${control.owner}`);
  parts.push(`${control.evidenceCount} evidence`);
  return parts.join(' · ');
}

async function openControl(ctx: Ctx, folder: FolderProgress, control: ControlState): Promise<void> {
  if (control.location) {
    const location = ctx.client.protocol2CodeConverter.asLocation(control.location);
    await vscode.window.showTextDocument(location.uri, { selection: location.range, preview: true });
    return;
  }
  const add = 'Add to the SoA';
  const answer = await vscode.window.showInformationMessage(`${control.id} ${control.title} is not in the Statement of Applicability yet.`, add);
  if (answer === add) await addControls(ctx, folder, [control.id]);
}
