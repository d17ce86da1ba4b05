/**
 * Nonconformity lifecycle and certification cycle (spec §3; issue 3).
 */
import type { Rule } from './rule';

export const LIFECYCLE_RULES: readonly Rule[] = [];
