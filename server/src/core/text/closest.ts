/** "Did you mean …?" for ids: edit distance, best first, only plausible candidates. */

/**
 * Levenshtein distance where a difference in case alone costs half; above `limit` it
 * stops early and answers some value above `limit` (a suggestion needs only "close enough").
 * Computed in half-units on reused integer rows, and with a finite limit only within the
 * band of cells whose offset the limit allows (each unit of offset costs an insertion or a
 * deletion): it runs for every unknown id and every missing evidence file against all
 * candidates, and a folder of similarly named files makes every candidate a close one.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  // Every character one string has more than the other costs at least 1.
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const m = b.length;
  if (rowA.length < m + 1) {
    rowA = new Int32Array(2 * m + 2);
    rowB = new Int32Array(2 * m + 2);
    lowerB = new Int32Array(2 * m + 2);
  }
  for (let j = 0; j < m; j++) lowerB[j] = lowerUnit(b.charCodeAt(j));
  const band = Math.floor(limit);
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= m; j++) previous[j] = j <= band ? 2 * j : OUT_OF_BAND;
  const limitInHalfUnits = 2 * limit;
  for (let i = 1; i <= a.length; i++) {
    const unitA = a.charCodeAt(i - 1);
    const lowerA = lowerUnit(unitA);
    const from = Math.max(1, i - band);
    const to = Math.min(m, i + band);
    current[0] = i <= band ? 2 * i : OUT_OF_BAND;
    // The cells just outside the band read as unreachable by this row and the next.
    if (from > 1) current[from - 1] = OUT_OF_BAND;
    if (to < m) current[to + 1] = OUT_OF_BAND;
    let rowMin = from === 1 ? current[0]! : OUT_OF_BAND;
    for (let j = from; j <= to; j++) {
      const cost = unitA === b.charCodeAt(j - 1) ? 0 : lowerA === lowerB[j - 1] ? 1 : 2;
      let value = previous[j]! + 2;
      const insert = current[j - 1]! + 2;
      if (insert < value) value = insert;
      const replace = previous[j - 1]! + cost;
      if (replace < value) value = replace;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limitInHalfUnits) return limit + 1;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[m]! / 2;
}

/** A cell the band leaves out: far above any limit, and safe to add to. */
const OUT_OF_BAND = 1 << 29;

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let lowerB = new Int32Array(64);

/**
 * One UTF-16 code unit in lower case, as a number: ASCII folded directly; another unit by
 * its own toLowerCase, and when that gives more than one unit (U+0130 gives two), the
 * negated unit, which equals only itself.
 */
function lowerUnit(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code | 0x20 : code;
  const lower = String.fromCharCode(code).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : -code;
}

const buckets = new Int32Array(128);

/**
 * ASCII letters folded to lower case; every non-ASCII unit shares one bucket, and so does
 * `k`, the lower case of the Kelvin sign U+212A (the only non-ASCII unit that lowers to ASCII).
 */
function bucketOf(code: number): number {
  const folded = code >= 65 && code <= 90 ? code | 0x20 : code;
  return folded < 128 && folded !== 107 ? folded : 127;
}

/**
 * A lower bound of editDistance, in linear time: how many characters one string has that
 * the other lacks (ignoring order and case). Merging characters into buckets can only
 * lower it, so a candidate above the limit here is above it in editDistance too.
 */
function bagDistance(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) buckets[bucketOf(a.charCodeAt(i))]++;
  for (let j = 0; j < b.length; j++) buckets[bucketOf(b.charCodeAt(j))]--;
  let surplus = 0;
  let deficit = 0;
  const tally = (code: number) => {
    const bucket = bucketOf(code);
    const count = buckets[bucket]!;
    if (count > 0) surplus += count;
    else deficit -= count;
    buckets[bucket] = 0;
  };
  for (let i = 0; i < a.length; i++) tally(a.charCodeAt(i));
  for (let j = 0; j < b.length; j++) tally(b.charCodeAt(j));
  return Math.max(surplus, deficit);
}

/**
 * Candidates within a distance that grows with the word's length, closest first. `cap`
 * bounds that distance, for candidate lists so long that a generous limit would compare
 * the input in full with thousands of near-equal names.
 */
export function closestMatches(input: string, candidates: Iterable<string>, max = 3, cap = Infinity): string[] {
  // Short ids tolerate one typo, longer ones one per three characters ('zoe' is not 'bob').
  let limit = Math.min(cap, Math.max(1, Math.floor(input.length / 3)));
  // The best `max` so far, closest first (ties by name); once full, a candidate must be at
  // most as far as the last of them, which lets the distance stop sooner.
  const best: [string, number][] = [];
  for (const candidate of candidates) {
    // Cheapest first: a length difference is a lower bound of the bag distance.
    if (Math.abs(input.length - candidate.length) > limit || bagDistance(input, candidate) > limit) continue;
    const d = editDistance(input, candidate, limit);
    if (d > limit) continue;
    let at = best.length;
    while (at > 0 && (best[at - 1]![1] > d || (best[at - 1]![1] === d && best[at - 1]![0] > candidate))) at--;
    if (at >= max) continue;
    best.splice(at, 0, [candidate, d]);
    if (best.length > max) best.pop();
    if (best.length === max) limit = best[max - 1]![1];
  }
  return best.map(([c]) => c);
}

/** `a`, `a or b`, `a, b or c` — for messages. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return items.slice(0, -1).join(', ') + ' or ' + items[items.length - 1];
}

/** Where something is, for messages: `people.isms.yaml line 12`. */
export function placeName(fileName: string, line: number): string {
  return `${fileName} line ${line + 1}`;
}

/**
 * How many other places a message names, and how many it links as related locations: a
 * file of ten thousand copies of one id must not get ten thousand messages each naming
 * ten thousand places (it took 4 GB and crashed the checker).
 */
export const PLACES_NAMED = 5;
export const PLACES_RELATED = 20;

/**
 * The first PLACES_NAMED of `items` by `name`, and past them, of `total` in all, `… and
 * 9,994 more places` (`noun` in the singular; none for `and 25 more`). Only the named
 * items are described: describing a place may cost a line lookup.
 */
export function placeList<T>(items: readonly T[], total: number, name: (item: T) => string, noun = 'place'): string {
  const shown = items.slice(0, PLACES_NAMED).map(name);
  const more = total - shown.length;
  if (more <= 0) return shown.join(', ');
  return `${shown.join(', ')} and ${thousands(more)} more${noun ? ` ${noun}${more === 1 ? '' : 's'}` : ''}`;
}

/**
 * `9994` → `9,994`. Not `toLocaleString('en')`: its first call starts ICU's number
 * formatting, 8 MB of memory and 16 ms for one comma.
 */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
