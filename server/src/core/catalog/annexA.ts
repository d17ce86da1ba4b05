/**
 * The 93 controls of ISO/IEC 27001:2022 Annex A: ids, titles, themes, the five
 * ISO/IEC 27002:2022 attributes, the 2013 predecessors, and our own guidance.
 * Facts come from the checked data file (`./data/annex-a-2022.json`); no text of the
 * standards is included. Pure module: no I/O.
 */
import data from './data/annex-a-2022.json';
import { editDistance, numericSegments } from './distance';
import { GUIDANCE } from './guidance';
import { getLegacyControl } from './legacy';

export type Theme = 'Organizational' | 'People' | 'Physical' | 'Technological';

/** ISO/IEC 27002:2022 attribute values, written without the leading `#` (e.g. `Asset_management`). */
export interface ControlAttributes {
  controlType: string[];
  informationSecurityProperties: string[];
  cybersecurityConcepts: string[];
  operationalCapabilities: string[];
  securityDomains: string[];
}

export type AttributeName = keyof ControlAttributes;

export interface Control {
  /** `A.5.1` */
  id: string;
  /** `5.1` */
  number: string;
  /** ISO/IEC 27001:2022 Annex A short title. */
  title: string;
  /** ISO/IEC 27002:2022 title (differs from `title` only for A.8.1 and A.8.25). */
  title27002: string;
  theme: Theme;
  /** One of the 11 controls new in 2022. */
  isNew: boolean;
  /** The ISO/IEC 27001:2013 Annex A controls this one replaced (empty when new). */
  ids2013: readonly string[];
  attributes: ControlAttributes;
  /** Practical guidance in our own words (never the standard's text). */
  guidance: string;
  /** 0..92, position in Annex A order. */
  index: number;
  /** Non-official spellings seen in secondary sources; usable as search aliases only. */
  titleVariants: readonly string[];
}

export interface ThemeInfo {
  theme: Theme;
  /** `Organizational controls` */
  heading: string;
  /** Annex A clause number, `5` … `8`. */
  clause: string;
  /** `A.5.` */
  idPrefix: string;
  count: number;
}

const THEME_NAMES: readonly Theme[] = ['Organizational', 'People', 'Physical', 'Technological'];

function asTheme(value: string): Theme {
  if ((THEME_NAMES as readonly string[]).includes(value)) return value as Theme;
  throw new Error(`annex-a-2022.json: unknown theme ${JSON.stringify(value)}`);
}

function frozenList(values: readonly string[] | undefined): string[] {
  return Object.freeze([...(values ?? [])]) as string[];
}

interface RawControl {
  id: string;
  number: string;
  title: string;
  title27002: string;
  theme: string;
  isNew: boolean;
  ids2013: string[];
  attributes: ControlAttributes;
  titleVariants?: string[];
}

export const THEMES: readonly ThemeInfo[] = Object.freeze(
  data.themes.map((t) =>
    Object.freeze({
      theme: asTheme(t.theme),
      heading: t.heading,
      clause: t.clause,
      idPrefix: t.idPrefix,
      count: t.count,
    }),
  ),
);

/** The names of the five attribute columns, in ISO/IEC 27002:2022 order, with display labels. */
export const ATTRIBUTE_NAMES: readonly { key: AttributeName; label: string }[] = Object.freeze([
  { key: 'controlType', label: 'Control type' },
  { key: 'informationSecurityProperties', label: 'Information security properties' },
  { key: 'cybersecurityConcepts', label: 'Cybersecurity concepts' },
  { key: 'operationalCapabilities', label: 'Operational capabilities' },
  { key: 'securityDomains', label: 'Security domains' },
] as const);

/** Every allowed value of each attribute, in the canonical order (without `#`). */
export const ATTRIBUTE_VALUES: Readonly<Record<AttributeName, readonly string[]>> = Object.freeze({
  controlType: frozenList(data.attributeValues.controlType),
  informationSecurityProperties: frozenList(data.attributeValues.informationSecurityProperties),
  cybersecurityConcepts: frozenList(data.attributeValues.cybersecurityConcepts),
  operationalCapabilities: frozenList(data.attributeValues.operationalCapabilities),
  securityDomains: frozenList(data.attributeValues.securityDomains),
});

