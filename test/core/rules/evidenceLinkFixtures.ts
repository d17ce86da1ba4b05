/**
 * Shared fixtures for the five evidence link rules: one evidence item whose `link` is
 * the only variable, and the codes among which a link gets at most one diagnostic.
 */
import { summarize, workspaceOf, type MemoryTree } from '../../helpers/memoryHost';

export const LINK_CODES = [
  'evidence-invalid-link',
  'evidence-outside-workspace',
  'evidence-absolute-path',
  'evidence-insecure-link',
  'evidence-missing-file',
] as const;

/** An evidence register whose single item EV-001 has `link: <link>` on line 4. */
export function evidenceWithLink(link: string): string {
  return ['evidence:', '  - id: EV-001', '    title: Access review record', `    link: ${link}`, '    collected: 2026-10-01', ''].join('\n');
}

/** The link diagnostics of `rel` (default `evidence.isms.yaml`) in a workspace of `tree`. */
export function linkFindings(tree: MemoryTree, rel = 'evidence.isms.yaml'): { code: string; line: number; text: string }[] {
  return summarize(workspaceOf(tree), rel, LINK_CODES);
}

/** The link diagnostics of a workspace holding only `evidence.isms.yaml` with that link, plus `extra` files. */
export function linkFindingsFor(link: string, extra: MemoryTree = {}): { code: string; line: number; text: string }[] {
  return linkFindings({ 'evidence.isms.yaml': evidenceWithLink(link), ...extra });
}
