/**
 * Evidence links, people and roles, content quality (spec §3; issue 3).
 */
import type { Rule } from './rule';

export const EVIDENCE_AND_PEOPLE_RULES: readonly Rule[] = [];
