import { scalarOf, scalarsOf, stringOf, trimmedRangeOf, valueOf } from '../parse/yamlAccess';
import type { Rule } from './rule';
import type { WorkspaceModel } from '../model/workspaceModel';
import { PLACES_RELATED, placeList } from '../text/closest';

const REMEDIATION_OWNER = 'remediation-owner';
const VERIFIER = 'verifier';

/** Ids of the people with the verifier role, once per model: every self-verified finding asks. */
const verifiersByModel = new WeakMap<WorkspaceModel, readonly string[]>();

function verifiersOf(model: WorkspaceModel): readonly string[] {
  let verifiers = verifiersByModel.get(model);
  if (!verifiers) {
    verifiers = [...new Set(model.items('person')
      .filter((p) => p.id !== undefined && scalarsOf(p.map, 'roles').some((r) => r.value === VERIFIER))
      .map((p) => p.id!))];
    verifiersByModel.set(model, verifiers);
  }
  return verifiers;
}

export const roleConflict: Rule = {
  code: 'role-conflict',
  defaultSeverity: 'warning',
  example: 'owner: bob, verifiedBy: bob',
  summary: "A nonconformity whose `verifiedBy` is its `owner`, or a person holding both the `remediation-owner` and `verifier` roles.",
  help: 'ISO/IEC 27001 audits expect the verification of a corrective action to be independent of the person who carried it out: nobody checks their own work. Assign a different verifier, or give one of the two roles to someone else.',
  check(ctx) {
    for (const item of ctx.facts.items) {
      if (item.kind === 'nonconformity') {
        const owner = stringOf(item.map, 'owner');
        const verifier = scalarOf(item.map, 'verifiedBy');
        if (owner === undefined || owner.trim() === '' || verifier?.value !== owner) continue;
        const label = item.id ?? 'This nonconformity';
        const candidates = verifiersOf(ctx.model).filter((id) => id !== owner);
        const hint = candidates.length > 0 ? ` (people with the verifier role: ${placeList(candidates, candidates.length, (id) => id, '')})` : '';
        ctx.report(
          verifier,
          `${label} is verified by ${owner}, who also owns its remediation; auditors expect the verification to be independent of the person who did the work. Assign another verifier${hint}.`,
          { data: { id: item.id, person: owner, suggestions: candidates.slice(0, PLACES_RELATED) } },
        );
      } else if (item.kind === 'person') {
        const roles = scalarsOf(item.map, 'roles').map((r) => r.value);
        if (!roles.includes(REMEDIATION_OWNER) || !roles.includes(VERIFIER)) continue;
        const who = item.id ?? 'This person';
        ctx.report(
          trimmedRangeOf(valueOf(item.map, 'roles'), ctx.file.text),
          `${who} holds both ${REMEDIATION_OWNER} and ${VERIFIER}, so they could verify corrective actions they carried out themselves, which auditors treat as a conflict of interest. Give one of the two roles to someone else.`,
          { data: { id: item.id, roles: [REMEDIATION_OWNER, VERIFIER] } },
        );
      }
    }
  },
};
