/**
 * What other files can see of a file: its data without the free text that only its own
 * rules read, plus the positions of definitions that other files' findings point at
 * (duplicated ids and sections). When an edit leaves this unchanged — typing in a
 * justification, say — only the edited file needs checking again.
 */
import type { IsmsFile } from '../parse/ismsFile';
import type { WorkspaceModel } from './workspaceModel';

/**
 * Fields inside a section (never section names themselves) that no rule reads from
 * another file: free text, and citations, which only the citing file's rules judge.
 * Anything not listed is assumed to matter.
 */
const PRIVATE_FIELDS: ReadonlySet<string> = new Set([
  'justification', 'description', 'actionPlan', 'statement', 'title', 'name', 'email', 'rootCause',
  'link', 'item', 'budget', 'number', 'accreditationNumber', 'locations', 'systems', 'dataCategories', 'reasons',
  'owner', 'verifiedBy', 'approvedBy', 'evidence', 'correctionEvidence', 'remediationEvidence', 'report',
]);

export function crossFileSignature(file: IsmsFile, model: WorkspaceModel): string {
  const parts: unknown[] = [file.value === undefined ? '<unparsed>' : strip(file.value, 0)];
  // The model may predate this version of the file: compare by URI, not by object.
  const facts = model.facts(file);
  // Per list of same-id items, asked once: a file may hold thousands of copies of one id.
  const sharedWithOthers = new Map<readonly unknown[], boolean>();
  for (const item of facts.items) {
    if (item.id === undefined || !item.idNode?.range) continue;
    const all = model.itemsWithId(item.kind, item.id);
    let shared = sharedWithOthers.get(all);
    if (shared === undefined) sharedWithOthers.set(all, (shared = all.some((other) => other.file.uri !== file.uri)));
    if (shared) parts.push([item.kind, item.id, item.idNode.range[0]]);
  }
  for (const section of facts.sections) {
    if (model.sections(section.name).some((other) => other.file.uri !== file.uri)) parts.push([section.name, section.key.range?.[0]]);
  }
  return JSON.stringify(parts);
}

function strip(value: unknown, depth: number): unknown {
  if (Array.isArray(value)) return value.map((v) => strip(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      // Depth 0 holds the section names (`evidence:` is the register, not a citation).
      if (depth === 0 || !PRIVATE_FIELDS.has(key)) out[key] = strip(v, depth + 1);
    }
    return out;
  }
  return value;
}
