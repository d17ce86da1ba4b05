/** "Did you mean …?" for ids: edit distance, best first, only plausible candidates. */

/**
 * Levenshtein distance where a difference in case alone costs half; above `limit` it
 * stops early and answers some value above `limit` (a suggestion needs only "close enough").
 * Computed in half-units on reused integer rows: it runs for every unknown id and every
 * missing evidence file against all candidates, and allocating per call dominated.
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
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= m; j++) previous[j] = 2 * j;
  const limitInHalfUnits = 2 * limit;
  for (let i = 1; i <= a.length; i++) {
    const unitA = a.charCodeAt(i - 1);
    const lowerA = lowerUnit(unitA);
    current[0] = 2 * i;
    let rowMin = 2 * i;
    for (let j = 1; j <= m; j++) {
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

/** Candidates within a distance that grows with the word's length, closest first. */
export function closestMatches(input: string, candidates: Iterable<string>, max = 3): string[] {
  // Short ids tolerate one typo, longer ones one per three characters ('zoe' is not 'bob').
  const limit = Math.max(1, Math.floor(input.length / 3));
  const scored: [string, number][] = [];
  for (const candidate of candidates) {
    if (bagDistance(input, candidate) > limit) continue;
    const d = editDistance(input, candidate, limit);
    if (d <= limit) scored.push([candidate, d]);
  }
  scored.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  return scored.slice(0, max).map(([c]) => c);
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
