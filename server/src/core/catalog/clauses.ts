/**
 * The management-system clauses of ISO/IEC 27001:2022 (clauses 4 to 10): ids and
 * headings only. Pure module.
 *
 * A nonconformity's `clause:` may cite any clause from 4.1 to 10.2, or one of their
 * sub-clauses (6.1.3, 9.2.2 …). The top-level headings "4" … "10" are listed (for
 * display and hierarchy) but are not valid citations.
 */
import { editDistance, numericSegments } from './distance';

export interface Clause {
  /** `6.1.3` */
  id: string;
  /** `Information security risk treatment` */
  title: string;
  /** The enclosing clause (`6.1` for `6.1.3`, `6` for `6.1`); absent for the top-level headings 4 … 10. */
  parent?: string;
}

const TABLE: readonly [string, string][] = [
  ['4', 'Context of the organization'],
  ['4.1', 'Understanding the organization and its context'],
  ['4.2', 'Understanding the needs and expectations of interested parties'],
  ['4.3', 'Determining the scope of the information security management system'],
  ['4.4', 'Information security management system'],
  ['5', 'Leadership'],
  ['5.1', 'Leadership and commitment'],
  ['5.2', 'Policy'],
  ['5.3', 'Organizational roles, responsibilities and authorities'],
  ['6', 'Planning'],
  ['6.1', 'Actions to address risks and opportunities'],
  ['6.1.1', 'General'],
  ['6.1.2', 'Information security risk assessment'],
  ['6.1.3', 'Information security risk treatment'],
  ['6.2', 'Information security objectives and planning to achieve them'],
  ['6.3', 'Planning of changes'],
  ['7', 'Support'],
  ['7.1', 'Resources'],
  ['7.2', 'Competence'],
  ['7.3', 'Awareness'],
  ['7.4', 'Communication'],
  ['7.5', 'Documented information'],
  ['7.5.1', 'General'],
  ['7.5.2', 'Creating and updating'],
  ['7.5.3', 'Control of documented information'],
  ['8', 'Operation'],
  ['8.1', 'Operational planning and control'],
  ['8.2', 'Information security risk assessment'],
  ['8.3', 'Information security risk treatment'],
  ['9', 'Performance evaluation'],
  ['9.1', 'Monitoring, measurement, analysis and evaluation'],
  ['9.2', 'Internal audit'],
  ['9.2.1', 'General'],
  ['9.2.2', 'Internal audit programme'],
  ['9.3', 'Management review'],
  ['9.3.1', 'General'],
  ['9.3.2', 'Management review inputs'],
  ['9.3.3', 'Management review results'],
  ['10', 'Improvement'],
  ['10.1', 'Continual improvement'],
  ['10.2', 'Nonconformity and corrective action'],
];

/** Every clause and sub-clause of 4 … 10, top-level headings included, in document order. */
export const CLAUSES: readonly Clause[] = Object.freeze(
  TABLE.map(([id, title]): Clause => {
    const dot = id.lastIndexOf('.');
    return Object.freeze(dot < 0 ? { id, title } : { id, title, parent: id.slice(0, dot) });
  }),
);

const BY_ID: ReadonlyMap<string, Clause> = new Map(CLAUSES.map((c) => [c.id, c]));

/** The clause with exactly this id (`"9.2"`, `"6.1.3"`, or a top-level `"6"`), or undefined. */
export function getClause(id: string): Clause | undefined {
  return BY_ID.get(id);
}

/**
 * True when `id` is a clause a nonconformity may cite: 4.1 … 10.2 or one of their
 * sub-clauses. The top-level headings "4" … "10" are not.
 */
export function isClauseId(id: string): boolean {
  const clause = BY_ID.get(id);
  return clause !== undefined && clause.parent !== undefined;
}

/** The clauses a nonconformity may cite, in document order. */
export const CITABLE_CLAUSES: readonly Clause[] = Object.freeze(CLAUSES.filter((c) => c.parent !== undefined));

/** The top-level heading a clause belongs to (`6.1.3` → clause 6 "Planning"). */
export function topLevelClause(id: string): Clause | undefined {
  let clause = BY_ID.get(id);
  while (clause?.parent !== undefined) clause = BY_ID.get(clause.parent);
  return clause;
}

/** `6.1.3 Information security risk treatment`; for a sub-clause titled "General", `6.1.1 General (Actions to address risks and opportunities)`. */
export function clauseLabel(clause: Clause): string {
  const parent = clause.parent !== undefined ? BY_ID.get(clause.parent) : undefined;
  return clause.title === 'General' && parent ? `${clause.id} General (${parent.title})` : `${clause.id} ${clause.title}`;
}

/**
 * The citable clause ids closest to an unknown one, best first. The first dotted number
 * in the input is used (`clause 6.1.3 d)` → `6.1.3`, leading zeros dropped), so an
 * input that names a valid clause returns it first. Otherwise ranked by edit distance,
 * then numeric closeness, then document order; at most 2 edits away. `10.3` → `10.2`
 * first, `6.4` → `6.3` first, `4` → `4.1` … (the sub-clauses of a top-level heading).
 */
export function closestClauseIds(input: string, max = 3): string[] {
  if (max <= 0) return [];
  const match = /\d+(?:\.\d+)*/.exec(input);
  if (!match) return [];
  const normalized = match[0]
    .split('.')
    .map((s) => String(Number(s)))
    .join('.');
  if (isClauseId(normalized)) return [normalized, ...closestOthers(normalized, max - 1)].slice(0, max);
  return closestOthers(normalized, max);
}

function closestOthers(normalized: string, max: number): string[] {
  const wanted = numericSegments(normalized);
  return CITABLE_CLAUSES.map((c, index) => {
    const got = numericSegments(c.id);
    let closeness = 0;
    let weight = 1_000_000;
    for (let i = 0; i < 3; i++) {
      closeness += Math.abs((got[i] ?? 0) - (wanted[i] ?? 0)) * weight;
      weight /= 1000;
    }
    return { id: c.id, distance: editDistance(normalized, c.id), closeness, index };
  })
    .filter((s) => s.id !== normalized && s.distance <= 2)
    .sort((a, b) => a.distance - b.distance || a.closeness - b.closeness || a.index - b.index)
    .slice(0, Math.max(0, max))
    .map((s) => s.id);
}
