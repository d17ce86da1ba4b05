/** The Annex A catalogue, the 2013 → 2022 mapping and the clauses of ISO/IEC 27001:2022. */
export {
  type Theme,
  type ControlAttributes,
  type AttributeName,
  type Control,
  type ThemeInfo,
  CONTROLS,
  CONTROL_IDS,
  THEMES,
  ATTRIBUTE_NAMES,
  ATTRIBUTE_VALUES,
  getControl,
  isControlId,
  controlsOfTheme,
  getTheme,
  formatAttribute,
  attributeTag,
  controlLabel,
  normalizeControlIdCandidate,
  closestControlIds,
  searchControls,
} from './annexA';
export { GUIDANCE } from './guidance';
export {
  type LegacyControl,
  LEGACY_CONTROLS,
  getLegacyControl,
  isLegacyControlId,
  legacyReplacement,
  legacyPredecessors,
} from './legacy';
export {
  type Clause,
  CLAUSES,
  CITABLE_CLAUSES,
  getClause,
  isClauseId,
  topLevelClause,
  clauseLabel,
  closestClauseIds,
} from './clauses';
export { editDistance } from './distance';
