/**
 * Prints the README's rule table from the rule registry, so the documentation and the
 * code cannot drift (test/docs.test.ts checks the README against the registry).
 * Usage: npx tsx scripts/rules-table.ts
 */
import { ALL_RULES, UNUSED_SUPPRESSION_INFO } from '../server/src/core/rules/index';

const cell = (text: string) => text.replace(/\|/g, '\\|');
const rows = [...ALL_RULES, UNUSED_SUPPRESSION_INFO].map((rule) => `| \`${rule.code}\` | ${rule.defaultSeverity} | ${cell(rule.summary)} | \`${cell(rule.example)}\` |`);
console.log(['| code | default | what it reports | minimal example |', '|---|---|---|---|', ...rows].join('\n'));
