/**
 * The nonconformity rules that ask for a property once the finding reaches a state
 * (`corrected`, `closed`). Spec §9: a property required by a state is reported on the
 * `status` value, since the state is what makes the property necessary.
 */
import { isBlank, stringOf } from '../parse/yamlAccess';
import { ncLabel, scalarValueOf } from './lifecycleFacts';
import type { Rule } from './rule';

export interface NcRequirementSpec {
  code: string;
  example: string;
  summary: string;
  help: string;
  /** The property the state requires. */
  property: string;
  /** The statuses that require it. */
  statuses: readonly string[];
  /** Only for these severities (all when absent). */
  severities?: readonly string[];
  /** The message, given the label (`Major nonconformity NC-004`) and the status. */
  describe: (label: string, status: string) => string;
}

export function ncRequirementRule(spec: NcRequirementSpec): Rule {
  return {
    code: spec.code,
    defaultSeverity: 'error',
    example: spec.example,
    summary: spec.summary,
    help: spec.help,
    check(ctx) {
      for (const nc of ctx.facts.items) {
        if (nc.kind !== 'nonconformity') continue;
        const status = stringOf(nc.map, 'status');
        if (status === undefined || !spec.statuses.includes(status)) continue;
        if (spec.severities && !spec.severities.includes(stringOf(nc.map, 'severity') ?? '')) continue;
        if (!isBlank(nc.map, spec.property)) continue;
        ctx.report(scalarValueOf(nc.map, 'status'), spec.describe(ncLabel(nc.map, nc.id), status), {
          data: { id: nc.id, status, property: spec.property },
        });
      }
    },
  };
}
