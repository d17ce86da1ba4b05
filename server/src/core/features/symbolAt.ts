/**
 * The identifier under the cursor: an id where it is defined (`- id: bob`) or where it
 * is cited (`owner: bob`, `controls: [A.8.1]`). Hover, definition, references, rename
 * and highlights all start from this one lookup.
 */
import type { Scalar } from 'yaml';
import type { Citation, IdKind, Item, RefKind, SoaEntry } from '../model/facts';
import type { WorkspaceModel } from '../model/workspaceModel';
import type { IsmsFile } from '../parse/ismsFile';
import { idHitOffsets } from './idRanges';

export type SymbolAt =
  | { role: 'definition'; kind: IdKind; id: string; node: Scalar; item: Item }
  | { role: 'soa-entry'; kind: 'control'; id: string; node: Scalar; entry: SoaEntry }
  | { role: 'citation'; kind: RefKind; id: string; node: Scalar; citation: Citation };

/**
 * On the id's text, not on the whole node: `yaml` lets a block scalar run on to the start
 * of the next key, where the range of the id answered would not hold the cursor.
 */
function within(file: IsmsFile, node: Scalar | undefined, offset: number): boolean {
  const r = node && idHitOffsets(file, node);
  return !!r && r[0] <= offset && offset <= r[1];
}

export function symbolAt(model: WorkspaceModel, file: IsmsFile, offset: number): SymbolAt | undefined {
  const facts = model.facts(file);
  for (const item of facts.items) {
    if (item.id !== undefined && within(file, item.idNode, offset)) return { role: 'definition', kind: item.kind, id: item.id, node: item.idNode!, item };
  }
  for (const citation of facts.citations) {
    if (!within(file, citation.node, offset)) continue;
    if (citation.kind === 'control' && citation.section === 'soa' && citation.field === 'id') {
      const entry = facts.soaEntries.find((e) => e.idNode === citation.node);
      if (entry) return { role: 'soa-entry', kind: 'control', id: citation.value, node: citation.node, entry };
    }
    return { role: 'citation', kind: citation.kind, id: citation.value, node: citation.node, citation };
  }
  return undefined;
}
