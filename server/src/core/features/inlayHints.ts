/**
 * Inlay hints (spec §7): the control's title after a bare control id, wherever a control
 * is cited — SoA entry ids, risk `controls` lists, nonconformity `control` values:
 * `controls: [A.8.1 ‹User end point devices›]`. Only valid ISO/IEC 27001:2022 ids get
 * one (an unknown or legacy id has a diagnostic instead); only within the asked range.
 */
import type { InlayHint, Range } from 'vscode-languageserver-types';
import { getControl } from '../catalog/index';
import type { IsmsWorkspace } from '../workspace/ismsWorkspace';

/** Title hints for the control ids of one file that lie within `range`. */
export function getInlayHints(ws: IsmsWorkspace, uri: string, range: Range): InlayHint[] {
  const file = ws.file(uri);
  if (!file) return [];
  const from = file.lines.offsetAt(range.start);
  const to = file.lines.offsetAt(range.end);
  const out: InlayHint[] = [];
  for (const citation of ws.model.facts(file).citations) {
    if (citation.kind !== 'control' || typeof citation.node.value !== 'string') continue;
    const control = getControl(citation.value);
    const r = citation.node.range;
    if (!control || !r) continue;
    // After the value as written (after a closing quote), never inside it.
    const end = r[1];
    if (r[0] < from || end > to) continue;
    out.push({
      position: file.lines.positionAt(end),
      label: control.title,
      paddingLeft: true,
      tooltip: `${control.id} ${control.title} (${control.theme} control, ISO/IEC 27001:2022 Annex A)`,
    });
  }
  return out;
}
