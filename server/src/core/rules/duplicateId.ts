import type { Item } from '../model/facts';
import { basenameUri } from '../uri';
import { placeName } from '../text/closest';
import type { Rule } from './rule';

const KIND_NAMES: Record<string, string> = { person: 'person', evidence: 'evidence item', audit: 'audit', risk: 'risk', nonconformity: 'nonconformity' };

export const duplicateId: Rule = {
  code: 'duplicate-id',
  defaultSeverity: 'error',
  example: 'two people with id: bob',
  summary: 'The same id defined twice for people, risks, evidence, audits or nonconformities, in one file or across files.',
  help: 'Ids are how the rest of the ISMS cites an item; two items with one id make every citation ambiguous. Rename one of them.',
  check(ctx) {
    for (const item of ctx.facts.items) {
      if (item.id === undefined || !item.idNode) continue;
      const all = ctx.model.itemsWithId(item.kind, item.id);
      if (all.length < 2) continue;
      const sameFileOnly = all.every((other) => other.file === item.file);
      // Within one file the first definition is the original; across files every one is reported.
      if (sameFileOnly && all[0] === item) continue;
      const others = all.filter((other) => other !== item);
      const where = others.map((other) => describe(other));
      ctx.report(item.idNode, `The ${KIND_NAMES[item.kind]} id '${item.id}' is already defined at ${where.join(', ')}. Ids must be unique across the whole ISMS; rename one of them.`, {
        related: others.map((other) => ({ uri: other.file.uri, start: other.idNode!.range![0], end: other.idNode!.range![1], message: `other '${item.id}'` })),
      });
    }
  },
};

function describe(item: Item): string {
  return placeName(basenameUri(item.file.uri), item.file.lines.positionAt(item.idNode!.range![0]).line);
}
