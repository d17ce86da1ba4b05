import { CONTROLS, getControl } from '../catalog';
import { keyOf } from '../parse/yamlAccess';
import type { Rule } from './rule';

/** How many missing ids a message names before it summarises. */
const NAMED_IN_MESSAGE = 12;

export const soaIncomplete: Rule = {
  code: 'soa-incomplete',
  defaultSeverity: 'warning',
  example: 'soa.controls lists 87 of 93',
  summary: 'The SoA does not address all 93 Annex A controls; names the missing ones.',
  help: 'Clause 6.1.3 d) requires the Statement of Applicability to cover every Annex A control: included with a reason, or excluded with a justification. Add an entry for each missing control (the quick fix adds stubs).',
  check(ctx) {
    const soa = ctx.model.singleton('soa');
    if (!soa || soa.file !== ctx.file) return;
    const addressed = new Set(ctx.model.soaEntries.map((e) => e.id).filter((id): id is string => id !== undefined && getControl(id) !== undefined));
    const missing = CONTROLS.filter((c) => !addressed.has(c.id)).map((c) => c.id);
    if (missing.length === 0) return;
    const named = missing.slice(0, NAMED_IN_MESSAGE).join(', ') + (missing.length > NAMED_IN_MESSAGE ? ` and ${missing.length - NAMED_IN_MESSAGE} more` : '');
    const anchor = keyOf(soa.value, 'controls') ?? soa.key;
    ctx.report(anchor, `The SoA addresses ${addressed.size} of the 93 Annex A controls; ${missing.length} ${missing.length === 1 ? 'is' : 'are'} missing: ${named}. Every control must be included or excluded with a justification (clause 6.1.3 d).`, {
      data: { missing },
    });
  },
};
