import type { SoaEntry } from '../model/facts';
import type { Rule } from './rule';

export const duplicateControl: Rule = {
  code: 'duplicate-control',
  defaultSeverity: 'error',
  example: 'A.5.1 listed twice in soa.controls',
  summary: 'A control listed twice in the Statement of Applicability.',
  help: 'Each control has one decision in the SoA; two entries can contradict each other (applicable and excluded). Merge them into one entry.',
  check(ctx) {
    const firstById = new Map<string, SoaEntry>();
    for (const entry of ctx.facts.soaEntries) {
      if (entry.id === undefined || !entry.idNode) continue;
      const first = firstById.get(entry.id);
      if (!first) {
        firstById.set(entry.id, entry);
        continue;
      }
      const line = ctx.file.lines.positionAt(first.idNode!.range![0]).line + 1;
      ctx.report(entry.idNode, `${entry.id} is already listed in the SoA on line ${line}. Each control needs exactly one entry; merge the two.`, {
        related: [{ uri: ctx.file.uri, start: first.idNode!.range![0], end: first.idNode!.range![1], message: `first entry for ${entry.id}` }],
      });
    }
  },
};
