import type { IdKind } from '../model/facts';
import type { WorkspaceModel } from '../model/workspaceModel';
import { closestMatches, orList } from '../text/closest';
import type { Rule } from './rule';

interface ReferenceRuleSpec {
  code: string;
  kind: IdKind;
  example: string;
  summary: string;
  help: string;
  describe: (id: string) => string;
}

/**
 * "Did you mean" per model, kind and id. An unknown id is often cited many times (a typo
 * copied from item to item), and each time every id of its kind is a candidate: 19,000
 * evidence ids in a large register. The model is immutable, so its answers are too.
 */
const suggestionsByModel = new WeakMap<WorkspaceModel, Map<string, readonly string[]>>();

function suggestionsFor(model: WorkspaceModel, kind: IdKind, id: string): string[] {
  let known = suggestionsByModel.get(model);
  if (!known) suggestionsByModel.set(model, (known = new Map()));
  const key = `${kind}:${id}`;
  let suggestions = known.get(key);
  if (!suggestions) known.set(key, (suggestions = closestMatches(id, model.ids(kind))));
  // A copy: the list travels in the finding's data, which code actions read.
  return [...suggestions];
}

/** The `unknown-person|evidence|audit` rules differ only in what they look up. */
function unknownReferenceRule(spec: ReferenceRuleSpec): Rule {
  return {
    code: spec.code,
    defaultSeverity: 'error',
    example: spec.example,
    summary: spec.summary,
    help: spec.help,
    check(ctx) {
      for (const citation of ctx.facts.citations) {
        if (citation.kind !== spec.kind) continue;
        // A number or a date where an id belongs is a type error, which the schema reports.
        if (typeof citation.node.value !== 'string') continue;
        if (ctx.model.itemsWithId(spec.kind, citation.value).length > 0) continue;
        const suggestions = suggestionsFor(ctx.model, spec.kind, citation.value);
        const hint = suggestions.length > 0 ? ` Did you mean ${orList(suggestions.map((s) => `'${s}'`))}?` : '';
        ctx.report(citation.node, spec.describe(citation.value) + hint, { data: { id: citation.value, kind: spec.kind, suggestions } });
      }
    },
  };
}

export const unknownPerson = unknownReferenceRule({
  code: 'unknown-person',
  example: 'owner: zoe (not in people)',
  kind: 'person',
  summary: '`owner`, `approvedBy`, `verifiedBy` or an internal `auditor` that is not an id in `people`.',
  help: 'Responsibilities in an ISMS are assigned to named people, and auditors check that each owner exists. Add the person to `people` or correct the id.',
  describe: (id) => `No person with id '${id}' is defined in people.`,
});

export const unknownEvidence = unknownReferenceRule({
  code: 'unknown-evidence',
  example: 'evidence: [EV-404]',
  kind: 'evidence',
  summary: 'An evidence id that the evidence register does not define.',
  help: 'Every claim in the ISMS is backed by an item of the evidence register. Add the item to `evidence` or correct the id.',
  describe: (id) => `No evidence item with id '${id}' is defined in the evidence register.`,
});

export const unknownAudit = unknownReferenceRule({
  code: 'unknown-audit',
  example: 'audit: AU-2025-X',
  kind: 'audit',
  summary: "A nonconformity's `audit` that is not defined in `audits`.",
  help: 'A nonconformity is raised by an audit; the register must say which. Add the audit to `audits` or correct the id.',
  describe: (id) => `No audit with id '${id}' is defined in audits.`,
});
