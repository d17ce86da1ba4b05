/**
 * What one file contributes to the ISMS: the sections it defines, the identified items
 * of its list sections, its SoA entries and every place it cites an id. Extracted once
 * per file version; the workspace model is the merge of these facts.
 */
import { isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { IsmsFile } from '../parse/ismsFile';
import { mapsOf, scalarText, stringOf, valueOf } from '../parse/yamlAccess';

/** Kinds of things that carry an `id` and can be cited. */
export type IdKind = 'person' | 'evidence' | 'audit' | 'risk' | 'nonconformity';
/** Everything a value can refer to. */
export type RefKind = IdKind | 'control' | 'clause';

export const LIST_SECTIONS: Readonly<Record<string, IdKind>> = {
  people: 'person',
  risks: 'risk',
  evidence: 'evidence',
  audits: 'audit',
  nonconformities: 'nonconformity',
};

export const SECTION_OF_KIND: Readonly<Record<IdKind, string>> = {
  person: 'people',
  risk: 'risks',
  evidence: 'evidence',
  audit: 'audits',
  nonconformity: 'nonconformities',
};

export const SINGLETON_SECTIONS = ['organization', 'scope', 'soa', 'certificationBody', 'certificate'] as const;
export type SingletonSection = (typeof SINGLETON_SECTIONS)[number];

/** A top-level section key in a file. */
export interface SectionDef {
  name: string;
  file: IsmsFile;
  key: Scalar;
  value: Node | null;
}

/** One entry of a list section (a person, a risk, an evidence item, …). */
export interface Item {
  kind: IdKind;
  file: IsmsFile;
  map: YAMLMap;
  /** The `id` value when it is a string. */
  id: string | undefined;
  idNode: Scalar | undefined;
}

/** One entry of `soa.controls`. */
export interface SoaEntry {
  file: IsmsFile;
  map: YAMLMap;
  /** The control id as written (`A.5.1`, or `5.1` when YAML read a number). */
  id: string | undefined;
  idNode: Scalar | undefined;
}

/** A value that refers to something defined elsewhere. */
export interface Citation {
  kind: RefKind;
  /** The id as written. */
  value: string;
  node: Scalar;
  file: IsmsFile;
  /** The field that cites it, e.g. `owner`, `evidence`, `controls`. */
  field: string;
  /** The map that holds the field (the SoA entry, the risk, the nonconformity …). */
  holder: YAMLMap;
  /** The section the citation is in. */
  section: string;
}

export interface FileFacts {
  sections: SectionDef[];
  items: Item[];
  soaEntries: SoaEntry[];
  citations: Citation[];
}

/** Audit types run by the organisation itself, whose `auditor` may be a person id. */
export const INTERNAL_AUDIT_TYPES: ReadonlySet<string> = new Set(['internal-audit', 'management-review', 'pre-assessment']);
/** A single lowercase word or kebab-case: what a person id looks like. */
export const PERSON_ID_LIKE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

interface CitationField {
  section: string;
  /** Path below the section value; `*` iterates a list. The last segment names the field. */
  path: readonly string[];
  kind: RefKind;
  /** Extra condition on the map holding the field. */
  when?: (holder: YAMLMap, value: Scalar) => boolean;
}

/**
 * Every field that cites an id, in one table: the citation index, the `unknown-*` rules,
 * navigation, rename and completion all read it, so they cannot disagree.
 */
export const CITATION_FIELDS: readonly CitationField[] = [
  { section: 'organization', path: ['approval', 'approvedBy'], kind: 'person' },
  { section: 'organization', path: ['approval', 'evidence'], kind: 'evidence' },
  { section: 'soa', path: ['approvedBy'], kind: 'person' },
  { section: 'soa', path: ['controls', '*', 'id'], kind: 'control' },
  { section: 'soa', path: ['controls', '*', 'owner'], kind: 'person' },
  { section: 'soa', path: ['controls', '*', 'evidence'], kind: 'evidence' },
  { section: 'soa', path: ['controls', '*', 'risks'], kind: 'risk' },
  { section: 'risks', path: ['*', 'controls'], kind: 'control' },
  { section: 'risks', path: ['*', 'owner'], kind: 'person' },
  { section: 'evidence', path: ['*', 'owner'], kind: 'person' },
  { section: 'audits', path: ['*', 'report'], kind: 'evidence' },
  {
    section: 'audits', path: ['*', 'auditor'], kind: 'person',
    when: (holder, value) => INTERNAL_AUDIT_TYPES.has(stringOf(holder, 'type') ?? '') && typeof value.value === 'string' && PERSON_ID_LIKE.test(value.value),
  },
  { section: 'nonconformities', path: ['*', 'audit'], kind: 'audit' },
  { section: 'nonconformities', path: ['*', 'control'], kind: 'control' },
  { section: 'nonconformities', path: ['*', 'clause'], kind: 'clause' },
  { section: 'nonconformities', path: ['*', 'owner'], kind: 'person' },
  { section: 'nonconformities', path: ['*', 'verifiedBy'], kind: 'person' },
  { section: 'nonconformities', path: ['*', 'correctionEvidence'], kind: 'evidence' },
  { section: 'nonconformities', path: ['*', 'remediationEvidence'], kind: 'evidence' },
];

export function extractFacts(file: IsmsFile): FileFacts {
  const facts: FileFacts = { sections: [], items: [], soaEntries: [], citations: [] };
  const root = file.root;
  if (!root) return facts;
  for (const pair of root.items) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string') continue;
    const name = pair.key.value;
    const value = (pair.value ?? null) as Node | null;
    facts.sections.push({ name, file, key: pair.key, value });
    const kind = LIST_SECTIONS[name];
    if (kind) {
      for (const map of mapsOf(value)) {
        const idNode = valueOf(map, 'id');
        const idScalar = isScalar(idNode) ? idNode : undefined;
        facts.items.push({ kind, file, map, idNode: idScalar, id: typeof idScalar?.value === 'string' ? idScalar.value : undefined });
      }
    }
    if (name === 'soa' && isMap(value)) {
      for (const map of mapsOf(valueOf(value, 'controls'))) {
        const idNode = valueOf(map, 'id');
        const idScalar = isScalar(idNode) && idNode.value !== null ? idNode : undefined;
        facts.soaEntries.push({ file, map, idNode: idScalar, id: idScalar ? scalarText(idScalar) : undefined });
      }
    }
  }
  for (const field of CITATION_FIELDS) {
    for (const section of facts.sections) {
      if (section.name === field.section) collect(file, field, section.value, 0, facts.citations);
    }
  }
  facts.citations.sort((a, b) => a.node.range![0] - b.node.range![0]);
  return facts;
}

function collect(file: IsmsFile, field: CitationField, node: unknown, depth: number, out: Citation[]): void {
  const segment = field.path[depth];
  if (segment === undefined) return;
  if (segment === '*') {
    if (isSeq(node)) for (const item of node.items) collect(file, field, item, depth + 1, out);
    return;
  }
  if (!isMap(node)) return;
  const value = valueOf(node, segment);
  if (depth < field.path.length - 1) {
    collect(file, field, value, depth + 1, out);
    return;
  }
  const scalars = isScalar(value) ? [value] : isSeq(value) ? value.items.filter(isScalar) : [];
  for (const scalar of scalars) {
    if (scalar.value === null || scalar.value === '' || typeof scalar.value === 'boolean' || !scalar.range) continue;
    if (field.when && !field.when(node, scalar)) continue;
    out.push({ kind: field.kind, value: scalarText(scalar), node: scalar, file, field: segment, holder: node, section: field.section });
  }
}
