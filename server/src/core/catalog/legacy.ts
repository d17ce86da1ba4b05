/**
 * The 114 controls of ISO/IEC 27001:2013 Annex A, with their 2013 titles and the
 * ISO/IEC 27001:2022 control(s) each corresponds to (ISO/IEC 27002:2022 Annex B).
 * Facts from the checked data file `./data/annex-a-2013-to-2022.json`. Pure module.
 */
import data from './data/annex-a-2013-to-2022.json';

export interface LegacyControl {
  /** `A.9.2.1` */
  id2013: string;
  /** The ISO/IEC 27001:2013 title. */
  title2013: string;
  /** The 2022 control(s) it became; two only for A.18.2.3 (A.5.36, A.8.8). */
  ids2022: readonly string[];
}

/** All 114 controls of 2013, in the data file's (Annex A 2013) order. */
export const LEGACY_CONTROLS: readonly LegacyControl[] = Object.freeze(
  (data as { id2013: string; title2013: string; ids2022: string[] }[]).map((c) =>
    Object.freeze({
      id2013: c.id2013,
      title2013: c.title2013,
      ids2022: Object.freeze([...c.ids2022]) as readonly string[],
    }),
  ),
);

const BY_ID: ReadonlyMap<string, LegacyControl> = new Map(LEGACY_CONTROLS.map((c) => [c.id2013, c]));

/** The 2013 control with exactly this id (`A.9.2.1`; case-sensitive), or undefined. */
export function getLegacyControl(id: string): LegacyControl | undefined {
  return BY_ID.get(id);
}

/** True when `id` has the 2013 shape `A.x.y.z` and is one of the 114 controls of 2013. */
export function isLegacyControlId(id: string): boolean {
  return /^A\.\d+\.\d+\.\d+$/.test(id) && BY_ID.has(id);
}

/** The 2022 successor when the 2013 control maps to exactly one (quick-fix replacement), else undefined. */
export function legacyReplacement(id: string): string | undefined {
  const legacy = BY_ID.get(id);
  return legacy && legacy.ids2022.length === 1 ? legacy.ids2022[0] : undefined;
}

/** The 2013 controls that correspond to a 2022 control id, in 2013 order (the reverse mapping). */
export function legacyPredecessors(id2022: string): LegacyControl[] {
  return LEGACY_CONTROLS.filter((c) => c.ids2022.includes(id2022));
}
