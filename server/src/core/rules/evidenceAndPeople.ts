/**
 * Evidence links, people and roles, content quality (spec §3; issue 3), in the order of
 * the spec's rule table.
 */
import { evidenceAbsolutePath } from './evidenceAbsolutePath';
import { evidenceInsecureLink } from './evidenceInsecureLink';
import { evidenceInvalidLink } from './evidenceInvalidLink';
import { evidenceMissingFile } from './evidenceMissingFile';
import { evidenceOutsideWorkspace } from './evidenceOutsideWorkspace';
import { evidencePredatesFinding } from './evidencePredatesFinding';
import { evidenceStale } from './evidenceStale';
import { implementedWithoutEvidence } from './implementedWithoutEvidence';
import { placeholderText } from './placeholderText';
import { roleConflict } from './roleConflict';
import type { Rule } from './rule';

export const EVIDENCE_AND_PEOPLE_RULES: readonly Rule[] = [
  implementedWithoutEvidence,
  evidenceMissingFile,
  evidenceOutsideWorkspace,
  evidenceAbsolutePath,
  evidenceInsecureLink,
  evidenceInvalidLink,
  evidenceStale,
  roleConflict,
  evidencePredatesFinding,
  placeholderText,
];
