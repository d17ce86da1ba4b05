/**
 * Optimal string alignment distance (Levenshtein plus adjacent transposition):
 * the number of single-character insertions, deletions, substitutions and swaps of two
 * neighbours that turn `a` into `b`. `A.5.51` → `A.5.15` is 1.
 */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  // Three rolling rows: i-2, i-1, i.
  let prev2: number[] = new Array<number>(m + 1).fill(0);
  let prev: number[] = Array.from({ length: m + 1 }, (_, j) => j);
  let cur: number[] = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

/** The numeric segments of a dotted id (`A.5.10` → [5, 10]); non-numeric segments are skipped. */
export function numericSegments(id: string): number[] {
  const out: number[] = [];
  for (const m of id.matchAll(/\d+/g)) out.push(Number(m[0]));
  return out;
}