export const CONTROLS: readonly Control[] = Object.freeze(
  (data.controls as RawControl[]).map((c, index): Control => {
    const guidance = GUIDANCE[c.id];
    if (guidance === undefined) throw new Error(`guidance.ts: no guidance for ${c.id}`);
    return Object.freeze({
      id: c.id,
      number: c.number,
      title: c.title,
      title27002: c.title27002,
      theme: asTheme(c.theme),
      isNew: c.isNew,
      ids2013: frozenList(c.ids2013),
      attributes: Object.freeze({
        controlType: frozenList(c.attributes.controlType),
        informationSecurityProperties: frozenList(c.attributes.informationSecurityProperties),
        cybersecurityConcepts: frozenList(c.attributes.cybersecurityConcepts),
        operationalCapabilities: frozenList(c.attributes.operationalCapabilities),
        securityDomains: frozenList(c.attributes.securityDomains),
      }),
      guidance,
      index,
      titleVariants: frozenList(c.titleVariants),
    });
  }),
);

/** The ids of all 93 controls, in Annex A order. */
export const CONTROL_IDS: readonly string[] = Object.freeze(CONTROLS.map((c) => c.id));

const BY_ID: ReadonlyMap<string, Control> = new Map(CONTROLS.map((c) => [c.id, c]));

/** The control with exactly this id (`A.5.15`; case-sensitive), or undefined. */
export function getControl(id: string): Control | undefined {
  return BY_ID.get(id);
}

/** True when `id` is exactly one of the 93 control ids. */
export function isControlId(id: string): boolean {
  return BY_ID.has(id);
}

/** The controls of one theme, in Annex A order. */
export function controlsOfTheme(theme: Theme): Control[] {
  return CONTROLS.filter((c) => c.theme === theme);
}

/** The theme metadata for a theme name. */
export function getTheme(theme: Theme): ThemeInfo {
  const info = THEMES.find((t) => t.theme === theme);
  if (!info) throw new Error(`unknown theme ${theme}`);
  return info;
}

