import type { Item } from '../model/facts';
import { basenameUri } from '../uri';
import { PLACES_RELATED, placeList, placeName } from '../text/closest';
import type { Rule } from './rule';

const KIND_NAMES: Record<string, string> = { person: 'person', evidence: 'evidence item', audit: 'audit', risk: 'risk', nonconformity: 'nonconformity' };

export const duplicateId: Rule = {
  code: 'duplicate-id',
  defaultSeverity: 'error',
  example: 'two people with id: bob',
  summary: 'The same id defined twice for people, risks, evidence, audits or nonconformities, in one file or across files.',
  help: 'Ids are how the rest of the ISMS cites an item; two items with one id make every citation ambiguous. Rename one of them.',
  check(ctx) {
    // Per list of same-id items: whether all of them are in this file (asked once, not per copy).
    const onlyHere = new Map<readonly Item[], boolean>();
    for (const item of ctx.facts.items) {
      if (item.id === undefined || !item.idNode) continue;
      const all = ctx.model.itemsWithId(item.kind, item.id);
      if (all.length < 2) continue;
      let sameFileOnly = onlyHere.get(all);
      if (sameFileOnly === undefined) onlyHere.set(all, (sameFileOnly = all.every((other) => other.file === item.file)));
      // Within one file the first definition is the original; across files every one is reported.
      if (sameFileOnly && all[0] === item) continue;
      const others: Item[] = [];
      for (const other of all) {
        if (other === item) continue;
        others.push(other);
        if (others.length === PLACES_RELATED) break;
      }
      const where = placeList(others, all.length - 1, describe);
      ctx.report(item.idNode, `The ${KIND_NAMES[item.kind]} id '${item.id}' is already defined at ${where}. Ids must be unique across the whole ISMS; rename one of them.`, {
        related: others.map((other) => ({ uri: other.file.uri, start: other.idNode!.range![0], end: other.idNode!.range![1], message: `other '${item.id}'` })),
      });
    }
  },
};

function describe(item: Item): string {
  return placeName(basenameUri(item.file.uri), item.file.lines.positionAt(item.idNode!.range![0]).line);
}