/** An attribute value for reading: `Asset_management` → `Asset management`. */
export function formatAttribute(value: string): string {
  return value.replace(/^#/, '').replace(/_/g, ' ');
}

/** An attribute value as ISO/IEC 27002 writes it, as a hashtag: `Asset_management` → `#Asset_management`. */
export function attributeTag(value: string): string {
  return value.startsWith('#') ? value : `#${value}`;
}

/** `A.5.15 Access control` */
export function controlLabel(control: Control): string {
  return `${control.id} ${control.title}`;
}

// ── "Did you mean" ────────────────────────────────────────────────────────

/**
 * Tidies a would-be control id before comparing it: `a5.01` → `A.5.1`, `5.1` → `A.5.1`,
 * `A-5-1` → `A.5.1`. Returns the input trimmed when it holds no digit.
 */
export function normalizeControlIdCandidate(input: string): string {
  const trimmed = input.trim();
  if (!/\d/.test(trimmed)) return trimmed;
  const body = trimmed.replace(/^[aA]/, '');
  const segments = body
    .split(/[^0-9]+/)
    .filter((s) => s !== '')
    .map((s) => String(Number(s)));
  return `A.${segments.join('.')}`;
}

/**
 * The control ids closest to an unknown id, best first, for "did you mean" messages
 * and quick fixes. The input is normalised first (case, missing dot, leading zeros, a
 * bare number), so `A5.1` and `A.05.1` suggest `A.5.1`; a 2013 id suggests the 2022
 * control(s) it became. Otherwise candidates are ranked by edit distance on the id
 * string, then by numeric closeness (same theme, nearest number), then Annex A order;
 * `A.5.38` → `A.5.37` first, `A.8.35` → `A.8.34` first. Candidates more than 3 edits
 * away are not suggested; an input without digits gets none.
 */
export function closestControlIds(input: string, max = 3): string[] {
  const key = `${max}\n${input}`;
  let found = closestControlIdsSeen.get(key);
  if (!found) {
    // The catalog never changes, so neither does an answer; the same wrong id is often
    // written many times. Bounded: what users type is not.
    if (closestControlIdsSeen.size >= 512) closestControlIdsSeen.clear();
    closestControlIdsSeen.set(key, (found = closestControlIdsNow(input, max)));
  }
  return [...found];
}

const closestControlIdsSeen = new Map<string, readonly string[]>();

function closestControlIdsNow(input: string, max: number): string[] {
  if (max <= 0) return [];
  const normalized = normalizeControlIdCandidate(input);
  if (!/\d/.test(normalized)) return [];
  const raw = input.trim();
  const wanted = numericSegments(normalized);

  const first: string[] = [];
  if (BY_ID.has(normalized)) first.push(normalized);
  const legacy = getLegacyControl(normalized);
  if (legacy) for (const id of legacy.ids2022) if (!first.includes(id)) first.push(id);

  const scored = CONTROLS.filter((c) => !first.includes(c.id))
    .map((c) => {
      const distance = Math.min(editDistance(normalized, c.id), editDistance(raw, c.id));
      const [t, n] = numericSegments(c.id);
      const [wt, wn] = wanted;
      const closeness =
        wt === undefined ? 0 : Math.abs((t ?? 0) - wt) * 1000 + (wn === undefined ? 0 : Math.abs((n ?? 0) - wn));
      return { id: c.id, distance, closeness, index: c.index };
    })
    .filter((s) => s.distance <= 3)
    .sort((a, b) => a.distance - b.distance || a.closeness - b.closeness || a.index - b.index);

  return [...first, ...scored.map((s) => s.id)].slice(0, max);
}

// ── Search ────────────────────────────────────────────────────────────────

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

const SEARCH_WORDS: readonly (readonly string[])[] = CONTROLS.map((c) => [
  ...new Set([c.title, c.title27002, ...c.titleVariants].flatMap(words)),
]);
const SEARCH_TEXT: readonly string[] = CONTROLS.map((c) =>
  [c.title, c.title27002, ...c.titleVariants].join(' \u0000 ').toLowerCase(),
);

/** Does the query look like an id or a number (`A.5`, `a5.1`, `8.2`, `A.`)? */
function idQuery(query: string): string | undefined {
  const q = query.trim();
  if (/^a\.?$/i.test(q)) return 'A.';
  if (!/^(a\.?\s*)?\d+(\.\d*)*$/i.test(q)) return undefined;
  const normalized = normalizeControlIdCandidate(q);
  return q.endsWith('.') ? `${normalized}.` : normalized;
}

/**
 * Controls matching a query, for completion, quick picks and workspace symbols.
 * An id or number (`A.5.1`, `a5.1`, `5.1`, `8.`) matches by id prefix: the exact
 * control first, then the others in Annex A order (`A.5.1`, `A.5.10` … `A.5.19`).
 * Words match titles (the 27001 title, the 27002 title and known variants),
 * case-insensitively: every query word must start a title word ("crypto" finds
 * `A.8.24 Use of cryptography`, "access" finds `A.5.15 Access control`). Word-prefix
 * hits come in Annex A order, followed by plain substring hits ("graphy").
 * An empty query returns all 93 controls.
 */
export function searchControls(query: string): Control[] {
  const q = query.trim();
  if (q === '') return [...CONTROLS];

  const out: Control[] = [];
  const seen = new Set<string>();
  const add = (c: Control): void => {
    if (!seen.has(c.id)) {
      seen.add(c.id);
      out.push(c);
    }
  };

  const idPrefix = idQuery(q);
  if (idPrefix !== undefined) {
    const exact = BY_ID.get(idPrefix);
    if (exact) add(exact);
    for (const c of CONTROLS) if (c.id.startsWith(idPrefix)) add(c);
    return out;
  }

  const terms = words(q);
  if (terms.length === 0) return out;
  CONTROLS.forEach((c, i) => {
    const ws = SEARCH_WORDS[i]!;
    if (terms.every((t) => ws.some((w) => w.startsWith(t)))) add(c);
  });
  const lower = q.toLowerCase();
  CONTROLS.forEach((c, i) => {
    const text = SEARCH_TEXT[i]!;
    if (text.includes(lower) || terms.every((t) => text.includes(t))) add(c);
  });
  return out;
}
